#include "app/procedure_sources.h"

#include <cstdlib>

#include "app/profile_catalog.h"

namespace cinplan::app {

std::filesystem::path default_procedures_folder() {
  if (const char* env = std::getenv("CINPLAN_PROCEDURES"); env != nullptr && *env != '\0')
    return env;
  return std::filesystem::path(CINPLAN_DEFAULT_PROFILES_DIR) / ".." / ".." / "shared" /
         "procedures";
}

Result<void> check_quotes(const Profile& p, const std::filesystem::path& folder) {
  auto text = read_file(folder / p.source);
  if (!text) {
    return std::unexpected(Error::bad_input(p.id + ": source document " + p.source +
                                            " not found in " + folder.string()));
  }
  auto check = [&](const std::vector<Citation>& cites, const std::string& where) -> Result<void> {
    for (const Citation& c : cites) {
      if (text->find(c.quote) == std::string::npos) {
        return std::unexpected(Error::bad_input(
            p.id + ": " + where + " quotes a sentence that is not in " + p.source + ": \"" +
            c.quote.substr(0, 80) + (c.quote.size() > 80 ? "...\"" : "\"")));
      }
    }
    return {};
  };
  for (const Rule& r : p.rules) {
    if (auto ok = check(r.cite, "rule " + r.id); !ok) return ok;
    for (const RuleOverride& o : r.overrides) {
      if (auto ok = check(o.cite, "rule " + r.id + " (override)"); !ok) return ok;
    }
  }
  for (const Constraint& c : p.constraints) {
    if (auto ok = check(c.cite, "constraint " + c.id); !ok) return ok;
  }
  for (const Labelled& l : p.pathways) {
    if (auto ok = check(l.cite, "pathway " + l.id); !ok) return ok;
  }
  for (const Labelled& l : p.family_plan) {
    if (auto ok = check(l.cite, "family plan section " + l.id); !ok) return ok;
  }
  for (const Labelled& l : p.outcomes) {
    if (auto ok = check(l.cite, "outcome " + l.id); !ok) return ok;
  }
  if (p.routing) return check(p.routing->cite, "routing");
  return {};
}

}  // namespace cinplan::app
