// cinplan census validate FILE [--year YEAR] [--json] [--csv FILE]: every DfE
// rule of the 2025-26 collection checked against a census XML file, ours or
// another system's. The report is written as the file is read; the CSV goes
// to a file beside --csv's and takes its name only once it is whole. Exit
// status 0 when no error was found (queries may remain), 1 when errors were
// found, 2 when the file could not be read.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "app/case_export.h"
#include "app/clock.h"
#include "app/output_file.h"
#include "census/census_export.h"
#include "census/census_report.h"
#include "census/census_validate.h"
#include "cli/commands.h"
#include "cli/partial_file.h"

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

  std::optional<PartialFile> csv_file;
  std::unique_ptr<census::ReportWriter> csv;
  if (!args.csv.empty()) {
    csv_file.emplace(args.csv);
    if (!csv_file->is_open()) return fail("--csv: cannot write " + args.csv);
    csv = std::make_unique<census::CsvReport>(csv_file->out());
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
  if (!summary) {
    std::cout.flush();
    return fail(summary.error().message);
  }
  shown->end(*summary);
  if (csv_file)
    if (auto done = csv_file->commit(); !done) return fail("--csv: " + done.error().message);
  std::cout.flush();
  if (!std::cout) return fail("cannot write the report to standard output");
  return summary->errors > 0 ? 1 : 0;
}

int run_census_export(const CensusExportArgs& args) {
  std::vector<app::ProtectedFile> database;
  for (const auto& file : store::database_files(args.db))
    database.push_back({file, "a file of the database " + args.db});
  if (!args.output.empty())
    if (auto checked = app::check_output_path(args.output, database); !checked)
      return fail("--output: " + checked.error().message);
  auto store = app::open_existing_store(args.db);
  if (!store) return fail(store.error().describe());
  census::ExportOptions options;
  options.year = args.year;
  options.la = args.la;
  options.made_at = app::utc_timestamp(std::chrono::system_clock::now()).substr(0, 19);
  if (args.output.empty()) {
    auto done = census::export_census(**store, options, std::cout);
    std::cout.flush();
    if (!done) return fail(done.error().message);
    if (!std::cout) return fail("cannot write the return to standard output");
    std::cerr << "cinplan: " << done->children << " children of " << done->cases << " cases\n";
    return 0;
  }
  PartialFile file(args.output);
  if (!file.is_open()) return fail("--output: cannot write " + args.output);
  auto done = census::export_census(**store, options, file.out());
  if (!done) return fail(done.error().message);
  if (auto committed = file.commit(); !committed)
    return fail("--output: " + committed.error().message);
  std::cerr << "cinplan: " << done->children << " children of " << done->cases << " cases in "
            << args.output << "\n";
  return 0;
}

}  // namespace cinplan::cli
