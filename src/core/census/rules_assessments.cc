// The DfE's rules of the Assessments module: when an assessment may start and
// be authorised, and which factors a completed assessment records. Each rule
// reads as the public DfE validator (data-to-insight csc-validator-be-cin,
// rule set cin2025_26) applies it, so that a return gives the same counts
// here as there; where that reading departs from the DfE's sentence, the
// rule's comment says how.
//
// Counting: the validator names each finding by the child and the values that
// failed (for example the assessment's start and the referral date), and two
// records of one child that fail with the same values are one finding. The
// rules below keep that count with Findings.
#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/census/census_rules.h"
#include "core/census/census_words.h"

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

std::string key(const std::optional<Date>& d) {
  return d ? d->to_string() : "none";
}

// The factors as one text: "2A, 3B", or "missing" when none is recorded.
std::string factor_list(const Assessment& a) {
  if (a.factors.empty()) return "missing";
  std::string out;
  for (const std::string& f : a.factors) out += (out.empty() ? "" : ", ") + f;
  return out;
}

std::string factors_words(const Assessment& a) {
  return "AssessmentFactors " + factor_list(a);
}

std::string start_words(const Assessment& a) {
  return value_words("AssessmentActualStartDate", a.start);
}

std::string authorisation_words(const Assessment& a) {
  return value_words("AssessmentAuthorisationDate", a.authorisation);
}

// Calls f(episode, episode index, assessment, assessment index) for each
// assessment of the child, in file order.
template <typename F>
void each_assessment(const CensusChild& child, F&& f) {
  for (std::size_t ei = 0; ei < child.episodes.size(); ++ei) {
    const CinEpisode& e = child.episodes[ei];
    for (std::size_t ai = 0; ai < e.assessments.size(); ++ai) f(e, ei, e.assessments[ai], ai);
  }
}

// 1103: an assessment with a start date must not start before its episode's
// referral. Both dates must be readable for the comparison to be made.
void check_1103(const CensusContext&, const CensusChild& child, Failures& out) {
  Findings found(out);
  each_assessment(
      child, [&](const CinEpisode& e, std::size_t ei, const Assessment& a, std::size_t ai) {
        const auto start = date_of(a.start);
        const auto referral = date_of(e.referral_date);
        if (start && referral && *start < *referral)
          found.add(key(start) + "|" + key(referral), assessment_words(e, ei, ai),
                    start_words(a) + ", " + value_words("CINreferralDate", e.referral_date));
      });
}

// 8608: an assessment authorised must be authorised on or after its start.
void check_8608(const CensusContext&, const CensusChild& child, Failures& out) {
  Findings found(out);
  each_assessment(child,
                  [&](const CinEpisode& e, std::size_t ei, const Assessment& a, std::size_t ai) {
                    const auto start = date_of(a.start);
                    const auto authorised = date_of(a.authorisation);
                    if (start && authorised && *authorised < *start)
                      found.add(key(start) + "|" + key(authorised), assessment_words(e, ei, ai),
                                start_words(a) + ", " + authorisation_words(a));
                  });
}

// 8614: factors belong to a completed assessment only; an assessment without
// an authorisation date must record none. The validator tells such
// assessments of one child apart by their factors alone.
void check_8614(const CensusContext&, const CensusChild& child, Failures& out) {
  Findings found(out);
  each_assessment(child,
                  [&](const CinEpisode& e, std::size_t ei, const Assessment& a, std::size_t ai) {
                    if (!date_of(a.authorisation) && !a.factors.empty())
                      found.add(factor_list(a), assessment_words(e, ei, ai),
                                authorisation_words(a) + ", " + factors_words(a));
                  });
}

// 8670Q: an assessment still open at the reference date should not have
// started long before it. The DfE sentence puts the limit at the reference
// date minus 45 working days; the validator counts back 44 working days
// (England and Wales), so a start on the 45th working day before the
// reference date is already queried. We follow the validator.
void check_8670Q(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  const Date limit = ctx.calendar.add_working_days(ctx.period.end, -44);
  Findings found(out);
  each_assessment(child, [&](const CinEpisode& e, std::size_t ei, const Assessment& a,
                             std::size_t ai) {
    const auto start = date_of(a.start);
    if (!date_of(a.authorisation) && start && *start < limit)
      found.add(key(start), assessment_words(e, ei, ai),
                start_words(a) + " (before " + limit.to_string() + "), " + authorisation_words(a));
  });
}

// 8696: an authorisation date, where given, lies in the census year (both
// ends included). Every such assessment is a finding of its own.
void check_8696(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  each_assessment(
      child, [&](const CinEpisode& e, std::size_t ei, const Assessment& a, std::size_t ai) {
        const auto authorised = date_of(a.authorisation);
        if (authorised && !ctx.period.contains(*authorised))
          out.push_back({assessment_words(e, ei, ai), authorisation_words(a) + ", census year " +
                                                          ctx.period.start.to_string() + " to " +
                                                          ctx.period.end.to_string()});
      });
}

// 8736: an assessment not yet authorised must have started in the census
// year. The validator also counts an open assessment with no readable start.
void check_8736(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  Findings found(out);
  each_assessment(
      child, [&](const CinEpisode& e, std::size_t ei, const Assessment& a, std::size_t ai) {
        if (date_of(a.authorisation)) return;
        const auto start = date_of(a.start);
        if (!start || !ctx.period.contains(*start))
          found.add(std::to_string(ei) + "|" + key(start), assessment_words(e, ei, ai),
                    start_words(a) + ", " + authorisation_words(a) + ", census year " +
                        ctx.period.start.to_string() + " to " + ctx.period.end.to_string());
      });
}

// 8863Q: within one episode, an assessment should not start on or between the
// start and the authorisation of another (or, when the other is still open,
// its start and the reference date). Two assessments with the same start and
// the same authorisation (or both open) are not compared with each other, as
// the validator reads it; one finding per start date in the episode.
void check_8863Q(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  Findings found(out);
  for (std::size_t ei = 0; ei < child.episodes.size(); ++ei) {
    const CinEpisode& e = child.episodes[ei];
    for (std::size_t ai = 0; ai < e.assessments.size(); ++ai) {
      const Assessment& a = e.assessments[ai];
      const auto start = date_of(a.start);
      if (!start) continue;
      for (const Assessment& other : e.assessments) {
        const auto other_start = date_of(other.start);
        const auto other_end = date_of(other.authorisation);
        if (!other_start) continue;
        if (*other_start == *start && other_end == date_of(a.authorisation)) continue;
        const Date until = other_end ? *other_end : ctx.period.end;
        if (*other_start <= *start && *start <= until) {
          found.add(std::to_string(ei) + "|" + key(start), assessment_words(e, ei, ai),
                    start_words(a) + ", during the assessment started " + *other.start + " (" +
                        authorisation_words(other) + ")");
          break;
        }
      }
    }
  }
}

// 8869: code 21 (no factors identified) stands alone; each other factor
// recorded beside it on the same assessment is a finding. (The validator
// groups an episode's factors by authorisation date to find the assessment;
// here each assessment is taken as the file gives it.)
void check_8869(const CensusContext&, const CensusChild& child, Failures& out) {
  each_assessment(
      child, [&](const CinEpisode& e, std::size_t ei, const Assessment& a, std::size_t ai) {
        bool has_21 = false;
        for (const std::string& f : a.factors) has_21 = has_21 || f == "21";
        if (!has_21) return;
        for (const std::string& f : a.factors)
          if (f != "21")
            out.push_back({assessment_words(e, ei, ai), "AssessmentFactors 21 with " + f});
      });
}

// 8873Q: an episode with exactly one assessment whose factors include 21
// should close for reason RC8 or RC9. As the validator reads it, any factor
// containing "21" counts, the assessment need not be completed, and an
// episode with no reason for closure yet is queried too. One per episode.
void check_8873Q(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t ei = 0; ei < child.episodes.size(); ++ei) {
    const CinEpisode& e = child.episodes[ei];
    if (e.assessments.size() != 1) continue;
    bool has_21 = false;
    for (const std::string& f : e.assessments[0].factors)
      has_21 = has_21 || f.find("21") != std::string::npos;
    const bool closed_as_expected =
        e.reason_for_closure && (*e.reason_for_closure == "RC8" || *e.reason_for_closure == "RC9");
    if (has_21 && !closed_as_expected)
      out.push_back(
          {assessment_words(e, ei, 0), factors_words(e.assessments[0]) + ", " +
                                           value_words("ReasonForClosure", e.reason_for_closure)});
  }
}

// 8896: no more than one assessment of an episode may be without an
// authorisation date. One finding per episode.
void check_8896(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t ei = 0; ei < child.episodes.size(); ++ei) {
    const CinEpisode& e = child.episodes[ei];
    int open = 0;
    for (const Assessment& a : e.assessments)
      if (!date_of(a.authorisation)) ++open;
    if (open > 1)
      out.push_back({episode_words(e, ei),
                     std::to_string(open) + " assessments without AssessmentAuthorisationDate"});
  }
}

// 8897Q: an assessment authorised on or after the start of the census year
// should record at least one factor, each a code of the code set (the
// validator's list and ours agree). The validator names an assessment by its
// position in its episode and its factors, so two such assessments of one
// child at the same position with the same factors are one finding.
void check_8897Q(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  Findings found(out);
  each_assessment(
      child, [&](const CinEpisode& e, std::size_t ei, const Assessment& a, std::size_t ai) {
        const auto authorised = date_of(a.authorisation);
        if (!authorised || *authorised < ctx.period.start) return;
        std::string unknown;
        for (const std::string& f : a.factors)
          if (!ctx.codes.assessment_factors.contains(f))
            unknown += (unknown.empty() ? "" : ", ") + f;
        if (a.factors.empty() || !unknown.empty())
          found.add(std::to_string(ai) + "|" + factor_list(a), assessment_words(e, ei, ai),
                    authorisation_words(a) + ", " + factors_words(a) +
                        (unknown.empty() ? "" : " (not a factor code: " + unknown + ")"));
      });
}

// 8898: no factor code twice on one assessment. One finding per assessment,
// named (as 8897Q) by its position in its episode and its factors.
void check_8898(const CensusContext&, const CensusChild& child, Failures& out) {
  Findings found(out);
  each_assessment(
      child, [&](const CinEpisode& e, std::size_t ei, const Assessment& a, std::size_t ai) {
        std::set<std::string> seen;
        std::string repeated;
        for (const std::string& f : a.factors)
          if (!seen.insert(f).second) repeated += (repeated.empty() ? "" : ", ") + f;
        if (!repeated.empty())
          found.add(std::to_string(ai) + "|" + factor_list(a), assessment_words(e, ei, ai),
                    factors_words(a) + " (repeated: " + repeated + ")");
      });
}

bool same_code(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// A factor retired in 2024-25 (its parts B and C replace it): each use is a
// finding, whatever its letter case.
void retired_factor(std::string_view code, const CensusChild& child, Failures& out) {
  each_assessment(child,
                  [&](const CinEpisode& e, std::size_t ei, const Assessment& a, std::size_t ai) {
                    for (const std::string& f : a.factors)
                      if (same_code(f, code))
                        out.push_back({assessment_words(e, ei, ai), "AssessmentFactors " + f});
                  });
}

// 8945Q: code 18A (physical abuse) should now be 18B or 18C.
void check_8945Q(const CensusContext&, const CensusChild& child, Failures& out) {
  retired_factor("18A", child, out);
}

// 8950Q: code 19A (sexual abuse) should now be 19B or 19C.
void check_8950Q(const CensusContext&, const CensusChild& child, Failures& out) {
  retired_factor("19A", child, out);
}

constexpr CensusRule kRules[] = {
    {"1103", Severity::kError, "Assessments",
     "The assessment start date cannot be before the referral date",
     "AssessmentActualStartDate, CINreferralDate", check_1103},
    {"8608", Severity::kError, "Assessments",
     "Assessment Start Date cannot be later than its End Date",
     "AssessmentActualStartDate, AssessmentAuthorisationDate", check_8608},
    {"8614", Severity::kError, "Assessments",
     "Parental or child factors at assessment should only be present for a completed assessment.",
     "AssessmentAuthorisationDate, AssessmentFactors", check_8614},
    {"8670Q", Severity::kQuery, "Assessments",
     "Please check and either amend data or provide a reason: Assessment started more than 45 "
     "working days before the end of the census year. However, there is no Assessment end date.",
     "AssessmentActualStartDate", check_8670Q},
    {"8696", Severity::kError, "Assessments",
     "Assessment end date must fall within the census year",
     "AssessmentAuthorisationDate, ReferenceDate", check_8696},
    {"8736", Severity::kError, "Assessments",
     "For an Assessment that has not been completed, the start date must fall within the census "
     "year",
     "AssessmentAuthorisationDate, AssessmentActualStartDate", check_8736},
    {"8863Q", Severity::kQuery, "Assessments",
     "An Assessment is shown as starting when there is another Assessment ongoing.",
     "AssessmentActualStartDate, AssessmentAuthorisationDate", check_8863Q},
    {"8869", Severity::kError, "Assessments",
     "The assessment factors code “21” cannot be used in conjunction with any other assessment "
     "factors.",
     "AssessmentFactors", check_8869},
    {"8873Q", Severity::kQuery, "Assessments",
     "Please check and either amend data or provide a reason: When there is only one assessment "
     "on the episode and the factors code “21 No factors identified” has been used for the "
     "completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used.",
     "ReasonForClosure, AssessmentFactors", check_8873Q},
    {"8896", Severity::kError, "Assessments",
     "Within one CINDetails group there are 2 or more open Assessments groups",
     "AssessmentAuthorisationDate", check_8896},
    {"8897Q", Severity::kQuery, "Assessments",
     "Parental or child factors at assessment information is missing from a completed assessment",
     "AssessmentAuthorisationDate, AssessmentFactors", check_8897Q},
    // The DfE message begins with a space; kept as published.
    {"8898", Severity::kError, "Assessments",
     " The assessment has more than one parental or child factors with the same code",
     "AssessmentFactors", check_8898},
    {"8945Q", Severity::kQuery, "Assessments",
     "Please check and either amend data or provide a reason: the assessment factors code '18A' "
     "should not be used ('18B' or '18C' should be used instead)",
     "AssessmentFactors", check_8945Q},
    {"8950Q", Severity::kQuery, "Assessments",
     "Please check and either amend data or provide a reason: the assessment factors code '19A' "
     "should not be used ('19B' or '19C' should be used instead)",
     "AssessmentFactors", check_8950Q},
};

}  // namespace

std::span<const CensusRule> assessment_rules() {
  return kRules;
}

}  // namespace cinplan::census
