#include "http/page_handlers.h"

#include "app/procedure_view.h"
#include "app/wording.h"
#include "http/form_handlers.h"
#include "http/page_reply.h"
#include "http/request_parts.h"
#include "pages/plan_versions_view.h"
#include "pages/procedure_page.h"
#include "pages/timeline_chart.h"
#include "pages/views.h"

namespace cinplan::http::page {
namespace {

using json = nlohmann::ordered_json;

std::string field(const std::map<std::string, std::string>& m, const char* name) {
  auto it = m.find(name);
  return it == m.end() ? std::string() : it->second;
}

std::string profile_name(app::Service& service) {
  auto profile = service.catalog().find(service.settings().profile);
  return profile ? (*profile)->name : service.settings().profile;
}

}  // namespace

std::string safe_next(std::string_view next) {
  if (next.empty() || next.front() != '/' || next.starts_with("//") ||
      next.find('\\') != std::string_view::npos || next.starts_with("/sign-"))
    return "/";
  for (char c : next)
    if (static_cast<unsigned char>(c) < 0x20) return "/";
  return std::string(next);
}

Result<Reply> sign_in_form(Call& call) {
  json v;
  v["next"] = safe_next(field(call.query, "next"));
  if (field(call.query, "ended") == "1")
    v["ended"] = field(call.query, "kept") == "1"
                     ? "Your session ended before your form was sent. What you typed was kept: "
                       "sign in again to see it and send it."
                     : "Your session ended. Sign in again to carry on.";
  return html(call, "sign_in", "Sign in", std::move(v));
}

Result<Reply> sign_in(Call& call) {
  const std::string username = field(call.form, "username");
  const std::string password = field(call.form, "password");
  const std::string next = safe_next(field(call.form, "next"));
  auto in = call.service.sign_in(username, password, call.request.remote_address);
  if (!in) {
    if (in.error().code != ErrorCode::kDenied) return std::unexpected(in.error());
    json v;
    v["next"] = next;
    v["username"] = username;
    v["error"] = in.error().message;
    v["errors"] = json::array({{{"text", in.error().message}, {"href", "#username"}}});
    auto page = html(call, "sign_in", "Sign in", std::move(v), "sign-in refused");
    if (!page) return page;
    page->status = 401;
    return page;
  }
  Reply r = see_other(next);
  r.audit_detail = "signed in";
  r.headers.emplace_back("Set-Cookie", session_cookie(in->session_token));
  r.body = json{{"signed_in", {{"username", in->caller.username}, {"role", in->caller.role}}}};
  return r;
}

Result<Reply> sign_out(Call& call) {
  if (auto out = call.service.sign_out(call.session_token); !out)
    return std::unexpected(out.error());
  Reply r = see_other("/sign-in");
  r.audit_detail = "signed out";
  r.headers.emplace_back("Set-Cookie", ended_session_cookie());
  return r;
}

// The first page: a manager's team, a worker's own caseload, or,
// for a role with neither, a page saying what there is for them.
Result<Reply> home(Call& call) {
  auto allowed = [&](std::string_view action) {
    auto d = call.service.authorize(*call.caller, action, "");
    return d && d->allowed;
  };
  // A manager's work is their team's (or the authority's) children; a
  // worker's, their own.
  if (allowed("caseload.team")) return see_other("/caseload/team");
  if (allowed("caseload.mine")) return see_other("/caseload");
  if (allowed("cases.shared")) return see_other("/shared");
  json v;
  v["heading"] = "You are signed in";
  v["message"] = "There is nothing of children's records for " +
                 role_in_words(call.service, call.caller->role) +
                 " to see here: accounts are managed with the cinplan user command.";
  v["at_first_page"] = true;  // no link back to this same page
  return html(call, "error", "You are signed in", std::move(v));
}

namespace {

// A caseload page, "mine" or "team": rendered from the view cache's answer
// and kept while that answer stays the same.
Result<Reply> caseload_page(Call& call, std::string_view scope) {
  const bool team = scope == "team";
  const Date today = call.service.today();
  auto text = call.service.caseload_text(*call.caller, scope, "", today);
  if (!text) return std::unexpected(text.error());
  const std::string show = field(call.query, "show");
  const std::string worker = team ? field(call.query, "worker") : std::string();
  const std::string title = team ? "The team's caseload" : "My caseload";
  const pages::CaseloadOrder order =
      pages::caseload_order(field(call.query, "sort"), field(call.query, "order"), team);
  const std::string action = team ? "/caseload/team" : "/caseload";
  auto page = call.site->cached(
      std::string(scope) + "-caseload|" + call.csrf_token + "|" + show + "|" + worker + "|" +
          order.column + (order.ascending ? "+" : "-"),
      *text, [&]() -> Result<std::string> {
        const json j = json::parse(**text);
        json v = pages::caseload_view(j, show, profile_name(call.service), worker, order, action);
        v["heading"] = team && j.contains("team") ? j["team"].get<std::string>() : title;
        v["team_view"] = team;
        v["action"] = action;
        // An empty caseload of one's own says where the work is instead.
        const auto d = call.service.authorize(*call.caller, "caseload.team", "");
        v["may_see_team"] = !team && d && d->allowed && v["counts"]["children"] == 0;
        return call.site->page("caseload", title, frame_of(call), std::move(v));
      });
  if (!page) return std::unexpected(page.error());
  Reply r;
  r.text = std::move(*page);
  r.content_type = std::string(kHtml);
  r.audit_detail = (team ? "the team's caseload as at " : "my caseload as at ") + today.to_string();
  return r;
}

}  // namespace

Result<Reply> caseload(Call& call) {
  return caseload_page(call, "mine");
}

Result<Reply> team_caseload(Call& call) {
  return caseload_page(call, "team");
}

Result<Reply> case_page(Call& call) {
  const Date today = call.service.today();
  const std::string& id = call.params["id"];
  auto text = call.service.case_view_text(*call.caller, id, today);
  if (!text) return std::unexpected(text.error());
  // The banner after a form: "?recorded=visit" or "note".
  const std::string recorded = field(call.query, "recorded");
  const std::string recorded_words = page::recorded_words(recorded);
  // What the command flagged, once (Service::keep_notices): a page with
  // them is not kept.
  const std::vector<std::string> flagged = field(call.query, "flagged") == "1"
                                               ? call.service.take_notices(call.session_token)
                                               : std::vector<std::string>{};
  // "?chronology=all": every entry, not only the latest.
  const bool whole_chronology = field(call.query, "chronology") == "all";
  auto render = [&]() -> Result<std::string> {
    const json j = json::parse(**text);
    const std::string title = j["child"].is_object() && j["child"].contains("name")
                                  ? j["child"]["name"].get<std::string>()
                                  : id;
    json v =
        pages::case_page_view(j, today.to_string(), whole_chronology ? 0 : pages::kChronologyShown);
    auto allowed = [&](std::string_view action) {
      auto d = call.service.authorize(*call.caller, action, id);
      return d && d->allowed;
    };
    // A closed case takes a visit made before it closed (recorded late) and
    // notes; meetings, the plan and exclusions belong to a new referral.
    const bool open = !v.value("closed", false);
    v["may_record_visit"] = allowed("visit.record");
    v["may_add_note"] = allowed("case.record");
    v["may_change_plan"] = open && allowed("plan.record");
    v["may_record_meeting"] = open && allowed("meeting.record");
    v["may_endorse_exclusion"] = open && allowed("manager.decide");
    v["may_record"] = v["may_record_visit"].get<bool>() || v["may_add_note"].get<bool>() ||
                      v["may_record_meeting"].get<bool>() || v["may_endorse_exclusion"].get<bool>();
    // The steps that end or move the plan: a manager's, but a transfer is
    // the allocated worker's to record too.
    v["may_decide"] = open && allowed("manager.decide");
    v["may_transfer"] = open && allowed("case.transfer");
    v["may_step"] = v["may_decide"].get<bool>() || v["may_transfer"].get<bool>();
    // The supervision order's steps: the worker's, the IRO's and the
    // managers' parts.
    const bool has_order = v["order"].is_object();
    v["may_record_order"] = open && allowed("supervision_order.record");
    v["may_recommend"] = open && has_order && allowed("iro.recommend");
    v["may_respond"] = open && has_order && allowed("iro.respond");
    v["may_escalate"] = open && has_order && allowed("escalation.record");
    v["may_order_steps"] =
        has_order && (v["may_record_order"].get<bool>() || v["may_recommend"].get<bool>() ||
                      v["may_respond"].get<bool>() || v["may_escalate"].get<bool>() ||
                      v["may_decide"].get<bool>());
    v["may_oversee"] = open && allowed("oversight.record");
    v["may_step"] = v["may_step"].get<bool>() || v["may_record_order"].get<bool>() ||
                    v["may_oversee"].get<bool>();
    // The visits and meetings against their due dates (made with the page,
    // which is kept while the case and the day stay the same).
    auto timeline = call.service.timeline(*call.caller, id, today);
    if (!timeline) return std::unexpected(timeline.error());
    v["timeline_chart"] = pages::timeline_chart(*timeline, title);
    v["recorded_words"] = recorded_words.empty() ? json(false) : json(recorded_words);
    v["has_flagged"] = !flagged.empty();
    v["flagged"] = flagged;
    return call.site->page("case", title, frame_of(call), std::move(v));
  };
  Result<std::shared_ptr<const std::string>> page;
  if (flagged.empty()) {
    page = call.site->cached(
        "case|" + id + "|" + call.csrf_token + "|" + recorded + (whole_chronology ? "|all" : ""),
        *text, render);
  } else if (auto once = render(); once) {
    page = std::make_shared<const std::string>(std::move(*once));
  } else {
    page = std::unexpected(once.error());
  }
  if (!page) return std::unexpected(page.error());
  Reply r;
  r.text = std::move(*page);
  r.content_type = std::string(kHtml);
  r.etag = call.service.case_version(id);
  r.audit_detail = "the case page as at " + today.to_string();
  return r;
}

Result<Reply> procedure(Call& call) {
  auto page =
      app::procedure_page_json(call.service.catalog(), field(call.query, "profile"),
                               field(call.query, "compare"), call.service.settings().profile);
  if (!page) return std::unexpected(page.error());
  json v = pages::procedure_view(*page);
  const std::string title = "The procedure: " + v["name"].get<std::string>();
  return html(call, "procedure", title, std::move(v), "the procedure page");
}

Result<Reply> search(Call& call) {
  const std::string q = field(call.query, "q");
  json found = json::object();
  std::string detail = "the search page";
  pages::Frame f = frame_of(call);
  f.search = q;
  // The box sent empty is a search for nothing, told what it takes; the
  // page opened without one is not.
  if (call.query.find("q") != call.query.end()) {
    auto j = call.service.search(*call.caller, q);
    if (!j && j.error().code == ErrorCode::kBadInput) {
      // Nothing in it to search by (punctuation only): the search page
      // again, saying what it takes.
      json v = pages::search_view(json::object(), "");
      v["has_errors"] = true;
      v["errors"] = json::array({{{"text", j.error().message}, {"href", "#q"}}});
      v["q_error"] = j.error().message;
      auto page =
          html(call, "search", "Find a child", std::move(v), "the search page: refused", &f);
      if (page) page->status = 400;
      return page;
    }
    if (!j) return std::unexpected(j.error());
    detail = "searched by " + (*j)["searched_by"].get<std::string>() + ": " +
             std::to_string((*j)["count"].get<std::size_t>()) + " found";
    found = std::move(*j);
  }
  return html(call, "search", "Find a child", pages::search_view(found, q), std::move(detail), &f);
}

Result<Reply> plan_versions(Call& call) {
  auto j = call.service.plan_versions(*call.caller, call.params["id"], 0, 0);
  if (!j) return std::unexpected(j.error());
  json v = pages::plan_versions_view(*j);
  const std::string title = "The plan's versions: " + v["child_name"].get<std::string>();
  return html(call, "plan_versions", title, std::move(v), "the plan's versions");
}

Result<Reply> asset(Call& call) {
  const pages::Asset* a = call.site->assets().find(call.params["*"]);
  if (a == nullptr) return std::unexpected(Error::not_found("There is no such file."));
  Reply r;
  if (call.request.header("if-none-match") == a->etag) {
    r.status = 304;
    r.text = std::make_shared<const std::string>();
  } else {
    r.text = a->bytes;
  }
  r.content_type = a->content_type;
  r.cacheable = true;
  r.headers.emplace_back("ETag", a->etag);
  r.headers.emplace_back("Cache-Control", "public, max-age=3600");
  return r;
}

Reply error_page(const pages::Site& site, app::Service& service, const access::Caller* caller,
                 std::string_view csrf_token, const Error& error, int status) {
  json v;
  switch (status) {
    case 403:
      v["heading"] = "You cannot see this";
      v["next"] =
          "If you need it for your work, ask your manager: some things are a manager's to do, "
          "and a manager can give you access to a restricted case.";
      break;
    case 404:
      v["heading"] = "Page not found";
      v["next"] = "Check the address, or find the child with the search box.";
      break;
    case 409:
      v["heading"] = "Someone else changed this case";
      break;
    case 500:
    case 503:
      v["heading"] = "Sorry, there is a problem with cinplan";
      v["next"] =
          "Try again in a moment. If it goes on, tell your IT team the time it happened: "
          "cinplan's log says what went wrong.";
      break;
    default:
      v["heading"] = "There is a problem";
  }
  // What went wrong inside cinplan (a database's file name, a bug) is for
  // the log, not the page: the page says what it means for the person.
  v["message"] = status == 500 ? std::string(
                                     "Something went wrong inside cinplan. Nothing was "
                                     "recorded.")
                 : status == 503 ? std::string(
                                       "cinplan cannot reach its database just now, so "
                                       "nothing was recorded.")
                                 : error.message;
  const pages::Frame f = make_frame(service, caller, csrf_token);
  Reply r;
  r.status = status;
  r.content_type = std::string(kHtml);
  auto text = site.page("error", v["heading"].get<std::string>(), f, v);
  r.text = std::make_shared<const std::string>(
      text ? std::move(*text)
           : std::string("<!DOCTYPE html><title>cinplan</title><p>Sorry, there is a problem."));
  return r;
}

}  // namespace cinplan::http::page
