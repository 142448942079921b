// cinplan census validate FILE [--year YEAR] [--json] [--csv FILE]: every DfE
// rule of the 2025-26 collection checked against a census XML file, ours or
// another system's. Exit status 0 when no error was found (queries may
// remain), 1 when errors were found, 2 when the file could not be read.
#include <iostream>

#include "app/output_file.h"
#include "census/census_report.h"
#include "census/census_validate.h"
#include "cli/commands.h"

namespace cinplan::cli {

int run_census_validate(const CensusValidateArgs& args) {
  if (args.year != 0 && (args.year < 2000 || args.year > 2100))
    return fail("--year: " + std::to_string(args.year) +
                " is not a collection year (the year the collection ends, e.g. 2026)");
  auto codes = census::load_code_sets();
  if (!codes) return fail(codes.error().message);
  auto report = census::validate_census_file(args.file, *codes, {args.year});
  if (!report) return fail(report.error().message);
  if (!args.csv.empty()) {
    if (auto written = app::write_file_atomically(args.csv, census::report_csv(*report), {});
        !written)
      return fail("--csv: " + written.error().message);
  }
  if (args.json)
    std::cout << census::report_json(*report).dump(2) << "\n";
  else
    std::cout << census::report_text(*report);
  std::cout.flush();
  if (!std::cout) return fail("cannot write the report to standard output");
  return report->errors() > 0 ? 1 : 0;
}

}  // namespace cinplan::cli
