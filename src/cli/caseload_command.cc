// cinplan caseload --db URL [--today DATE] [--worker NAME] [--team NAME] [--why] [--json]
//
// Every open case in the database with its worker, what is overdue, which
// agreed dates were missed, what falls due this week, how many rule breaches
// its record shows, and its most urgent item, one line a case, most urgent
// first; --why lists each case's items (and what was missed) with the
// procedure's sentences. The
// case projection starts from its snapshot when there is a usable one and
// replays the events after it; the database is only read (import keeps the
// snapshot up to date).
#include <fmt/format.h>

#include <iostream>

#include "app/case_export.h"
#include "app/caseload.h"
#include "app/caseload_findings.h"
#include "app/caseload_json.h"
#include "app/obligation_report.h"
#include "app/projection_snapshot.h"
#include "app/wording.h"
#include "cli/columns.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/terminal.h"
#include "cli/today.h"

namespace cinplan::cli {
namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view kNotAllocated = "(not allocated)";

// The reports name the event that met an obligation from the case's history;
// the caseload lists only open obligations, which no event has met.
std::string most_urgent_words(const app::CaseloadItem& item, Date today) {
  const Obligation* o = item.most_urgent();
  if (o == nullptr) return "nothing falls due";
  const Rule& r = item.profile->rules[o->rule];
  std::string when;
  if (o->status == ObligationStatus::kOverdue) {
    when = "due " + o->due.to_string();
  } else if (o->status == ObligationStatus::kTargetMissed) {
    when = (o->target_agreed    ? "agreed for "
            : o->target_planned ? "planned for "
                                : "aimed at ") +
           o->target.to_string();
  } else {
    when = o->next_date(today).to_string();
  }
  return app::status_words(*o) + " (" + when + "): " + r.title;
}

void print_lines(const app::Caseload& load) {
  // Names as the terminal will show them (escaped), measured in columns.
  auto shown = [](std::string_view text) { return printable(text); };
  std::size_t id_w = 4, child_w = 5, worker_w = 6;
  for (const app::CaseloadItem& item : load.cases) {
    id_w = std::max(id_w, std::min<std::size_t>(text_width(shown(item.entry->id)), 20));
    child_w =
        std::max(child_w, std::min<std::size_t>(text_width(shown(item.entry->child_name)), 24));
    worker_w = std::max(
        worker_w, std::min<std::size_t>(
                      text_width(item.worker.empty() ? kNotAllocated : shown(item.worker)), 24));
  }
  const auto row = [&](std::string_view id, std::string_view child, std::string_view worker,
                       const std::string& a, const std::string& b, const std::string& c,
                       const std::string& d, const std::string& rest) {
    return pad_width(fit_width(id, id_w), id_w) + "  " +
           pad_width(fit_width(child, child_w), child_w) + "  " +
           pad_width(fit_width(worker, worker_w), worker_w) + "  " + pad_width(a, 7, true) + "  " +
           pad_width(b, 12, true) + "  " + pad_width(c, 9, true) + "  " + pad_width(d, 8, true) +
           "  " + rest;
  };
  if (!load.cases.empty()) {
    std::cout << row("CASE", "CHILD", "WORKER", "OVERDUE", "DATES MISSED", "THIS WEEK", "BREACHES",
                     "MOST URGENT")
              << "\n";
  }
  for (const app::CaseloadItem& item : load.cases) {
    std::cout << row(shown(item.entry->id), shown(item.entry->child_name),
                     item.worker.empty() ? std::string(kNotAllocated) : shown(item.worker),
                     std::to_string(item.overdue.size()), std::to_string(item.target_missed.size()),
                     std::to_string(item.due_soon), std::to_string(item.findings.size()),
                     shown(most_urgent_words(item, load.today)))
              << "\n";
  }
}

void print_obligation(const app::CaseloadItem& item, const CaseHistory& history,
                      const Obligation& o) {
  print_line(std::cout, "  " + app::obligation_line(*item.profile, &history, o));
  for (const std::string& line :
       app::obligation_why(*item.profile, &history, o, item.pathways, "      "))
    print_line(std::cout, line);
}

void print_why(const app::Caseload& load) {
  for (const app::CaseloadItem& item : load.cases) {
    const app::CaseEntry& e = *item.entry;
    const CaseHistory history = app::identity_history(e);
    std::string head = "Case " + e.id;
    if (!e.child_name.empty()) head += " (" + e.child_name + ")";
    head += ": ";
    if (item.worker.empty() && item.team.empty()) {
      head += "not allocated";
    } else {
      head += item.worker.empty() ? std::string("no worker") : std::string(item.worker);
      if (!item.team.empty()) head += ", " + std::string(item.team);
    }
    head += "; " + item.profile->id;
    print_line(std::cout, head);
    if (auto note = app::pathway_note(*item.profile, item.pathways))
      print_line(std::cout, "  " + *note);
    for (const Obligation& o : item.overdue) print_obligation(item, history, o);
    for (const Obligation& o : item.target_missed) print_obligation(item, history, o);
    if (item.next_due) print_obligation(item, history, *item.next_due);
    for (const Obligation& o : item.missed) print_obligation(item, history, o);
    if (item.overdue.empty() && item.target_missed.empty() && !item.next_due)
      print_line(std::cout, "  (nothing falls due)");
    for (const app::CaseFinding& f : item.findings)
      print_line(std::cout, "  rule breach: " + f.line);
    print_line(std::cout, "");
  }
}

void print_json(const app::CaseProjection& projection, const app::Caseload& load) {
  json out = json::array();
  for (const app::CaseloadItem& item : load.cases) {
    out.push_back(app::caseload_item_json(item, projection.profile(*item.entry),
                                          app::identity_history(*item.entry)));
  }
  std::cout << out.dump(2) << "\n";
}

}  // namespace

int run_caseload(const std::filesystem::path& folder, const CaseloadArgs& args) {
  auto today = day_or_today(args.today);
  if (!today) return fail(today.error().message);
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

  app::CaseloadFilter filter{args.worker, args.team, {}};
  app::Caseload load = app::caseload(projection, *catalog, *today, filter);
  app::add_findings(**store, load);
  if (args.json) {
    print_json(projection, load);
  } else {
    if (args.why) {
      print_why(load);
    } else {
      print_lines(load);
      if (!load.cases.empty()) print_line(std::cout, "");
    }
    const std::size_t n = load.cases.size();
    std::string total = fmt::format(
        "{} open case{}: {} with overdue items, {} with an agreed date "
        "or aim missed, as at {}",
        n, n == 1 ? "" : "s", load.with_overdue, load.with_target_missed, load.today.to_string());
    if (!load.problems.empty())
      total += fmt::format("; {} more not shown (named below)", load.problems.size());
    print_line(std::cout, total);
    if (n == 0 && (!args.worker.empty() || !args.team.empty()) && load.problems.empty()) {
      print_line(
          std::cout,
          "(no open case is allocated to " +
              (args.worker.empty() ? std::string() : "a worker called \"" + args.worker + "\"") +
              (!args.worker.empty() && !args.team.empty() ? " in " : "") +
              (args.team.empty() ? std::string() : "the team \"" + args.team + "\"") + " as at " +
              load.today.to_string() + ")");
    }
  }
  std::cout.flush();
  if (!std::cout) return fail("cannot write the caseload to standard output");
  for (const app::CaseloadProblem& p : load.problems)
    fail("case " + p.case_id + " is not shown: " + p.error.describe());
  return load.problems.empty() ? 0 : 2;
}

}  // namespace cinplan::cli
