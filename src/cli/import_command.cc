// cinplan import --db URL [--profile ID] [--by NAME] FILE...
// Each file is one case, imported all or nothing; the files are independent:
// every failing one is reported on stderr, the others are imported, and the
// exit status is 2 when any failed.
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "app/case_import.h"
#include "app/clock.h"
#include "app/profile_catalog.h"
#include "cli/commands.h"
#include "cli/progress.h"

namespace cinplan::cli {
namespace {

// --by, else $CINPLAN_USER, else the login name of the running user.
std::string who_is_importing(const std::string& by) {
  if (!by.empty()) return by;
  if (const char* env = std::getenv("CINPLAN_USER"); env != nullptr && *env != '\0') return env;
  if (const passwd* pw = getpwuid(geteuid());
      pw != nullptr && pw->pw_name != nullptr && *pw->pw_name != '\0') {
    return pw->pw_name;
  }
  return "uid " + std::to_string(geteuid());
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

int run_import(const std::filesystem::path& folder, const ImportArgs& args) {
  auto catalog = app::ProfileCatalog::load(folder);
  if (!catalog) return fail(catalog.error().describe());
  if (!args.profile.empty()) {
    if (auto p = catalog->find(args.profile); !p) return fail("--profile: " + p.error().message);
  }
  store::OpenOptions open;
  open.create = true;
  auto store = store::open_store(args.db, open);
  if (!store) return fail(store.error().describe());

  const app::ImportOptions options{args.profile, who_is_importing(args.by)};
  const app::SystemClock clock;
  std::size_t cases = 0, events = 0, failed = 0;
  Progress progress(static_cast<std::int64_t>(args.files.size()), "files");
  for (const std::string& file : args.files) {
    auto imported = app::import_file(**store, *catalog, file, options, clock);
    if (imported) {
      ++cases;
      events += imported->events;
    } else {
      ++failed;
      progress.line("cinplan: " + imported.error().describe());
    }
    progress.tick();
  }
  progress.done();

  std::cout << "imported " << plural(cases, "case", "cases") << " ("
            << plural(events, "event", "events") << ") into " << (*store)->describe();
  if (failed > 0) std::cout << "; " << plural(failed, "file", "files") << " not imported";
  std::cout << "\n";
  return failed > 0 ? 2 : 0;
}

}  // namespace cinplan::cli
