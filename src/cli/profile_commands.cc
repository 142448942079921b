// cinplan profiles | profile show ID | profile check FILE...
// (profile diff is in profile_diff_command.cc.)
#include <fmt/format.h>

#include <iostream>

#include "app/procedure_sources.h"
#include "app/profile_catalog.h"
#include "app/wording.h"
#include "cli/commands.h"
#include "cli/profile_words.h"
#include "cli/terminal.h"
#include "core/procedure/clashes.h"

namespace cinplan::cli {
namespace {

void say(const std::string& line) {
  print_line(std::cout, line);
}

void print_labels(const std::string& heading, const std::map<std::string, std::string>& labels) {
  if (labels.empty()) return;
  say(heading + ":");
  for (const auto& [id, label] : labels) say(fmt::format("  {:<30} {}", id, label));
}

// Every reading of the profile together, for the authority to sign off.
void print_readings(const Profile& p) {
  std::size_t n = p.readings.size();
  for (const Rule& r : p.rules) n += !r.reading.empty();
  for (const Constraint& c : p.constraints) n += !c.reading.empty();
  say("");
  say("Readings (" + std::to_string(n) +
      "): where the document is ambiguous or contradicts itself, how this profile reads it. "
      "For the principal social worker to sign off:");
  std::size_t i = 0;
  for (const std::string& text : p.readings) say(fmt::format("  {}. {}", ++i, text));
  for (const Rule& r : p.rules) {
    if (!r.reading.empty()) say(fmt::format("  {}. {} ({}): {}", ++i, r.title, r.id, r.reading));
  }
  for (const Constraint& c : p.constraints) {
    if (!c.reading.empty()) say(fmt::format("  {}. {} ({}): {}", ++i, c.message, c.id, c.reading));
  }
}

void print_clashes(const Profile& p, const std::string& indent) {
  for (const TimescaleClash& c : find_clashes(p)) say(indent + clash_words(p, c));
}

}  // namespace

int run_profiles(const std::filesystem::path& folder) {
  auto catalog = app::ProfileCatalog::load(folder);
  if (!catalog) return fail(catalog.error().describe());
  say(fmt::format("{:<24} {:>5} {:>11}  {:<26} {}", "ID", "RULES", "CONSTRAINTS", "SOURCE",
                  "NAME"));
  for (const Profile& p : catalog->profiles()) {
    say(fmt::format("{:<24} {:>5} {:>11}  {:<26} {}", p.id, p.rules.size(), p.constraints.size(),
                    p.source, p.name));
  }
  return 0;
}

int run_profile_show(const std::filesystem::path& folder, const std::string& id) {
  auto catalog = app::ProfileCatalog::load(folder);
  if (!catalog) return fail(catalog.error().describe());
  auto found = catalog->find(id);
  if (!found) return fail(found.error().message);
  const Profile& p = **found;
  say(p.name);
  say("profile " + p.id + ", from " + p.source +
      "; bank holidays: " + std::string(to_string(p.holiday_region)));
  say("");
  print_labels("Roles", p.role_labels);
  print_labels("Meetings", p.meeting_labels);
  print_labels("Terms", p.terms);
  say("Pathways:");
  say("  standard");
  for (const Labelled& pw : p.pathways) say(fmt::format("  {:<18} {}", pw.id, pw.label));
  say("Meeting outcomes:");
  for (const Labelled& o : p.outcomes) say(fmt::format("  {:<26} {}", o.id, o.label));
  say("");
  say("Timescales:");
  for (const Rule& r : p.rules) {
    say(fmt::format("  {:<28} {} [{}; {}]{}", r.id, r.title, to_string(r.strength),
                    pathway_words(p, r.pathways, r.except_pathways),
                    r.reading.empty() ? "" : " (a reading)"));
    say("      " + rule_timescale_words(p, r));
    for (const Citation& c : r.cite) say("      " + app::citation_words(c));
    for (const RuleOverride& o : r.overrides) {
      for (const Citation& c : o.cite) say("      " + app::citation_words(c));
    }
  }
  if (!p.constraints.empty()) {
    say("");
    say("Constraints:");
  }
  for (const Constraint& c : p.constraints) {
    say(fmt::format("  {:<34} {} [{}]{}", c.id, c.message, to_string(c.strength),
                    c.reading.empty() ? "" : " (a reading)"));
    for (const Citation& q : c.cite) say("      " + app::citation_words(q));
  }
  if (p.routing) {
    say("");
    say("Referral routing: closed within " + p.routing->recent_closure.describe() +
        " and no new safeguarding concern -> " + p.routing->recent_team + "; otherwise -> " +
        p.routing->new_team);
  }
  if (!find_clashes(p).empty()) {
    say("");
    say("Timescales of the document that cannot both be met:");
    print_clashes(p, "  ");
  }
  print_readings(p);
  return 0;
}

int run_profile_check(const std::vector<std::string>& files) {
  int status = 0;
  for (const std::string& file : files) {
    auto p = app::ProfileCatalog::load_file(file);
    if (!p) {
      print_line(std::cerr, "cinplan: " + p.error().describe());
      status = 2;
      continue;
    }
    const auto procedures = app::default_procedures_folder();
    std::string quotes = "quotes not checked: no " + procedures.string();
    if (std::filesystem::is_directory(procedures)) {
      if (auto ok = app::check_quotes(*p, procedures); !ok) {
        print_line(std::cerr, "cinplan: " + file + ": " + ok.error().message);
        status = 2;
        continue;
      }
      quotes = "every quote found in " + p->source;
    }
    const auto clashes = find_clashes(*p);
    say(fmt::format("{}: ok ({} rules, {} constraints; {}; {} timescale clash{})", file,
                    p->rules.size(), p->constraints.size(), quotes, clashes.size(),
                    clashes.size() == 1 ? "" : "es"));
    print_clashes(*p, "  clash: ");
  }
  return status;
}

}  // namespace cinplan::cli
