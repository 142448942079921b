#include "app/census_codes.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cinplan::app {
namespace {

using Set = std::set<std::string, std::less<>>;

// Which field of which event holds a code of which set, and its name in a
// message.
struct CensusField {
  std::string_view event;
  std::string_view field;
  const Set census::CodeSets::*set;
  std::string_view words;
};

constexpr CensusField kFields[] = {
    {"referral_received", "referral_source", &census::CodeSets::referral_source,
     "census source of referral"},
    {"referral_received", "primary_need", &census::CodeSets::primary_need,
     "census primary need code"},
    {"assessment_completed", "factors", &census::CodeSets::assessment_factors,
     "census assessment factor"},
    {"child_registered", "upn_unknown", &census::CodeSets::upn_unknown, "census reason for no UPN"},
    {"child_registered", "ethnicity", &census::CodeSets::ethnicity, "census ethnicity code"},
    {"child_registered", "disabilities", &census::CodeSets::disability, "census disability code"},
    {"closed", "census_reason", &census::CodeSets::reason_for_closure, "census reason for closure"},
    {"child_protection_plan_started", "category", &census::CodeSets::category_of_abuse,
     "census category of abuse"},
    {"child_protection_plan_reviewed", "category", &census::CodeSets::category_of_abuse,
     "census category of abuse"},
};

std::string listed(const Set& set) {
  std::string out;
  for (const std::string& c : set) out += (out.empty() ? "" : ", ") + c;
  return out;
}

Result<void> check_code(const nlohmann::ordered_json& value, const CensusField& f, const Set& set) {
  if (!value.is_string()) return {};  // the registry has said what type it must be
  const std::string code = value.get<std::string>();
  if (set.contains(code)) return {};
  return std::unexpected(Error::bad_input("\"" + code + "\" is not a " + std::string(f.words) +
                                              " (" + std::string(f.field) + "): one of " +
                                              listed(set) + ".",
                                          "the DfE's Children in need census code sets"));
}

}  // namespace

std::filesystem::path default_census_codes_file() {
  return std::filesystem::path(CINPLAN_DEFAULT_CONFIG_DIR) / "census" / "code_sets.toml";
}

Result<census::CodeSets> load_census_codes(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in)
    return std::unexpected(Error::not_found("cannot read the census code sets " + path.string()));
  std::stringstream text;
  text << in.rdbuf();
  auto codes = census::parse_code_sets(text.str());
  if (!codes)
    return std::unexpected(Error::bad_input(path.string() + ": " + codes.error().message));
  return codes;
}

std::shared_ptr<const census::CodeSets> shipped_census_codes() {
  static const std::shared_ptr<const census::CodeSets> codes = [] {
    auto loaded = load_census_codes();
    if (!loaded) throw std::runtime_error(loaded.error().message);
    return std::make_shared<const census::CodeSets>(std::move(*loaded));
  }();
  return codes;
}

Result<void> check_census_codes(const std::vector<nlohmann::ordered_json>& events,
                                const census::CodeSets& codes) {
  for (const nlohmann::ordered_json& e : events) {
    const std::string type = e.value("type", "");
    for (const CensusField& f : kFields) {
      if (f.event != type || !e.contains(f.field)) continue;
      const auto& value = e[std::string(f.field)];
      if (value.is_array()) {
        for (const auto& v : value)
          if (auto ok = check_code(v, f, codes.*(f.set)); !ok) return ok;
      } else if (auto ok = check_code(value, f, codes.*(f.set)); !ok) {
        return ok;
      }
    }
    // A correction's replacement is checked as the event it replaces.
    if (type == "event_corrected" && e.contains("replacement") && e["replacement"].is_object())
      if (auto ok = check_census_codes({e["replacement"]}, codes); !ok) return ok;
    // A change of the child's details is checked as their registration is.
    if (type == "person_details_changed" && e.value("person_id", "") == "child" &&
        e.contains("changes") && e["changes"].is_object()) {
      nlohmann::ordered_json as_registered = e["changes"];
      as_registered["type"] = "child_registered";
      if (auto ok = check_census_codes({as_registered}, codes); !ok) return ok;
    }
  }
  return {};
}

}  // namespace cinplan::app
