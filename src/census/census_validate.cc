#include "census/census_validate.h"

#include "app/census_codes.h"
#include "census/census_xml.h"

namespace cinplan::census {

std::filesystem::path default_code_sets_file() {
  return app::default_census_codes_file();
}

Result<CodeSets> load_code_sets(const std::filesystem::path& path) {
  return app::load_census_codes(path);
}

Result<ValidationSummary> validate_census_file(const std::string& path, const CodeSets& codes,
                                               ReturnSettings settings,
                                               const FindingSink& on_finding) {
  static const WorkingDayCalendar england(HolidayRegion::kEnglandAndWales);
  ValidationSummary summary;
  summary.file = path;
  std::optional<ReturnCheck> check;
  auto found = [&](const Finding& f) {
    ++(f.rule->severity == Severity::kError ? summary.errors : summary.queries);
    ++summary.counts[std::string(f.rule->code)];
    on_finding(summary, f);
  };
  auto read = read_census_file(
      path,
      [&](const CensusHeader& header) -> Result<void> {
        summary.header = header;
        check.emplace(codes, england, header, settings);
        summary.year = check->year();
        summary.period = check->context().period;
        return {};
      },
      [&](CensusChild&& child) -> Result<void> {
        ++summary.children;
        for (const Finding& f : check->check(child)) found(f);
        return {};
      });
  if (!read) return std::unexpected(read.error());
  summary.skipped = read->skipped;
  for (const Finding& f : check->finish()) found(f);
  return summary;
}

}  // namespace cinplan::census
