#include "app/census_problems.h"

#include "app/census_child.h"
#include "core/census/census_check.h"

namespace cinplan::app {

int collection_year_on(Date today) {
  const YearMonthDay d = today.ymd();
  return d.month <= 3 ? d.year : d.year + 1;
}

nlohmann::ordered_json census_problems_json(std::string_view case_id, const CaseHistory& history,
                                            Date today, const census::CodeSets& codes) {
  static const WorkingDayCalendar england(HolidayRegion::kEnglandAndWales);
  const int year = collection_year_on(today);
  const census::CensusContext ctx{census::period_ending(*Date::from_ymd(year, 3, 31)), codes,
                                  england};
  const census::CensusChild child = census_year_of(census_child(case_id, history), ctx.period);
  nlohmann::ordered_json out;
  out["collection_year"] = year;
  out["period"] = {{"start", ctx.period.start.to_string()}, {"end", ctx.period.end.to_string()}};
  // In the return: an episode open at some time in the period.
  const bool in_return = !child.episodes.empty();
  out["in_return"] = in_return;
  auto findings = nlohmann::ordered_json::array();
  std::size_t errors = 0;
  if (in_return) {
    for (const census::Finding& f : census::check_child(ctx, child)) {
      errors += f.rule->severity == census::Severity::kError;
      findings.push_back({{"rule", f.rule->code},
                          {"type", census::to_string(f.rule->severity)},
                          {"message", f.rule->message},
                          {"fields", f.rule->fields},
                          {"where", f.failure.where},
                          {"values", f.failure.values}});
    }
  }
  out["errors"] = errors;
  out["queries"] = findings.size() - errors;
  out["findings"] = std::move(findings);
  return out;
}

}  // namespace cinplan::app
