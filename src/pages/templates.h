// The page templates (DESIGN.md section 12): mustache files of a folder,
// rendered with HTML escaping on ({{name}} escapes; {{{name}}} is only ever
// given HTML this layer made itself).
//
// Every file NAME.mustache of the folder is read and parsed once, at load,
// with each partial {{> other}} put in place first (partials are files of
// the same folder; at most 8 deep, never a loop), so a template that does
// not parse stops the server from starting, with the file and the parser's
// message. Rendering reads only what was parsed, so one Templates may be
// used from every worker thread at once.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/error.h"

namespace cinplan::pages {

class Templates {
 public:
  // kBadInput naming the file: a folder without templates, a template that
  // does not parse, a partial that is missing or includes itself.
  static Result<Templates> load(const std::filesystem::path& folder);
  // From texts by name (for tests).
  static Result<Templates> from_texts(const std::map<std::string, std::string>& texts);

  // The template `name` filled from `view`: objects are sections and names,
  // arrays are lists, true/false/null show or hide a section, numbers are
  // written as JSON writes them. kInternal for an unknown name (a bug).
  Result<std::string> render(std::string_view name, const nlohmann::ordered_json& view) const;

  bool has(std::string_view name) const;

  Templates(Templates&&) noexcept;
  Templates& operator=(Templates&&) noexcept;
  ~Templates();

 private:
  struct Parsed;
  Templates();
  std::map<std::string, std::unique_ptr<Parsed>, std::less<>> parsed_;
};

}  // namespace cinplan::pages
