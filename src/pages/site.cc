#include "pages/site.h"

namespace cinplan::pages {

std::filesystem::path default_templates_folder() {
  return CINPLAN_DEFAULT_TEMPLATES_DIR;
}

std::filesystem::path default_assets_folder() {
  return CINPLAN_DEFAULT_ASSETS_DIR;
}

Result<Site> Site::load(const std::filesystem::path& templates,
                        const std::filesystem::path& assets) {
  auto t = Templates::load(templates);
  if (!t) return std::unexpected(t.error());
  for (const char* needed : {"error", "sign_in", "caseload", "case", "search"}) {
    if (!t->has(needed))
      return std::unexpected(Error::bad_input("the templates folder " + templates.string() +
                                              " has no " + needed + ".mustache"));
  }
  auto a = Assets::load(assets);
  if (!a) return std::unexpected(a.error());
  return Site(std::move(*t), std::move(*a));
}

Result<Site::Text> Site::cached(const std::string& key, const Text& source,
                                const std::function<Result<std::string>()>& render) const {
  {
    std::lock_guard lock(pages_->mutex);
    auto it = pages_->pages.find(key);
    if (it != pages_->pages.end() && it->second.first == source) return it->second.second;
  }
  auto page = render();
  if (!page) return std::unexpected(page.error());
  auto text = std::make_shared<const std::string>(std::move(*page));
  std::lock_guard lock(pages_->mutex);
  if (pages_->pages.size() >= kMostPages) pages_->pages.clear();
  pages_->pages[key] = {source, text};
  return text;
}

Result<std::string> Site::page(std::string_view name, std::string_view title, const Frame& frame,
                               nlohmann::ordered_json view) const {
  view["page_title"] = std::string(title);
  view["authority"] = frame.authority;
  if (frame.caller != nullptr) {
    view["signed_in"] = {{"name", frame.caller->display_name},
                         {"username", frame.caller->username},
                         {"role", frame.role_words},
                         {"may_see_caseload", frame.may_see_caseload},
                         {"may_search", frame.may_search},
                         {"idle_seconds", frame.idle_seconds},
                         {"may_see_panel", frame.may_see_panel},
                         {"may_see_oversight", frame.may_see_oversight}};
    view["csrf_token"] = frame.csrf_token;
  }
  view["search"] = frame.search;
  if (!view.contains("errors")) view["errors"] = nlohmann::ordered_json::array();
  view["has_errors"] = !view["errors"].empty();
  return templates_.render(name, view);
}

}  // namespace cinplan::pages
