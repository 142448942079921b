#include "core/census/code_sets.h"

#include <toml++/toml.h>
#include <algorithm>

namespace cinplan::census {
namespace {

using Set = std::set<std::string, std::less<>>;

Result<Set> read_set(const toml::table& t, std::string_view name) {
  const toml::array* list = t[name].as_array();
  if (!list || list->empty())
    return std::unexpected(Error::bad_input("The census code sets have no list \"" +
                                            std::string(name) + "\" of codes."));
  Set out;
  for (const toml::node& n : *list) {
    const auto code = n.value<std::string>();
    if (!code || code->empty() || code->find_first_of(" \t") != std::string::npos)
      return std::unexpected(Error::bad_input("A code of \"" + std::string(name) +
                                              "\" is blank, has spaces or is not text."));
    if (!out.insert(*code).second)
      return std::unexpected(
          Error::bad_input("\"" + *code + "\" is listed twice in \"" + std::string(name) + "\"."));
  }
  return out;
}

}  // namespace

Result<CodeSets> parse_code_sets(std::string_view toml_text) {
  toml::table t;
  try {
    t = toml::parse(toml_text);
  } catch (const toml::parse_error& e) {
    return std::unexpected(Error::bad_input(
        "The census code sets do not read as TOML: " + std::string(e.description()) + "."));
  }
  CodeSets c;
  struct Named {
    std::string_view name;
    Set CodeSets::*set;
  };
  static constexpr Named kSets[] = {
      {"ethnicity", &CodeSets::ethnicity},
      {"disability", &CodeSets::disability},
      {"referral_source", &CodeSets::referral_source},
      {"primary_need", &CodeSets::primary_need},
      {"reason_for_closure", &CodeSets::reason_for_closure},
      {"category_of_abuse", &CodeSets::category_of_abuse},
      {"assessment_factors", &CodeSets::assessment_factors},
      {"upn_unknown", &CodeSets::upn_unknown},
      {"sex", &CodeSets::sex},
      {"la_numbers", &CodeSets::la_numbers},
  };
  for (const Named& n : kSets) {
    auto s = read_set(t, n.name);
    if (!s) return std::unexpected(s.error());
    c.*(n.set) = std::move(*s);
  }
  for (const auto& [key, value] : t)
    if (std::none_of(std::begin(kSets), std::end(kSets),
                     [&](const Named& n) { return n.name == key.str(); }))
      return std::unexpected(Error::bad_input("The census code sets have an unknown list \"" +
                                              std::string(key.str()) + "\"."));
  return c;
}

}  // namespace cinplan::census
