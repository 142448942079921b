// The DfE rules of the Section47 module (and 8890, which the DfE files under
// CINdetails but which compares section 47 enquiries). Each rule reads the
// enquiries as the public CIN census validator
// (data-to-insight/csc-validator-be-cin) does, so that a return gets the
// same count of findings from both; where that reading differs from the
// DfE's specification sentence, the rule's comment says so.
//
// Two things hold for every rule here, as in the validator:
// - A date that is missing and a date that cannot be read are alike: absent.
// - The census year runs from the previous reference date (31 March a year
//   before) to the reference date, both days counted. The DfE calls it
//   1 April to 31 March; the validator lets the previous 31 March through.
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "core/census/census_rules.h"
#include "core/census/census_words.h"

namespace cinplan::census {
namespace {

using Day = std::optional<Date>;

Date year_start(const CensusContext& ctx) {
  return add_months(ctx.period.end, -12);
}

bool in_census_year(const CensusContext& ctx, Date d) {
  return year_start(ctx) <= d && d <= ctx.period.end;
}

// The validator counts one finding per child and set of dates (and flags)
// that break a rule, so a second place with the same dates is not reported
// again; a date's part of that key.
std::string key(const Day& d) {
  return d ? d->to_string() : "none";
}

bool text_is(const Text& t, std::string_view a, std::string_view b = {}) {
  return t && (*t == a || (!b.empty() && *t == b));
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string both(std::string a, const std::string& b) {
  return std::move(a) + ", " + b;
}

// 1104: an enquiry's initial conference cannot come before the referral of
// its episode. One finding per episode and conference date.
void check_1104(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    const Day referral = date_of(e.referral_date);
    std::set<Date> seen;
    for (std::size_t j = 0; j < e.section47s.size(); ++j) {
      const Day icpc = date_of(e.section47s[j].date_of_icpc);
      if (referral && icpc && *icpc < *referral && seen.insert(*icpc).second)
        out.push_back({section47_words(e, i, j),
                       both(value_words("DateOfInitialCPC", e.section47s[j].date_of_icpc),
                            value_words("CINreferralDate", e.referral_date))});
    }
  }
}

// 2884: a conference recorded on an enquiry must not also be recorded on the
// CIN details. The validator reads "recorded at both" as the same date on an
// enquiry and on the CIN details of any of the child's episodes; one finding
// per enquiry episode and date.
void check_2884(const CensusContext&, const CensusChild& child, Failures& out) {
  std::set<std::pair<std::size_t, Date>> seen;
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    for (std::size_t j = 0; j < e.section47s.size(); ++j) {
      const Day icpc = date_of(e.section47s[j].date_of_icpc);
      if (!icpc) continue;
      for (std::size_t k = 0; k < child.episodes.size(); ++k) {
        if (date_of(child.episodes[k].date_of_initial_cpc) != icpc) continue;
        if (seen.insert({i, *icpc}).second)
          out.push_back({section47_words(e, i, j),
                         value_words("DateOfInitialCPC", e.section47s[j].date_of_icpc) +
                             " also on " + episode_words(child.episodes[k], k)});
        break;
      }
    }
  }
}

// 2889: an enquiry cannot start before the referral of its episode. One
// finding per start and referral date, whichever episodes they are in.
void check_2889(const CensusContext&, const CensusChild& child, Failures& out) {
  std::set<std::pair<Date, Date>> seen;
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    const Day referral = date_of(e.referral_date);
    for (std::size_t j = 0; j < e.section47s.size(); ++j) {
      const Day start = date_of(e.section47s[j].start);
      if (referral && start && *start < *referral && seen.insert({*start, *referral}).second)
        out.push_back({section47_words(e, i, j),
                       both(value_words("S47ActualStartDate", e.section47s[j].start),
                            value_words("CINreferralDate", e.referral_date))});
    }
  }
}

// 8615: an enquiry with a conference date must have a start date on or
// before it. One finding per start and conference date.
void check_8615(const CensusContext&, const CensusChild& child, Failures& out) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    for (std::size_t j = 0; j < e.section47s.size(); ++j) {
      const Section47& s = e.section47s[j];
      const Day start = date_of(s.start), icpc = date_of(s.date_of_icpc);
      if (!icpc || (start && *start <= *icpc)) continue;
      if (seen.insert(key(start) + key(icpc)).second)
        out.push_back(
            {section47_words(e, i, j), both(value_words("S47ActualStartDate", s.start),
                                            value_words("DateOfInitialCPC", s.date_of_icpc))});
    }
  }
}

// 8675Q: an enquiry with no conference date whose conference is still
// needed (ICPCnotRequired false or 0) should not have started before the
// reference date less 15 working days (England and Wales). The validator
// steps back 14 working days, not 15, and that is the line kept here: an
// enquiry started on the 14th working day before 31 March or earlier is
// queried. One finding per start date and flag.
void check_8675Q(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  const Date line = ctx.calendar.add_working_days(ctx.period.end, -14);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    for (std::size_t j = 0; j < e.section47s.size(); ++j) {
      const Section47& s = e.section47s[j];
      const Day start = date_of(s.start);
      if (date_of(s.date_of_icpc) || !text_is(s.icpc_not_required, "false", "0")) continue;
      if (start && *start < line && seen.insert(key(start) + *s.icpc_not_required).second)
        out.push_back(
            {section47_words(e, i, j), value_words("S47ActualStartDate", s.start) + " (before " +
                                           line.to_string() + "), DateOfInitialCPC missing, " +
                                           value_words("ICPCnotRequired", s.icpc_not_required)});
    }
  }
}

// 8715: an enquiry's conference date must fall in the census year. One
// finding per enquiry.
void check_8715(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    for (std::size_t j = 0; j < e.section47s.size(); ++j) {
      const Day icpc = date_of(e.section47s[j].date_of_icpc);
      if (icpc && !in_census_year(ctx, *icpc))
        out.push_back({section47_words(e, i, j),
                       value_words("DateOfInitialCPC", e.section47s[j].date_of_icpc)});
    }
  }
}

// 8740: an enquiry with no conference date whose conference is still needed
// must have started in the census year. The validator takes "still needed"
// as ICPCnotRequired written 0 only (not "false"). One finding per start date.
void check_8740(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  std::set<Date> seen;
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    for (std::size_t j = 0; j < e.section47s.size(); ++j) {
      const Section47& s = e.section47s[j];
      const Day start = date_of(s.start);
      if (date_of(s.date_of_icpc) || !text_is(s.icpc_not_required, "0")) continue;
      if (start && !in_census_year(ctx, *start) && seen.insert(*start).second)
        out.push_back({section47_words(e, i, j),
                       value_words("S47ActualStartDate", s.start) + ", DateOfInitialCPC missing"});
    }
  }
}

// An enquiry still waiting for its conference: no conference date, and the
// conference not marked as not required ("true" or 1).
bool awaiting_conference(const Section47& s) {
  return !date_of(s.date_of_icpc) && !text_is(s.icpc_not_required, "true", "1");
}

// 8839: an episode may have only one enquiry still waiting for its
// conference. One finding per episode.
void check_8839(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    std::string starts;
    int open = 0;
    for (const Section47& s : e.section47s)
      if (awaiting_conference(s)) {
        starts += std::string(open++ ? ", " : "") + s.start.value_or("no start date");
      }
    if (open > 1)
      out.push_back(
          {episode_words(e, i),
           std::to_string(open) + " enquiries with no DateOfInitialCPC, started " + starts});
  }
}

// 8870Q: an enquiry's target conference date should not be a Saturday or
// Sunday. One finding per enquiry. The validator reads this date only when
// written day-month-year, so it never queries a census file's dates; the
// DfE's reading is kept here.
void check_8870Q(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    for (std::size_t j = 0; j < e.section47s.size(); ++j) {
      const Day target = date_of(e.section47s[j].icpc_target);
      if (target && target->is_weekend())
        out.push_back(
            {section47_words(e, i, j),
             value_words("InitialCPCtarget", e.section47s[j].icpc_target) +
                 (target->weekday() == Weekday::kSaturday ? " (a Saturday)" : " (a Sunday)")});
    }
  }
}

// 8875: an enquiry's conference cannot be on a Saturday or Sunday. One
// finding per enquiry.
void check_8875(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    for (std::size_t j = 0; j < e.section47s.size(); ++j) {
      const Day icpc = date_of(e.section47s[j].date_of_icpc);
      if (icpc && icpc->is_weekend())
        out.push_back(
            {section47_words(e, i, j),
             value_words("DateOfInitialCPC", e.section47s[j].date_of_icpc) +
                 (icpc->weekday() == Weekday::kSaturday ? " (a Saturday)" : " (a Sunday)")});
    }
  }
}

// 8890: within an episode, no enquiry may start on or between the start and
// the conference of another, or, when the other has no conference date and
// it is not marked not required, on or between its start and the reference
// date. Enquiries with the same start and the same conference date (or both
// none) are not compared with each other, as the validator does not. One
// finding per episode and start date.
void check_8890(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    std::set<Date> seen;
    for (std::size_t a = 0; a < e.section47s.size(); ++a) {
      const Day start = date_of(e.section47s[a].start);
      if (!start || seen.contains(*start)) continue;
      for (std::size_t b = 0; b < e.section47s.size(); ++b) {
        const Section47& other = e.section47s[b];
        const Day other_start = date_of(other.start), other_icpc = date_of(other.date_of_icpc);
        if (!other_start || a == b) continue;
        if (other_start == start && other_icpc == date_of(e.section47s[a].date_of_icpc)) continue;
        const bool other_open =
            other.icpc_not_required
                ? lower(*other.icpc_not_required) != "true" && *other.icpc_not_required != "1"
                : true;
        const bool inside =
            *start >= *other_start &&
            (other_icpc ? *start <= *other_icpc : other_open && *start <= ctx.period.end);
        if (!inside) continue;
        seen.insert(*start);
        out.push_back({section47_words(e, i, a),
                       value_words("S47ActualStartDate", e.section47s[a].start) +
                           " while the enquiry started " + *other.start +
                           (other_icpc ? " was open until its conference " + *other.date_of_icpc
                                       : " was still open")});
        break;
      }
    }
  }
}

constexpr CensusRule kRules[] = {
    {"1104", Severity::kError, "Section47",
     "The date of the initial child protection conference cannot be before the referral date",
     "CINreferralDate, DateOfInitialCPC", check_1104},
    {"2884", Severity::kError, "Section47",
     "An initial child protection conference is recorded at both the S47 and CIN Details level "
     "and it should only be recorded in one",
     "DateOfInitialCPC", check_2884},
    {"2889", Severity::kError, "Section47",
     "The S47 start date cannot be before the referral date.",
     "S47ActualStartDate, CINreferralDate", check_2889},
    {"8615", Severity::kError, "Section47",
     "Section 47 Enquiry Start Date must be present and cannot be later than the date of the "
     "initial Child Protection Conference",
     "S47ActualStartDate, DateOfInitialCPC", check_8615},
    {"8675Q", Severity::kQuery, "Section47",
     "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 "
     "working days before the end of the census year. However, there is no date of Initial "
     "Child Protection Conference.",
     "DateOfInitialCPC, S47ActualStartDate, ICPCnotReqiured", check_8675Q},
    {"8715", Severity::kError, "Section47",
     "Date of Initial Child Protection Conference must fall within the census year",
     "DateOfInitialCPC, ReferenceDate", check_8715},
    {"8740", Severity::kError, "Section47",
     "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the "
     "end of the census year, the start date must fall within the census year",
     "S47ActualStartDate, DateOfInitialCPC, ICPCnotRequired", check_8740},
    {"8839", Severity::kError, "Section47",
     "Within one CINDetails group there are 2 or more open S47 Assessments", "DateOfInitialCPC",
     check_8839},
    {"8870Q", Severity::kQuery, "Section47",
     "Please check and either amend or provide a reason: The Target Date for Initial Child "
     "Protection Conference should not be a weekend",
     "InitialCPCtarget", check_8870Q},
    {"8875", Severity::kError, "Section47",
     "The Date of Initial Child Protection Conference cannot be a weekend", "DateOfInitialCPC",
     check_8875},
    {"8890", Severity::kError, "CINdetails",
     "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing",
     "S47ActualStartDate", check_8890},
};

}  // namespace

std::span<const CensusRule> section47_rules() {
  return kRules;
}

}  // namespace cinplan::census
