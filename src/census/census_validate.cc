#include "census/census_validate.h"

#include <fstream>
#include <sstream>

#include "census/census_xml.h"

namespace cinplan::census {

std::filesystem::path default_code_sets_file() {
  return std::filesystem::path(CINPLAN_DEFAULT_CONFIG_DIR) / "census" / "code_sets.toml";
}

Result<CodeSets> load_code_sets(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in)
    return std::unexpected(Error::not_found("cannot read the census code sets " + path.string()));
  std::stringstream text;
  text << in.rdbuf();
  auto codes = parse_code_sets(text.str());
  if (!codes)
    return std::unexpected(Error::bad_input(path.string() + ": " + codes.error().message));
  return codes;
}

std::size_t ValidationReport::errors() const {
  std::size_t n = 0;
  for (const Finding& f : findings) n += f.rule->severity == Severity::kError;
  return n;
}

std::size_t ValidationReport::queries() const {
  return findings.size() - errors();
}

std::map<std::string, std::size_t> ValidationReport::counts() const {
  std::map<std::string, std::size_t> out;
  for (const Finding& f : findings) ++out[std::string(f.rule->code)];
  return out;
}

Result<ValidationReport> validate_census_file(const std::string& path, const CodeSets& codes,
                                              ReturnSettings settings) {
  static const WorkingDayCalendar england(HolidayRegion::kEnglandAndWales);
  ValidationReport report;
  report.file = path;
  std::optional<ReturnCheck> check;
  auto read = read_census_file(
      path,
      [&](const CensusHeader& header) -> Result<void> {
        report.header = header;
        check.emplace(codes, england, header, settings);
        return {};
      },
      [&](CensusChild&& child) -> Result<void> {
        for (Finding& f : check->check(child)) report.findings.push_back(std::move(f));
        return {};
      });
  if (!read) return std::unexpected(read.error());
  report.children = read->children;
  report.skipped = read->skipped;
  report.year = check->year();
  report.period = check->context().period;
  for (Finding& f : check->finish()) report.findings.push_back(std::move(f));
  return report;
}

}  // namespace cinplan::census
