// cinplan obligations --profile ID --case FILE --today DATE [--json] [--why]
// cinplan obligations --db URL --case ID --today DATE [--profile ID] [--json] [--why]
#include <fmt/format.h>

#include <iostream>

#include "app/case_export.h"
#include "app/obligation_report.h"
#include "app/profile_catalog.h"
#include "cli/commands.h"
#include "core/casefile/case_state.h"
#include "core/obligations/obligations.h"
#include "core/obligations/routing.h"

namespace cinplan::cli {

int fail(const std::string& message) {
  std::cerr << "cinplan: " << message << "\n";
  return 2;
}

namespace {

// The report for one case, the same whether the case came from a file or a
// database.
int print_obligations(const Profile& p, const CaseHistory& history, Date today,
                      const ObligationsArgs& args) {
  const CaseState state = fold(history);
  const auto list = obligations(p, state, today);
  const auto findings = check_constraints(p, history);

  if (args.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Obligation& o : list) out.push_back(app::obligation_json(p, history, o));
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  const PathwaySet active = active_pathways(state, today);
  std::string pathways;
  for (Pathway pw : {Pathway::kStandard, Pathway::kDisability, Pathway::kDirectPayments,
                     Pathway::kSupervisionOrder}) {
    if (active & bit(pw)) pathways += (pathways.empty() ? "" : ", ") + std::string(to_string(pw));
  }
  std::cout << "Case " << history.case_id;
  if (!history.child.name.empty()) std::cout << " (" << history.child.name << ")";
  std::cout << " under " << p.id << " as at " << today.to_string() << "; pathway: " << pathways
            << "\n";
  int overdue = 0, due_soon = 0, outstanding = 0;
  for (const Obligation& o : list) {
    overdue += o.status == ObligationStatus::kOverdue;
    due_soon += o.status == ObligationStatus::kDueSoon;
    outstanding += o.status == ObligationStatus::kOutstanding;
  }
  std::cout << overdue << " overdue, " << due_soon << " due within " << p.due_soon_days << " days, "
            << outstanding << " outstanding with no timescale\n";
  if (auto routed = route_referral(p, history)) {
    std::cout << "Referral routed to the " << routed->team << " (" << routed->reason << ")\n";
  }
  std::cout << app::obligation_header() << "\n";
  for (const Obligation& o : list) {
    std::cout << app::obligation_line(p, history, o) << "\n";
    if (args.why) {
      const Rule& rule = p.rules[o.rule];
      std::cout << "    " << app::describe_timescale(rule, active) << "; "
                << to_string(rule.strength) << "\n";
      for (const Citation& c : rule.cite) {
        std::cout << "    " << app::citation_line(c) << "\n";
      }
    }
  }
  if (list.empty()) std::cout << "(nothing is due under this procedure)\n";
  if (!findings.empty()) {
    std::cout << "\nFindings (recorded events that break a rule of the procedure):\n";
    for (const Finding& f : findings) std::cout << "  " << app::finding_line(p, history, f) << "\n";
  }
  return 0;
}

}  // namespace

int run_obligations(const std::filesystem::path& folder, const ObligationsArgs& args) {
  auto today = parse_date(args.today);
  if (!today) return fail("--today: " + today.error().message);
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

  if (args.profile.empty()) {
    return fail(
        "--profile is required with a case file (or give --db URL to read the case from "
        "a database)");
  }
  auto profile = catalog->find(args.profile);
  if (!profile) return fail("--profile: " + profile.error().message);
  auto text = app::read_file(args.case_file);
  if (!text) return fail("--case: " + text.error().message);
  auto history = parse_case_history(*text);
  if (!history) return fail(args.case_file + ": " + history.error().describe());
  return print_obligations(**profile, *history, *today, args);
}

}  // namespace cinplan::cli
