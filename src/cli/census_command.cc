// cinplan census validate FILE [--year YEAR] [--json] [--csv FILE]: every DfE
// rule of the 2025-26 collection checked against a census XML file, ours or
// another system's. The report is written as the file is read; the CSV goes
// to a file beside --csv's and takes its name only once it is whole. Exit
// status 0 when no error was found (queries may remain), 1 when errors were
// found, 2 when the file could not be read.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "census/census_report.h"
#include "census/census_validate.h"
#include "cli/commands.h"

namespace cinplan::cli {

int run_census_validate(const CensusValidateArgs& args) {
  namespace fs = std::filesystem;
  if (args.year != 0 && (args.year < 2000 || args.year > 2100))
    return fail("--year: " + std::to_string(args.year) +
                " is not a collection year (the year the collection ends, e.g. 2026)");
  auto codes = census::load_code_sets();
  if (!codes) return fail(codes.error().message);
  std::error_code ec;
  if (!args.csv.empty() && fs::exists(args.csv, ec) && fs::equivalent(args.csv, args.file, ec))
    return fail("--csv: " + args.csv + " is the census file being checked");

  const fs::path partial =
      args.csv.empty() ? fs::path() : fs::path(args.csv + ".partial-" + std::to_string(::getpid()));
  std::ofstream csv_out;
  std::unique_ptr<census::ReportWriter> csv;
  if (!args.csv.empty()) {
    csv_out.open(partial, std::ios::binary | std::ios::trunc);
    if (!csv_out) return fail("--csv: cannot write " + args.csv);
    csv = std::make_unique<census::CsvReport>(csv_out);
  }
  std::unique_ptr<census::ReportWriter> shown;
  if (args.json)
    shown = std::make_unique<census::JsonReport>(std::cout);
  else
    shown = std::make_unique<census::TextReport>(std::cout);

  auto summary =
      census::validate_census_file(args.file, *codes, {args.year},
                                   [&](const census::ValidationSummary&, const census::Finding& f) {
                                     shown->finding(f);
                                     if (csv) csv->finding(f);
                                   });
  auto drop_partial = [&]() {
    if (!partial.empty()) fs::remove(partial, ec);
  };
  if (!summary) {
    drop_partial();
    std::cout.flush();
    return fail(summary.error().message);
  }
  shown->end(*summary);
  if (csv) {
    csv_out.flush();
    csv_out.close();
    if (!csv_out) {
      drop_partial();
      return fail("--csv: cannot write " + args.csv + " (is the disk full?)");
    }
    fs::rename(partial, args.csv, ec);
    if (ec) {
      drop_partial();
      return fail("--csv: cannot write " + args.csv + ": " + ec.message());
    }
  }
  std::cout.flush();
  if (!std::cout) return fail("cannot write the report to standard output");
  return summary->errors > 0 ? 1 : 0;
}

}  // namespace cinplan::cli
