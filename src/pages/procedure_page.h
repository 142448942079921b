// The /procedure page's view (issue 9): the app's procedure JSON
// (app::procedure_page_json) shaped for procedure.mustache, every key the
// template asks present (false when there is nothing), with the choices of
// the page's own form marked.
#pragma once

#include <nlohmann/json.hpp>

namespace cinplan::pages {

nlohmann::ordered_json procedure_view(const nlohmann::ordered_json& page);

}  // namespace cinplan::pages
