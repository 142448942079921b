// The rules of who the child is: the LA child ID, dates of birth, expected
// birth and death, sex, ethnicity and disabilities (the ChildIdentifiers,
// ChildCharacteristics and Disabilities modules). The UPN rules are in
// rules_identifiers_upn.cc; identifier_rules() lists both.
//
// Each rule counts a failure where the public CIN census validator
// (csc-validator-be-cin, which authorities run on a return before sending
// it) counts one, so a return gets the same findings from both. Where the
// validator reads a rule differently from the DfE sentence, the rule follows
// the validator and says so. Dates that are not dates count as missing, as
// they do there.
#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/census/census_rules.h"
#include "core/census/census_words.h"
#include "core/census/rules_identifiers_upn.h"

namespace cinplan::census {
namespace {

bool is_alphanumeric(char ch) {
  return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}
// Characters, not bytes: a UTF-8 continuation byte is part of the one before.
std::size_t characters(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
}
std::string upper(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return out;
}
std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// 1570: the LA child ID is at most 20 characters.
void check_1570(const CensusContext&, const CensusChild& c, Failures& out) {
  if (c.la_child_id && characters(*c.la_child_id) > 20)
    out.push_back({"ChildIdentifiers", value_words("LAchildID", c.la_child_id) + " (" +
                                           std::to_string(characters(*c.la_child_id)) +
                                           " characters)"});
}

// 1580: the LA child ID is letters and digits only (A-Z, a-z, 0-9).
void check_1580(const CensusContext&, const CensusChild& c, Failures& out) {
  if (c.la_child_id && !std::all_of(c.la_child_id->begin(), c.la_child_id->end(), is_alphanumeric))
    out.push_back({"ChildIdentifiers", value_words("LAchildID", c.la_child_id)});
}

// 4008: "If <PersonDeathDate> (N00108) is present, then <CINPlanStartDate>
// (N00689) must be on or before <PersonDeathDate>". Once a child, however
// many of their plans start after the death, as the validator counts it.
// 4009Q: the same for <CINPlanEndDate> (N00690); a plan with no end passes.
void plans_after_death(const CensusChild& c, bool by_end, Failures& out) {
  const std::optional<Date> death = date_of(c.death_date);
  if (!death) return;
  std::string where;
  std::vector<std::string> dates;
  for (std::size_t i = 0; i < c.episodes.size(); ++i)
    for (std::size_t p = 0; p < c.episodes[i].plans.size(); ++p) {
      const Text& date = by_end ? c.episodes[i].plans[p].end : c.episodes[i].plans[p].start;
      const std::optional<Date> d = date_of(date);
      if (!d || *d <= *death) continue;
      if (where.empty()) where = plan_words(c.episodes[i], i, p);
      dates.push_back(*date);
    }
  if (dates.empty()) return;
  out.push_back({where, value_words("PersonDeathDate", c.death_date) + ", " +
                            (by_end ? "CINPlanEndDate " : "CINPlanStartDate ") + joined(dates)});
}
void check_4008(const CensusContext&, const CensusChild& c, Failures& out) {
  plans_after_death(c, false, out);
}
void check_4009Q(const CensusContext&, const CensusChild& c, Failures& out) {
  plans_after_death(c, true, out);
}

// 4180: "<Sex> (N00783) must be present and valid" (M, F or U).
void check_4180(const CensusContext& ctx, const CensusChild& c, Failures& out) {
  if (!c.sex || !ctx.codes.sex.contains(*c.sex))
    out.push_back({"ChildIdentifiers", value_words("Sex", c.sex)});
}

// 4220: Ethnicity is present and one of the ethnicity codes.
void check_4220(const CensusContext& ctx, const CensusChild& c, Failures& out) {
  if (!c.ethnicity || !ctx.codes.ethnicity.contains(*c.ethnicity))
    out.push_back({"ChildCharacteristics", value_words("Ethnicity", c.ethnicity)});
}

// 8500: "<LAchildID> (N00097) must be present".
void check_8500(const CensusContext&, const CensusChild& c, Failures& out) {
  if (!c.la_child_id) out.push_back({"ChildIdentifiers", "LAchildID missing"});
}

// 8520: "<PersonBirthDate> (N00066) must be on or before <ReferenceDate>
// (N00603) or null".
void check_8520(const CensusContext& ctx, const CensusChild& c, Failures& out) {
  const std::optional<Date> born = date_of(c.birth_date);
  if (born && *born > ctx.period.end)
    out.push_back({"ChildIdentifiers", value_words("PersonBirthDate", c.birth_date) + " (after " +
                                           ctx.period.end.to_string() + ")"});
}

// 8525Q: a date of birth or an expected date of birth, not both, not neither.
void check_8525Q(const CensusContext&, const CensusChild& c, Failures& out) {
  if (date_of(c.birth_date).has_value() == date_of(c.expected_birth_date).has_value())
    out.push_back(
        {"ChildIdentifiers", value_words("PersonBirthDate", c.birth_date) + ", " +
                                 value_words("ExpectedPersonBirthDate", c.expected_birth_date)});
}

// 8530Q: "<ExpectedPersonBirthDate> (N00098) should be between
// [<ReferenceDate> (N00603) minus 30 days] and [<ReferenceDate> plus 9
// months]". The validator takes "between" strictly: a date on either bound
// is queried too (for 2026-03-31, 2026-03-02 to 2026-12-30 pass).
void check_8530Q(const CensusContext& ctx, const CensusChild& c, Failures& out) {
  const std::optional<Date> expected = date_of(c.expected_birth_date);
  if (!expected) return;
  const Date earliest = add_days(ctx.period.end, -30), latest = add_months(ctx.period.end, 9);
  if (*expected <= earliest || *expected >= latest)
    out.push_back({"ChildIdentifiers",
                   value_words("ExpectedPersonBirthDate", c.expected_birth_date) + " (not after " +
                       earliest.to_string() + " and before " + latest.to_string() + ")"});
}

// 8535Q: "<PersonDeathDate> (N00108) must be on or after <PersonBirthDate>
// (N00066)". As the validator reads it, a child who died with no date of
// birth is queried too, unless their expected date of birth is after the
// death (a child who died unborn).
void check_8535Q(const CensusContext&, const CensusChild& c, Failures& out) {
  const std::optional<Date> death = date_of(c.death_date);
  if (!death) return;
  const std::optional<Date> expected = date_of(c.expected_birth_date);
  if (expected && *expected > *death) return;
  const std::optional<Date> born = date_of(c.birth_date);
  if (!born || *born > *death)
    out.push_back({"ChildIdentifiers", value_words("PersonDeathDate", c.death_date) + ", " +
                                           value_words("PersonBirthDate", c.birth_date)});
}

// 8540: "If <PersonBirthDate> (N00066) is present and at least one
// <ReferralNFA> (N00112) is false or 0, then one or more instances of
// <Disability> (N00099) must be present", and every one a Disability code.
// Once a child.
void check_8540(const CensusContext& ctx, const CensusChild& c, Failures& out) {
  if (!date_of(c.birth_date)) return;
  if (std::none_of(c.episodes.begin(), c.episodes.end(),
                   [](const CinEpisode& e) { return flag_of(e.referral_nfa) == false; }))
    return;
  std::vector<std::string> wrong;
  for (const std::string& d : c.disabilities)
    if (!ctx.codes.disability.contains(d)) wrong.push_back(d.empty() ? "(blank)" : d);
  if (!c.disabilities.empty() && wrong.empty()) return;
  out.push_back({"Disabilities", c.disabilities.empty()
                                     ? "Disability missing"
                                     : "Disability " + joined(wrong) + " (not a Disability code)"});
}

// 8545Q: "If present, <PersonDeathDate> (N00108) must be within
// [Period_of_Census]". The validator's census year begins on the reference
// date a year before (2025-03-31 for the 2025-26 return), one day before
// 1 April, so a death on that day is not queried.
void check_8545Q(const CensusContext& ctx, const CensusChild& c, Failures& out) {
  const std::optional<Date> death = date_of(c.death_date);
  const Date from = add_months(ctx.period.end, -12);
  if (death && (*death < from || *death > ctx.period.end))
    out.push_back({"ChildIdentifiers", value_words("PersonDeathDate", c.death_date) +
                                           " (census year " + from.to_string() + " to " +
                                           ctx.period.end.to_string() + ")"});
}

// 8590: "Each child must have at least one <CINdetails> group".
void check_8590(const CensusContext&, const CensusChild& c, Failures& out) {
  if (c.episodes.empty())
    out.push_back(
        {"ChildIdentifiers", value_words("LAchildID", c.la_child_id) + ", no CINdetails"});
}

// 8750: an unborn child (an expected date of birth and no date of birth) has
// Sex U. (The DfE sentence still says "0", the code of the element Sex
// replaced.)
void check_8750(const CensusContext&, const CensusChild& c, Failures& out) {
  if (!date_of(c.birth_date) && date_of(c.expected_birth_date) && c.sex != "U")
    out.push_back(
        {"ChildIdentifiers", value_words("Sex", c.sex) + ", " +
                                 value_words("ExpectedPersonBirthDate", c.expected_birth_date)});
}

// 8775Q: "<PersonBirthDate> (N00066) is before (<ReferenceDate> (N00603)
// minus 25 years) AND {<CINClosureDate> (N00102) is after (<PersonBirthDate>
// plus 25 years) OR <CINClosureDate> is NULL}": a child over 25 with an
// episode open past their 25th birthday. Once a child; a child with no
// episode is not queried.
void check_8775Q(const CensusContext& ctx, const CensusChild& c, Failures& out) {
  const std::optional<Date> born = date_of(c.birth_date);
  if (!born || *born >= add_months(ctx.period.end, -25 * 12)) return;
  const Date twenty_five = add_months(*born, 25 * 12);
  for (std::size_t i = 0; i < c.episodes.size(); ++i) {
    const std::optional<Date> closed = date_of(c.episodes[i].closure_date);
    if (closed && *closed <= twenty_five) continue;
    out.push_back({episode_words(c.episodes[i], i),
                   value_words("PersonBirthDate", c.birth_date) + " (25 on " +
                       twenty_five.to_string() + "), " +
                       value_words("CINclosureDate", c.episodes[i].closure_date)});
    return;
  }
}

// 8790: a child with Disability NONE has no other Disability. Each other
// code is a failure (NONE read in any case).
void check_8790(const CensusContext&, const CensusChild& c, Failures& out) {
  const auto none = [](const std::string& d) { return upper(d) == "NONE"; };
  if (std::none_of(c.disabilities.begin(), c.disabilities.end(), none)) return;
  for (const std::string& d : c.disabilities)
    if (!none(d)) out.push_back({"Disabilities", "Disability " + d + " alongside NONE"});
}

// 8794: "If there is more than one <Disability> (N00099) for a child, then
// none of the values should appear more than once". Each entry of a repeated
// code is a failure (HAND twice is two), as the validator counts them.
void check_8794(const CensusContext&, const CensusChild& c, Failures& out) {
  std::map<std::string, int, std::less<>> times;
  for (const std::string& d : c.disabilities)
    if (!d.empty()) ++times[d];
  for (const std::string& d : c.disabilities)
    if (!d.empty() && times[d] > 1)
      out.push_back({"Disabilities",
                     "Disability " + d + " (recorded " + std::to_string(times[d]) + " times)"});
}

std::span<const CensusRule> characteristic_rules() {
  static constexpr CensusRule kRules[] = {
      {"1570", Severity::kError, "ChildIdentifiers",
       "LA Child ID must not be longer than 20 characters", "LAchildID", check_1570},
      {"1580", Severity::kError, "ChildIdentifiers",
       "LA Child ID must not contain any non-alphanumeric characters", "LAchildID", check_1580},
      // 2888Q: "Excluding children where <Disability> (N00099) is 'NONE', within a
      // local authority, one or more children should have more than one disability
      // recorded." A rule of the whole return, so no check of one child: raised once
      // when some child has a code other than NONE and none has two or more such
      // entries (HAND twice counts as two); not raised when no child has one at all.
      {"2888Q", Severity::kQuery, "Disabilities",
       "Please check and either amend or provide a reason: Only one disability code is recorded "
       "per child and multiple disabilities should be recorded where possible.",
       "Disability", nullptr},
      {"4008", Severity::kError, "ChildIdentifiers",
       "CIN Plan shown as starting after the child’s Date of Death.",
       "PersonDeathDate, CINPlanStartDate", check_4008},
      {"4009Q", Severity::kQuery, "ChildIdentifiers",
       "CIN Plan cannot end after the child’s Date of Death", "PersonDeathDate, CINPlanEndDate",
       check_4009Q},
      {"4180", Severity::kError, "ChildIdentifiers", "Sex must be provided and equal M, F, or U",
       "Sex", check_4180},
      {"4220", Severity::kError, "ChildCharacteristics",
       "Ethnicity is missing or invalid (see Ethnicity table)", "Ethnicity", check_4220},
      {"8500", Severity::kError, "ChildIdentifiers", "LA Child ID missing", "LAchildID",
       check_8500},
      {"8520", Severity::kError, "ChildIdentifiers",
       "Date of Birth is after data collection period (must be on or before the end of the census "
       "period)",
       "PersonBirthDate, ReferenceDate", check_8520},
      {"8525Q", Severity::kQuery, "ChildIdentifiers",
       "Either Date of Birth or Expected Date of Birth must be provided (but not both)",
       "PersonBirthDate, ExpectedPersonBirthDate", check_8525Q},
      {"8530Q", Severity::kQuery, "ChildIdentifiers",
       "Please check and either amend data or provide a reason: Expected Date of Birth is outside "
       "the expected range for this census (March to December of the Census Year end)",
       "ExpectedPersonBirthDate", check_8530Q},
      {"8535Q", Severity::kQuery, "ChildIdentifiers",
       "Please check and either amend data or provide a reason: Child’s date of death should not "
       "be prior to the date of birth",
       "PersonDeathDate, PersonBirthDate", check_8535Q},
      {"8540", Severity::kError, "ChildCharacteristics",
       "Child’s disability is missing or invalid (see Disability table)",
       "Disability, PersonBirthDate, ReferralNFA", check_8540},
      {"8545Q", Severity::kQuery, "ChildIdentifiers",
       "Please check and either amend data or provide a reason: Child's date of death should be "
       "within the census year",
       "PersonDeathDate", check_8545Q},
      {"8590", Severity::kError, "ChildIdentifiers", "Child does not have a recorded CIN episode.",
       "LAchildID", check_8590},
      {"8750", Severity::kError, "ChildIdentifiers", "Sex must equal U for an unborn child",
       "Sex, PersonBirthDate, ExpectedPersonBirthDate", check_8750},
      {"8775Q", Severity::kQuery, "ChildIdentifiers",
       "Please check and either amend data or provide a reason: Child is over 25 years old",
       "PersonBirthDate, CINclosureDate", check_8775Q},
      {"8790", Severity::kError, "Disabilities",
       "Disability information includes both None and other values", "Disability", check_8790},
      {"8794", Severity::kError, "Disabilities",
       "Child has two or more disabilities with the same code", "Disability", check_8794},
  };
  return kRules;
}

int code_number(std::string_view code) {
  int n = 0;
  std::from_chars(code.data(), code.data() + code.size(), n);
  return n;
}

}  // namespace

std::span<const CensusRule> identifier_rules() {
  static const std::vector<CensusRule> all = [] {
    std::vector<CensusRule> out;
    for (auto part : {upn_rules(), characteristic_rules()})
      out.insert(out.end(), part.begin(), part.end());
    std::sort(out.begin(), out.end(), [](const CensusRule& a, const CensusRule& b) {
      const int na = code_number(a.code), nb = code_number(b.code);
      return na != nb ? na < nb : a.code < b.code;
    });
    return out;
  }();
  return all;
}

}  // namespace cinplan::census
