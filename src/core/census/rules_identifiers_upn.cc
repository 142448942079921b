// The unique pupil number rules. A UPN is 13 characters: a check letter,
// the three-digit number of the authority that issued it, eight digits, and
// a last character that is a digit (a permanent UPN) or a letter (a
// temporary one). When a child has no UPN, UPNunknown says why (UN1 to UN7).
//
// Where the public CIN census validator (csc-validator-be-cin, which
// authorities run on a return before sending it) reads a rule differently
// from the DfE sentence, the rule follows the validator so that both find the
// same failures, and says so.
#include "core/census/rules_identifiers_upn.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/census/census_words.h"

namespace cinplan::census {
namespace {

constexpr std::size_t kUpnLength = 13;

bool is_digit(char ch) {
  return ch >= '0' && ch <= '9';
}
bool is_letter(char ch) {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}
std::string upper(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return out;
}
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

// The letters a check letter or a temporary UPN's last character may be:
// A to Z without I, O and S, which are too like 1, 0 and 5.
constexpr std::string_view kUpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

// The DfE check letter: each of characters 2 to 13 times its position (2 to
// 13), summed, the remainder on dividing by 23 read as the nth letter of
// kUpnLetters. Only for a UPN whose characters 2 to 13 are all digits.
std::optional<char> check_letter(std::string_view upn) {
  if (upn.size() != kUpnLength || !all_digits(upn.substr(1))) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 1; i < kUpnLength; ++i) sum += (upn[i] - '0') * static_cast<int>(i + 1);
  return kUpnLetters[static_cast<std::size_t>(sum % 23)];
}

Failure upn_failure(const CensusChild& c, std::string_view why) {
  return {"ChildIdentifiers", value_words("UPN", c.upn) + " (" + std::string(why) + ")"};
}

// 1510: a UPN's first character is the check letter of the rest. As the
// validator does, only a 13-character UPN whose characters 2 to 13 are all
// digits is checked (a temporary UPN, ending in a letter, is not), and the
// letter must match exactly (a lower-case letter is wrong).
void check_1510(const CensusContext&, const CensusChild& c, Failures& out) {
  if (!c.upn) return;
  const std::optional<char> letter = check_letter(*c.upn);
  if (letter && (*c.upn)[0] != *letter)
    out.push_back(upn_failure(c, "the check letter is " + std::string(1, *letter)));
}

// 1530: "characters 2-4 of <UPN> must be a valid post April 1998 LA code or a
// recognised 'pseudo LA' code" (the la_numbers code set). Checked, as the
// validator does, only for a UPN of exactly 13 characters.
void check_1530(const CensusContext& ctx, const CensusChild& c, Failures& out) {
  if (!c.upn || c.upn->size() != kUpnLength) return;
  const std::string la = c.upn->substr(1, 3);
  if (!ctx.codes.la_numbers.contains(la))
    out.push_back(upn_failure(c, la + " is not an authority's number"));
}

// 1540: "If <UPN> (N00001) present Characters 5-12 of <UPN> must be numeric".
// The validator reads whatever part of characters 5-12 the UPN has, so a UPN
// of four characters or fewer, having none of them, fails too.
void check_1540(const CensusContext&, const CensusChild& c, Failures& out) {
  if (!c.upn) return;
  const std::string_view upn = *c.upn;
  const std::string_view middle = upn.size() > 4 ? upn.substr(4, 8) : std::string_view();
  if (!all_digits(middle))
    out.push_back(upn_failure(c, middle.empty() ? "it has no characters 5-12"
                                                : "characters 5-12 are " + std::string(middle)));
}

// 1550: "Character 13 of <UPN> must be numeric or A-Z omitting I, O and S".
// Checked, as the validator does, only for a UPN of exactly 13 characters;
// a lower-case letter is not accepted.
void check_1550(const CensusContext&, const CensusChild& c, Failures& out) {
  if (!c.upn || c.upn->size() != kUpnLength) return;
  const char last = (*c.upn)[12];
  if (!is_digit(last) && kUpnLetters.find(last) == std::string_view::npos)
    out.push_back(upn_failure(c, "character 13 is " + std::string(1, last)));
}

// 1560Q: "<FormerUPN> (N00002) where present should be in the correct
// format". The validator's format: 13 characters, a letter first and twelve
// digits after it, so a former temporary UPN (ending in a letter) is queried.
void check_1560Q(const CensusContext&, const CensusChild& c, Failures& out) {
  if (!c.former_upn) return;
  const std::string_view former = *c.former_upn;
  if (former.size() != kUpnLength || !is_letter(former[0]) || !all_digits(former.substr(1)))
    out.push_back({"ChildIdentifiers", value_words("FormerUPN", c.former_upn) +
                                           " (a letter and twelve digits expected)"});
}

// 8770Q: "If <ReferralNFA> (N00112) = 0 or false and <PersonBirthDate>
// (N00066) is greater than or equal to [<ReferenceDate> (N00603) minus 4
// years] then either <UPN> (N00001) or a valid <UPNunknown> (N00135) should
// be present". The validator reads "of school age" differently from the
// sentence: born on or before the 31 August that is six years before the
// 31 August after the reference date (2020-08-31 for the 2025-26 return),
// with a reason other than UN1 (not of school age), in any case, standing
// for a missing UPN. "0" or "false" in any case on any episode; once a child.
Date school_age_born_by(const CensusContext& ctx) {
  return add_months(add_days(add_months(ctx.period.end, 4), 31), -72);
}

void check_8770Q(const CensusContext& ctx, const CensusChild& c, Failures& out) {
  const std::optional<Date> born = date_of(c.birth_date);
  const Date born_by = school_age_born_by(ctx);
  if (c.upn || !born || *born > born_by) return;
  const bool went_further = std::any_of(c.episodes.begin(), c.episodes.end(), [](auto& e) {
    return e.referral_nfa && (*e.referral_nfa == "0" || lower(*e.referral_nfa) == "false");
  });
  if (!went_further) return;
  if (c.upn_unknown) {
    const std::string reason = upper(*c.upn_unknown);
    if (reason != "UN1" && ctx.codes.upn_unknown.contains(reason)) return;
  }
  out.push_back({"ChildIdentifiers", "UPN missing, " + value_words("UPNunknown", c.upn_unknown) +
                                         " (" + value_words("PersonBirthDate", c.birth_date) +
                                         ", of school age: born by " + born_by.to_string() + ")"});
}

// 8772: "If <UPNunknown> (N00135) is UN7 then all of the CIN details must
// have <ReferralNFA> (N00112) = 1 or true" (in any case). The validator
// counts one failure for each different ReferralNFA value that is not 1 or
// true on the child's episodes (a missing one is a value; a child with no
// episode at all fails once, as if missing): two episodes both 0 are one.
void check_8772(const CensusContext&, const CensusChild& c, Failures& out) {
  if (c.upn_unknown != "UN7") return;
  const auto ended = [](const Text& nfa) { return nfa && (lower(*nfa) == "true" || *nfa == "1"); };
  const auto failure = [](std::string where, const Text& nfa) {
    return Failure{std::move(where), "UPNunknown UN7, " + value_words("ReferralNFA", nfa)};
  };
  if (c.episodes.empty()) {
    out.push_back(failure("ChildIdentifiers", std::nullopt));
    return;
  }
  std::set<Text> seen;
  for (std::size_t i = 0; i < c.episodes.size(); ++i) {
    const Text& nfa = c.episodes[i].referral_nfa;
    if (!ended(nfa) && seen.insert(nfa).second)
      out.push_back(failure(episode_words(c.episodes[i], i), nfa));
  }
}

}  // namespace

std::span<const CensusRule> upn_rules() {
  static constexpr CensusRule kRules[] = {
      {"1510", Severity::kError, "ChildIdentifiers",
       "UPN invalid (wrong check letter at character 1)", "UPN", check_1510},
      {"1530", Severity::kError, "ChildIdentifiers",
       "UPN invalid (characters 2-4 not a recognised LA code)", "UPN", check_1530},
      {"1540", Severity::kError, "ChildIdentifiers",
       "UPN invalid (characters 5-12 not all numeric)", "UPN", check_1540},
      {"1550", Severity::kError, "ChildIdentifiers",
       "UPN invalid (character 13 not a recognised value)", "UPN", check_1550},
      {"1560Q", Severity::kQuery, "ChildIdentifiers",
       "Please check and either amend or provide a reason: Former UPN wrongly formatted",
       "FormerUPN", check_1560Q},
      {"8770Q", Severity::kQuery, "ChildIdentifiers",
       "Please check and either amend data or provide a reason: UPN is missing or reason UPN is "
       "missing or is UN1 for a child who is of school age.",
       "UPNunknown, UPNunknown", check_8770Q},
      {"8772", Severity::kError, "ChildIdentifiers",
       "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details "
       "is a referral going on to further action",
       "UPNunknown, ReferralNFA", check_8772},
  };
  return kRules;
}

}  // namespace cinplan::census
