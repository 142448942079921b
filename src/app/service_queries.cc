// The service's queries: each reads the in-memory records (never the log) and
// shows only what the caller may see. The HTTP layer has already authorized
// the action itself and audits the answer.
#include <algorithm>
#include <map>

#include "app/case_view.h"
#include "app/caseload.h"
#include "app/caseload_json.h"
#include "app/census_problems.h"
#include "app/name_search.h"
#include "app/service.h"

#include "app/census_problems.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

Result<std::string> dumped(const Result<json>& j) {
  if (!j) return std::unexpected(j.error());
  return j->dump();
}

Error not_found_case(std::string_view id) {
  return Error::not_found("There is no case " + std::string(id) + ".");
}

// Open as the corrected record says: neither closed nor transferred out.
bool is_open(const CaseRecord& r) {
  for (std::string_view type : {"closed", "transferred_out"})
    if (!r.state.facts(*find_event_type(type)).empty()) return false;
  return true;
}

// The date the plan started: the latest plan_decided, if any.
std::optional<Date> plan_start(const CaseRecord& r) {
  std::optional<Date> start;
  for (const Event& e : r.history.events)
    if (e.type_id() == "plan_decided") start = e.date;
  return start;
}

// The first family member (person_added, under their latest name) whose
// name `terms` matches, as "Jo Example (mother)": a duty worker often has
// only a parent's name. Empty when none does.
std::string family_member_matching(const CaseRecord& r, const SearchTerms& terms) {
  std::vector<std::pair<std::string, std::pair<std::string, std::string>>> people;
  for (const Event& e : r.history.events) {
    if (e.type_id() == "person_added") {
      people.push_back(
          {e.string_field("person_id"), {e.string_field("name"), e.string_field("relationship")}});
    } else if (e.type_id() == "person_details_changed") {
      const auto changes = e.body.find("changes");
      if (changes == e.body.end() || !changes->contains("name") || !(*changes)["name"].is_string())
        continue;
      for (auto& [id, person] : people)
        if (id == e.string_field("person_id")) person.first = (*changes)["name"];
    }
  }
  for (const auto& [id, person] : people)
    if (name_matches(terms, fold_name(person.first)))
      return person.first + (person.second.empty() ? "" : " (" + person.second + ")");
  return {};
}

// The display name of the account `username`, or `username` itself when no
// account has it (an imported case names whoever the import named); `names`
// keeps the ones already looked up.
const std::string& display_name(store::AccountStore& accounts,
                                std::map<std::string, std::string, std::less<>>& names,
                                const std::string& username) {
  auto [it, fresh] = names.try_emplace(username, username);
  if (fresh)
    if (auto a = accounts.find_account(username); a && *a) it->second = (*a)->display_name;
  return it->second;
}

}  // namespace

Result<CaseloadFilter> Service::caseload_filter(const access::Caller& caller,
                                                std::string_view scope, std::string_view team) {
  CaseloadFilter filter;
  if (scope == "mine") {
    if (caller.role != "independent_reviewing_officer") filter.worker = caller.display_name;
    return filter;
  }
  const std::string wanted = team.empty() ? caller.team : team_id(team);
  const access::Scope s = permissions_.scope("caseload.team", caller.role);
  if (s == access::Scope::kTeam && wanted != caller.team) {
    return std::unexpected(Error{ErrorCode::kDenied,
                                 "A first-line manager may see the caseload of their own team "
                                 "only.",
                                 {}});
  }
  filter.team = team_name(wanted);
  filter.team_id = wanted;
  return filter;
}

std::vector<std::string> Service::caseload_ids(const Records::View& v,
                                               const std::string& filter_key, Date today,
                                               const CaseloadFilter& filter) {
  {
    std::lock_guard lock(caseload_ids_mutex_);
    auto it = caseload_ids_.find(filter_key);
    if (it != caseload_ids_.end() && it->second.position == v.position) return it->second.ids;
  }
  CaseloadIds listed{v.position, {}};
  for (const CaseEntry* e : caseload_entries(v.projection, today, filter))
    listed.ids.push_back(e->id);
  std::lock_guard lock(caseload_ids_mutex_);
  if (caseload_ids_.size() >= kMostCaseloadLists) caseload_ids_.clear();
  caseload_ids_[filter_key] = listed;
  return listed.ids;
}

Result<ViewCache::Text> Service::caseload_text(const access::Caller& caller, std::string_view scope,
                                               std::string_view team, Date today) {
  auto filter = caseload_filter(caller, scope, team);
  if (!filter) return std::unexpected(filter.error());
  // The key: who asks, the day, and every listed case at its version (and,
  // for a restricted one, whether the caller holds a grant to it).
  std::string key = "caseload|" + std::string(scope) + "|" + caller.username + "|" + filter->team +
                    "|" + today.to_string();
  records_.read([&](const Records::View& v) {
    // Which cases the caseload lists changes only when the records do: the
    // list is kept from one request to the next until then, so that a
    // caseload costs its own cases, not a pass over the authority's.
    const std::vector<std::string> ids = caseload_ids(v, key, today, *filter);
    for (const std::string& id : ids) {
      const CaseRecord* r = v.find(id);
      if (!r) continue;
      key += "|" + id + ":" + std::to_string(r->version);
      if (r->parts.restricted) key += granted(caller, r->id) ? "g" : "r";
    }
    return 0;
  });
  return views_.get(key, [&]() { return dumped(caseload(caller, scope, team, today)); });
}

std::optional<std::int64_t> Service::case_version(std::string_view case_id) {
  return records_.read([&](const Records::View& v) -> std::optional<std::int64_t> {
    const CaseRecord* r = v.find(case_id);
    if (!r) return std::nullopt;
    return r->version;
  });
}

Result<ViewCache::Text> Service::case_view_text(const access::Caller& caller,
                                                std::string_view case_id, Date today) {
  const auto version = case_version(case_id);
  if (!version) return std::unexpected(not_found_case(case_id));
  return views_.get(
      "case|" + std::string(case_id) + "|" + std::to_string(*version) + "|" + today.to_string(),
      [&]() { return dumped(case_view(caller, case_id, today)); });
}

Result<json> Service::caseload(const access::Caller& caller, std::string_view scope,
                               std::string_view team, Date today) {
  auto chosen = caseload_filter(caller, scope, team);
  if (!chosen) return std::unexpected(chosen.error());
  const CaseloadFilter& filter = *chosen;
  const std::string wanted_team = filter.team;
  const bool iro = caller.role == "independent_reviewing_officer";
  return records_.read([&](const Records::View& v) -> Result<json> {
    Caseload load = app::caseload(v.projection, catalog_, today, filter);
    json out;
    out["today"] = today.to_string();
    out["scope"] = std::string(scope);
    if (!wanted_team.empty()) out["team"] = wanted_team;
    json cases = json::array();
    std::size_t overdue = 0, missed = 0, due_soon = 0;
    for (const CaseloadItem& item : load.cases) {
      const CaseRecord* r = v.find(item.entry->id);
      if (!r) continue;
      if (iro && r->parts.iro_username != caller.username) continue;
      if (r->parts.restricted && !granted(caller, r->id)) continue;
      json row = caseload_item_json(item, v.projection.profile(*item.entry), r->history);
      row["actions_overdue"] = overdue_actions_json(r->parts.open_actions, today);
      overdue += !item.overdue.empty() || !row["actions_overdue"].empty();
      missed += !item.target_missed.empty();
      due_soon += item.due_soon > 0;
      cases.push_back(std::move(row));
    }
    out["counts"] = json{{"cases", cases.size()},
                         {"with_overdue", overdue},
                         {"with_agreed_date_missed", missed},
                         {"with_due_soon", due_soon}};
    out["cases"] = std::move(cases);
    return out;
  });
}

Result<json> Service::case_view(const access::Caller&, std::string_view case_id, Date today) {
  auto view = records_.read([&](const Records::View& v) -> Result<json> {
    const CaseRecord* r = v.find(case_id);
    if (!r) return std::unexpected(not_found_case(case_id));
    auto profile = catalog_.find(r->profile);
    if (!profile) return std::unexpected(profile.error());
    json out = case_json(*r, **profile, today);
    out["census"] = census_problems_json(r->id, r->history, today, census_codes());
    return out;
  });
  if (view) {
    name_authors(*view);
    name_teams(*view);
  }
  return view;
}

void Service::name_teams(json& view) {
  if (!view.contains("chronology")) return;
  for (json& entry : view["chronology"]) {
    if (!entry.contains("team") || !entry["team"].is_string() || !entry.contains("detail"))
      continue;
    const std::string recorded = entry["team"].get<std::string>();
    std::string detail = entry["detail"].get<std::string>();
    const std::string name = team_name(team_id(recorded));
    if (detail.ends_with(recorded) && name != recorded)
      entry["detail"] = detail.substr(0, detail.size() - recorded.size()) + name;
  }
}

void Service::name_authors(json& view) {
  std::map<std::string, std::string, std::less<>> names;
  auto name = [&](json& item) {
    if (!item.contains("recorded_by") || !item["recorded_by"].is_string()) return;
    const std::string& by = item["recorded_by"].get_ref<const std::string&>();
    item["recorded_by_name"] = display_name(accounts_, names, by);
  };
  if (view.contains("plan") && view["plan"].is_object() && view["plan"].contains("signatures"))
    for (json& signature : view["plan"]["signatures"]) name(signature);
  for (const char* list : {"chronology", "visits", "notes", "attachments"}) {
    if (!view.contains(list)) continue;
    for (json& item : view[list]) {
      if (!item.contains("recorded_by") || !item["recorded_by"].is_string()) continue;
      const std::string& by = item["recorded_by"].get_ref<const std::string&>();
      item["recorded_by_name"] = display_name(accounts_, names, by);
    }
  }
}

Result<json> Service::obligations(const access::Caller&, std::string_view case_id, Date today) {
  return records_.read([&](const Records::View& v) -> Result<json> {
    const CaseRecord* r = v.find(case_id);
    if (!r) return std::unexpected(not_found_case(case_id));
    auto profile = catalog_.find(r->profile);
    if (!profile) return std::unexpected(profile.error());
    json out;
    out["case_id"] = r->id;
    out["version"] = r->version;
    out["today"] = today.to_string();
    out["obligations"] = obligations_json(*r, **profile, today);
    return out;
  });
}

Result<json> Service::shared_view(const access::Caller&, std::string_view case_id, Date) {
  return records_.read([&](const Records::View& v) -> Result<json> {
    const CaseRecord* r = v.find(case_id);
    if (!r) return std::unexpected(not_found_case(case_id));
    return shared_json(*r);
  });
}

Result<json> Service::shared_cases(const access::Caller& caller) {
  return records_.read([&](const Records::View& v) -> Result<json> {
    json out = json::array();
    std::vector<const CaseRecord*> list;
    for (const auto& [id, r] : v.cases) {
      const auto& shared = r.parts.shared_with;
      if (caller.agency.empty() || r.parts.restricted || !is_open(r)) continue;
      if (std::find(shared.begin(), shared.end(), caller.agency) == shared.end()) continue;
      list.push_back(&r);
    }
    std::sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->id < b->id; });
    for (const CaseRecord* r : list) out.push_back(shared_json(*r));
    return json{{"agency", caller.agency}, {"cases", std::move(out)}};
  });
}

Result<json> Service::search(const access::Caller& caller, std::string_view text) {
  auto terms = read_search(text);
  if (!terms) {
    return std::unexpected(Error::bad_input(
        "Give a name, a date of birth, a case id, an NHS number or a UPN to search for."));
  }
  return records_.read([&](const Records::View& v) -> Result<json> {
    std::vector<const CaseRecord*> hits;
    // A case id as typed, or in capitals ("nb-10001" is NB-10001).
    const CaseRecord* exact = v.find(text);
    if (exact == nullptr) exact = v.find(terms->id_upper);
    if (exact && terms->kind == SearchTerms::Kind::kName) {
      terms->kind = SearchTerms::Kind::kCaseId;
      terms->value = exact->id;
    }
    std::map<std::string, std::string> found_by;  // a family member's name matched
    for (const auto& [id, r] : v.cases) {
      const json child = child_json(r);
      bool hit = false;
      switch (terms->kind) {
        case SearchTerms::Kind::kName:
          hit = name_matches(*terms, fold_name(child.value("name", "")));
          if (!hit) {
            std::string who = family_member_matching(r, *terms);
            hit = !who.empty();
            if (hit) found_by[r.id] = std::move(who);
          }
          break;
        case SearchTerms::Kind::kDateOfBirth:
          hit = child.value("date_of_birth", "") == terms->value;
          break;
        case SearchTerms::Kind::kCaseId:
          // A whole case id finds that case; the start of one, every case
          // it begins.
          hit = exact ? r.id == terms->value : r.id.starts_with(terms->value);
          break;
        case SearchTerms::Kind::kNhsNumber:
          hit = child.value("nhs_number", "") == terms->value;
          break;
        case SearchTerms::Kind::kUpn:
          hit = child.value("upn", "") == terms->value;
          break;
      }
      // Part of a case id, unless a whole one was given.
      if (!hit && !exact && case_id_matches(*terms, r.id)) hit = true;
      if (hit && r.parts.restricted && !granted(caller, r.id)) hit = false;
      if (hit) hits.push_back(&r);
    }
    std::sort(hits.begin(), hits.end(), [](auto* a, auto* b) { return a->id < b->id; });
    json out = json::array();
    for (const CaseRecord* r : hits) {
      if (out.size() == 50) break;
      json row = case_summary_json(*r);
      if (auto who = found_by.find(r->id); who != found_by.end()) row["found_by"] = who->second;
      out.push_back(std::move(row));
    }
    return json{{"searched_by", std::string(kind_words(terms->kind))},
                {"count", hits.size()},
                {"shown", out.size()},
                {"cases", std::move(out)}};
  });
}

Result<std::vector<std::string>> Service::recorded_by_since(const access::Caller& caller,
                                                            std::string_view case_id,
                                                            std::int64_t version) {
  auto events = events_.read_stream(case_id);
  if (!events) return std::unexpected(events.error());
  std::vector<std::string> out;
  std::map<std::string, std::string, std::less<>> names;
  for (const store::StoredEvent& e : *events) {
    if (e.version <= version) continue;
    if (e.recorded_by == caller.username) {
      out.push_back("you");
      continue;
    }
    out.push_back(display_name(accounts_, names, e.recorded_by));
  }
  return out;
}

Result<json> Service::panel_list(const access::Caller& caller, Date week) {
  // The week from its Monday (Weekday counts from Monday).
  const int back = static_cast<int>(week.weekday());
  const Date monday = add_days(week, -back);
  const Date sunday = add_days(monday, 6);
  const Date service_today = today();
  return records_.read([&](const Records::View& v) -> Result<json> {
    json cases = json::array();
    std::vector<const CaseRecord*> list;
    for (const auto& [id, r] : v.cases) list.push_back(&r);
    std::sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->id < b->id; });
    for (const CaseRecord* r : list) {
      if (!is_open(*r) || (r->parts.restricted && !granted(caller, r->id))) continue;
      auto profile = catalog_.find(r->profile);
      if (!profile) continue;
      json due = json::array();
      for (const json& o : obligations_json(*r, **profile, std::min(service_today, sunday))) {
        const std::string kind = o.value("kind", "");
        const std::string rule = o.value("rule", "");
        const bool panel = rule.find("panel") != std::string::npos;
        const std::string status = o.value("status", "");
        if (!panel || status == "met" || status == "met_late") continue;
        const std::string d =
            o.contains("due") && o["due"].is_string() ? o["due"].get<std::string>() : "";
        if (d.empty() || d <= sunday.to_string()) due.push_back(o);
      }
      json decided = json::array();
      for (const Event& e : r->history.events)
        if (e.type_id() == "panel_decided" && e.date >= monday && e.date <= sunday)
          decided.push_back(e.body);
      if (due.empty() && decided.empty()) continue;
      json c = case_summary_json(*r);
      c["due"] = std::move(due);
      c["decided"] = std::move(decided);
      cases.push_back(std::move(c));
    }
    return json{{"week_from", monday.to_string()},
                {"week_to", sunday.to_string()},
                {"cases", std::move(cases)}};
  });
}

Result<json> Service::oversight_list(const access::Caller& caller, int months, Date today) {
  if (months != 9 && months != 12)
    return std::unexpected(Error::bad_input("months must be 9 or 12"));
  return records_.read([&](const Records::View& v) -> Result<json> {
    json cases = json::array();
    std::vector<const CaseRecord*> list;
    for (const auto& [id, r] : v.cases) list.push_back(&r);
    std::sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->id < b->id; });
    const std::string team = caller.role == "first_line_manager" ? caller.team : "";
    for (const CaseRecord* r : list) {
      if (!is_open(*r) || (r->parts.restricted && !granted(caller, r->id))) continue;
      if (!team.empty() && team_id(r->parts.team) != team) continue;
      const auto start = plan_start(*r);
      if (!start || add_months(*start, months) > today) continue;
      json c = case_summary_json(*r);
      c["plan_started"] = start->to_string();
      c["months"] = months;
      cases.push_back(std::move(c));
    }
    return json{{"months", months}, {"today", today.to_string()}, {"cases", std::move(cases)}};
  });
}

Result<json> Service::case_audit(const access::Caller&, std::string_view case_id,
                                 std::string_view since) {
  store::AccessQuery q;
  q.case_id = std::string(case_id);
  q.since = std::string(since);
  auto entries = accounts_.read_access(q);
  if (!entries) return std::unexpected(entries.error());
  json out = json::array();
  for (const store::AccessEntry& e : *entries) {
    out.push_back(json{{"at", e.at},
                       {"username", e.username},
                       {"role", e.role},
                       {"action", e.action},
                       {"allowed", e.allowed},
                       {"address", e.address},
                       {"detail", e.detail}});
  }
  return json{{"case_id", std::string(case_id)}, {"entries", std::move(out)}};
}

Result<json> Service::plan_versions(const access::Caller&, std::string_view case_id, int from,
                                    int to) {
  return records_.read([&](const Records::View& v) -> Result<json> {
    const CaseRecord* r = v.find(case_id);
    if (!r) return std::unexpected(not_found_case(case_id));
    json versions = plan_versions_json(*r);
    json out{{"case_id", r->id}, {"child", r->history.child.name}, {"versions", versions}};
    if (from || to) {
      json diff = plan_diff_json(versions, from, to);
      if (diff.is_null()) {
        return std::unexpected(Error::not_found(
            "The plan has " + std::to_string(versions.size()) + " versions: there is no version " +
            std::to_string(from > 0 && from <= static_cast<int>(versions.size()) ? to : from) +
            "."));
      }
      out["changes"] = std::move(diff);
    }
    return out;
  });
}

}  // namespace cinplan::app
