#include "pages/views.h"

#include "pages/census_panel.h"

#include "pages/attachment_form.h"
#include "pages/case_network.h"
#include "pages/caseload_sort.h"
#include "pages/meeting_view.h"
#include "pages/scaling_chart.h"
#include "pages/visit_form.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "app/wording.h"
#include "core/calendar/date.h"
#include "core/calendar/uk_time.h"
#include "core/casefile/json_reader.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

// The date agreed for an obligation (at a meeting) or planned (the plan's
// visiting frequency), sooner than its limit: the day it is expected. Empty
// when it has none, or only the procedure's own aim.
std::string agreed_target(const json& o) {
  const std::string kind = text_at(o, "target_kind");
  return kind == "agreed" || kind == "planned" ? text_at(o, "target") : std::string();
}

// A caseload item: its limit, and the date agreed or planned for it when
// sooner, as the case page shows it ("2 March 2027 (agreed for 24 December
// 2026)").
json item_view(const json& o) {
  json v;
  v["title"] = text_at(o, "title");
  v["due"] = text_at(o, "due");
  std::string words = date_in_words(text_at(o, "due"));
  if (const std::string target = agreed_target(o); !target.empty())
    words += " (" + text_at(o, "target_kind") + " for " + date_in_words(target) + ")";
  v["due_words"] = words;
  return v;
}

// "Plan action: Walk Kai to school (mother)".
std::string plan_action_title(const json& a) {
  std::string title = "Plan action: " + text_at(a, "text");
  if (!text_at(a, "owner").empty()) title += " (" + text_at(a, "owner") + ")";
  return title;
}

// The GOV.UK tag colour for an obligation's status.
// A duty to consider is never an alarm: past its date it is still only to
// be considered (blue), not overdue (red).
std::string tag_for(std::string_view status, std::string_view strength = {}) {
  if (strength == "consider" && !status.starts_with("met")) return "govuk-tag--blue";
  if (status == "overdue" || status == "missed" || status == "target_missed")
    return "govuk-tag--red";
  if (status == "due_soon") return "govuk-tag--orange";
  if (status.starts_with("met")) return "govuk-tag--green";
  return "govuk-tag--grey";
}

int urgency(std::string_view status, std::string_view strength = {}) {
  if (strength == "consider") return 3;
  if (status == "overdue") return 0;
  if (status == "target_missed" || status == "missed") return 1;
  if (status == "due_soon") return 2;
  return 3;
}

// A form's option label as part of a sentence: "the child's bedroom" for
// "The child's bedroom".
std::string within_sentence(std::string_view label) {
  std::string words(label);
  if (!words.empty() && words[0] >= 'A' && words[0] <= 'Z')
    words[0] = static_cast<char>(words[0] - 'A' + 'a');
  return words;
}

// The days from `iso` to `today` (both YYYY-MM-DD), at least 1; 1 when
// either is no date.
int days_before(std::string_view iso, std::string_view today) {
  auto d = parse_date(iso);
  auto t = parse_date(today);
  if (!d || !t) return 1;
  return std::max(1, t->days() - d->days());
}

// The case page's date column: the limit, and the date agreed or planned
// when the meeting or visit is expected sooner ("Agreed for 20 November
// 2026 (limit 4 December 2026)"), or agreed for after the limit.
std::string due_column_words(const json& o) {
  const std::string due = text_at(o, "due"), target = agreed_target(o),
                    late = text_at(o, "agreed_date");
  if (due.empty()) return std::string();
  if (!target.empty())
    return sentence_start(text_at(o, "target_kind")) + " for " + date_in_words(target) +
           " (limit " + date_in_words(due) + ")";
  if (!late.empty())
    return "Agreed for " + date_in_words(late) + ", after the limit of " + date_in_words(due);
  return date_in_words(due);
}

// Who signed, by name, and when: "the family (Sarah Jones) on 3 December
// 2026", or, unnamed, who recorded it; a professional's signature is
// recorded by the professional ("the team manager, Mark Davies, on ...").
std::string signature_words(const json& g) {
  const std::string by = text_at(g, "by"), name = text_at(g, "name"),
                    recorder = text_at(g, "recorded_by_name");
  const std::string on = " on " + date_in_words(text_at(g, "date"));
  const std::string words = text_at(g, "by_words");
  if (!name.empty()) return words + " (" + name + ")" + on;
  if (recorder.empty()) return words + on;
  if (by == "family" || by == "child") return words + on + " (recorded by " + recorder + ")";
  return words + ", " + recorder + "," + on;
}

}  // namespace

json strings_at(const json& j, const char* key) {
  json out = json::array();
  if (!j.is_object() || !j.contains(key) || !j[key].is_array()) return out;
  for (const json& t : j[key])
    if (t.is_string() && !t.get<std::string>().empty()) out.push_back(t);
  return out;
}

std::string sentence_start(std::string words) {
  if (!words.empty() && words[0] >= 'a' && words[0] <= 'z')
    words[0] = static_cast<char>(words[0] - 'a' + 'A');
  return words;
}

std::string text_at(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string date_in_words(std::string_view iso) {
  auto d = parse_date(iso);
  return d ? app::date_words(*d) : std::string(iso);
}

json recorded_words(const json& entry) {
  std::string by = text_at(entry, "recorded_by_name");
  if (by.empty()) by = text_at(entry, "recorded_by");
  const auto at = uk_time(text_at(entry, "recorded_at"));
  if (by.empty() && !at) return false;
  std::string words = "Recorded";
  if (!by.empty()) words += " by " + by;
  if (at) words += " on " + app::date_words(at->date) + " at " + clock_words(*at);
  return words;
}

json caseload_view(const json& caseload, std::string_view show, std::string_view profile_name,
                   std::string_view worker, const CaseloadOrder& order, std::string_view action) {
  json rows = json::array();
  int overdue = 0, due_soon = 0, children = 0;
  std::vector<std::string> workers;
  const std::string today = text_at(caseload, "today");
  for (const json& c : caseload["cases"]) {
    const std::string held_by = text_at(c, "worker");
    if (!held_by.empty() && std::find(workers.begin(), workers.end(), held_by) == workers.end())
      workers.push_back(held_by);
    if (!worker.empty() && held_by != worker) continue;
    ++children;  // the worker's, when one is chosen
    json row;
    row["worker"] = held_by.empty() ? "not allocated" : held_by;
    row["case_id"] = text_at(c, "case_id");
    row["child"] = c["child"].is_string() ? c["child"].get<std::string>() : "(no name recorded)";
    row["child_sort"] = name_sort_key(text_at(c, "child"));
    row["worker_sort"] = name_sort_key(text_at(row, "worker"));
    json over = json::array();
    for (const json& o : c["overdue"]) over.push_back(item_view(o));
    // The plan's own dates count as much as the procedure's: an action past
    // its date is overdue here as on the case page.
    for (const json& a : c.value("actions_overdue", json::array())) {
      over.push_back({{"title", plan_action_title(a)},
                      {"due", text_at(a, "by_date")},
                      {"due_words", date_in_words(text_at(a, "by_date"))}});
    }
    row["overdue_count"] = over.size();
    // Most overdue first: the procedure's duties before the plan's own
    // dates, then by how long the oldest has been overdue.
    auto oldest = [](const json& items, const char* key) {
      std::string first;
      for (const json& o : items)
        if (const std::string d = text_at(o, key); !d.empty() && (first.empty() || d < first))
          first = d;
      return first;
    };
    const std::string oldest_due =
        !c["overdue"].empty() ? oldest(c["overdue"], "due")
                              : oldest(c.value("actions_overdue", json::array()), "by_date");
    row["overdue_sort"] =
        over.empty() ? 0 : (c["overdue"].empty() ? 0 : 100000) + days_before(oldest_due, today);
    row["overdue"] = over;
    const json& next = c["next_due"];
    const bool soon = next.is_object() && text_at(next, "status") == "due_soon";
    row["due_soon"] = soon ? item_view(next) : json(false);
    row["next"] = next.is_object() && !soon ? item_view(next) : json(false);
    // What the cells show is what they sort by: a row whose next item is
    // due this week shows none under "Next".
    row["due_soon_sort"] = soon ? text_at(next, "due") : std::string(kNoDate);
    row["next_sort"] = next.is_object() && !soon ? text_at(next, "due") : std::string(kNoDate);
    overdue += over.empty() ? 0 : 1;
    due_soon += soon ? 1 : 0;
    if (show == "overdue" && over.empty()) continue;
    if (show == "due" && !soon) continue;
    rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const json& a, const json& b) {
    if (a["overdue_sort"] != b["overdue_sort"]) return a["overdue_sort"] > b["overdue_sort"];
    return a["due_soon_sort"].get<std::string>() < b["due_soon_sort"].get<std::string>();
  });
  const bool team = action == "/caseload/team";
  sort_caseload(rows, order);
  json v;
  v["today_words"] = date_in_words(text_at(caseload, "today"));
  v["profile_words"] = std::string(profile_name);
  v["counts"] = {{"children", children}, {"overdue", overdue}, {"due_soon", due_soon}};
  const std::string chosen = show == "overdue" || show == "due" ? std::string(show) : "all";
  json filters = json::array();
  for (auto [value, label] :
       {std::pair{"all", "All children"}, std::pair{"overdue", "Children with something overdue"},
        std::pair{"due", "Children with something due this week"}})
    filters.push_back({{"value", value}, {"label", label}, {"selected", chosen == value}});
  v["filters"] = filters;
  for (const json& f : filters)
    if (f["selected"].get<bool>()) v["showing"] = f["label"];
  v["sort"] = {{"column", order.column}, {"order", order.ascending ? "ascending" : "descending"}};
  v["columns"] = caseload_columns(order, team, action, chosen == "all" ? "" : chosen, worker);
  v["has_rows"] = !rows.empty();
  v["rows"] = std::move(rows);
  // By family name, as the table sorts them.
  std::sort(workers.begin(), workers.end(), [](const std::string& a, const std::string& b) {
    return name_sort_key(a) < name_sort_key(b);
  });
  json choices =
      json::array({{{"value", ""}, {"label", "Every worker"}, {"selected", worker.empty()}}});
  for (const std::string& w : workers)
    choices.push_back({{"value", w}, {"label", w}, {"selected", w == worker}});
  v["workers"] = std::move(choices);
  // A worker asked for by the address who holds none of these children.
  v["unknown_worker"] = !worker.empty() && std::find(workers.begin(), workers.end(),
                                                     std::string(worker)) == workers.end()
                            ? json(std::string(worker))
                            : json(false);
  return v;
}

namespace {

// The supervision order's summary for the case page, or false.
json supervision_order_view(const json& case_view) {
  const json order = case_view.value("supervision_order", json());
  if (!order.is_object()) return false;
  static const std::map<std::string, std::string> kDecided = {
      {"expire", "to let the order expire"},
      {"extend", "to ask the court to extend it"},
      {"return_to_court", "to return to court"},
      {"other", "something else"}};
  json v;
  v["made_words"] = date_in_words(text_at(order, "made"));
  v["end_words"] = date_in_words(text_at(order, "end"));
  std::string extended;
  for (const json& d : order.value("extended", json::array()))
    if (d.is_string())
      extended += (extended.empty() ? "" : ", ") + date_in_words(d.get<std::string>());
  v["extended_words"] = extended.empty() ? json(false) : json("Extended on " + extended + ".");
  v["iro"] = text_at(order, "iro").empty() ? json(false) : json(text_at(order, "iro"));
  const auto decided = kDecided.find(text_at(order, "decision"));
  v["decision_words"] = decided == kDecided.end()
                            ? json(false)
                            : json("On " + date_in_words(text_at(order, "decision_date")) +
                                   " it was decided " + decided->second + ".");
  return v;
}

}  // namespace

json case_page_view(const json& case_view, std::string_view today, std::size_t chronology_shown) {
  json v = case_view;
  v["today_words"] = date_in_words(today);
  v["closed"] = case_view.contains("closure") && !case_view["closure"].is_null();
  v["closed_words"] =
      v["closed"].get<bool>()
          ? json("This case was closed on " + date_in_words(text_at(case_view["closure"], "date")) +
                 ". A visit made before then can still be recorded, and case notes added; "
                 "anything that happens after it belongs to a new referral.")
          : json(false);
  v["order"] = supervision_order_view(case_view);
  v["scaling_chart"] = scaling_chart(case_view);
  json due = json::array(), done = json::array();
  // What was done in the last four weeks stays in sight below what is due
  // (a duty met moves on to its next occasion, or leaves the list).
  const std::string recent = [&] {
    auto d = parse_date(today);
    return d ? add_days(*d, -28).to_string() : std::string(today);
  }();
  for (const json& o : case_view["obligations"]) {
    const std::string status = text_at(o, "status");
    if (status.starts_with("met")) {
      const json met = o.value("met_by", json::object());
      const std::string on = text_at(met, "date");
      if (on.empty() || on < recent) continue;  // done long ago: on the chronology
      done.push_back({{"title", text_at(o, "title")},
                      {"status_words", sentence_start(text_at(o, "status_words"))},
                      {"tag", tag_for(status)},
                      {"done_on", on},
                      {"done_words", date_in_words(on)}});
      continue;
    }
    json item = o;
    item["tag"] = tag_for(status, text_at(o, "strength"));
    // A tag starts with a capital, as the caseload's do.
    item["status_words"] = sentence_start(text_at(o, "status_words"));
    item["due_words"] = due_column_words(o);
    json cites = json::array();
    for (const json& c : o.value("cite", json::array())) {
      json cite = c;
      cite["document"] = text_at(case_view, "profile_name");
      cites.push_back(std::move(cite));
    }
    item["cite"] = std::move(cites);
    due.push_back(std::move(item));
  }
  // The plan's own actions past their date are overdue here as on the
  // caseload; their "why" is the plan, not the procedure.
  if (case_view.contains("plan") && case_view["plan"].is_object()) {
    const json& plan = case_view["plan"];
    for (const json& a : plan.value("actions", json::array())) {
      const std::string by = text_at(a, "by_date");
      if (a.value("completed", false) || by.empty() || by >= std::string(today)) continue;
      json item = {{"title", plan_action_title(a)},
                   {"status", "overdue"},
                   {"status_words", "Overdue"},
                   {"tag", tag_for("overdue")},
                   {"due", by},
                   {"due_words", date_in_words(by)},
                   {"cite", json::array()},
                   {"notes", json::array()}};
      item["why"] = "The plan of " + date_in_words(text_at(plan, "date")) + " agreed that " +
                    (text_at(a, "owner").empty() ? std::string("this") : text_at(a, "owner")) +
                    " would do this by " + date_in_words(by) +
                    (text_at(a, "why").empty() ? std::string() : ", " + text_at(a, "why")) +
                    ". Mark it done on the plan, or change the plan.";
      item["plan_action"] = true;
      due.push_back(std::move(item));
    }
  }
  std::stable_sort(due.begin(), due.end(), [](const json& a, const json& b) {
    const int ua = urgency(text_at(a, "status"), text_at(a, "strength")),
              ub = urgency(text_at(b, "status"), text_at(b, "strength"));
    if (ua != ub) return ua < ub;
    // The procedure's duties before the plan's own dates.
    const bool pa = a.value("plan_action", false), pb = b.value("plan_action", false);
    if (pa != pb) return pb;
    // Then by the day each is expected: a date agreed sooner than the limit
    // is the day it is expected.
    auto expected = [](const json& o) {
      const std::string target = agreed_target(o);
      return target.empty() ? text_at(o, "due") : target;
    };
    return expected(a) < expected(b);
  });
  v["has_due"] = !due.empty();
  v["due_items"] = std::move(due);
  std::stable_sort(done.begin(), done.end(), [](const json& a, const json& b) {
    return text_at(a, "done_on") > text_at(b, "done_on");
  });
  v["has_done"] = !done.empty();
  v["done_items"] = std::move(done);
  json meetings = json::array();
  // The authority's own name of each meeting, as the case view gives it.
  auto kind_words = [](const json& m) {
    std::string kind = text_at(m, "kind_words");
    if (kind.empty()) {
      kind = text_at(m, "kind");
      std::replace(kind.begin(), kind.end(), '_', ' ');
      kind += " meeting";
    }
    if (!kind.empty() && kind[0] >= 'a' && kind[0] <= 'z')
      kind[0] = static_cast<char>(kind[0] - 32);
    return kind;
  };
  for (const json& m : case_view["meetings"]) {
    json item = m;
    item["kind_words"] = kind_words(m);
    item["date_words"] = date_in_words(text_at(m, "date"));
    for (const char* k : {"outcome_words", "chair_words", "departure_reason"})
      if (!item.contains(k)) item[k] = false;
    meetings.push_back(held_meeting_view(std::move(item)));
  }
  json upcoming = json::array();
  for (const json& m : meetings_to_hold(case_view)) {
    json item;
    item["kind_words"] = kind_words(m);
    item["date_words"] = date_in_words(text_at(m, "meeting_date"));
    item["meeting_date"] = text_at(m, "meeting_date");
    item["venue"] = m.contains("venue") ? m["venue"] : json(false);
    item["late_to_record"] = text_at(m, "meeting_date") < std::string(today);
    std::string invited;
    for (const json& who : m.value("invitees", json::array()))
      if (who.is_string()) invited += (invited.empty() ? "" : ", ") + who.get<std::string>();
    item["invited_words"] = invited.empty() ? json(false) : json(invited);
    upcoming.push_back(std::move(item));
  }
  v["has_upcoming"] = !upcoming.empty();
  v["upcoming_meetings"] = std::move(upcoming);
  json exclusions = case_view.value("exclusions", json::array());
  for (json& x : exclusions) {
    x["date_words"] = date_in_words(text_at(x, "date"));
    x["meeting_words"] = x.contains("meeting_date")
                             ? json("the meeting on " + date_in_words(text_at(x, "meeting_date")))
                             : json("the next meeting");
    for (const char* k : {"alternative", "endorsed_by"})
      if (!x.contains(k)) x[k] = false;
  }
  v["has_exclusions"] = !exclusions.empty();
  v["exclusions"] = std::move(exclusions);
  // A protected person: whose address is kept from whom, by name, for the
  // warning above the network (never to be given to them).
  std::map<std::string, std::string> name_of;
  for (const char* list : {"people", "professionals"})
    for (const json& p : case_view.value(list, json::array()))
      name_of[text_at(p, "person_id")] =
          text_at(p, "name") +
          (p.contains("relationship") ? " (" + text_at(p, "relationship") + ")" : "");
  json withheld = json::array();
  if (v.contains("people") && v["people"].is_array())
    for (json& p : v["people"]) {
      std::string from;
      for (const json& id : p.value("address_withheld_from", json::array())) {
        const std::string key = id.is_string() ? id.get<std::string>() : std::string();
        const auto it = name_of.find(key);
        from += (from.empty() ? "" : ", ") + (it != name_of.end() ? it->second : key);
      }
      p["withheld"] = !from.empty();
      if (from.empty()) continue;
      withheld.push_back({{"person", text_at(p, "name")},
                          {"from", from},
                          {"reason", text_at(p, "address_withheld_reason").empty()
                                         ? json(false)
                                         : json(text_at(p, "address_withheld_reason"))}});
    }
  v["has_withheld"] = !withheld.empty();
  v["withheld_addresses"] = std::move(withheld);
  json visits = case_view.value("visits", json::array());
  for (json& visit : visits) {
    visit["date_words"] = date_in_words(text_at(visit, "date"));
    visit["recorded_words"] = recorded_words(visit);
    // Every key the template asks of a visit is there, so that none is
    // looked up on the case instead.
    for (const char* k : {"seen_alone", "location", "notes"})
      if (!visit.contains(k)) visit[k] = false;
    // Who else was there, which rooms were seen, and why the child was not
    // seen (alone), in words.
    auto joined = [](const json& list, auto&& word) {
      std::string out;
      if (list.is_array())
        for (const json& item : list)
          if (item.is_string()) out += (out.empty() ? "" : ", ") + word(item.get<std::string>());
      return out.empty() ? json(false) : json(out);
    };
    // Each person as "name, role": one from the next by a semicolon.
    std::string others;
    for (const json& item : visit.value("others_present", json::array()))
      if (item.is_string()) others += (others.empty() ? "" : "; ") + item.get<std::string>();
    visit["others_words"] = others.empty() ? json(false) : json(others);
    // Whether the family knew, and what the visit was for.
    std::string how;
    if (visit.contains("announced") && visit["announced"].is_boolean() &&
        text_at(visit, "purpose") != "unannounced_check")
      how = visit["announced"].get<bool>() ? "announced" : "unannounced";
    for (const Option& o : visit_purposes())
      if (o.value == text_at(visit, "purpose") && text_at(visit, "purpose") != "routine")
        how += (how.empty() ? "" : "; ") + within_sentence(o.label);
    visit["how_words"] = how.empty() ? json(false) : json(how);
    visit["rooms_words"] = joined(visit.value("rooms_seen", json()), [](const std::string& room) {
      for (const Option& o : visit_rooms())
        if (o.value == room) return within_sentence(o.label);
      return room;
    });
    // "at the child's home": the form's own words for where the visit was.
    for (const Option& o : visit_locations())
      if (o.value == text_at(visit, "location")) visit["location"] = within_sentence(o.label);
    visit["why_not_words"] =
        visit.contains("reason_not_seen") ? visit["reason_not_seen"] : json(false);
  }
  std::reverse(visits.begin(), visits.end());
  std::stable_sort(visits.begin(), visits.end(), [](const json& a, const json& b) {
    return text_at(a, "date") > text_at(b, "date");  // the latest first, whatever order typed
  });
  v["visits"] = std::move(visits);
  // Case notes, the latest first, under a name of their own ("notes" is
  // also an obligation's).
  json notes = case_view.value("notes", json::array());
  for (json& n : notes) {
    n["date_words"] = date_in_words(text_at(n, "date"));
    n["recorded_words"] = recorded_words(n);
  }
  std::reverse(notes.begin(), notes.end());
  v.erase("notes");
  v["has_case_notes"] = !notes.empty();
  v["case_notes"] = std::move(notes);
  if (v["child"].is_object())
    v["child"]["date_of_birth_words"] = date_in_words(text_at(v["child"], "date_of_birth"));
  if (v["plan"].is_object()) {
    json& plan = v["plan"];
    plan["date_words"] = date_in_words(text_at(plan, "date"));
    // Every key the template asks of the plan and its rows is there.
    if (!plan.contains("summary") || text_at(plan, "summary").empty()) plan["summary"] = false;
    // The summary as a clause of the sentence the page ends with a stop.
    std::string summary = text_at(plan, "summary");
    while (!summary.empty() && (summary.back() == '.' || summary.back() == ' ')) summary.pop_back();
    plan["summary_words"] = summary.empty() ? json(false) : json(summary);
    for (json& o : plan["outcomes"])
      if (!o.contains("measure")) o["measure"] = false;
    for (json& a : plan["actions"]) {
      a["by_words"] =
          a.contains("by_date") ? json(date_in_words(text_at(a, "by_date"))) : json(false);
      a["action_overdue"] = !a.value("completed", false) && a.contains("by_date") &&
                            text_at(a, "by_date") < std::string(today);
      for (const char* k : {"owner", "completed"})
        if (!a.contains(k)) a[k] = false;
    }
    std::string signed_words;
    for (const json& g : plan.value("signatures", json::array()))
      signed_words += (signed_words.empty() ? "By " : "; by ") + signature_words(g);
    bool by_family = false;
    for (const json& g : plan.value("signatures", json::array()))
      by_family = by_family || text_at(g, "by") == "family";
    plan["signed_words"] = signed_words.empty() ? std::string("Not yet signed")
                           : by_family          ? signed_words
                                                : signed_words + ". Not yet signed by the family";
    const json settings = plan.value("settings", json::object());
    plan["lead_words"] = settings.contains("lead_professional")
                             ? text_at(settings, "lead_professional")
                             : "Not named";
    plan["visits_words"] =
        settings.contains("visiting_frequency_days")
            ? "At least every " + std::to_string(settings["visiting_frequency_days"].get<int>()) +
                  " days, as the plan says: each visit is planned by then, and the "
                  "procedure's own limit still applies"
            : "As the procedure sets";
    plan["contingency_words"] =
        settings.contains("contingency") ? text_at(settings, "contingency") : "Not written";
  }
  v["has_meetings"] = !meetings.empty();
  v["has_visits"] = case_view.contains("visits") && !case_view["visits"].empty();
  v["meetings"] = std::move(meetings);
  json attachments = json::array();
  if (case_view.contains("attachments"))
    for (const json& a : case_view["attachments"]) {
      json one;
      one["title"] = text_at(a, "title");
      one["kind_words"] = attachment_kind_words(text_at(a, "kind"));
      one["date_words"] = date_in_words(text_at(a, "date"));
      one["file_name"] = text_at(a, "file_name");
      one["size_words"] = describe_size(a.value("size", std::size_t{0}));
      one["href"] = "/cases/" + text_at(v, "case_id") + "/attachments/" + text_at(a, "sha256");
      one["by"] = a.contains("recorded_by_name") ? text_at(a, "recorded_by_name") : "";
      attachments.push_back(std::move(one));
    }
  v["census"] = census_panel(case_view);
  v["has_attachments"] = !attachments.empty();
  v["attachments"] = std::move(attachments);
  json chronology = case_view["chronology"];
  // Corrections stay visible as such: the entry corrected says so, and the
  // correction says which entry and why.
  std::map<int, bool> corrected;  // entry number -> struck out
  for (const json& e : chronology)
    if (e.contains("corrects")) corrected[e.value("corrects", 0)] = e.value("struck_out", false);
  for (json& e : chronology) {
    e["date_words"] = date_in_words(text_at(e, "date"));
    e["what_title"] = sentence_start(text_at(e, "what"));
    e["recorded_words"] = recorded_words(e);
    if (!e.contains("detail")) e["detail"] = false;
    e["attachment_href"] =
        e.contains("attachment")
            ? json("/cases/" + text_at(v, "case_id") + "/attachments/" + text_at(e, "attachment"))
            : json(false);
    if (e.contains("corrects")) {
      const int n = e.value("corrects", 0);
      std::string which = "entry " + std::to_string(n);
      if (n >= 1 && n <= static_cast<int>(chronology.size()))
        which +=
            " of " + date_in_words(text_at(chronology[static_cast<std::size_t>(n - 1)], "date"));
      e["detail"] = "corrects " + which + ": " + text_at(e, "reason");
    }
    auto it = corrected.find(e.value("event", 0));
    e["correction_tag"] = it == corrected.end() ? json(false)
                          : it->second          ? json("Struck out")
                                                : json("Corrected");
    e["correctable"] = !e.contains("corrects") && (it == corrected.end() || !it->second);
  }
  // Newest first by the day it happened (as a court or a receiving authority
  // reads a chronology), then by the order recorded: an entry recorded late
  // takes its place by its date.
  std::vector<json> entries(chronology.begin(), chronology.end());
  std::stable_sort(entries.begin(), entries.end(), [](const json& a, const json& b) {
    const std::string da = text_at(a, "date"), db = text_at(b, "date");
    if (da != db) return da > db;
    return a.value("event", 0) > b.value("event", 0);
  });
  // A long history is shown from its latest entries; the rest is a link
  // away (the page of a child known for years stays quick to load).
  const std::size_t all = entries.size();
  if (chronology_shown > 0 && all > chronology_shown) entries.resize(chronology_shown);
  v["chronology_more_words"] = all > entries.size()
                                   ? json("Show all " + std::to_string(all) + " entries (" +
                                          std::to_string(all - entries.size()) + " earlier)")
                                   : json(false);
  v["chronology_fewer_words"] =
      chronology_shown == 0 && all > kChronologyShown
          ? json("Show only the latest " + std::to_string(kChronologyShown) + " entries")
          : json(false);
  v["chronology"] = json(std::move(entries));
  return v;
}

json search_view(const json& found, std::string_view terms) {
  json v;
  v["searched"] = !terms.empty();
  v["q_error"] = false;
  const std::size_t n = found.is_object() && found.contains("cases") ? found["cases"].size() : 0;
  const std::size_t all = found.is_object() ? found.value("count", n) : n;
  v["result_words"] = all == 0   ? "No children found"
                      : all == 1 ? "1 child found"
                                 : std::to_string(all) + " children found";
  // More found than shown: say so, and how to narrow it.
  v["more_words"] = all > n ? json("The first " + std::to_string(n) +
                                   ", by case id, are shown. Add more of the name, or search by "
                                   "date of birth, case id, NHS number or UPN, to find fewer.")
                            : json(false);
  v["results"] = found.is_object() && found.contains("cases") ? found["cases"] : json::array();
  for (json& row : v["results"]) {
    if (!row.contains("found_by")) row["found_by"] = false;  // not the page's own
    if (row.contains("date_of_birth") && row["date_of_birth"].is_string())
      row["date_of_birth"] = date_in_words(row["date_of_birth"].get<std::string>());
  }
  v["has_results"] = n > 0;
  return v;
}

json document_head(const json& cv, std::string_view authority, std::string_view produced_by,
                   std::string_view today) {
  json v;
  const std::string name = text_at(cv.value("child", json::object()), "name");
  v["case_id"] = text_at(cv, "case_id");
  v["child_name"] = name.empty() ? v["case_id"] : json(name);
  v["authority"] = std::string(authority);
  v["produced_by"] = std::string(produced_by);
  v["produced_on"] = date_in_words(today);
  v["document"] = true;
  return v;
}

}  // namespace cinplan::pages
