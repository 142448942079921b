// cinplan import --db URL [--profile ID] [--by NAME] FILE...
// Each file is one case, imported all or nothing; the files are independent:
// every failing one is reported on stderr, the others are imported, and the
// exit status is 2 when any failed. Files are checked before the database is
// touched, so a run where every file is bad creates nothing. What a record
// shows that breaks a rule of its procedure is reported as a warning and
// imported all the same. A large import leaves a fresh snapshot of the case
// projection, so the next caseload starts quickly.
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "app/case_import.h"
#include "app/clock.h"
#include "app/profile_catalog.h"
#include "app/projection_snapshot.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/terminal.h"

namespace cinplan::cli {
namespace {

// More events than this imported in one run are worth a new snapshot.
constexpr std::size_t kSnapshotAfter = 10'000;

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
  const app::ImportOptions options{args.profile, who_is_importing(args.by)};
  const app::SystemClock clock;
  std::unique_ptr<store::EventStore> store;
  std::size_t cases = 0, events = 0, failed = 0, warned = 0;
  Progress progress(static_cast<std::int64_t>(args.files.size()), "files");
  for (const std::string& file : args.files) {
    auto parsed = [&]() -> Result<app::ParsedCase> {
      auto text = app::read_file(file);  // its messages name the file
      if (!text) return std::unexpected(text.error());
      return app::parse_case_file(*catalog, *text, file, options);
    }();
    if (!parsed) {
      ++failed;
      progress.line(printable("cinplan: " + parsed.error().describe()));
      progress.tick();
      continue;
    }
    if (!store) {
      // The first good file opens (or creates) the database.
      store::OpenOptions open;
      open.create = true;
      auto opened = store::open_store(args.db, open);
      if (!opened) {
        progress.done();
        return fail(opened.error().describe());
      }
      store = std::move(*opened);
    }
    auto imported = app::import_parsed(*store, std::move(*parsed), options, clock);
    if (imported) {
      ++cases;
      events += imported->events;
      for (const std::string& w : imported->warnings) {
        progress.line(printable("cinplan: warning: " + file + ": " + w));
      }
      warned += !imported->warnings.empty();
    } else {
      ++failed;
      progress.line(printable("cinplan: " + imported.error().describe()));
    }
    progress.tick();
  }
  progress.done();

  if (store && events > kSnapshotAfter) {
    app::CaseProjection projection;
    auto restored = app::restore_projection(*store, projection);
    auto saved = restored ? app::save_snapshot(*store, projection)
                          : Result<app::SnapshotSaved>(std::unexpected(restored.error()));
    if (!saved) {
      // Only a quicker next start depends on it.
      print_line(std::cerr, "cinplan: note: no snapshot saved: " + saved.error().describe());
    }
  }

  std::string summary =
      "imported " + plural(cases, "case", "cases") + " (" + plural(events, "event", "events") + ")";
  summary += store ? " into " + store->describe() : std::string("; no database was opened");
  if (warned > 0) summary += "; " + plural(warned, "case has", "cases have") + " warnings";
  if (failed > 0) summary += "; " + plural(failed, "file", "files") + " not imported";
  print_line(std::cout, summary);
  return failed > 0 ? 2 : 0;
}

}  // namespace cinplan::cli
