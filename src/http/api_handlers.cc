#include "http/api_handlers.h"

#include <algorithm>
#include <charconv>

#include "core/calendar/date.h"
#include "http/request_parts.h"

namespace cinplan::http::api {
namespace {

using json = nlohmann::ordered_json;

Reply ok(json body, std::string detail = {}) {
  Reply r;
  r.body = std::move(body);
  r.audit_detail = std::move(detail);
  return r;
}

// The day a query is worked out as at: ?today= (for looking back), else today.
Result<Date> as_at(const Call& call) {
  auto text = date_param(call.query, "today", call.service.today().to_string());
  if (!text) return std::unexpected(text.error());
  return parse_date(*text);
}

Result<int> int_param(const Call& call, const char* name, int fallback) {
  auto it = call.query.find(name);
  if (it == call.query.end()) return fallback;
  int n = 0;
  auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), n);
  if (ec != std::errc() || end != it->second.data() + it->second.size())
    return std::unexpected(Error::bad_input(std::string(name) + " must be a whole number"));
  return n;
}

// Refuses query parameters a route does not take.
Result<void> only(const Call& call, std::initializer_list<std::string_view> names) {
  for (const auto& [k, v] : call.query) {
    bool known = false;
    for (std::string_view n : names) known = known || n == k;
    if (!known) return std::unexpected(Error::bad_input("\"" + k + "\" is not a parameter here"));
  }
  return {};
}

std::string count_detail(const json& j, const char* list) {
  return std::to_string(j.contains(list) ? j[list].size() : 0) + " " + list;
}

json caller_json(const access::Caller& c) {
  return json{{"username", c.username},
              {"name", c.display_name},
              {"role", c.role},
              {"team", c.team},
              {"agency", c.agency}};
}

}  // namespace

Result<Reply> sign_in(Call& call) {
  for (auto& [k, v] : call.body.items())
    if (k != "username" && k != "password")
      return std::unexpected(
          Error::bad_input("\"" + k + "\" is not part of a sign-in (username, password)."));
  if (!call.body.contains("username") || !call.body["username"].is_string() ||
      !call.body.contains("password") || !call.body["password"].is_string())
    return std::unexpected(Error::bad_input("Give a username and a password, both as text."));
  auto in =
      call.service.sign_in(call.body["username"].get<std::string>(),
                           call.body["password"].get<std::string>(), call.request.remote_address);
  if (!in) return std::unexpected(in.error());
  Reply r = ok(json{{"signed_in", caller_json(in->caller)},
                    {"csrf_token", in->csrf_token},
                    {"expires", in->expires}},
               "signed in");
  r.headers.emplace_back("Set-Cookie", session_cookie(in->session_token));
  return r;
}

Result<Reply> sign_out(Call& call) {
  if (auto out = call.service.sign_out(call.session_token); !out)
    return std::unexpected(out.error());
  Reply r = ok(json{{"signed_out", true}}, "signed out");
  r.headers.emplace_back("Set-Cookie", ended_session_cookie());
  return r;
}

Result<Reply> session(Call& call) {
  auto info = call.service.session(call.session_token);
  if (!info) return std::unexpected(info.error());
  return ok(json{{"signed_in", caller_json(info->caller)},
                 {"csrf_token", info->csrf_token},
                 {"authority", call.service.settings().authority}});
}

Result<Reply> ping(Call&) {
  return ok(json{{"ok", true}});
}

Result<Reply> describe_api(Call&) {
  return ok(openapi());
}

Result<Reply> commands(Call&) {
  json out = json::array();
  for (const app::CommandSpec& c : app::command_specs()) {
    json fields = json::array();
    const EventTypeSpec& spec = event_type(*find_event_type(c.event));
    for (const FieldSpec& f : spec.fields) {
      if (std::find(c.filled.begin(), c.filled.end(), f.name) != c.filled.end()) continue;
      fields.push_back(json{{"name", f.name}, {"required", f.required}, {"meaning", f.meaning}});
    }
    for (std::string_view extra : c.extra_fields)
      fields.push_back(json{{"name", extra},
                            {"required", extra == "child"},
                            {"meaning", "further events the command writes (docs/api.md)"}});
    out.push_back(json{{"command", c.name},
                       {"action", c.action},
                       {"summary", c.summary},
                       {"event", c.event},
                       {"fields", std::move(fields)}});
  }
  return ok(out);
}

Result<Reply> profile(Call& call) {
  auto p = call.service.catalog().find(call.service.settings().profile);
  if (!p) return std::unexpected(p.error());
  json rules = json::array();
  for (const Rule& r : (*p)->rules)
    rules.push_back(json{{"id", r.id}, {"title", r.title}, {"strength", to_string(r.strength)}});
  return ok(json{{"id", (*p)->id},
                 {"name", (*p)->name},
                 {"source", (*p)->source},
                 {"rules", std::move(rules)}});
}

Result<Reply> my_caseload(Call& call) {
  if (auto k = only(call, {"today"}); !k) return std::unexpected(k.error());
  auto today = as_at(call);
  if (!today) return std::unexpected(today.error());
  auto text = call.service.caseload_text(*call.caller, "mine", "", *today);
  if (!text) return std::unexpected(text.error());
  Reply r;
  r.text = std::move(*text);
  r.audit_detail = "my caseload as at " + today->to_string();
  return r;
}

Result<Reply> team_caseload(Call& call) {
  if (auto k = only(call, {"today", "team"}); !k) return std::unexpected(k.error());
  auto today = as_at(call);
  if (!today) return std::unexpected(today.error());
  const auto team = call.query.find("team");
  auto text = call.service.caseload_text(*call.caller, "team",
                                         team == call.query.end() ? "" : team->second, *today);
  if (!text) return std::unexpected(text.error());
  Reply r;
  r.text = std::move(*text);
  r.audit_detail = "a team's caseload as at " + today->to_string();
  return r;
}

Result<Reply> search(Call& call) {
  if (auto k = only(call, {"q"}); !k) return std::unexpected(k.error());
  auto q = call.query.find("q");
  auto j = call.service.search(*call.caller, q == call.query.end() ? "" : q->second);
  if (!j) return std::unexpected(j.error());
  std::string detail = "searched by " + (*j)["searched_by"].get<std::string>() + ": " +
                       std::to_string((*j)["count"].get<std::size_t>()) + " found";
  return ok(std::move(*j), std::move(detail));
}

Result<Reply> shared_cases(Call& call) {
  auto j = call.service.shared_cases(*call.caller);
  if (!j) return std::unexpected(j.error());
  std::string detail = count_detail(*j, "cases");
  return ok(std::move(*j), std::move(detail));
}

Result<Reply> panel_list(Call& call) {
  if (auto k = only(call, {"week"}); !k) return std::unexpected(k.error());
  auto week = date_param(call.query, "week", call.service.today().to_string());
  if (!week) return std::unexpected(week.error());
  auto j = call.service.panel_list(*call.caller, *parse_date(*week));
  if (!j) return std::unexpected(j.error());
  std::string detail = count_detail(*j, "cases");
  return ok(std::move(*j), std::move(detail));
}

Result<Reply> oversight_list(Call& call) {
  if (auto k = only(call, {"months", "today"}); !k) return std::unexpected(k.error());
  auto months = int_param(call, "months", 9);
  if (!months) return std::unexpected(months.error());
  auto today = as_at(call);
  if (!today) return std::unexpected(today.error());
  auto j = call.service.oversight_list(*call.caller, *months, *today);
  if (!j) return std::unexpected(j.error());
  std::string detail = count_detail(*j, "cases");
  return ok(std::move(*j), std::move(detail));
}

Result<Reply> case_view(Call& call) {
  if (auto k = only(call, {"today"}); !k) return std::unexpected(k.error());
  auto today = as_at(call);
  if (!today) return std::unexpected(today.error());
  const std::string& id = call.params["id"];
  auto text = call.service.case_view_text(*call.caller, id, *today);
  if (!text) return std::unexpected(text.error());
  Reply r;
  r.text = std::move(*text);
  r.etag = call.service.case_version(id);
  r.audit_detail = "the case as at " + today->to_string();
  return r;
}

Result<Reply> case_timeline(Call& call) {
  if (auto k = only(call, {"today"}); !k) return std::unexpected(k.error());
  auto today = as_at(call);
  if (!today) return std::unexpected(today.error());
  auto j = call.service.timeline(*call.caller, call.params["id"], *today);
  if (!j) return std::unexpected(j.error());
  Reply r = ok(std::move(*j));
  r.audit_detail = "the visits and meetings against their due dates as at " + today->to_string();
  return r;
}

Result<Reply> case_obligations(Call& call) {
  if (auto k = only(call, {"today"}); !k) return std::unexpected(k.error());
  auto today = as_at(call);
  if (!today) return std::unexpected(today.error());
  auto j = call.service.obligations(*call.caller, call.params["id"], *today);
  if (!j) return std::unexpected(j.error());
  Reply r = ok(std::move(*j));
  r.etag = r.body["version"].get<std::int64_t>();
  r.audit_detail = "version " + std::to_string(*r.etag);
  return r;
}

Result<Reply> case_shared(Call& call) {
  auto j = call.service.shared_view(*call.caller, call.params["id"], call.service.today());
  if (!j) return std::unexpected(j.error());
  return ok(std::move(*j), "the plan and meeting dates");
}

Result<Reply> case_audit(Call& call) {
  if (auto k = only(call, {"since"}); !k) return std::unexpected(k.error());
  auto since = date_param(call.query, "since", "");
  if (!since) return std::unexpected(since.error());
  auto j = call.service.case_audit(*call.caller, call.params["id"], *since);
  if (!j) return std::unexpected(j.error());
  std::string detail = count_detail(*j, "entries");
  return ok(std::move(*j), std::move(detail));
}

Result<Reply> plan_versions(Call& call) {
  if (auto k = only(call, {"from", "to"}); !k) return std::unexpected(k.error());
  auto from = int_param(call, "from", 0);
  auto to = int_param(call, "to", 0);
  if (!from) return std::unexpected(from.error());
  if (!to) return std::unexpected(to.error());
  auto j = call.service.plan_versions(*call.caller, call.params["id"], *from, *to);
  if (!j) return std::unexpected(j.error());
  return ok(std::move(*j), "plan versions");
}

Result<Reply> command(Call& call, std::string_view name) {
  const app::CommandSpec* spec = app::find_command(name);
  if (spec == nullptr)
    return std::unexpected(Error{ErrorCode::kInternal, "no command " + std::string(name), {}});
  app::CommandRequest request;
  request.body = call.body;
  request.body.erase("version");
  request.uploads = std::move(call.files);
  auto id = call.params.find("id");
  if (id != call.params.end()) {
    request.case_id = id->second;
    auto version = read_version(call.request, &call.body);
    if (!version) return std::unexpected(version.error());
    request.expected_version = *version;
  }
  auto done = app::run_command(call.service, *call.caller, *spec, request);
  if (!done) return std::unexpected(done.error());
  Reply r;
  r.status = id == call.params.end() ? 201 : 200;
  r.etag = done->version;
  r.body = json{{"case_id", done->case_id},
                {"version", done->version},
                {"written", done->written},
                {"warnings", done->warnings}};
  if (!done->info.empty()) r.body["info"] = done->info;
  if (id == call.params.end()) r.headers.emplace_back("Location", "/api/cases/" + done->case_id);
  std::string types;
  for (const std::string& t : done->written) types += (types.empty() ? "" : ", ") + t;
  r.audit_detail = "wrote version " + std::to_string(done->version) + ": " + types;
  return r;
}

}  // namespace cinplan::http::api
