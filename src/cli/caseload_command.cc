// cinplan caseload --db URL --today DATE [--worker NAME] [--team NAME] [--json]
//
// Every open case in the database with its worker and team, what is overdue
// and what falls due next, most urgent first. The case projection starts
// from its snapshot when there is a usable one and replays the events after
// it; after a long replay it saves a new snapshot so the next start is quick.
#include <fmt/format.h>

#include <iostream>

#include "app/case_export.h"
#include "app/caseload.h"
#include "app/obligation_report.h"
#include "app/projection_snapshot.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "core/obligations/obligations.h"

namespace cinplan::cli {
namespace {

// A replay longer than this is worth a new snapshot.
constexpr std::int64_t kSnapshotAfter = 10'000;

// The reports name the event that met an obligation from the case's history;
// the caseload lists only open obligations, which no event has met, so the
// history needs only the case's identity.
CaseHistory identity(const app::CaseEntry& e) {
  CaseHistory h;
  h.case_id = e.id;
  h.child.name = e.child_name;
  return h;
}

void print_obligation(const Profile& profile, const CaseHistory& history, const Obligation& o) {
  std::cout << "  " << app::obligation_line(profile, history, o) << "\n";
  for (const Citation& c : profile.rules[o.rule].cite) {
    std::cout << "      " << app::citation_line(c) << "\n";
  }
}

void print_text(const app::Caseload& load) {
  // Each case's lines share the obligations command's columns; the target is
  // an agreed date (such as the next meeting's) where one was set.
  if (!load.cases.empty()) std::cout << "  " << app::obligation_header() << "\n\n";
  for (const app::CaseloadItem& item : load.cases) {
    const app::CaseEntry& e = *item.entry;
    const CaseHistory history = identity(e);
    std::cout << "Case " << e.id;
    if (!e.child_name.empty()) std::cout << " (" << e.child_name << ")";
    std::cout << ": ";
    if (item.worker.empty() && item.team.empty()) {
      std::cout << "not allocated";
    } else {
      std::cout << (item.worker.empty() ? "no worker" : item.worker);
      if (!item.team.empty()) std::cout << ", " << item.team;
    }
    std::cout << "; " << item.profile->id << "\n";
    for (const Obligation& o : item.overdue) print_obligation(*item.profile, history, o);
    if (item.next_due) print_obligation(*item.profile, history, *item.next_due);
    if (item.overdue.empty() && !item.next_due) std::cout << "  (nothing falls due)\n";
    std::cout << "\n";
  }
  const std::size_t n = load.cases.size();
  std::cout << fmt::format("{} open case{}, {} with overdue items, as at {}\n", n,
                           n == 1 ? "" : "s", load.with_overdue, load.today.to_string());
}

void print_json(const app::CaseProjection& projection, const app::Caseload& load) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const app::CaseloadItem& item : load.cases) {
    const app::CaseEntry& e = *item.entry;
    const CaseHistory history = identity(e);
    nlohmann::ordered_json j;
    j["case_id"] = e.id;
    j["child"] = e.child_name.empty() ? nlohmann::ordered_json(nullptr)
                                      : nlohmann::ordered_json(e.child_name);
    j["worker"] = item.worker.empty() ? nlohmann::ordered_json(nullptr)
                                      : nlohmann::ordered_json(std::string(item.worker));
    j["team"] = item.team.empty() ? nlohmann::ordered_json(nullptr)
                                  : nlohmann::ordered_json(std::string(item.team));
    j["profile"] = std::string(projection.profile(e));
    j["version"] = e.version;
    nlohmann::ordered_json overdue = nlohmann::ordered_json::array();
    for (const Obligation& o : item.overdue)
      overdue.push_back(app::obligation_json(*item.profile, history, o));
    j["overdue"] = std::move(overdue);
    j["next_due"] = item.next_due ? app::obligation_json(*item.profile, history, *item.next_due)
                                  : nlohmann::ordered_json(nullptr);
    out.push_back(std::move(j));
  }
  std::cout << out.dump(2) << "\n";
}

}  // namespace

int run_caseload(const std::filesystem::path& folder, const CaseloadArgs& args) {
  auto today = parse_date(args.today);
  if (!today) return fail("--today: " + today.error().message);
  auto catalog = app::ProfileCatalog::load(folder);
  if (!catalog) return fail(catalog.error().describe());
  auto store = app::open_existing_store(args.db);
  if (!store) return fail(store.error().describe());

  app::CaseProjection projection;
  std::optional<Progress> progress;
  app::CatchUpOptions options;
  options.progress = [&](std::int64_t done, std::int64_t total) {
    // A second replay (the snapshot did not fit the log) counts from 0 again.
    if (!progress || done < progress->count()) progress.emplace(total, "events");
    progress->tick(done - progress->count());
  };
  auto restored = app::restore_projection(**store, projection, options);
  if (progress) progress->done();
  if (!restored) return fail(restored.error().describe());
  if (restored->caught.events > kSnapshotAfter) {
    // Only a quicker next start depends on it: a database that cannot take
    // it (read-only, full) still gives the caseload.
    if (auto saved = app::save_snapshot(**store, projection); !saved)
      std::cerr << "cinplan: note: no snapshot saved: " << saved.error().describe() << "\n";
  }

  app::CaseloadFilter filter{args.worker, args.team};
  auto load = app::caseload(projection, *catalog, *today, filter);
  if (!load) return fail(load.error().describe());
  if (args.json) {
    print_json(projection, *load);
  } else {
    print_text(*load);
  }
  std::cout.flush();
  if (!std::cout) return fail("cannot write the caseload to standard output");
  return 0;
}

}  // namespace cinplan::cli
