#include "pages/meeting_form.h"

#include <algorithm>
#include <charconv>

#include "app/commands.h"
#include "pages/case_network.h"
#include "pages/form_fields.h"
#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

constexpr Option kCame[] = {{"present", "Present"},
                            {"apologies", "Sent apologies"},
                            {"report", "Sent apologies and a written report"},
                            {"absent", "Did not attend"}};

// The Signs of Safety lists a meeting keeps, one item a line.
struct SafetyList {
  std::string_view field;
  std::string_view label;
  std::string_view hint;
};
constexpr SafetyList kLists[] = {
    {"working_well", "What is working well", "What the family is doing that keeps the child safe"},
    {"worries", "What are we worried about", "What has happened, and what might happen"},
    {"complicating_factors", "Complicating factors", "What makes the worries harder to solve"},
    {"danger_statements", "Danger statements",
     "What everyone is worried will happen if nothing changes"},
    {"safety_goals", "Safety goals", "What the family will be doing when the child is safe"},
};

// How many rows of `kind` the form sent.
int rows_sent(const Form& form, std::string_view kind, std::string_view part) {
  int n = 0;
  while (form.count(row_input(kind, n + 1, part)) || form.count(row_input(kind, n + 1, "came")))
    ++n;
  return n;
}

// The last row of `kind` with anything typed in one of `parts` (0 for
// none): the form comes back with that many rows and empty ones after, so
// sending it again does not add rows.
int last_filled(const Form& form, std::string_view kind,
                std::initializer_list<std::string_view> parts) {
  int last = 0;
  const int sent = rows_sent(form, kind, *parts.begin());
  for (int i = 1; i <= sent; ++i)
    for (std::string_view part : parts)
      if (!typed(form, row_input(kind, i, part)).empty()) last = i;
  return last;
}

}  // namespace

FormReading read_meeting(const Form& form, const json& cv) {
  FormReading r;
  json& b = r.body;
  auto& p = r.problems;
  // A choice the form offers, into `field`; else the problem `missing`.
  auto choose = [&](const char* field, const char* list, std::string missing) {
    const std::string value = typed(form, field);
    if (!value.empty() && offers(choice_list(cv, list), value))
      b[field] = value;
    else if (!value.empty() || !missing.empty())
      p.push_back({field, value.empty() ? missing : "Choose one of the answers offered", {}});
  };
  choose("kind", "meeting_kinds", "Choose which meeting was held");
  if (auto d = read_date(form, "date", "the date of the meeting", true, p)) b["date"] = *d;
  choose("chair_role", "chairs", "Say who chaired the meeting");

  json present = json::array(), apologies = json::array(), absent = json::array();
  const int register_rows = rows_sent(form, "att", "name");
  for (int i = 1; i <= register_rows; ++i) {
    const std::string came = typed(form, row_input("att", i, "came"));
    if (came.empty()) continue;
    const std::string name = typed(form, row_input("att", i, "name"));
    const std::string who = typed(form, row_input("att", i, "who"));
    const std::string contact = typed(form, row_input("att", i, "contact"));
    if (name.empty()) {
      p.push_back({row_input("att", i, "name"),
                   "Give the name of the person in row " + std::to_string(i) + " of the register",
                   {}});
      continue;
    }
    const bool family = typed(form, row_input("att", i, "family")) == "yes";
    if (came == "present") {
      json a{{"name", name}};
      if (!who.empty()) a[family ? "role" : "agency"] = who;
      if (!contact.empty()) a["contact"] = contact;
      present.push_back(std::move(a));
    } else if (came == "apologies" || came == "report") {
      json a{{"name", name}};
      if (!who.empty()) a["agency"] = who;
      a["written_update"] = came == "report";
      apologies.push_back(std::move(a));
    } else if (came == "absent") {
      json a{{"name", name}};
      if (!who.empty()) a[family ? "role" : "agency"] = who;
      absent.push_back(std::move(a));
    } else {
      p.push_back({row_input("att", i, "came"),
                   "Choose whether the person in row " + std::to_string(i) +
                       " was present, sent apologies or did not attend",
                   {}});
    }
  }
  if (!present.empty() || !apologies.empty() || !absent.empty()) {
    json att = json::object();
    if (!present.empty()) att["present"] = std::move(present);
    if (!apologies.empty()) att["apologies"] = std::move(apologies);
    if (!absent.empty()) att["absent"] = std::move(absent);
    b["attendance"] = std::move(att);
  }

  json scaling = json::array();
  const int scaling_rows = rows_sent(form, "scale", "by");
  for (int i = 1; i <= scaling_rows; ++i) {
    const std::string by = typed(form, row_input("scale", i, "by"));
    const std::string score = typed(form, row_input("scale", i, "score"));
    const auto why = read_text(form, row_input("scale", i, "rationale"));
    if (by.empty() && score.empty() && !why) continue;
    if (by.empty())
      p.push_back({row_input("scale", i, "by"),
                   "Say who gave the score in scaling row " + std::to_string(i),
                   {}});
    int n = -1;
    auto [end, ec] = std::from_chars(score.data(), score.data() + score.size(), n);
    if (score.empty() || ec != std::errc() || end != score.data() + score.size() || n < 0 ||
        n > 10) {
      p.push_back({row_input("scale", i, "score"),
                   "Give a whole number from 0 to 10 in scaling row " + std::to_string(i) +
                       ": 0 is the worst, 10 is safe",
                   {}});
      continue;
    }
    if (by.empty()) continue;
    json s{{"by", by}, {"score", n}};
    if (why) s["rationale"] = *why;
    scaling.push_back(std::move(s));
  }
  if (!scaling.empty()) b["scaling"] = std::move(scaling);

  for (const SafetyList& l : kLists)
    if (auto items = read_lines(form, l.field); !items.empty()) b[std::string(l.field)] = items;
  choose("outcome", "outcomes", "");
  if (auto d = read_date(form, "next_meeting", "the date of the next meeting", false, p))
    b["next_meeting"] = *d;
  if (auto why = read_text(form, "departure_reason")) b["departure_reason"] = *why;
  return r;
}

const std::map<std::string, std::string>& meeting_inputs() {
  static const std::map<std::string, std::string> inputs = {
      {"kind", "kind"},
      {"date", "date-day"},
      {"chair_role", "chair_role"},
      {"attendance", "att-1-came"},
      {"scaling", "scale-1-by"},
      {"working_well", "working_well"},
      {"worries", "worries"},
      {"complicating_factors", "complicating_factors"},
      {"danger_statements", "danger_statements"},
      {"safety_goals", "safety_goals"},
      {"outcome", "outcome"},
      {"next_meeting", "next_meeting-day"},
      {"departure_reason", "departure_reason"},
  };
  return inputs;
}

json meeting_form_view(const json& cv, const Form& t, const std::vector<FieldProblem>& p,
                       std::string_view today, std::int64_t version) {
  json v = form_view_head(cv, p, version);
  const bool fresh = typed(t, "version").empty();
  const bool more = typed(t, "more_rows") == "yes";

  // The meeting to record: the soonest arranged and not yet held.
  const json due = meetings_to_hold(cv);
  std::string kind = typed(t, "kind"), when;
  if (fresh && !due.empty()) {
    const json& next = due.front();
    if (kind.empty()) kind = next.value("kind", "");
    const std::string on = next.value("meeting_date", "");
    if (on <= today) when = on;
  }
  if (when.empty()) when = std::string(today);
  const std::vector<Option> kinds = options_of(choice_list(cv, "meeting_kinds"));
  const std::vector<Option> chairs = options_of(choice_list(cv, "chairs"));
  const std::vector<Option> outcomes = options_of(choice_list(cv, "outcomes"));
  v["kind"] = radios("kind", "Which meeting was held?", "", kinds, kind, p);
  v["date"] = date_input("date", "When was it held?", "For example, 27 3 2026", t, when, p);
  v["chair_role"] = radios("chair_role", "Who chaired it?", "", chairs, typed(t, "chair_role"), p);
  // Asked only once the procedure's rule is found broken (the refusal says
  // so), or when it was typed before.
  const bool asked = !typed(t, "departure_reason").empty() ||
                     std::any_of(p.begin(), p.end(), [](const FieldProblem& x) {
                       return x.message.find(app::kDepartureAsk) != std::string::npos;
                     });
  v["departure_reason"] =
      asked ? textarea("departure_reason", "If it was held so, why was the procedure not followed?",
                       "For example: the Team Manager was ill on the day, and the meeting could "
                       "not wait. It is recorded as it happened, with this reason, and flagged",
                       typed(t, "departure_reason"), 3, p)
            : json(false);

  // Endorsed exclusions from this meeting (or from the next, not yet dated).
  json excluded = json::array();
  for (const json& x : exclusions_from(cv, when))
    excluded.push_back({{"person", x.value("person", "")},
                        {"reason", x.value("reason", "")},
                        {"alternative", x.value("alternative", "")},
                        {"endorsed_by", x.value("endorsed_by", "a manager")},
                        {"endorsed_words", date_in_words(x.value("date", ""))}});
  v["has_exclusions"] = !excluded.empty();
  v["exclusions"] = std::move(excluded);

  // The register: the network first (as typed, once typed), then empty rows.
  // Someone excluded from the meeting is no row of its register.
  // The child first and the allocated worker last: both are usually there.
  std::vector<NetworkMember> network;
  const json child = cv.value("child", json::object());
  if (child.is_object() && !text_at(child, "name").empty())
    network.push_back({"child", text_at(child, "name"), "the child", {}, true});
  for (NetworkMember& m : network_of(cv)) {
    if (!pages::excluded(v["exclusions"], m)) network.push_back(std::move(m));
  }
  if (const std::string worker = text_at(cv, "worker"); !worker.empty())
    network.push_back({"worker", worker, "social worker", {}, false});
  const int base = fresh ? static_cast<int>(network.size())
                         : last_filled(t, "att", {"name", "who", "contact", "came"});
  const int rows = base + kNewRegisterRows + (more ? kNewRegisterRows : 0);
  json register_rows = json::array();
  for (int i = 1; i <= rows; ++i) {
    const bool from_network = fresh && i <= static_cast<int>(network.size());
    const NetworkMember* m = from_network ? &network[static_cast<std::size_t>(i - 1)] : nullptr;
    auto value = [&](std::string_view part, const std::string& fallback) {
      return from_network ? fallback : typed(t, row_input("att", i, part));
    };
    json r;
    r["number"] = i;
    r["family_name"] = row_input("att", i, "family");
    r["family"] =
        from_network ? (m->family ? "yes" : "no") : typed(t, row_input("att", i, "family"));
    r["name"] =
        text_input(row_input("att", i, "name"), "Name", "", value("name", m ? m->name : ""), p);
    r["who"] = text_input(row_input("att", i, "who"), "Relationship to the child, or agency", "",
                          value("who", m ? m->who : ""), p);
    r["contact"] = text_input(row_input("att", i, "contact"), "Telephone or email", "",
                              value("contact", m ? m->contact : ""), p);
    r["came"] = radios(row_input("att", i, "came"), "Were they there?", "", kCame,
                       typed(t, row_input("att", i, "came")), p, true);
    register_rows.push_back(std::move(r));
  }
  v["register_rows"] = std::move(register_rows);

  const int scaled = last_filled(t, "scale", {"by", "score", "rationale"});
  const int scaling_count = scaled + kNewScalingRows + (more ? kNewScalingRows : 0);
  json scaling_rows = json::array();
  for (int i = 1; i <= scaling_count; ++i) {
    json r;
    r["number"] = i;
    r["by"] = text_input(row_input("scale", i, "by"), "Who gave the score", "",
                         typed(t, row_input("scale", i, "by")), p);
    r["score"] = text_input(row_input("scale", i, "score"), "Score (0 to 10)", "",
                            typed(t, row_input("scale", i, "score")), p);
    r["rationale"] = textarea(row_input("scale", i, "rationale"), "Why that score", "",
                              typed(t, row_input("scale", i, "rationale")), 2, p);
    scaling_rows.push_back(std::move(r));
  }
  v["scaling_rows"] = std::move(scaling_rows);

  json lists = json::array();
  for (const SafetyList& l : kLists)
    lists.push_back(textarea(l.field, l.label, std::string(l.hint) + ". One on each line.",
                             typed(t, l.field), 3, p));
  v["safety_lists"] = std::move(lists);
  v["outcome"] =
      radios("outcome", "What did the meeting decide?", "", outcomes, typed(t, "outcome"), p);
  v["next_meeting"] = date_input("next_meeting", "When is the next meeting?",
                                 "The date agreed at the meeting, if one was agreed", t, "", p);
  return v;
}

}  // namespace cinplan::pages
