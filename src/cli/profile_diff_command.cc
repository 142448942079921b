// cinplan profile diff A B [--json]: where two authorities' procedures differ,
// side by side in columns that fit 120 characters (the comparison itself is
// built in profile_diff.cc).
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "app/profile_catalog.h"
#include "cli/columns.h"
#include "cli/commands.h"
#include "cli/profile_diff.h"
#include "cli/terminal.h"

namespace cinplan::cli {
namespace {

constexpr std::size_t kWidth = 119;
// The thing compared, then each profile's side.
const Columns kTable{{24, 45, 45}, 2, 2};
// Related duties: the duty and what it is, then each profile's.
const Columns kRelated{{32, 41, 41}, 2, 2};

void say(const std::string& line) {
  print_line(std::cout, line);
}

void rows(const Columns& cols, bool differs, const std::vector<Cell>& cells) {
  for (const std::string& line : cols.row(differs ? '*' : ' ', cells)) say(line);
}

void heading(const std::string& text) {
  say("");
  for (const std::string& line : wrap(text, kWidth, 2)) say(line);
}

// A rule's side of its row. Lines about an aspect are shown on both sides
// when either has something to say about it.
Cell rule_cell(const RuleWords& w, const RuleWords& other, const RuleRow& row) {
  if (w.rule == nullptr) return {"(not in this procedure)"};
  Cell cell{w.title, w.strength + ": " + w.timescale};
  const bool both = other.rule != nullptr;
  if (!w.who.empty() || (both && !other.who.empty()))
    cell.push_back("who: " + (w.who.empty() ? std::string("no one named") : w.who));
  if (w.pathways != "all" || (both && other.pathways != "all"))
    cell.push_back("pathways: " + w.pathways);
  for (const std::string& o : w.overrides) cell.push_back("on " + o);
  if (w.overrides.empty() && both && !other.overrides.empty())
    cell.push_back("the same timescale on every pathway");
  if (std::find(row.differs.begin(), row.differs.end(), RuleAspect::kDoneBy) != row.differs.end())
    cell.push_back("done by: " + w.done_by);
  if (w.reading) cell.push_back("(a reading)");
  return cell;
}

Cell key_cell(const RuleRow& row) {
  Cell cell{row.id};
  if (row.differs.empty() || row.differs.front() == RuleAspect::kPresence) return cell;
  std::string aspects;
  for (RuleAspect a : row.differs)
    aspects += (aspects.empty() ? "" : ", ") + std::string(to_string(a));
  cell.push_back("  differs: " + aspects);
  return cell;
}

void print_timescales(const ProfileDiff& d) {
  heading("Timescales: every duty of either procedure, by its id in the common vocabulary.");
  for (const RuleRow& row : d.timescales) {
    rows(kTable, !row.differs.empty(),
         {key_cell(row), rule_cell(row.a, row.b, row), rule_cell(row.b, row.a, row)});
  }
}

Cell related_side(const RuleWords& w) {
  if (w.rule == nullptr) return {"(not in this procedure)"};
  return {w.title, w.strength + ": " + w.limit};
}

void print_related(const ProfileDiff& d) {
  if (d.related.empty()) return;
  heading(
      "Related duties: each procedure has duties of these kinds, but not the same ones. Each id "
      "is a duty of its own, whatever the authority calls it:");
  for (const RelatedGroup& g : d.related) {
    say("  " + std::string(g.group->title) + ":");
    for (std::size_t ix : g.rows) {
      const RuleRow& row = d.timescales[ix];
      const std::string meaning = row.meaning ? std::string(row.meaning->meaning) : "";
      rows(kRelated, !row.differs.empty(),
           {{row.id + ": " + meaning}, related_side(row.a), related_side(row.b)});
    }
  }
}

Cell constraint_cell(const std::vector<ConstraintWords>& side) {
  if (side.empty()) return {"(no such constraint)"};
  Cell cell;
  for (const ConstraintWords& w : side) {
    std::string line = w.asks;
    if (!w.condition.empty()) line += " (" + w.condition + ")";
    if (!w.constraint->reading.empty()) line += " (a reading)";
    cell.push_back(line);
  }
  return cell;
}

void print_constraints(const ProfileDiff& d) {
  if (d.constraints.empty()) return;
  heading(
      "Constraints: who chairs, endorses or decides, and what must be recorded, by what they "
      "apply to.");
  for (const ConstraintRow& row : d.constraints) {
    rows(kTable, row.differs, {{row.topic}, constraint_cell(row.a), constraint_cell(row.b)});
  }
}

void print_labels(const std::string& title, const std::vector<LabelRow>& list,
                  const std::string& missing) {
  heading(title);
  for (const LabelRow& row : list)
    rows(kTable, row.differs, {{row.id}, {row.a.value_or(missing)}, {row.b.value_or(missing)}});
}

void print_text(const ProfileDiff& d) {
  const Profile& a = *d.a;
  const Profile& b = *d.b;
  for (const std::string& line :
       wrap("Where " + a.id + " and " + b.id +
                " differ. * marks a row that differs; \"(a reading)\" marks a rule or constraint "
                "that rests on the profile's reading of an ambiguous document (cinplan profile "
                "show ID lists the readings).",
            kWidth, 2)) {
    say(line);
  }
  say("");
  rows(kTable, false, {{}, {a.id, a.name, "from " + a.source}, {b.id, b.name, "from " + b.source}});
  print_timescales(d);
  print_related(d);
  print_constraints(d);
  std::vector<LabelRow> pathways(d.pathways.begin() + 1, d.pathways.end());  // not standard
  print_labels(
      "Pathways beyond standard, each of which may have timescales of its own (* where only one "
      "procedure has it):",
      pathways, "(none: the standard timescales apply)");
  print_labels("Meeting outcomes allowed (* where only one procedure allows it):", d.outcomes,
               "(not an outcome here)");
  std::vector<LabelRow> words;
  for (LabelRow row : d.roles) words.push_back({"role: " + row.id, row.a, row.b, row.differs});
  for (LabelRow row : d.meetings)
    words.push_back({"meeting: " + row.id, row.a, row.b, row.differs});
  print_labels("Words for roles and meetings:", words, "-");
  say("");
  say(fmt::format("{} of {} timescale rules differ; {} of {} constraints differ.",
                  d.timescales_differing(), d.timescales.size(), d.constraints_differing(),
                  d.constraints.size()));
}

}  // namespace

int run_profile_diff(const std::filesystem::path& folder, const std::string& a_id,
                     const std::string& b_id, bool json) {
  auto catalog = app::ProfileCatalog::load(folder);
  if (!catalog) return fail(catalog.error().describe());
  auto a = catalog->find(a_id);
  if (!a) return fail(a.error().message);
  auto b = catalog->find(b_id);
  if (!b) return fail(b.error().message);
  const ProfileDiff d = diff_profiles(**a, **b);
  if (json) {
    std::cout << diff_json_text(d) << "\n";
  } else {
    print_text(d);
  }
  return 0;
}

}  // namespace cinplan::cli
