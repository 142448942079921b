# The files the pages serve under /assets/, gathered into the build folder
# from the npm packages pinned in package-lock.json (scripts/install-deps runs
# `npm ci`) and from web/ (cinplan's own stylesheet and script):
#   assets/govuk-frontend.min.css, .js   GOV.UK Frontend
#   assets/moj-frontend.min.css, .js     MOJ Frontend
#   assets/fonts/, assets/images/        what their stylesheets ask for
#   assets/cinplan.css, cinplan.js       cinplan's own
# Without node_modules the build still succeeds (the command-line tools need
# no assets), and `cinplan serve` refuses to start, saying what to run.
set(CINPLAN_ASSETS_DIR ${CMAKE_BINARY_DIR}/assets)
set(_govuk ${CMAKE_SOURCE_DIR}/node_modules/govuk-frontend/dist/govuk)
set(_moj ${CMAKE_SOURCE_DIR}/node_modules/@ministryofjustice/frontend/moj)
if(EXISTS ${_govuk}/govuk-frontend.min.css AND EXISTS ${_moj}/moj-frontend.min.css)
  add_custom_command(
    OUTPUT ${CINPLAN_ASSETS_DIR}/.copied
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${CINPLAN_ASSETS_DIR}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CINPLAN_ASSETS_DIR}
    COMMAND ${CMAKE_COMMAND} -E copy ${_govuk}/govuk-frontend.min.css ${_govuk}/govuk-frontend.min.js
            ${_moj}/moj-frontend.min.css ${_moj}/moj-frontend.min.js ${CINPLAN_ASSETS_DIR}
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${_govuk}/assets/fonts ${CINPLAN_ASSETS_DIR}/fonts
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${_govuk}/assets/images ${CINPLAN_ASSETS_DIR}/images
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${_moj}/assets/images ${CINPLAN_ASSETS_DIR}/images
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/web ${CINPLAN_ASSETS_DIR}
    COMMAND ${CMAKE_COMMAND} -E touch ${CINPLAN_ASSETS_DIR}/.copied
    DEPENDS ${CMAKE_SOURCE_DIR}/package-lock.json ${_govuk}/govuk-frontend.min.css
            ${_moj}/moj-frontend.min.css ${CMAKE_SOURCE_DIR}/web/cinplan.css
            ${CMAKE_SOURCE_DIR}/web/cinplan.js ${CMAKE_SOURCE_DIR}/web/document.css
    COMMENT "Gathering the pages' assets")
  add_custom_target(cinplan_assets ALL DEPENDS ${CINPLAN_ASSETS_DIR}/.copied)
else()
  message(WARNING "node_modules is missing (run scripts/install-deps): the pages' assets are not "
                  "built, and cinplan serve will refuse to start")
  add_custom_target(cinplan_assets)
endif()
