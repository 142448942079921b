#include "cli/profile_words.h"

#include <fmt/format.h>

#include <algorithm>

#include "app/wording.h"
#include "app/wording_tables.h"

namespace cinplan::cli {
namespace {

std::string days(int n) {
  return std::to_string(n) + (n == 1 || n == -1 ? " day" : " days");
}

std::string pathway_names(PathwaySet set) {
  std::string out;
  for (Pathway pw : {Pathway::kStandard, Pathway::kDisability, Pathway::kDirectPayments,
                     Pathway::kSupervisionOrder}) {
    if (set & bit(pw)) out += (out.empty() ? "" : ", ") + std::string(to_string(pw));
  }
  return out;
}

std::string plain(std::string_view id) {
  std::string out(id);
  for (char& c : out) c = c == '_' ? ' ' : c;
  return out;
}

}  // namespace

std::string pathway_words(const Profile& p, PathwaySet set, PathwaySet except) {
  std::string out;
  for (Pathway pw : {Pathway::kStandard, Pathway::kDisability, Pathway::kDirectPayments,
                     Pathway::kSupervisionOrder}) {
    if ((set & bit(pw)) && (p.known_pathways & bit(pw)))
      out += (out.empty() ? "" : ", ") + std::string(to_string(pw));
  }
  if (set == kMainPathways) out = "all";
  if (except != 0) out += " except " + pathway_names(except);
  return out;
}

std::string rule_timescale_words(const Profile& p, const Rule& r) {
  // The rule's own timescale: as on the standard pathway, or on the one
  // pathway it is limited to (never an override's).
  const PathwaySet base =
      (r.pathways & bit(Pathway::kStandard)) ? bit(Pathway::kStandard) : r.pathways;
  std::string out = app::timescale_words(p, r, base);
  for (const RuleOverride& o : r.overrides) {
    out += "; " + pathway_names(o.pathways) + ": " + o.due->describe();
    if (o.target) out += " (aim: " + o.target->describe() + ")";
    if (o.strength && *o.strength != r.strength) out += ", " + std::string(to_string(*o.strength));
  }
  return out;
}

std::string clash_words(const Profile& p, const TimescaleClash& c) {
  const Rule& before = p.rules[c.rule];
  const Rule& meeting = p.rules[c.meeting];
  const auto& notice = c.target ? before.target_on(c.pathways) : before.due_on(c.pathways);
  const auto& within = meeting.due_on(c.pathways);
  std::string when;
  if (c.most_days < 0) {
    when = "falls " +
           (c.fewest_days == c.most_days
                ? days(-c.most_days)
                : std::to_string(-c.most_days) + " to " + days(-c.fewest_days)) +
           " before the duty arises";
  } else if (c.fewest_days < 0) {
    when = "can fall up to " + days(-c.fewest_days) + " before the duty arises (and at most " +
           days(c.most_days) + " after it)";
  } else {
    when = "can fall on the day the duty arises";
  }
  const std::string pathway = c.pathways == bit(Pathway::kStandard)
                                  ? ""
                                  : ", on the " + pathway_names(c.pathways) + " pathway";
  return fmt::format(
      "{} ({}): the {} of {} before {} {} when the meeting is held as late as the procedure "
      "allows ({}{}); the obligation is then {} the day the duty arises and says why",
      before.title, before.id, c.target ? "aim" : "limit", notice->describe(),
      app::event_words(p, meeting.met_by.front()), when, within->describe(), pathway,
      c.target ? "aimed at" : "due on");
}

std::string constraint_topic_words(const Profile& p, const EventMatcher& applies_to,
                                   std::string_view meeting_kind, std::string_view field) {
  std::string subject;
  if (!meeting_kind.empty()) {
    subject = plain(meeting_kind);
    const bool named =
        subject != "review" &&
        (subject.ends_with("review") || subject.ends_with("meeting") || subject.ends_with("panel"));
    if (!named) subject += " meeting";
  } else {
    EventMatcher type_only;
    type_only.type = applies_to.type;
    subject = app::strip_article(app::event_words(p, type_only));
  }
  std::string what = field == "by_role" ? "made by" : plain(field);
  if (what.ends_with(" role")) what.resize(what.size() - 5);
  return subject + ": " + what;
}

std::string requirement_words(const Profile& p, const Constraint& c, const Requirement& r) {
  // Endorsed by a role (not at a meeting): the role in the authority's words.
  const auto roles = role_values();
  const auto is_role = [&](const std::string& v) {
    return std::find(roles.begin(), roles.end(), v) != roles.end();
  };
  if (r.field == "endorsed_at" && !r.allowed.empty() &&
      std::all_of(r.allowed.begin(), r.allowed.end(), is_role)) {
    std::string who;
    for (std::size_t i = 0; i < r.allowed.size(); ++i) {
      if (i > 0) who += i + 1 == r.allowed.size() ? " or " : ", ";
      who += app::role_words(p, r.allowed[i]);
    }
    return app::strength_words(c.strength) + " be endorsed by " + who;
  }
  return app::requirement_phrase(p, event_type(c.applies_to.type), r,
                                 app::strength_words(c.strength));
}

}  // namespace cinplan::cli
