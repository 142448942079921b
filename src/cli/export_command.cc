// cinplan export --db URL --case ID [--output FILE]: the case as its
// case-history file, in canonical form (import then export gives the file
// back unchanged).
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "app/case_export.h"
#include "cli/commands.h"

namespace cinplan::cli {

int run_export(const ExportArgs& args) {
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
  std::ofstream out(args.output, std::ios::binary | std::ios::trunc);
  if (out) out << *text;
  if (out) out.close();
  if (!out) return fail("cannot write " + args.output + ": " + std::strerror(errno));
  return 0;
}

}  // namespace cinplan::cli
