// The DfE's rules of the CINdetails module that look at what is recorded
// against an episode (assessments, section 47 enquiries, plans, conferences)
// given how it was closed or flagged, and at how a child's episodes sit
// together (one open at a time, the open one the latest, no overlaps).
//
// As in rules_episodes.cc, each rule reads as the public DfE validator
// (data-to-insight csc-validator-be-cin, rule set cin2025_26) applies it:
// a date that is not a date counts as missing, and flags are read as the file
// gives them ("false"/"0", "true"/"1"). Every rule here finds at most one
// failure per episode, except 8820, which finds one per pair of episodes.
#include <cctype>
#include <optional>
#include <string>

#include "core/census/census_words.h"
#include "core/census/rules_episodes_activity.h"

namespace cinplan::census {
namespace {

bool closed_for_no_further_action(const CinEpisode& e) {
  return e.reason_for_closure == "RC8" || e.reason_for_closure == "RC9";
}

// ReferralNFA "false" or "0", exactly as written.
bool further_action(const CinEpisode& e) {
  return flag_of(e.referral_nfa) == false;
}

// ReferralNFA "false" or "0" in any case ("False" too).
bool further_action_any_case(const CinEpisode& e) {
  if (!e.referral_nfa) return false;
  std::string flag = *e.referral_nfa;
  for (char& ch : flag) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return flag == "false" || flag == "0";
}

bool is_open(const CinEpisode& e) {
  return !date_of(e.closure_date);
}

void append(std::string& list, const std::string& item) {
  list += (list.empty() ? "" : ", ") + item;
}

// 2990: an episode closed after assessment with no further action (RC8) or
// with a referral to early help (RC9) has nothing recorded beyond the
// assessment: no section 47 enquiry, child protection plan, initial
// conference date on the episode, or CIN plan.
void check_2990(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    if (!closed_for_no_further_action(e)) continue;
    std::string found;
    if (date_of(e.date_of_initial_cpc))
      append(found, value_words("DateOfInitialCPC", e.date_of_initial_cpc));
    if (!e.section47s.empty()) append(found, "a section 47 enquiry");
    if (!e.protection_plans.empty()) append(found, "a child protection plan");
    if (!e.plans.empty()) append(found, "a CIN plan");
    if (!found.empty())
      out.push_back({episode_words(e, i),
                     value_words("ReasonForClosure", e.reason_for_closure) + ", with " + found});
  }
}

// 2991Q: an episode with a section 47 enquiry should have an assessment.
void check_2991Q(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    if (!e.section47s.empty() && e.assessments.empty())
      out.push_back({episode_words(e, i), std::to_string(e.section47s.size()) +
                                              " section 47 enquiry records, no assessment"});
  }
}

// 8815: a child has at most one open episode (no closure date) that is not
// a referral with no further action (ReferralNFA "false" or "0"). When a
// child has two or more, the validator finds every open episode of the
// child, including those flagged no further action.
void check_8815(const CensusContext&, const CensusChild& child, Failures& out) {
  int open_with_action = 0;
  for (const CinEpisode& e : child.episodes)
    if (is_open(e) && further_action(e)) ++open_with_action;
  if (open_with_action < 2) return;
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    if (is_open(e))
      out.push_back({episode_words(e, i), "CINclosureDate missing, " +
                                              value_words("ReferralNFA", e.referral_nfa) + ", " +
                                              std::to_string(open_with_action) +
                                              " open episodes not flagged no further action"});
  }
}

// 8816: an open episode that is not a referral with no further action is
// the child's latest referral. Only episodes with a readable referral date
// take part; when two share the latest date, the first in the file is the
// latest and the other is a failure if it is open.
void check_8816(const CensusContext&, const CensusChild& child, Failures& out) {
  std::optional<std::size_t> latest;
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const auto referral = date_of(child.episodes[i].referral_date);
    if (referral && (!latest || *referral > *date_of(child.episodes[*latest].referral_date)))
      latest = i;
  }
  if (!latest) return;
  const CinEpisode& last = child.episodes[*latest];
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    if (i == *latest || !date_of(e.referral_date) || !is_open(e) || !further_action(e)) continue;
    out.push_back({episode_words(e, i), value_words("CINreferralDate", e.referral_date) +
                                            ", open, " +
                                            value_words("ReferralNFA", e.referral_nfa) +
                                            ", latest referral " + *last.referral_date});
  }
}

// 8820: a child's episodes do not overlap: no episode is referred on or
// after another's referral and before that other one's closure, or, when
// the other is open and not a referral with no further action, before the
// reference date. A referral on the day another closes is allowed. Each
// pair (this episode, the one it falls within) is a failure of its own, so
// two episodes referred on one day can be two failures.
void check_8820(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  for (std::size_t a = 0; a < child.episodes.size(); ++a) {
    const CinEpisode& ea = child.episodes[a];
    const auto referral = date_of(ea.referral_date);
    if (!referral) continue;
    for (std::size_t b = 0; b < child.episodes.size(); ++b) {
      const CinEpisode& eb = child.episodes[b];
      const auto other_referral = date_of(eb.referral_date);
      if (a == b || !other_referral || *referral < *other_referral) continue;
      const auto other_closed = date_of(eb.closure_date);
      const bool within = other_closed ? *referral < *other_closed
                                       : *referral < ctx.period.end && further_action_any_case(eb);
      if (!within) continue;
      out.push_back(
          {episode_words(ea, a),
           value_words("CINreferralDate", ea.referral_date) + ", within " + episode_words(eb, b) +
               (other_closed ? ", closed " + *eb.closure_date
                             : ", open to the reference date " + ctx.period.end.to_string())});
    }
  }
}

// 8825Q: an episode closed after assessment (RC8 or RC9) should have an
// assessment.
void check_8825Q(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    if (closed_for_no_further_action(e) && e.assessments.empty())
      out.push_back({episode_words(e, i),
                     value_words("ReasonForClosure", e.reason_for_closure) + ", no assessment"});
  }
}

// 8831: a referral with no further action (ReferralNFA "true" or "1") has no
// activity: no assessment start or authorisation date, no section 47 start
// date and no initial conference date. The validator looks for the
// conference date on the episode only, not on its section 47 enquiries; so
// do we.
void check_8831(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    if (flag_of(e.referral_nfa) != true) continue;
    std::string found;
    if (date_of(e.date_of_initial_cpc))
      append(found, value_words("DateOfInitialCPC", e.date_of_initial_cpc));
    for (const Section47& s : e.section47s)
      if (date_of(s.start)) {
        append(found, value_words("S47ActualStartDate", s.start));
        break;
      }
    for (const Assessment& a : e.assessments)
      if (date_of(a.start) || date_of(a.authorisation)) {
        append(found, date_of(a.start)
                          ? value_words("AssessmentActualStartDate", a.start)
                          : value_words("AssessmentAuthorisationDate", a.authorisation));
        break;
      }
    if (!found.empty())
      out.push_back(
          {episode_words(e, i), value_words("ReferralNFA", e.referral_nfa) + ", with " + found});
  }
}

// 8867: a closed episode has every assessment authorised (completed).
void check_8867(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    if (is_open(e)) continue;
    for (std::size_t ai = 0; ai < e.assessments.size(); ++ai)
      if (!date_of(e.assessments[ai].authorisation)) {
        out.push_back({assessment_words(e, i, ai), value_words("CINclosureDate", e.closure_date) +
                                                       ", AssessmentAuthorisationDate missing"});
        break;
      }
  }
}

// 8868: a closed episode has every section 47 enquiry completed, by an
// initial conference date or by ICPCnotRequired "true" or "1". The
// validator also finds an enquiry that has both a conference date and the
// not-required flag, which the DfE sentence allows; we follow the validator.
void check_8868(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    if (is_open(e)) continue;
    for (std::size_t si = 0; si < e.section47s.size(); ++si) {
      const Section47& s = e.section47s[si];
      const bool conference = date_of(s.date_of_icpc).has_value();
      const bool not_required = flag_of(s.icpc_not_required) == true;
      if (conference != not_required) continue;
      out.push_back(
          {section47_words(e, i, si), value_words("CINclosureDate", e.closure_date) + ", " +
                                          value_words("DateOfInitialCPC", s.date_of_icpc) + ", " +
                                          value_words("ICPCnotRequired", s.icpc_not_required)});
      break;
    }
  }
}

constexpr CensusRule kRules[] = {
    {"2990", Severity::kError, "CINdetails",
     "Activity is recorded against a case marked as ‘Case closed after assessment, no further "
     "action’ or 'case closed after assessment, referred to early help'.",
     "ReasonForClosure", check_2990},
    {"2991Q", Severity::kQuery, "CINdetails",
     "Please check and either amend data or provide a reason: A Section 47 module is recorded and "
     "there is no assessment on the episode",
     "CINdetailsID", check_2991Q},
    {"8815", Severity::kError, "CINdetails",
     "More than one open CIN Details episode (a module with no CIN Closure Date) has been "
     "provided for this child and case is not a referral with no further action.",
     "ReferralNFA, CINclosureDate", check_8815},
    {"8816", Severity::kError, "CINdetails",
     "An open CIN episode is shown and case is not a referral with no further action, but it is "
     "not the latest episode.",
     "CINreferralDate, ReferralNFA", check_8816},
    {"8820", Severity::kError, "CINdetails", "The dates on the CIN episodes for this child overlap",
     "CINreferralDate, CINclosureDate", check_8820},
    {"8825Q", Severity::kQuery, "CINdetails",
     "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case "
     "closed after assessment) or RC9 (case closed after assessment, referred to early help) has "
     "been returned but there is no assessment present for the episode.",
     "ReasonForClosure", check_8825Q},
    {"8831", Severity::kError, "CINdetails",
     "Activity is recorded against a case marked as a referral with no further action",
     "AssessmentActualStartDate, AssessmentAuthorisationDate, S47ActualStartDate, "
     "DateOfInitialCPC",
     check_8831},
    {"8867", Severity::kError, "CINdetails",
     "CIN episode is shown as closed, however Assessment is not shown as completed",
     "CINclosureDate, AssessmentAuthorisationDate", check_8867},
    {"8868", Severity::kError, "CINdetails",
     "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by "
     "ICPC date or ICPC not required flag",
     "ICPCnotRequired, CINclosureDate, DateOfInitialCPC", check_8868},
};

}  // namespace

std::span<const CensusRule> episode_activity_rules() {
  return kRules;
}

}  // namespace cinplan::census
