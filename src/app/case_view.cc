#include "app/case_view.h"

#include <algorithm>
#include <map>

#include "app/obligation_report.h"
#include "app/wording.h"
#include "app/wording_tables.h"
#include "core/casefile/json_reader.h"
#include "core/casefile/plan_fold.h"
#include "core/obligations/findings.h"
#include "core/obligations/obligations.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

// The event's fields but its type and date.
json fields(const Event& e) {
  json out = json::object();
  for (auto& [k, v] : e.body.items())
    if (k != "type") out[k] = v;
  return out;
}

void merge(json& into, const json& changes) {
  for (auto& [k, v] : changes.items()) into[k] = v;
}

bool is(const Event& e, std::string_view type) {
  return e.type_id() == type;
}

// Who signed a plan, in words: "the family", "the child", "the Practice
// Lead" (the authority's word for the role).
std::string signer_words(const Profile& profile, const std::string& by) {
  if (by == "family" || by == "child") return "the " + by;
  return role_words(profile, by);
}

// The latest supervision order as the corrected record has it: {"made",
// "end" (the last day, after any extension), "extended": [dates],
// "previously_looked_after", "iro", "decision", "decision_date"}; null when
// none was made.
json supervision_order_json(const CaseRecord& record, const Profile& profile) {
  json order = nullptr;
  const auto made = record.state.facts(*find_event_type("supervision_order"));
  if (made.empty()) return order;
  const std::size_t from = made.back().event;
  const Event& e = record.history.events[from];
  order = {{"made", e.date.to_string()},
           {"end", e.string_field("end")},
           {"extended", json::array()},
           {"previously_looked_after", e.bool_field("previously_looked_after")},
           {"iro", e.string_field("iro")},
           {"decision", nullptr},
           {"decision_date", nullptr}};
  for (const auto& f : record.state.facts(*find_event_type("supervision_order_extended"))) {
    if (f.event < from) continue;
    const Event& x = record.history.events[f.event];
    order["end"] = x.string_field("end");
    order["extended"].push_back(x.date.to_string());
  }
  for (const auto& f : record.state.facts(*find_event_type("supervision_order_decided"))) {
    if (f.event < from) continue;
    const Event& x = record.history.events[f.event];
    order["decision"] = x.string_field("decision");
    order["decision_date"] = x.date.to_string();
  }
  // The meetings held since the order was made (its reviews, where the
  // profile has them), and the IRO's recommendations on each with
  // the manager's response (the latest of each review's), in the order
  // recorded: what the IRO's and the manager's forms offer.
  json reviews = json::array(), recommendations = json::array();
  for (std::size_t i = from; i < record.history.events.size(); ++i) {
    const Event& x = record.history.events[i];
    const std::string_view type = x.type_id();
    if (type == "meeting") {
      const std::string kind = x.string_field("kind");
      reviews.push_back(
          {{"date", x.date.to_string()}, {"kind", kind}, {"label", profile.meeting_label(kind)}});
    } else if (type == "iro_recommendations_made") {
      recommendations.push_back({{"date", x.date.to_string()},
                                 {"meeting_date", x.string_field("meeting_date")},
                                 {"recommendations", x.string_field("recommendations")},
                                 {"response", nullptr}});
    } else if (type == "iro_recommendations_responded") {
      for (json& r : recommendations)
        if (r["meeting_date"] == x.string_field("meeting_date"))
          r["response"] = {{"date", x.date.to_string()},
                           {"agrees", x.bool_field("agrees")},
                           {"reason", x.string_field("reason")}};
    }
  }
  order["reviews"] = std::move(reviews);
  order["recommendations"] = std::move(recommendations);
  return order;
}

// A closure, step, transfer or move in words, for the chronology: "a step
// down to early help; endorsed at a review", "to child protection: the
// strategy discussion decided on enquiries", "to Leeds City Council".
std::string move_words(const Profile& profile, const Event& e) {
  const std::string type(e.type_id());
  std::string words;
  if (type == "closed") {
    const EventTypeSpec& spec = event_type(e.type);
    if (const FieldSpec* f = find_field(spec, "reason"))
      words = value_phrase(profile, *f, e.string_field("reason"));
    if (const FieldSpec* f = find_field(spec, "endorsed_at");
        f && !e.string_field("endorsed_at").empty())
      words += "; endorsed " + value_phrase(profile, *f, e.string_field("endorsed_at"));
    return words;
  }
  if (type == "stepped_up" || type == "stepped_down") {
    const std::string to = e.string_field(type == "stepped_up" ? "to" : "from");
    words = std::string(type == "stepped_up" ? "to " : "from ") +
            (to == "looked_after" ? "care" : "child protection");
  } else if (type == "transferred_out") {
    words = "to " + e.string_field("to_authority");
    if (!e.bool_field("parental_consent") && !e.string_field("override_rationale").empty())
      words += ", without the parents' consent: " + e.string_field("override_rationale");
    return words;
  } else if (type == "moved_in") {
    const std::string from = e.string_field("from_authority");
    return from.empty() ? std::string() : "from " + from;
  }
  if (const std::string why = e.string_field("reason"); !why.empty()) words += ": " + why;
  return words;
}

}  // namespace

json child_json(const CaseRecord& record) {
  json child = json::object();
  auto it = record.history.document.find("child");
  if (it != record.history.document.end() && it->is_object()) merge(child, *it);
  for (const Event& e : record.history.events) {
    if (is(e, "child_registered")) {
      json f = fields(e);
      f.erase("date");
      merge(child, f);
    } else if (is(e, "person_details_changed") && e.string_field("person_id") == "child") {
      merge(child, e.body["changes"]);
    }
  }
  return child;
}

json case_summary_json(const CaseRecord& record) {
  json out;
  const json child = child_json(record);
  out["case_id"] = record.id;
  out["child"] = child.value("name", "");
  out["date_of_birth"] = child.contains("date_of_birth") ? child["date_of_birth"] : json(nullptr);
  out["worker"] = record.parts.worker;
  out["team"] = record.parts.team;
  out["restricted"] = record.parts.restricted;
  out["closed"] = !record.state.facts(*find_event_type("closed")).empty();
  return out;
}

json plan_versions_json(const CaseRecord& record) {
  json versions = json::array();
  PlanFold plan;
  json removed = json::array();  // outcomes and actions taken out, in order
  json settings = json::object();
  // An item as the version shows it: its agreement's fields, and for an
  // action whether it is done.
  auto shown = [](const PlanItem& item, bool action) {
    json j = fields(*item.agreed);
    if (action) j["completed"] = item.state == PlanItemState::kDone;
    return j;
  };
  for (std::size_t i = 0; i < record.history.events.size(); ++i) {
    const Event& e = record.history.events[i];
    plan.apply(e);
    if (is(e, "plan_outcome_removed") || is(e, "plan_action_removed")) {
      // Out of the plan from this version on; the earlier versions and the
      // chronology keep it.
      json r = fields(e);
      r["date"] = e.date.to_string();
      removed.push_back(std::move(r));
    } else if (is(e, "plan_updated")) {
      for (const char* k : {"contingency", "lead_professional", "visiting_frequency_days"})
        if (e.body.contains(k)) settings[k] = e.body[k];
      json v;
      v["version"] = versions.size() + 1;
      v["event"] = i + 1;  // counted from 1, as the chronology counts
      v["date"] = e.date.to_string();
      v["summary"] = e.body.value("summary", "");
      v["significant"] = e.bool_field("significant");
      v["settings"] = settings;
      json os = json::array(), as = json::array();
      for (const PlanItem& o : plan.outcomes())
        if (o.agreed && o.state != PlanItemState::kRemoved) os.push_back(shown(o, false));
      for (const PlanItem& a : plan.actions())
        if (a.agreed && a.state != PlanItemState::kRemoved) as.push_back(shown(a, true));
      v["outcomes"] = std::move(os);
      v["actions"] = std::move(as);
      v["removed"] = removed;
      versions.push_back(std::move(v));
    }
  }
  // The current version shows the actions done since it was agreed.
  if (!versions.empty())
    for (json& a : versions.back()["actions"])
      if (const PlanItem* now = plan.action(a.value("action_id", ""));
          now && now->state == PlanItemState::kDone)
        a["completed"] = true;
  return versions;
}

json plan_diff_json(const json& versions, int from, int to) {
  const int n = static_cast<int>(versions.size());
  if (from < 1 || to < 1 || from > n || to > n) return nullptr;
  const json& a = versions[static_cast<std::size_t>(from - 1)];
  const json& b = versions[static_cast<std::size_t>(to - 1)];
  json out;
  out["from"] = from;
  out["to"] = to;
  auto compare = [](const json& x, const json& y, const char* id) {
    std::map<std::string, json> before, after;
    for (const json& i : x) before[i.value(id, "")] = i;
    for (const json& i : y) after[i.value(id, "")] = i;
    json d;
    d["added"] = json::array();
    d["removed"] = json::array();
    d["changed"] = json::array();
    for (auto& [k, v] : after) {
      auto it = before.find(k);
      if (it == before.end()) {
        d["added"].push_back(v);
      } else if (it->second != v) {
        d["changed"].push_back(json{{"before", it->second}, {"after", v}});
      }
    }
    for (auto& [k, v] : before)
      if (!after.count(k)) d["removed"].push_back(v);
    return d;
  };
  out["outcomes"] = compare(a["outcomes"], b["outcomes"], "outcome_id");
  out["actions"] = compare(a["actions"], b["actions"], "action_id");
  json settings = json::array();
  for (auto& [k, v] : b["settings"].items())
    if (!a["settings"].contains(k) || a["settings"][k] != v)
      settings.push_back(json{{"setting", k},
                              {"before", a["settings"].contains(k) ? a["settings"][k] : json()},
                              {"after", v}});
  out["settings"] = std::move(settings);
  return out;
}

json obligations_json(const CaseRecord& record, const Profile& profile, Date today) {
  json out = json::array();
  const PathwaySet active = active_pathways(record.state, today);
  for (const Obligation& o : cinplan::obligations(profile, record.state, today))
    out.push_back(obligation_json(profile, &record.history, o, active));
  return out;
}

json case_json(const CaseRecord& record, const Profile& profile, Date today) {
  json out;
  out["case_id"] = record.id;
  out["version"] = record.version;
  out["profile"] = profile.id;
  out["profile_name"] = profile.name;
  out["child"] = child_json(record);
  out["worker"] = record.parts.worker;
  out["team"] = record.parts.team;
  out["iro"] = record.parts.iro;
  out["restricted"] = record.parts.restricted;
  out["shared_with"] = record.parts.shared_with;

  json people = json::array(), professionals = json::array(), meetings = json::array();
  json arranged = json::array(), visits = json::array(), notes = json::array(),
       exclusions = json::array();
  json chronology = json::array();
  // Where each person is: in `professionals` (true) or `people`, and at which index.
  std::map<std::string, std::pair<bool, std::size_t>> person_at;
  json said_at = json::array();  // attendance and scaling, for their meeting
  for (std::size_t i = 0; i < record.history.events.size(); ++i) {
    const Event& e = record.history.events[i];
    const std::string_view type = e.type_id();
    // Who wrote the entry to the record, and when (the log's own account).
    const auto stamp = [&](json& item) {
      if (i >= record.recorded.size()) return;
      item["recorded_by"] = record.recorded[i].by;
      item["recorded_at"] = record.recorded[i].at;
    };
    if (type == "person_added" || type == "professional_added") {
      json& list = type == "person_added" ? people : professionals;
      json p = fields(e);
      p["address_withheld_from"] = json::array();
      person_at[e.string_field("person_id")] = {type != "person_added", list.size()};
      list.push_back(std::move(p));
    } else if (type == "person_details_changed" || type == "address_withheld") {
      auto it = person_at.find(e.string_field("person_id"));
      if (it != person_at.end()) {
        json& p = (it->second.first ? professionals : people)[it->second.second];
        if (type == "person_details_changed") {
          merge(p, e.body["changes"]);
        } else {
          for (const auto& who : e.body["from"]) p["address_withheld_from"].push_back(who);
          p["address_withheld_reason"] = e.string_field("reason");
        }
      }
    } else if (type == "meeting") {
      for (json& x : exclusions)
        if (x.value("date", "") < e.date.to_string()) x["held_since"] = true;
      json m = fields(e);
      m["kind_words"] = profile.meeting_label(e.string_field("kind"));
      if (const std::string outcome = e.string_field("outcome"); !outcome.empty()) {
        m["outcome_words"] = outcome;
        for (const Labelled& o : profile.outcomes)
          if (o.id == outcome && !o.label.empty()) m["outcome_words"] = o.label;
      }
      if (const std::string chair = e.string_field("chair_role"); !chair.empty())
        m["chair_words"] = role_words(profile, chair);
      meetings.push_back(std::move(m));
    } else if (type == "meeting_scheduled") {
      json m = fields(e);
      m["kind_words"] = profile.meeting_label(e.string_field("kind"));
      arranged.push_back(std::move(m));
    } else if (type == "invitations_sent") {
      // Who was invited, on the meeting arranged for that day.
      for (json& m : arranged)
        if (m.value("meeting_date", "") == e.string_field("meeting_date") &&
            e.body.contains("invitees"))
          m["invitees"] = e.body["invitees"];
    } else if (type == "meeting_cancelled") {
      // Not going ahead: no longer one to hold (the chronology keeps both).
      const std::string on = e.string_field("meeting_date"), kind = e.string_field("kind");
      json kept = json::array();
      for (json& m : arranged)
        if (m.value("meeting_date", "") != on || m.value("kind", "") != kind)
          kept.push_back(std::move(m));
      arranged = std::move(kept);
    } else if (type == "family_member_excluded") {
      json x = fields(e);
      if (x.contains("endorsed_by_role"))
        x["endorsed_by"] =
            strip_article(role_words(profile, x["endorsed_by_role"].get<std::string>()));
      // An exclusion from "the next meeting" ends when a meeting is held
      // after it was made (set below, as meetings are read).
      x["held_since"] = false;
      exclusions.push_back(std::move(x));
    } else if (type == "attendance_recorded" || type == "scaling_recorded") {
      // Kept with the meeting they belong to (joined below).
      json f = fields(e);
      f["type"] = std::string(type);
      said_at.push_back(std::move(f));
    } else if (type == "visit") {
      json v = fields(e);
      stamp(v);
      visits.push_back(std::move(v));
    } else if (type == "case_note_added") {
      json n = fields(e);
      stamp(n);
      notes.push_back(std::move(n));
    }
    json c;
    c["event"] = i + 1;
    c["date"] = e.date.to_string();
    c["type"] = std::string(type);
    c["what"] = event_words(profile, e);
    stamp(c);
    // A line of what the entry says, where a few words can say it.
    std::string detail;
    if (type == "case_note_added") {
      detail = e.string_field("heading");
    } else if (type == "visit") {
      detail = !e.bool_field("child_seen")                                   ? "child not seen"
               : e.body.contains("seen_alone") && e.bool_field("seen_alone") ? "child seen alone"
                                                                             : "child seen";
      if (const std::string where = e.string_field("location"); !where.empty())
        detail += where == "home" ? ", at home" : ", at " + where;
    } else if (type == "plan_updated") {
      detail = e.string_field("summary");
    } else if (type == "meeting") {
      if (const std::string outcome = e.string_field("outcome"); !outcome.empty()) {
        detail = "outcome: " + outcome;
        for (const Labelled& o : profile.outcomes)
          if (o.id == outcome && !o.label.empty()) detail = "outcome: " + o.label;
      }
      if (const std::string chair = e.string_field("chair_role"); !chair.empty())
        detail += (detail.empty() ? "chaired by " : "; chaired by ") + role_words(profile, chair);
      // Held against the procedure, with the reason given: it stays in sight.
      if (const std::string why = e.string_field("departure_reason"); !why.empty())
        detail += (detail.empty() ? "" : "; ") + std::string("not as the procedure asks: ") + why;
    } else if (type == "closed" || type == "stepped_down" || type == "stepped_up" ||
               type == "transferred_out" || type == "moved_in") {
      detail = move_words(profile, e);
    } else if (type == "escalated") {
      detail = "to " + role_words(profile, e.string_field("to_role")) + ": " +
               e.string_field("reason") + (e.bool_field("resolved") ? " (resolved)" : "");
    } else if (type == "panel_decided" || type == "service_manager_decided") {
      if (const FieldSpec* f = find_field(event_type(e.type), "decision"))
        detail = value_phrase(profile, *f, e.string_field("decision"));
      if (const std::string why = e.string_field("rationale"); !why.empty()) detail += ": " + why;
    } else if (type == "management_oversight_recorded") {
      detail = e.string_field("decision");
    } else if (type == "iro_recommendations_made") {
      detail = e.string_field("recommendations");
    } else if (type == "iro_recommendations_responded") {
      detail = e.bool_field("agrees") ? "agreed" : "disagreed";
      if (const std::string why = e.string_field("reason"); !why.empty()) detail += ": " + why;
    } else if (type == "plan_signed") {
      detail = "by " + signer_words(profile, e.string_field("by"));
    } else if (type == "meeting_scheduled" || type == "meeting_cancelled") {
      // Which meeting, for when; why, when it is not going ahead.
      const auto on = parse_date(e.string_field("meeting_date"));
      detail = profile.meeting_label(e.string_field("kind")) + " on " +
               (on ? date_words(*on) : e.string_field("meeting_date"));
      if (const std::string venue = e.string_field("venue"); !venue.empty()) detail += ", " + venue;
      if (type == "meeting_cancelled") detail += ": " + e.string_field("reason");
    } else if (type == "invitations_sent") {
      const std::size_t n = e.body.contains("invitees") && e.body["invitees"].is_array()
                                ? e.body["invitees"].size()
                                : 0;
      if (n > 0) detail = std::to_string(n) + (n == 1 ? " person" : " people") + " invited";
    } else if (type == "plan_outcome_removed" || type == "plan_action_removed" ||
               type == "plan_outcome_agreed" || type == "plan_action_agreed") {
      const bool outcome = type == "plan_outcome_removed" || type == "plan_outcome_agreed";
      detail = e.string_field(outcome ? "outcome_id" : "action_id");
      if (const std::string text = e.string_field("text"); !text.empty()) detail += ": " + text;
      if (const std::string why = e.string_field("reason"); !why.empty()) detail += ": " + why;
    } else if (type == "worker_allocated") {
      detail = e.string_field("worker");
      // The team as recorded (its id or its name): the service names it.
      if (const std::string team = e.string_field("team"); !team.empty()) {
        detail += ", " + team;
        c["team"] = team;
      }
    } else if (type == "consent" || type == "consent_withdrawn") {
      detail = e.string_field("scope");
      std::replace(detail.begin(), detail.end(), '_', ' ');
      if (const std::string agency = e.string_field("agency"); !agency.empty())
        detail += (detail.empty() ? "" : ", with ") + agency;
      if (type == "consent" && e.body.contains("given") && !e.bool_field("given"))
        detail += detail.empty() ? "refused" : ": refused";
    } else if (type == "scaling_recorded") {
      detail =
          e.string_field("by") + ": " + std::to_string(e.body.value("score", 0)) + " out of 10";
      if (const std::string why = e.string_field("rationale"); !why.empty())
        detail += ", because " + why;
    } else if (type == "written_update_added") {
      // A partner's words, in full: the social worker reads them here.
      detail = e.string_field("by");
      if (const std::string agency = e.string_field("agency"); !agency.empty())
        detail += " (" + agency + ")";
      detail += ": " + e.string_field("text");
    } else if (type == "attachment_added") {
      detail = e.string_field("title") + " (" + e.string_field("file_name") + ", " +
               describe_size(static_cast<std::size_t>(e.body.value("size", 0))) + ")";
      c["attachment"] = e.string_field("sha256");
    } else if (type == "attendance_recorded") {
      const auto count = [&](const char* k) {
        return e.body.contains(k) && e.body[k].is_array() ? e.body[k].size() : std::size_t{0};
      };
      detail = std::to_string(count("present")) + " present, " +
               std::to_string(count("apologies")) + " sent apologies";
      if (count("absent") > 0) detail += ", " + std::to_string(count("absent")) + " did not attend";
    }
    if (!detail.empty()) c["detail"] = detail;
    if (type == "event_corrected") {
      c["corrects"] = e.body.value("corrects", 0);
      c["reason"] = e.body.value("reason", "");
      c["struck_out"] = !e.body.contains("replacement");
    }
    chronology.push_back(std::move(c));
  }
  // The closure as the corrected record has it (a struck-out one is none).
  json closure = nullptr;
  const auto closed = record.state.facts(*find_event_type("closed"));
  if (!closed.empty()) closure = fields(record.history.events[closed.back().event]);
  out["closure"] = std::move(closure);
  out["supervision_order"] = supervision_order_json(record, profile);
  // Where the case went, when it was transferred out (the closure letter
  // names it).
  const auto out_to = record.state.facts(*find_event_type("transferred_out"));
  out["transferred_to"] =
      out_to.empty()
          ? json(nullptr)
          : json(record.history.events[out_to.back().event].string_field("to_authority"));
  out["people"] = std::move(people);
  out["professionals"] = std::move(professionals);
  const json versions = plan_versions_json(record);
  out["plan"] = versions.empty() ? json(nullptr) : versions.back();
  // Who has signed the plan in force: the signatures recorded after it (a
  // signature of an earlier version, even of the same day, is not of this
  // one).
  if (!versions.empty()) {
    json signed_by = json::array();
    const std::size_t since = out["plan"].value("event", std::size_t{0});
    for (std::size_t i = since; i < record.history.events.size(); ++i) {
      const Event& e = record.history.events[i];
      if (e.type_id() != "plan_signed") continue;
      const std::string by = e.string_field("by");
      json one = {
          {"by", by}, {"by_words", signer_words(profile, by)}, {"date", e.date.to_string()}};
      if (const std::string name = e.string_field("name"); !name.empty()) one["name"] = name;
      if (i < record.recorded.size()) {
        one["recorded_by"] = record.recorded[i].by;
        one["recorded_at"] = record.recorded[i].at;
      }
      signed_by.push_back(std::move(one));
    }
    out["plan"]["signatures"] = std::move(signed_by);
  }
  out["plan_versions"] = versions.size();
  out["meetings_arranged"] = std::move(arranged);
  // Each meeting held with who came, who sent apologies and the scaling
  // given at it.
  for (json& m : meetings) {
    m["present"] = json::array();
    m["apologies"] = json::array();
    m["absent"] = json::array();
    m["scaling"] = json::array();
    for (const json& x : said_at) {
      if (x.value("meeting_date", "") != m.value("date", "")) continue;
      if (x.value("type", "") == "scaling_recorded") {
        json one = x;
        one.erase("type");
        m["scaling"].push_back(std::move(one));
      } else {
        for (const char* k : {"present", "apologies", "absent"})
          if (x.contains(k) && x[k].is_array())
            for (const json& who : x[k]) m[k].push_back(who);
      }
    }
  }
  out["meetings"] = std::move(meetings);
  out["exclusions"] = std::move(exclusions);
  out["visits"] = std::move(visits);
  out["notes"] = std::move(notes);
  out["obligations"] = obligations_json(record, profile, today);
  json findings = json::array();
  for (const Finding& f : check_constraints(profile, record.history, today))
    findings.push_back(finding_json(profile, record.history, f));
  out["findings"] = std::move(findings);
  out["chronology"] = std::move(chronology);
  // The documents attached, in the order attached, as uploaded.
  json attachments = json::array();
  for (std::size_t i = 0; i < record.history.events.size(); ++i) {
    const Event& e = record.history.events[i];
    if (e.type_id() != "attachment_added") continue;
    json a = fields(e);
    a["event"] = i + 1;
    if (i < record.recorded.size()) a["recorded_by"] = record.recorded[i].by;
    attachments.push_back(std::move(a));
  }
  out["attachments"] = std::move(attachments);
  return out;
}

json shared_json(const CaseRecord& record) {
  json out;
  out["case_id"] = record.id;
  out["version"] = record.version;  // what a partner's update is made against
  out["child"] = child_json(record).value("name", "");
  const json versions = plan_versions_json(record);
  if (versions.empty()) {
    out["plan"] = nullptr;
  } else {
    json plan;
    plan["version"] = versions.back()["version"];
    plan["outcomes"] = versions.back()["outcomes"];
    plan["actions"] = versions.back()["actions"];
    out["plan"] = std::move(plan);
  }
  json meetings = json::array();
  for (const Event& e : record.history.events) {
    if (is(e, "meeting_scheduled")) {
      meetings.push_back(json{{"date", e.string_field("meeting_date")},
                              {"kind", e.string_field("kind")},
                              {"held", false}});
    } else if (is(e, "meeting_cancelled")) {
      json kept = json::array();
      for (json& m : meetings)
        if (m.value("held", true) || m.value("date", "") != e.string_field("meeting_date") ||
            m.value("kind", "") != e.string_field("kind"))
          kept.push_back(std::move(m));
      meetings = std::move(kept);
    } else if (is(e, "meeting")) {
      meetings.push_back(
          json{{"date", e.date.to_string()}, {"kind", e.string_field("kind")}, {"held", true}});
    }
  }
  out["meetings"] = std::move(meetings);
  return out;
}

}  // namespace cinplan::app
