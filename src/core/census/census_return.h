// A Children in Need census return as the DfE's XML lays it out (DESIGN.md
// and ../shared/census/README.md): the header, then each child with their
// identifiers, characteristics and CIN episodes. Every element is kept as the
// text the file gave (trimmed), or absent, so that the rules can tell a
// missing value from a wrong one, exactly as the DfE specification reads; the
// typed readings (dates, flags) are helpers beside it. Pure data: the XML
// reader (src/census/census_xml.h) and the export from the events fill it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar/date.h"

namespace cinplan::census {

// An element's text as the file gave it, trimmed; nullopt when the element
// is absent or empty.
using Text = std::optional<std::string>;

// The date an element holds (YYYY-MM-DD), or nullopt when it is absent or is
// not a date that exists.
std::optional<Date> date_of(const Text& text);

// "1"/"true" is true, "0"/"false" false; anything else (or absent) nullopt.
std::optional<bool> flag_of(const Text& text);

struct CensusHeader {
  Text collection;      // "CIN"
  Text year;            // the collection year's end, e.g. "2026"
  Text reference_date;  // 31 March of that year
  Text source_level;
  Text lea;  // the authority's number
  Text software_code;
  Text release;
  Text serial_no;
  Text date_time;
};

struct Assessment {
  Text start;                        // AssessmentActualStartDate (N00159)
  Text authorisation;                // AssessmentAuthorisationDate (N00160): completed
  std::vector<std::string> factors;  // AssessmentFactors (N00181)
};

struct CinPlanDates {
  Text start;  // CINPlanStartDate (N00689)
  Text end;    // CINPlanEndDate (N00690)
};

struct Section47 {
  Text start;              // S47ActualStartDate (N00148)
  Text icpc_target;        // InitialCPCtarget (N00109)
  Text date_of_icpc;       // DateOfInitialCPC (N00110)
  Text icpc_not_required;  // ICPCnotRequired (N00111), 0/1
};

struct ChildProtectionPlan {
  Text start;                 // CPPstartDate (N00105)
  Text end;                   // CPPendDate (N00115)
  Text initial_category;      // InitialCategoryOfAbuse (N00113)
  Text latest_category;       // LatestCategoryOfAbuse (N00114)
  Text number_of_previous;    // NumberOfPreviousCPP (N00106)
  std::vector<Text> reviews;  // CPPreviewDate (N00116), one per Reviews element
};

// One CINdetails: a referral and what followed it.
struct CinEpisode {
  Text referral_date;        // CINreferralDate (N00100)
  Text referral_source;      // ReferralSource (N00152)
  Text primary_need;         // PrimaryNeedCode (N00101)
  Text closure_date;         // CINclosureDate (N00102)
  Text reason_for_closure;   // ReasonForClosure (N00103)
  Text date_of_initial_cpc;  // DateOfInitialCPC (N00110), at the episode's level
  Text referral_nfa;         // ReferralNFA (N00112), 0/1
  std::vector<Assessment> assessments;
  std::vector<CinPlanDates> plans;
  std::vector<Section47> section47s;
  std::vector<ChildProtectionPlan> protection_plans;
};

struct CensusChild {
  // ChildIdentifiers
  Text la_child_id;          // LAchildID (N00097)
  Text upn;                  // UPN (N00001)
  Text former_upn;           // FormerUPN (N00002)
  Text upn_unknown;          // UPNunknown (N00135), UN1-UN7
  Text birth_date;           // PersonBirthDate (N00066)
  Text expected_birth_date;  // ExpectedPersonBirthDate (N00098)
  Text sex;                  // Sex (N00783), M/F/U (older files' GenderCurrent is not read)
  Text death_date;           // PersonDeathDate (N00108)
  // ChildCharacteristics
  Text ethnicity;                         // Ethnicity (N00177)
  std::vector<std::string> disabilities;  // Disability (N00099)
  std::vector<CinEpisode> episodes;
  int line = 0;  // where the Child element starts in its file; 0 when not from a file
};

// The period a return covers: 1 April of the year before the reference date
// to the reference date (31 March), both included.
struct CensusPeriod {
  Date start;
  Date end;
  bool contains(Date d) const { return start <= d && d <= end; }
};

// The period ending on `reference_date` (1 April a year before it, to it).
CensusPeriod period_ending(Date reference_date);

}  // namespace cinplan::census
