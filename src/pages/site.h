// What every page shares (DESIGN.md section 12): the templates, the served
// assets, and the frame of a page (the authority's name, who is signed in,
// the search box, the sign-out button with its CSRF token). Loaded once at
// start-up; the server does not start without it.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "core/access/permissions.h"
#include "core/error.h"
#include "pages/assets.h"
#include "pages/templates.h"

namespace cinplan::pages {

// The build's templates (the source tree's templates/) and assets (the
// build folder's assets/, gathered from the npm packages).
std::filesystem::path default_templates_folder();
std::filesystem::path default_assets_folder();

// Who is looking at a page, for its frame. Null caller: not signed in.
struct Frame {
  std::string authority;
  const access::Caller* caller = nullptr;
  std::string role_words;  // the caller's role in the authority's words
  std::string csrf_token;
  std::string search;  // what the search box shows
  // What the caller's role may use, so the header offers nothing else.
  bool may_see_caseload = false;
  bool may_search = false;
  bool may_see_panel = false;      // the weekly CIN panel list
  bool may_see_oversight = false;  // the 9- and 12-month lists
  // The session's idle timeout, for the warning before it (cinplan.js).
  long idle_seconds = 0;
};

class Site {
 public:
  static Result<Site> load(const std::filesystem::path& templates,
                           const std::filesystem::path& assets);

  // The whole page: template `name` filled from `view`, inside the frame,
  // titled "`title` - cinplan - authority". `view` may carry "errors" (a
  // list of {"text", "href"}), shown in the error summary at the top.
  Result<std::string> page(std::string_view name, std::string_view title, const Frame& frame,
                           nlohmann::ordered_json view) const;

  // A page rendered from `source` (an answer of the view cache) under `key`
  // (the page, who asks and how): kept while the view cache gives the same
  // answer, so a page that has not changed costs no rendering. The entry
  // holds `source`, so a new answer can never be taken for it.
  using Text = std::shared_ptr<const std::string>;
  Result<Text> cached(const std::string& key, const Text& source,
                      const std::function<Result<std::string>()>& render) const;

  const Assets& assets() const { return assets_; }
  const Templates& templates() const { return templates_; }

 private:
  Site(Templates t, Assets a)
      : templates_(std::move(t)), assets_(std::move(a)), pages_(std::make_unique<Rendered>()) {}
  struct Rendered {
    std::mutex mutex;
    std::map<std::string, std::pair<Text, Text>, std::less<>> pages;  // key -> source, page
  };
  static constexpr std::size_t kMostPages = 4096;
  Templates templates_;
  Assets assets_;
  std::unique_ptr<Rendered> pages_;
};

}  // namespace cinplan::pages
