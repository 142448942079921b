// cinplan audit --db URL (--case ID | --user NAME) [--since DATE] [--json]:
// the access log's entries for a case, or of a user (or of a user on a
// case), earliest first, a line each for people: when, who (and their role),
// what, which case, allowed or refused, from where, and the detail. The
// database is opened read-only.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/admin.h"
#include "cli/columns.h"
#include "cli/commands.h"
#include "cli/terminal.h"
#include "core/calendar/date.h"

namespace cinplan::cli {
namespace {

using json = nlohmann::ordered_json;

std::string or_dash(const std::string& text) {
  return text.empty() ? "-" : text;
}

// The cells of an entry's line; the last (the detail) is not padded.
std::vector<std::string> cells(const store::AccessEntry& e) {
  std::string who = e.username.empty() ? "(unknown)" : e.username;
  if (!e.role.empty()) who += " (" + e.role + ")";
  return {e.at,
          who,
          e.action,
          e.case_id.empty() ? "-" : "case " + e.case_id,
          e.allowed ? "allowed" : "refused",
          "from " + or_dash(e.address),
          e.detail};
}

void print_lines(const std::vector<store::AccessEntry>& entries) {
  std::vector<std::vector<std::string>> rows;
  for (const store::AccessEntry& e : entries) {
    rows.push_back(cells(e));
    for (std::string& cell : rows.back()) cell = printable(cell);
  }
  std::vector<std::size_t> widths(7, 0);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c)
      widths[c] = std::max(widths[c], text_width(row[c]));
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c + 1 < row.size(); ++c) line += pad_width(row[c], widths[c]) + "  ";
    line += row.back();
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cout << line << "\n";
  }
}

void print_json(const std::vector<store::AccessEntry>& entries) {
  json out = json::array();
  for (const store::AccessEntry& e : entries) {
    out.push_back({{"sequence", e.sequence},
                   {"at", e.at},
                   {"username", e.username},
                   {"role", e.role},
                   {"case_id", e.case_id},
                   {"action", e.action},
                   {"allowed", e.allowed},
                   {"address", e.address},
                   {"detail", e.detail}});
  }
  std::cout << out.dump(2) << "\n";
}

}  // namespace

int run_audit(const AuditArgs& args) {
  if (args.case_id.empty() && args.username.empty())
    return fail("cinplan audit needs --case ID or --user NAME (or both)");
  if (!args.since.empty()) {
    // A date must be one that exists; a timestamp is checked by the store.
    if (args.since.size() == 10) {
      if (auto day = parse_date(args.since); !day) return fail("--since: " + day.error().message);
    } else if (auto valid = store::check_timestamp(args.since, "--since"); !valid) {
      return fail(valid.error().message + " (or give a date, YYYY-MM-DD)");
    }
  }
  auto accounts = open_accounts_to_read(args.db);
  if (!accounts) return fail(accounts.error().describe());
  auto entries =
      (*accounts)->read_access(store::AccessQuery{args.case_id, args.username, args.since, 0});
  if (!entries) return fail(entries.error().describe());

  if (args.json) {
    print_json(*entries);
  } else if (entries->empty()) {
    std::string what;
    if (!args.username.empty()) what += " of " + args.username;
    if (!args.case_id.empty()) what += " on case " + args.case_id;
    if (!args.since.empty()) what += " since " + args.since;
    print_line(std::cout, "the access log holds no entries" + what);
  } else {
    print_lines(*entries);
  }
  std::cout.flush();
  return std::cout ? 0 : fail("cannot write the access log to standard output");
}

}  // namespace cinplan::cli
