// The DfE's validation rules of the CIN census, each named by its DfE code,
// one table entry and one function each (../shared/census/rules_2025_26.tsv
// is the list they follow: code, ERROR or QUERY, module, the DfE message).
//
// Most rules look at one child: `check` is given the child and says each
// place the child breaks the rule (a Failure), or nothing when the child
// passes. A few look at the whole return (the header, the same UPN or LA
// child ID twice, the share of children without a sex, how many disability
// codes are used): those are run by ReturnCheck (census_check.h), not here.
// Pure: no I/O, no clock; the census period comes from the header's
// reference date.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/bank_holidays.h"
#include "core/census/census_return.h"
#include "core/census/code_sets.h"

namespace cinplan::census {

enum class Severity { kError, kQuery };
std::string_view to_string(Severity s);  // "ERROR", "QUERY"

struct CensusContext {
  CensusPeriod period;  // 1 April to the reference date (31 March)
  const CodeSets& codes;
  const WorkingDayCalendar& calendar;  // England and Wales
};

// One place a child breaks a rule: which part of the record, in words a data
// officer finds it by ("CIN episode referred 2025-06-02, assessment started
// 2025-06-03"), and the values concerned ("CINclosureDate 2023-02-27").
// Each Failure is one finding, counted once.
struct Failure {
  std::string where;
  std::string values;
};
using Failures = std::vector<Failure>;

using ChildCheck = void (*)(const CensusContext&, const CensusChild&, Failures&);

struct CensusRule {
  std::string_view code;  // the DfE code: "8620", "2887Q"
  Severity severity;
  std::string_view module;     // Header, ChildIdentifiers, CINdetails, ...
  std::string_view message;    // the DfE's message
  std::string_view fields;     // the elements it names, comma separated
  ChildCheck check = nullptr;  // null for a rule of the whole return
};

// Every rule of the 2025-26 collection, in code order; each code once.
std::span<const CensusRule> census_rules();
const CensusRule* find_rule(std::string_view code);

// The rules of one part of the record, as each file defines them (the whole
// list above is these put together).
std::span<const CensusRule> return_rules();  // census_return_rules.cc
std::span<const CensusRule>
identifier_rules();  // ChildIdentifiers, ChildCharacteristics, Disabilities
std::span<const CensusRule> episode_rules();          // CINdetails
std::span<const CensusRule> assessment_rules();       // Assessments
std::span<const CensusRule> plan_date_rules();        // CINplanDates
std::span<const CensusRule> section47_rules();        // Section47
std::span<const CensusRule> protection_plan_rules();  // ChildProtectionPlans, Reviews

}  // namespace cinplan::census
