#include "app/wording.h"

#include <array>
#include <utility>

#include "app/wording_tables.h"
#include "core/obligations/obligations.h"

namespace cinplan::app {
namespace {

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// The kinds of meeting a meeting matcher names, in the authority's words.
std::vector<std::string> meeting_kinds(const Profile& p, const EventMatcher& m) {
  std::vector<std::string> out;
  const auto kinds = meeting_kind_values();
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if ((m.subtypes >> i) & 1u) out.push_back("the " + p.meeting_label(kinds[i]));
  }
  return out;
}

// The phrases of a matcher's flags: "where the child was seen".
std::vector<std::string> flag_words(const EventTypeSpec& spec, const EventMatcher& m) {
  std::vector<std::string> out;
  for (std::size_t bitno = 0; bitno < spec.fact.flags.size(); ++bitno) {
    if (((m.flags_mask >> bitno) & 1u) == 0) continue;
    const bool value = (m.flags_value >> bitno) & 1u;
    out.push_back(flag_phrase(spec.id, spec.fact.flags[bitno], value));
  }
  return out;
}

std::string timescale_core(const Profile& p, const Rule& r, const std::optional<Duration>& due) {
  std::vector<std::string> anchors;
  for (const EventMatcher& m : r.after) anchors.push_back(event_words(p, m));
  const std::string from = join_words(anchors, " or ");
  switch (r.kind) {
    case RuleKind::kOnce:
    case RuleKind::kEach:
      return due ? "within " + due->describe() + " of " + from
                 : "after " + from + ", with no timescale stated";
    case RuleKind::kRecurring: {
      std::vector<std::string> met;
      for (const EventMatcher& m : r.met_by) met.push_back(event_words(p, m));
      return "at least every " + due->describe() + ", counted from " + from +
             " and then from the last " + strip_article(join_words(met, " or "));
    }
    case RuleKind::kBefore: {
      if (r.before_date == DateAnchor::kSupervisionOrderEnd)
        return due->describe() + " before the supervision order ends";
      std::vector<std::string> meetings;
      for (std::uint16_t ix : r.before_meeting) {
        for (const EventMatcher& m : p.rules[ix].met_by) {
          for (const std::string& k : meeting_kinds(p, m)) {
            if (std::find(meetings.begin(), meetings.end(), k) == meetings.end())
              meetings.push_back(k);
          }
        }
      }
      const std::string when = due->amount == 0 ? "on or before" : due->describe() + " before";
      return when + " " + (meetings.empty() ? "the meeting" : join_words(meetings, " or "));
    }
  }
  return "";
}

}  // namespace

std::string date_words(Date d) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const std::string iso = d.to_string();  // YYYY-MM-DD
  const int month = std::stoi(iso.substr(5, 2));
  const int dom = std::stoi(iso.substr(8, 2));
  return std::to_string(dom) + " " + std::string(kMonths[static_cast<std::size_t>(month - 1)]) +
         " " + iso.substr(0, 4);
}

std::string status_words(const Obligation& o) {
  switch (o.status) {
    case ObligationStatus::kUpcoming:
      return "upcoming";
    case ObligationStatus::kDueSoon:
      return "due soon";
    case ObligationStatus::kTargetMissed:
      return o.target_agreed    ? "agreed date missed"
             : o.target_planned ? "later than planned"
                                : "aim missed";
    case ObligationStatus::kOverdue:
      return "overdue";
    case ObligationStatus::kMet:
      return "done";
    case ObligationStatus::kMetLate:
      return "done late";
    case ObligationStatus::kMissed:
      return "missed";
    case ObligationStatus::kOutstanding:
      return "to do (no timescale)";
  }
  return "upcoming";
}

std::string status_words(const Obligation& o, Strength strength) {
  const bool done = o.status == ObligationStatus::kMet || o.status == ObligationStatus::kMetLate;
  if (strength == Strength::kConsider && !done) return "to consider";
  return status_words(o);
}

std::string strength_words(Strength s) {
  switch (s) {
    case Strength::kMust:
      return "must";
    case Strength::kShould:
      return "should";
    case Strength::kConsider:
      return "should consider";
  }
  return "must";
}

std::string title_in_prose(std::string_view label) {
  std::string out(label);
  std::size_t start = 0;
  while (start < out.size()) {
    std::size_t end = out.find(' ', start);
    if (end == std::string::npos) end = out.size();
    bool rest_lower = end - start > 1;
    for (std::size_t i = start + 1; i < end && rest_lower; ++i)
      rest_lower = !(out[i] >= 'A' && out[i] <= 'Z');
    if (rest_lower && out[start] >= 'A' && out[start] <= 'Z')
      out[start] = static_cast<char>(out[start] - 'A' + 'a');
    start = end + 1;
  }
  return out;
}

std::string role_words(const Profile& p, std::string_view role) {
  std::string label = p.role_label(role);
  if (label == role) label = default_role_words(role);
  return "the " + title_in_prose(label);
}

std::string event_words(const Profile& p, const EventMatcher& m) {
  const EventTypeSpec& spec = event_type(m.type);
  std::string base;
  if (spec.id == "meeting") {
    const auto kinds = meeting_kinds(p, m);
    base = kinds.empty() ? "a meeting" : join_words(kinds, " or ");
  } else {
    base = fill_terms(p, type_phrase(spec.id));
    if (m.subtypes != 0) {
      std::vector<std::string> values;
      const FieldSpec* field = find_field(spec, spec.fact.subtype_field);
      for (std::size_t i = 0; i < field->values.size(); ++i) {
        if ((m.subtypes >> i) & 1u) values.push_back(value_phrase(p, *field, field->values[i]));
      }
      base += " " + subtype_joiner(spec.id) + " " + join_words(values, " or ");
    }
  }
  const auto flags = flag_words(spec, m);
  if (!flags.empty()) base += " " + join_words(flags, " and ");
  if (m.within) base += ", within " + m.within->describe() + " before it";
  return base;
}

std::string event_words(const Profile& p, const Event& e) {
  const EventTypeSpec& spec = event_type(e.type);
  if (spec.id == "meeting") {
    const std::string kind = e.string_field("kind");
    return kind.empty() ? "a meeting" : "the " + p.meeting_label(kind);
  }
  return fill_terms(p, type_phrase(spec.id));
}

std::string timescale_words(const Profile& p, const Rule& r, PathwaySet active) {
  const auto& due = r.due_on(active);
  const auto& target = r.target_on(active);
  std::string out = timescale_core(p, r, due);
  if (target) {
    out += r.kind == RuleKind::kBefore ? " (aim: " + target->describe() + " before)"
                                       : " (aim: " + target->describe() + ")";
  }
  return out;
}

std::string citation_words(const Citation& c) {
  return "\"" + c.full() + "\"" + (c.section.empty() ? "" : " (" + c.section + ")");
}

std::optional<std::string> pathway_note(const Profile& p, PathwaySet active) {
  std::vector<std::string> missing;
  for (Pathway pw : {Pathway::kDisability, Pathway::kDirectPayments}) {
    if ((active & bit(pw)) && !(p.known_pathways & bit(pw))) {
      missing.push_back(pw == Pathway::kDisability ? "disabled children"
                                                   : "children whose family receive direct "
                                                     "payments");
    }
  }
  if (missing.empty()) return std::nullopt;
  return p.name + " has no separate timescales for " + join_words(missing, " or ") +
         ": its standard timescales apply to this case.";
}

Explanation explain(const Profile& p, const CaseHistory* history, const Obligation& o,
                    PathwaySet active) {
  const Rule& r = p.rules[o.rule];
  Explanation x;
  x.source = p.source;
  const Strength strength = r.strength_on(active);
  x.summary = capitalised(r.title) + ": " +
              (strength == Strength::kConsider ? std::string("should be considered")
                                               : strength_words(strength) + " be done") +
              " " + timescale_words(p, r, active) +
              (r.who.empty() ? std::string() : " (" + role_words(p, r.who) + ")") + ".";
  if (o.target_planned) {
    const std::string every =
        "The plan agreed visits at least every " + std::to_string(o.planned_every) + " days";
    if (o.status == ObligationStatus::kTargetMissed)
      x.notes.push_back(every + ": this one was planned by " + date_words(o.target) +
                        ", which has passed; the procedure's limit is " + date_words(o.due) + ".");
    else
      x.notes.push_back(every + ": this one " + (is_open(o.status) ? "is" : "was") +
                        " planned by " + date_words(o.target) +
                        ", sooner than the procedure's limit of " + date_words(o.due) + ".");
  } else if (o.status == ObligationStatus::kTargetMissed) {
    x.notes.push_back(
        std::string(o.target_agreed ? "The date agreed for it, " : "The procedure's aim for it, ") +
        date_words(o.target) + ", has passed; the limit is " + date_words(o.due) + ".");
  } else if (o.has_target && o.target_agreed) {
    x.notes.push_back("The date agreed for it is " + date_words(o.target) + ".");
  }
  if (o.agreed_after_due && o.status == ObligationStatus::kOverdue) {
    x.notes.push_back("The date agreed for it, " + date_words(o.agreed) + ", is after its limit, " +
                      date_words(o.due) + ", which has passed: it is late now.");
  } else if (o.agreed_after_due && is_open(o.status)) {
    x.notes.push_back("The date agreed for it, " + date_words(o.agreed) + ", is after its limit, " +
                      date_words(o.due) + ": it will be late unless it is brought forward.");
  }
  if (o.met_by >= 0 && history != nullptr &&
      static_cast<std::size_t>(o.met_by) < history->events.size()) {
    const Event& e = history->events[static_cast<std::size_t>(o.met_by)];
    x.notes.push_back("Done by " + event_words(p, e) + " (event " + std::to_string(o.met_by + 1) +
                      ") on " + date_words(o.met_on) + ".");
  }
  if (o.clash) {
    x.notes.push_back(
        "The procedure's timescales cannot both be met here: counted from the meeting, this "
        "would fall before " +
        date_words(o.arose) + ", when the duty arose, so it is " +
        (o.has_due && o.due == o.arose ? "due" : "aimed at") + " on that day instead.");
  }
  if (!r.reading.empty()) {
    x.notes.push_back("This rests on a reading of the procedure, for the authority to sign off: " +
                      r.reading);
  }
  if (auto note = pathway_note(p, active)) x.notes.push_back(*note);
  for (const RuleOverride& ov : r.overrides) {
    if (ov.pathways & active) {
      for (const Citation& c : ov.cite) x.cites.push_back(&c);
      break;
    }
  }
  for (const Citation& c : r.cite) x.cites.push_back(&c);
  return x;
}

std::string finding_words(const Profile& p, const CaseHistory& history, const Finding& f) {
  const Constraint& c = p.constraints[f.constraint];
  const std::string subject = event_words(p, history.events[f.event]);
  const EventTypeSpec& type = event_type(c.applies_to.type);
  std::vector<std::string> asks, found;
  for (const FailedRequirement& failed : f.failed) {
    const Requirement& r = c.require[failed.requirement];
    asks.push_back(requirement_phrase(p, type, r, strength_words(c.strength)));
    found.push_back(recorded_phrase(p, type, r, failed.recorded, failed.value));
  }
  return subject + " " + join_words(asks, " and ") + "; " + join_words(found, ", and ");
}

}  // namespace cinplan::app
