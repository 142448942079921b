// cinplan export --db URL --case ID [--output FILE]: the case as its
// case-history file, in canonical form (import then export gives the file
// back unchanged). The database is only read; --output never names one of
// the database's own files, and the file is written whole or not at all
// (app/output_file.h).
#include <iostream>
#include <vector>

#include "app/case_export.h"
#include "app/output_file.h"
#include "cli/commands.h"
#include "core/casefile/case_id.h"

namespace cinplan::cli {

int run_export(const ExportArgs& args) {
  std::vector<app::ProtectedFile> database;
  for (const auto& file : store::database_files(args.db))
    database.push_back({file, "a file of the database " + args.db});
  if (!args.output.empty()) {
    if (auto checked = app::check_output_path(args.output, database); !checked)
      return fail("--output: " + checked.error().message);
  }
  if (auto id = check_case_id(args.case_id); !id) return fail("--case: " + id.error().message);
  auto store = app::open_existing_store(args.db);
  if (!store) return fail(store.error().describe());
  auto text = app::export_case(**store, args.case_id);
  if (!text) return fail(text.error().describe());
  if (args.output.empty()) {
    std::cout << *text;
    std::cout.flush();
    if (!std::cout) return fail("cannot write the case to standard output");
    return 0;
  }
  if (auto written = app::write_file_atomically(args.output, *text, database); !written)
    return fail("--output: " + written.error().message);
  return 0;
}

}  // namespace cinplan::cli
