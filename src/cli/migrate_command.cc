// cinplan migrate --db URL: brings an existing cinplan database up to this
// build's schema version (the reading commands refuse an older one and say
// to run this). It never creates a database or turns another file into one
// (store::migrate_existing_store).
#include <iostream>

#include "cli/commands.h"
#include "cli/terminal.h"
#include "store/event_store.h"

namespace cinplan::cli {

int run_migrate(const MigrateArgs& args) {
  auto upgrade = store::migrate_existing_store(args.db);
  if (!upgrade) return fail(upgrade.error().describe());
  const std::string where = store::redact_url(args.db);
  if (upgrade->from == upgrade->to) {
    print_line(std::cout, "the database at " + where + " is at schema version " +
                              std::to_string(upgrade->to) + ", the latest; nothing to do");
  } else {
    print_line(std::cout, "brought the database at " + where + " from schema version " +
                              std::to_string(upgrade->from) + " to " + std::to_string(upgrade->to));
  }
  std::cout.flush();
  return std::cout ? 0 : fail("cannot write to standard output");
}

}  // namespace cinplan::cli
