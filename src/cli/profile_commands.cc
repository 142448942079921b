// cinplan profiles | profile show ID | profile diff A B | profile check FILE...
#include <fmt/format.h>

#include <iostream>
#include <set>

#include "app/obligation_report.h"
#include "app/procedure_sources.h"
#include "app/profile_catalog.h"
#include "cli/commands.h"

namespace cinplan::cli {
namespace {

std::string pathway_words(const Profile& p, PathwaySet set, PathwaySet except) {
  std::string out;
  for (Pathway pw : {Pathway::kStandard, Pathway::kDisability, Pathway::kDirectPayments,
                     Pathway::kSupervisionOrder}) {
    if ((set & bit(pw)) && (p.known_pathways & bit(pw)))
      out += (out.empty() ? "" : ", ") + std::string(to_string(pw));
  }
  if (set == kMainPathways) out = "all";
  if (except != 0) {
    std::string ex;
    for (Pathway pw :
         {Pathway::kDisability, Pathway::kDirectPayments, Pathway::kSupervisionOrder}) {
      if (except & bit(pw)) ex += (ex.empty() ? "" : ", ") + std::string(to_string(pw));
    }
    out += " except " + ex;
  }
  return out;
}

// The timescale of a rule on its default pathway, and each override.
std::string timescale_words(const Rule& r) {
  // The rule's own timescale: as on the standard pathway, or on the one
  // pathway it is limited to (never an override's).
  const PathwaySet base =
      (r.pathways & bit(Pathway::kStandard)) ? bit(Pathway::kStandard) : r.pathways;
  std::string out = app::describe_timescale(r, base);
  for (const RuleOverride& o : r.overrides) {
    std::string on;
    for (Pathway pw :
         {Pathway::kDisability, Pathway::kDirectPayments, Pathway::kSupervisionOrder}) {
      if (o.pathways & bit(pw)) on += (on.empty() ? "" : ", ") + std::string(to_string(pw));
    }
    out += "; " + on + ": " + o.due->describe();
    if (o.target) out += " (aim: " + o.target->describe() + ")";
  }
  return out;
}

void print_labels(const std::string& heading, const std::map<std::string, std::string>& labels) {
  if (labels.empty()) return;
  std::cout << heading << ":\n";
  for (const auto& [id, label] : labels) std::cout << fmt::format("  {:<30} {}\n", id, label);
}

}  // namespace

int run_profiles(const std::filesystem::path& folder) {
  auto catalog = app::ProfileCatalog::load(folder);
  if (!catalog) return fail(catalog.error().describe());
  std::cout << fmt::format("{:<24} {:>5} {:>11}  {:<26} {}\n", "ID", "RULES", "CONSTRAINTS",
                           "SOURCE", "NAME");
  for (const Profile& p : catalog->profiles()) {
    std::cout << fmt::format("{:<24} {:>5} {:>11}  {:<26} {}\n", p.id, p.rules.size(),
                             p.constraints.size(), p.source, p.name);
  }
  return 0;
}

int run_profile_show(const std::filesystem::path& folder, const std::string& id) {
  auto catalog = app::ProfileCatalog::load(folder);
  if (!catalog) return fail(catalog.error().describe());
  auto found = catalog->find(id);
  if (!found) return fail(found.error().message);
  const Profile& p = **found;
  std::cout << p.name << "\n"
            << "profile " << p.id << ", from " << p.source
            << "; bank holidays: " << to_string(p.holiday_region) << "\n\n";
  print_labels("Roles", p.role_labels);
  print_labels("Meetings", p.meeting_labels);
  print_labels("Terms", p.terms);
  std::cout << "Pathways:\n  standard\n";
  for (const Labelled& pw : p.pathways) std::cout << fmt::format("  {:<18} {}\n", pw.id, pw.label);
  std::cout << "Meeting outcomes:\n";
  for (const Labelled& o : p.outcomes) std::cout << fmt::format("  {:<26} {}\n", o.id, o.label);
  std::cout << "\nTimescales:\n";
  for (const Rule& r : p.rules) {
    std::cout << fmt::format("  {:<28} {} [{}; {}]\n", r.id, r.title, to_string(r.strength),
                             pathway_words(p, r.pathways, r.except_pathways));
    std::cout << "      " << timescale_words(r) << "\n";
    for (const Citation& c : r.cite) std::cout << "      \"" << c.quote << "\"\n";
    for (const RuleOverride& o : r.overrides) {
      for (const Citation& c : o.cite) std::cout << "      \"" << c.quote << "\"\n";
    }
  }
  if (!p.constraints.empty()) std::cout << "\nConstraints:\n";
  for (const Constraint& c : p.constraints) {
    std::cout << fmt::format("  {:<34} {} [{}]\n", c.id, c.message, to_string(c.strength));
    for (const Citation& q : c.cite) std::cout << "      \"" << q.quote << "\"\n";
  }
  if (p.routing) {
    std::cout << "\nReferral routing: closed within " << p.routing->recent_closure.describe()
              << " and no new "
              << "safeguarding concern -> " << p.routing->recent_team << "; otherwise -> "
              << p.routing->new_team << "\n";
  }
  return 0;
}

int run_profile_diff(const std::filesystem::path& folder, const std::string& a_id,
                     const std::string& b_id) {
  auto catalog = app::ProfileCatalog::load(folder);
  if (!catalog) return fail(catalog.error().describe());
  auto a = catalog->find(a_id);
  if (!a) return fail(a.error().message);
  auto b = catalog->find(b_id);
  if (!b) return fail(b.error().message);
  const Profile& A = **a;
  const Profile& B = **b;
  constexpr const char* kRow = "{:<26} {:<46} {:<46}\n";
  std::cout << fmt::format(kRow, "", A.id, B.id);
  std::set<std::string> ids;
  std::vector<std::string> order;
  for (const Profile* p : {&A, &B}) {
    for (const Rule& r : p->rules) {
      if (ids.insert(r.id).second) order.push_back(r.id);
    }
  }
  int differ = 0;
  std::cout << "Timescales ("
            << "* marks a difference):\n";
  for (const std::string& id : order) {
    const Rule* ra = A.find_rule(id);
    const Rule* rb = B.find_rule(id);
    const std::string ta = ra ? timescale_words(*ra) : "(not in this procedure)";
    const std::string tb = rb ? timescale_words(*rb) : "(not in this procedure)";
    const bool same = ra && rb && ta == tb && ra->strength == rb->strength &&
                      ra->pathways == rb->pathways && ra->except_pathways == rb->except_pathways;
    differ += same ? 0 : 1;
    std::cout << fmt::format("{}{:<25} {:<46} {:<46}\n", same ? " " : "*", id, ta, tb);
    if (!same && ra && rb && ta == tb) {
      std::cout << fmt::format(kRow, "",
                               std::string(to_string(ra->strength)) + "; " +
                                   pathway_words(A, ra->pathways, ra->except_pathways),
                               std::string(to_string(rb->strength)) + "; " +
                                   pathway_words(B, rb->pathways, rb->except_pathways));
    }
  }
  std::cout << "\nWords:\n";
  std::set<std::string> keys;
  for (const auto* m : {&A.role_labels, &B.role_labels}) {
    for (const auto& [k, v] : *m) keys.insert("role " + k);
  }
  for (const auto* m : {&A.meeting_labels, &B.meeting_labels}) {
    for (const auto& [k, v] : *m) keys.insert("meeting " + k);
  }
  for (const std::string& key : keys) {
    const bool role = key.starts_with("role ");
    const std::string id = key.substr(key.find(' ') + 1);
    const auto& ma = role ? A.role_labels : A.meeting_labels;
    const auto& mb = role ? B.role_labels : B.meeting_labels;
    const std::string la = ma.contains(id) ? ma.at(id) : "-";
    const std::string lb = mb.contains(id) ? mb.at(id) : "-";
    std::cout << fmt::format("{}{:<25} {:<46} {:<46}\n", la == lb ? " " : "*", key, la, lb);
  }
  std::cout << "\nMeeting outcomes:\n";
  std::string oa, ob;
  for (const Labelled& o : A.outcomes) oa += (oa.empty() ? "" : ", ") + o.id;
  for (const Labelled& o : B.outcomes) ob += (ob.empty() ? "" : ", ") + o.id;
  std::cout << fmt::format("{}{:<25} {:<46} {:<46}\n", oa == ob ? " " : "*", "allowed", oa, ob);
  std::cout << "\n" << differ << " of " << order.size() << " timescale rules differ.\n";
  return 0;
}

int run_profile_check(const std::vector<std::string>& files) {
  int status = 0;
  for (const std::string& file : files) {
    auto p = app::ProfileCatalog::load_file(file);
    if (!p) {
      std::cerr << "cinplan: " << p.error().describe() << "\n";
      status = 2;
      continue;
    }
    const auto procedures = app::default_procedures_folder();
    std::string quotes = "quotes not checked: no " + procedures.string();
    if (std::filesystem::is_directory(procedures)) {
      if (auto ok = app::check_quotes(*p, procedures); !ok) {
        std::cerr << "cinplan: " << file << ": " << ok.error().message << "\n";
        status = 2;
        continue;
      }
      quotes = "every quote found in " + p->source;
    }
    std::cout << file << ": ok (" << p->rules.size() << " rules, " << p->constraints.size()
              << " constraints; " << quotes << ")\n";
  }
  return status;
}

}  // namespace cinplan::cli
