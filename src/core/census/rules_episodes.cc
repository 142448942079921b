// The DfE's rules of the CINdetails module that look at an episode's own
// fields: its referral (date, source, primary need, the no-further-action
// flag) and its closure (date and reason), and those dates against the
// child's birth and death. What is recorded against an episode, and how a
// child's episodes sit together, are in rules_episodes_activity.cc;
// episode_rules() is both together.
//
// Each rule reads as the public DfE validator (data-to-insight
// csc-validator-be-cin, rule set cin2025_26) applies it, so that a return
// gives the same counts here as there; where that reading departs from the
// DfE's sentence, the rule's comment says how. As there, a date that is not
// a date (YYYY-MM-DD) counts as missing, and the flag ReferralNFA is read as
// the file gives it: "false" or "0" is no, "true" or "1" is yes.
//
// Counting: most rules find one failure per episode. A few name a failure by
// the child and the dates concerned, so that two episodes of one child with
// the same dates are one failure; those say so.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/census/census_rules.h"
#include "core/census/census_words.h"
#include "core/census/rules_episodes_activity.h"

namespace cinplan::census {
namespace {

// One Failure per distinct identity within the child.
class Findings {
 public:
  explicit Findings(Failures& out) : out_(out) {}
  void add(const std::string& identity, std::string where, std::string values) {
    if (seen_.insert(identity).second) out_.push_back({std::move(where), std::move(values)});
  }

 private:
  Failures& out_;
  std::set<std::string> seen_;
};

// "CINreferralDate 2025-06-02", "CINreferralDate missing", or for text that
// is not a date "CINreferralDate 2025-02-30 (not a date)".
std::string date_words(std::string_view element, const Text& value) {
  const bool unreadable = value && !date_of(value);
  return value_words(element, value) + (unreadable ? " (not a date)" : "");
}

std::string period_words(const CensusPeriod& p) {
  return "census year " + p.start.to_string() + " to " + p.end.to_string();
}

bool in_set(const std::set<std::string, std::less<>>& set, const Text& code) {
  return code && set.contains(*code);
}

// ReferralNFA "false" or "0", exactly as written.
bool further_action(const CinEpisode& e) {
  return flag_of(e.referral_nfa) == false;
}

// 8555Q: a child who has died cannot be referred after the date of death.
// Both dates must be readable. Episodes of one child referred on the same
// day are one failure.
void check_8555Q(const CensusContext&, const CensusChild& child, Failures& out) {
  const auto death = date_of(child.death_date);
  if (!death) return;
  Findings found(out);
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    const auto referral = date_of(e.referral_date);
    if (referral && *referral > *death)
      found.add(referral->to_string(), episode_words(e, i),
                value_words("CINreferralDate", e.referral_date) + ", " +
                    value_words("PersonDeathDate", child.death_date));
  }
}

// 8568: every episode says whether the referral led to no further action:
// 1, 0, true or false, in any case ("True" is accepted, as the validator
// reads it).
void check_8568(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    std::string flag = e.referral_nfa.value_or("");
    std::transform(flag.begin(), flag.end(), flag.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    if (flag != "1" && flag != "0" && flag != "true" && flag != "false")
      out.push_back({episode_words(e, i), value_words("ReferralNFA", e.referral_nfa)});
  }
}

// 8569Q: a referral made well before the census year cannot be one with no
// further action: ReferralNFA must be "false" or "0" (a missing flag is
// queried too). The DfE sentence sets the limit one working day before the
// start of the census year; the validator, whose findings we match, takes
// the first working day on or after 1 April instead (England and Wales), so
// a referral on 31 March is queried. Each episode is its own finding.
void check_8569Q(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  Date limit = ctx.period.start;
  if (!ctx.calendar.is_working_day(limit)) limit = ctx.calendar.add_working_days(limit, 1);
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    const auto referral = date_of(e.referral_date);
    if (referral && *referral < limit && !further_action(e))
      out.push_back({episode_words(e, i), value_words("CINreferralDate", e.referral_date) +
                                              " (before " + limit.to_string() + "), " +
                                              value_words("ReferralNFA", e.referral_nfa)});
  }
}

// 8585Q: an episode closed because the child died (RC2) needs the child's
// date of death. The validator finds this once per child, however many
// episodes say RC2; the first of them is named.
void check_8585Q(const CensusContext&, const CensusChild& child, Failures& out) {
  if (date_of(child.death_date)) return;
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    if (e.reason_for_closure == "RC2") {
      out.push_back({episode_words(e, i), value_words("ReasonForClosure", e.reason_for_closure) +
                                              ", " +
                                              date_words("PersonDeathDate", child.death_date)});
      return;
    }
  }
}

// 8600: every episode has a referral date, on or before the reference date.
void check_8600(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    const auto referral = date_of(e.referral_date);
    if (!referral)
      out.push_back({episode_words(e, i), date_words("CINreferralDate", e.referral_date)});
    else if (*referral > ctx.period.end)
      out.push_back({episode_words(e, i), value_words("CINreferralDate", e.referral_date) +
                                              ", after the reference date " +
                                              ctx.period.end.to_string()});
  }
}

// 8606: a referral cannot come more than 280 days (40 weeks) before the
// child's date of birth, or expected date of birth. Episodes of one child
// referred on the same day are one failure.
void check_8606(const CensusContext&, const CensusChild& child, Failures& out) {
  const auto too_early = [](const std::optional<Date>& referral, const Text& birth) {
    const auto b = date_of(birth);
    return b && *referral < add_days(*b, -280);
  };
  Findings found(out);
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    const auto referral = date_of(e.referral_date);
    if (!referral) continue;
    const bool before_birth = too_early(referral, child.birth_date);
    const bool before_expected = too_early(referral, child.expected_birth_date);
    if (!before_birth && !before_expected) continue;
    std::string values = value_words("CINreferralDate", e.referral_date);
    if (before_birth) values += ", " + value_words("PersonBirthDate", child.birth_date);
    if (before_expected)
      values += ", " + value_words("ExpectedPersonBirthDate", child.expected_birth_date);
    found.add(referral->to_string(), episode_words(e, i), values);
  }
}

// 8610: a referral that led to further action (ReferralNFA "false" or "0")
// has a primary need code.
void check_8610(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    if (further_action(e) && !e.primary_need)
      out.push_back({episode_words(e, i), value_words("ReferralNFA", e.referral_nfa) + ", " +
                                              value_words("PrimaryNeedCode", e.primary_need)});
  }
}

// 8620: a closure date, where given, lies in the census year, 1 April to
// the reference date, both days included.
void check_8620(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    const auto closed = date_of(e.closure_date);
    if (closed && !ctx.period.contains(*closed))
      out.push_back({episode_words(e, i), value_words("CINclosureDate", e.closure_date) + ", " +
                                              period_words(ctx.period)});
  }
}

// 8630: an episode cannot close before it was referred. Both dates must be
// readable; episodes of one child with the same two dates are one failure.
void check_8630(const CensusContext&, const CensusChild& child, Failures& out) {
  Findings found(out);
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    const auto referral = date_of(e.referral_date);
    const auto closed = date_of(e.closure_date);
    if (referral && closed && *closed < *referral)
      found.add(referral->to_string() + "|" + closed->to_string(), episode_words(e, i),
                value_words("CINreferralDate", e.referral_date) + ", " +
                    value_words("CINclosureDate", e.closure_date));
  }
}

// 8640: a reason for closure, where given, is one of the code set's.
void check_8640(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    if (e.reason_for_closure && !in_set(ctx.codes.reason_for_closure, e.reason_for_closure))
      out.push_back({episode_words(e, i), value_words("ReasonForClosure", e.reason_for_closure)});
  }
}

// 8650: a primary need code, where given, is one of the code set's.
void check_8650(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    if (e.primary_need && !in_set(ctx.codes.primary_need, e.primary_need))
      out.push_back({episode_words(e, i), value_words("PrimaryNeedCode", e.primary_need)});
  }
}

// 8805: an episode with a closure date has a reason for closure. Episodes
// of one child closed on the same day without a reason are one failure.
void check_8805(const CensusContext&, const CensusChild& child, Failures& out) {
  Findings found(out);
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    const auto closed = date_of(e.closure_date);
    if (closed && !e.reason_for_closure)
      found.add(closed->to_string(), episode_words(e, i),
                value_words("CINclosureDate", e.closure_date) + ", " +
                    value_words("ReasonForClosure", e.reason_for_closure));
  }
}

// 8810: an episode with a reason for closure has a closure date.
void check_8810(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    if (e.reason_for_closure && !date_of(e.closure_date))
      out.push_back({episode_words(e, i), value_words("ReasonForClosure", e.reason_for_closure) +
                                              ", " + date_words("CINclosureDate", e.closure_date)});
  }
}

// 8866: a referral made on or after 1 April 2013 has a source of referral
// from the code set. Episodes of one child referred on the same day are one
// failure.
void check_8866(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  const Date since = *Date::from_ymd(2013, 4, 1);
  Findings found(out);
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    const auto referral = date_of(e.referral_date);
    if (referral && *referral >= since && !in_set(ctx.codes.referral_source, e.referral_source))
      found.add(referral->to_string(), episode_words(e, i),
                value_words("CINreferralDate", e.referral_date) + ", " +
                    value_words("ReferralSource", e.referral_source));
  }
}

constexpr CensusRule kRules[] = {
    {"8555Q", Severity::kQuery, "CINdetails",
     "Child cannot be referred after its recorded date of death",
     "PersonDeathDate, CINreferralDate", check_8555Q},
    {"8568", Severity::kError, "CINdetails", "RNFA flag is missing or invalid", "ReferralNFA",
     check_8568},
    {"8569Q", Severity::kQuery, "CINdetails",
     "A case with referral date before one working day prior to the collection start date must "
     "not be flagged as a no further action case",
     "ReferralNFA", check_8569Q},
    {"8585Q", Severity::kQuery, "CINdetails",
     "Please check and either amend or provide a reason: CIN episode shows Died as the Closure "
     "Reason, however child has no recorded Date of Death",
     "ReasonForClosure, PersonDeathDate", check_8585Q},
    {"8600", Severity::kError, "CINdetails",
     "Child referral date missing or after data collection period", "CINreferralDate", check_8600},
    {"8606", Severity::kError, "CINdetails",
     "Child referral date is more than 40 weeks before DOB or expected DOB",
     "CINreferralDate, PersonBirthDate, ExpectedPersonBirthDate", check_8606},
    {"8610", Severity::kError, "CINdetails",
     "Primary Need code is missing for a referral which led to further action.",
     "ReferralNFA, PrimaryNeedCode", check_8610},
    {"8620", Severity::kError, "CINdetails",
     "CIN Closure Date present and does not fall within the Census year", "CINclosureDate",
     check_8620},
    {"8630", Severity::kError, "CINdetails",
     "CIN Closure Date is before CIN Referral Date for the same CIN episode",
     "CINreferralDate, CINclosureDate", check_8630},
    {"8640", Severity::kError, "CINdetails",
     "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)",
     "ReasonForClosure", check_8640},
    {"8650", Severity::kError, "CINdetails",
     "Primary Need Code invalid (see Primary Need table in CIN census code set)", "PrimaryNeedCode",
     check_8650},
    {"8805", Severity::kError, "CINdetails",
     "A CIN case cannot have a CIN closure date without a Reason for Closure",
     "CINclosureDate, ReasonForClosure", check_8805},
    {"8810", Severity::kError, "CINdetails",
     "A CIN case cannot have a Reason for Closure without a CIN Closure Date",
     "ReasonForClosure, CINclosureDate", check_8810},
    {"8866", Severity::kError, "CINdetails", "Source of Referral is missing or an invalid code",
     "CINreferralDate, ReferralSource", check_8866},
};

}  // namespace

std::span<const CensusRule> episode_rules() {
  static const std::vector<CensusRule> all = [] {
    std::vector<CensusRule> out(std::begin(kRules), std::end(kRules));
    for (const CensusRule& r : episode_activity_rules()) out.push_back(r);
    return out;
  }();
  return all;
}

}  // namespace cinplan::census
