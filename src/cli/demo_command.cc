// cinplan demo --db URL --profile ID [--children N] [--today YYYY-MM-DD]
// Writes the demo authority (app/demo.h) into a database, creating it when
// missing as import does, and prints the demo's sign-ins as a table. Run
// again on the demo's database it adds nothing; a database holding anything
// else is refused (exit 2) and nothing is written. Options are checked
// before a database is created. Like a large import, it leaves a snapshot of
// the case projection so the first caseload starts quickly.
#include <iostream>

#include "app/clock.h"
#include "app/demo.h"
#include "app/profile_catalog.h"
#include "app/projection_snapshot.h"
#include "cli/columns.h"
#include "cli/commands.h"
#include "cli/terminal.h"
#include "cli/today.h"
#include "store/accounts.h"

namespace cinplan::cli {
namespace {

std::string children(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " child" : " children");
}

void print_sign_ins(const std::vector<app::DemoSignIn>& sign_ins) {
  std::vector<std::vector<std::string>> rows = {{"username", "password", "role", "team"}};
  for (const app::DemoSignIn& s : sign_ins) {
    const auto comma = s.description.find(", ");
    const auto paren = s.description.find(" (");
    const std::string role = s.description.substr(0, std::min(comma, paren));
    rows.push_back({s.username, s.password, role, s.team});
  }
  std::vector<std::size_t> widths(4, 0);
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i)
      widths[i] = std::max(widths[i], text_width(row[i]));
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i)
      line += i + 1 < row.size() ? pad_width(row[i], widths[i] + 2) : row[i];
    while (!line.empty() && line.back() == ' ') line.pop_back();
    print_line(std::cout, line);
  }
}

}  // namespace

int run_demo(const std::filesystem::path& folder, const DemoArgs& args) {
  auto catalog = app::ProfileCatalog::load(folder);
  if (!catalog) return fail(catalog.error().describe());
  auto today = day_or_today(args.today);
  if (!today) return fail(today.error().describe());
  if (args.children < 1) return fail("--children: the demo has at least 1 child");
  const app::DemoOptions options{args.profile, static_cast<std::size_t>(args.children), *today};
  if (auto ok = app::check_demo_options(*catalog, options); !ok) return fail(ok.error().describe());

  store::OpenOptions open;
  open.create = true;
  auto events = store::open_store(args.db, open);
  if (!events) return fail(events.error().describe());
  auto accounts = store::open_account_store(args.db);
  if (!accounts) return fail(accounts.error().describe());
  const app::SystemClock clock;
  auto demo = app::create_demo(**events, **accounts, *catalog, clock, options);
  if (!demo) return fail(demo.error().describe());

  if (demo->cases > 0) {
    app::CaseProjection projection;
    auto restored = app::restore_projection(**events, projection);
    auto saved = restored ? app::save_snapshot(**events, projection)
                          : Result<app::SnapshotSaved>(std::unexpected(restored.error()));
    if (!saved)
      print_line(std::cerr, "cinplan: note: no snapshot saved: " + saved.error().describe());
  }
  const std::string where = (*events)->describe();
  if (demo->cases == 0) {
    print_line(std::cout, "the demo authority is already in " + where + " (" +
                              children(demo->cases_present) + "); nothing was added");
  } else {
    print_line(std::cout, "wrote the demo authority into " + where + ": " + children(demo->cases) +
                              " (" + std::to_string(demo->events) + " events) under " +
                              args.profile + ", as at " + today->to_string());
  }
  print_line(std::cout, "");
  print_line(std::cout,
             "Demo sign-ins (the passwords are the demo's own, documented in README.md):");
  print_sign_ins(demo->sign_ins);
  std::cout.flush();
  return std::cout ? 0 : fail("cannot write to standard output");
}

}  // namespace cinplan::cli
