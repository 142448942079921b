#include "http/dispatcher.h"

#include <cstdio>

#include "app/security.h"
#include "core/casefile/json_reader.h"
#include "http/api_handlers.h"
#include "http/problem.h"
#include "http/request_parts.h"
#include "http/routes.h"

namespace cinplan::http {
namespace {

constexpr std::string_view kSessionCookie = "cinplan_session";

// Actions whose answers show children's records without naming one case:
// they go on the access log too.
bool lists_children(std::string_view action) {
  return action == "caseload.mine" || action == "caseload.team" || action == "cases.search" ||
         action == "cases.shared" || action == "panel.list" || action == "oversight.list" ||
         action == "session.create" || action == "session.end";
}

Response to_response(Reply reply, bool secure) {
  Response r;
  r.status = reply.status;
  r.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  if (reply.etag) r.headers.emplace_back("ETag", "\"" + std::to_string(*reply.etag) + "\"");
  for (auto& [name, value] : reply.headers) {
    if (name == "Set-Cookie" && secure) value += "; Secure";
    r.headers.emplace_back(std::move(name), std::move(value));
  }
  add_common_headers(r);
  r.body = reply.text ? *reply.text : reply.body.dump();
  return r;
}

bool is_json(std::string_view content_type) {
  const std::size_t semi = content_type.find(';');
  std::string_view type = content_type.substr(0, semi);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return type == "application/json";
}

}  // namespace

Dispatcher::Dispatcher(app::Service& service, app::AuditLog& audit, DispatchSettings settings)
    : service_(service),
      audit_(audit),
      settings_(settings),
      pool_(settings.worker_threads, settings.max_queue) {}

Dispatcher::~Dispatcher() {
  stop();
}

void Dispatcher::stop() {
  pool_.stop();
}

Handler Dispatcher::handler() {
  return
      [this](Request request, Respond respond) { handle(std::move(request), std::move(respond)); };
}

void Dispatcher::handle(Request request, Respond respond) {
  auto shared =
      std::make_shared<std::pair<Request, Respond>>(std::move(request), std::move(respond));
  const bool queued = pool_.submit([this, shared] {
    try {
      work(shared->first, shared->second);
    } catch (const std::exception& e) {
      // A bug: the request is answered, the process keeps serving, and the
      // log line names the route, never the request's content.
      std::fprintf(stderr, "cinplan: internal error on %s %s: %s\n", shared->first.method.c_str(),
                   shared->first.path.substr(0, 64).c_str(), e.what());
      shared->second(problem(Error{
          ErrorCode::kInternal, "Something went wrong in cinplan; nothing was written.", {}}));
    }
  });
  if (!queued) {
    Response busy = problem(Error::unavailable("The server is busy: try again in a moment."));
    busy.headers.emplace_back("Retry-After", "1");
    shared->second(std::move(busy));
  }
}

void Dispatcher::work(const Request& request, const Respond& respond) {
  auto fail = [&](const Error& e, int status = 0) { respond(problem(e, status)); };
  auto matched = match(request.method, request.path);
  if (!matched) return fail(matched.error());
  if (matched->route == nullptr) {
    if (!matched->allowed.empty()) {
      std::string allow;
      for (std::string_view m : matched->allowed)
        allow += (allow.empty() ? "" : ", ") + std::string(m);
      Response r =
          problem(Error::bad_input(request.method + " is not taken here: " + allow + " is."), 405);
      r.headers.emplace_back("Allow", allow);
      return respond(std::move(r));
    }
    return fail(Error::not_found("There is nothing at " + request.path + "."));
  }
  const Route& route = *matched->route;
  Call call{service_, request, nullptr, {}, {}, {}, nlohmann::ordered_json::object()};
  call.params = std::move(matched->params);
  auto query = parse_query(request.query);
  if (!query) return fail(query.error());
  call.query = std::move(*query);
  if (request.body.size() > settings_.max_body_bytes) {
    return fail(
        Error::bad_input("The request is " + describe_size(request.body.size()) + ": at most " +
                         describe_size(settings_.max_body_bytes) + " is taken."),
        413);
  }
  if (!request.body.empty()) {
    if (!is_json(request.header("content-type")))
      return fail(Error::bad_input("Send the body as JSON (Content-Type: application/json)."), 415);
    auto body = json_body(request);
    if (!body) return fail(body.error());
    call.body = std::move(*body);
  }

  std::optional<app::SessionInfo> session;
  const std::string case_id = route.on_case() ? call.params["id"] : "";
  store::AccessEntry entry;
  entry.at = service_.now();
  entry.action = std::string(route.action);
  entry.case_id = case_id;
  entry.address = request.remote_address;
  // Answers once the access log holds the entry (when there is one to keep).
  auto answer = [&](Response response, bool audited) {
    if (!audited) return respond(std::move(response));
    auto shared = std::make_shared<Response>(std::move(response));
    audit_.record(entry, [shared, respond](const Result<void>& written) {
      if (!written) {
        respond(
            problem(Error::unavailable("The access log cannot be written: nothing was shown "
                                       "or done.")));
        return;
      }
      respond(std::move(*shared));
    });
  };

  if (route.access == Access::kSession) {
    call.session_token = cookie(request, kSessionCookie);
    auto info = service_.session(call.session_token);
    if (!info) return fail(info.error(), info.error().code == ErrorCode::kDenied ? 401 : 0);
    session = std::move(*info);
    call.caller = &session->caller;
    entry.username = session->caller.username;
    entry.role = session->caller.role;
    if (route.writes() && !app::tokens_equal(request.header("x-csrf-token"), session->csrf_token)) {
      entry.detail = "refused: no valid CSRF token";
      return answer(problem(Error{ErrorCode::kDenied,
                                  "The request does not carry this session's CSRF token "
                                  "(X-CSRF-Token).",
                                  {}}),
                    route.on_case());
    }
    auto decision = service_.authorize(session->caller, route.action, case_id);
    if (!decision) {
      entry.detail = decision.error().message;
      return answer(problem(decision.error()), route.on_case());
    }
    if (!decision->allowed) {
      entry.detail = decision->reason;
      return answer(problem(Error{ErrorCode::kDenied, decision->reason, {}}), true);
    }
  }

  auto reply = route.handler ? route.handler(call) : api::command(call, route.command);
  const bool audited = route.on_case() || lists_children(route.action) ||
                       (route.writes() && route.access == Access::kSession);
  if (!reply) {
    entry.allowed = true;  // allowed, but the command was refused
    entry.detail = "refused: " + reply.error().message;
    if (route.action == "session.create") {
      entry.allowed = false;
      entry.username = call.body.value("username", "");
      entry.detail = "sign-in refused";
    }
    return answer(
        problem(
            reply.error(),
            route.action == "session.create" && reply.error().code == ErrorCode::kDenied ? 401 : 0),
        audited);
  }
  entry.allowed = true;
  entry.detail = reply->audit_detail;
  if (entry.case_id.empty() && reply->body.is_object() && reply->body.contains("case_id") &&
      route.writes())
    entry.case_id = reply->body["case_id"].get<std::string>();
  if (route.action == "session.create") {
    entry.username = reply->body["signed_in"]["username"].get<std::string>();
    entry.role = reply->body["signed_in"]["role"].get<std::string>();
  }
  answer(to_response(std::move(*reply), settings_.secure_cookies), audited);
}

}  // namespace cinplan::http
