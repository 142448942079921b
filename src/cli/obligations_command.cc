// cinplan obligations --case FILE [--profile ID] [--today DATE] [--json] [--why]
// cinplan obligations --db URL --case ID [--today DATE] [--profile ID] [--json] [--why]
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "app/case_export.h"
#include "app/case_import.h"
#include "app/obligation_report.h"
#include "app/profile_catalog.h"
#include "app/wording.h"
#include "cli/commands.h"
#include "cli/terminal.h"
#include "cli/today.h"
#include "core/casefile/case_state.h"
#include "core/obligations/obligations.h"
#include "core/obligations/routing.h"

namespace cinplan::cli {

int fail(const std::string& message) {
  print_line(std::cerr, "cinplan: " + message);
  return 2;
}

namespace {

// The pathways in force, in the authority's words where it names them.
std::string pathway_list(const Profile& p, PathwaySet active) {
  std::string out;
  for (Pathway pw : {Pathway::kStandard, Pathway::kDisability, Pathway::kDirectPayments,
                     Pathway::kSupervisionOrder}) {
    if (!(active & bit(pw))) continue;
    std::string words(to_string(pw));
    std::replace(words.begin(), words.end(), '_', ' ');
    for (const Labelled& l : p.pathways) {
      if (l.id == to_string(pw)) words = l.label;
    }
    out += (out.empty() ? "" : "; ") + words;
  }
  return out;
}

std::string count(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The report for one case, the same whether the case came from a file or a
// database.
int print_obligations(const Profile& p, const CaseHistory& history, Date today,
                      const ObligationsArgs& args) {
  const CaseState state = fold(history);
  const auto list = obligations(p, state, today);
  const PathwaySet active = active_pathways(state, today);

  if (args.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Obligation& o : list) out.push_back(app::obligation_json(p, &history, o, active));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  const auto findings = check_constraints(p, history, today);
  std::string head = "Case " + history.case_id;
  if (!history.child.name.empty()) head += " (" + history.child.name + ")";
  head +=
      " under " + p.id + " as at " + today.to_string() + "; pathway: " + pathway_list(p, active);
  print_line(std::cout, head);
  if (auto note = app::pathway_note(p, active)) print_line(std::cout, *note);
  std::size_t overdue = 0, missed_dates = 0, due_soon = 0, outstanding = 0;
  for (const Obligation& o : list) {
    overdue += o.status == ObligationStatus::kOverdue;
    missed_dates += o.status == ObligationStatus::kTargetMissed;
    due_soon += o.status == ObligationStatus::kDueSoon;
    outstanding += o.status == ObligationStatus::kOutstanding;
  }
  print_line(
      std::cout,
      fmt::format("{} overdue, {}, {} due within {} days, {} with no timescale; {}", overdue,
                  count(missed_dates, "agreed date or aim missed", "agreed dates or aims missed"),
                  due_soon, p.due_soon_days, count(outstanding, "to do", "to do"),
                  count(findings.size(), "rule breach", "rule breaches")));
  if (auto routed = route_referral(p, history)) {
    print_line(std::cout, "Referral routed to the " + routed->team + " (" + routed->reason + ")");
  }
  print_line(std::cout, app::obligation_header());
  for (const Obligation& o : list) {
    print_line(std::cout, app::obligation_line(p, &history, o));
    if (args.why) {
      for (const std::string& line : app::obligation_why(p, &history, o, active, "    "))
        print_line(std::cout, line);
    }
  }
  if (list.empty()) print_line(std::cout, "(nothing is due under this procedure)");
  if (!findings.empty()) {
    print_line(std::cout, "");
    print_line(std::cout, "Rule breaches (recorded events that break a rule of the procedure):");
    for (const Finding& f : findings) {
      print_line(std::cout, "  " + app::finding_line(p, history, f));
      if (args.why) {
        const Constraint& c = p.constraints[f.constraint];
        print_line(std::cout, "    " + c.message);
        for (const Citation& q : c.cite) print_line(std::cout, "    " + app::citation_words(q));
        if (!c.reading.empty())
          print_line(std::cout, "    This rests on a reading of the procedure: " + c.reading);
      }
    }
  }
  const auto repeats = exact_repeats(history);
  if (!repeats.empty()) {
    print_line(std::cout, "");
    for (const auto& [repeat, first] : repeats) {
      print_line(std::cout, "Recorded twice: event " + std::to_string(repeat + 1) +
                                " repeats event " + std::to_string(first + 1) +
                                " exactly; the obligations count it once.");
    }
  }
  return 0;
}

}  // namespace

int run_obligations(const std::filesystem::path& folder, const ObligationsArgs& args) {
  auto today = day_or_today(args.today);
  if (!today) return fail(today.error().message);
  auto catalog = app::ProfileCatalog::load(folder);
  if (!catalog) return fail(catalog.error().describe());

  if (!args.db.empty()) {
    auto store = app::open_existing_store(args.db);
    if (!store) return fail(store.error().describe());
    auto stored = app::load_case(**store, args.case_file);
    if (!stored) return fail(stored.error().describe());
    auto profile = catalog->find(args.profile.empty() ? stored->profile : args.profile);
    if (!profile) {
      return fail((args.profile.empty() ? "case " + args.case_file : std::string("--profile")) +
                  ": " + profile.error().message);
    }
    return print_obligations(**profile, stored->history, *today, args);
  }

  auto text = app::read_file(args.case_file);
  if (!text) return fail("--case: " + text.error().message);
  auto history = parse_case_history(*text);
  if (!history) return fail(args.case_file + ": " + history.error().describe());
  auto profile_id = app::profile_for_file(*catalog, args.case_file, args.profile, history->profile);
  if (!profile_id) return fail(args.case_file + ": " + profile_id.error().message);
  return print_obligations(**catalog->find(*profile_id), *history, *today, args);
}

}  // namespace cinplan::cli
