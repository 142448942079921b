#include "http/dispatcher.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "app/security.h"
#include "core/casefile/json_reader.h"
#include "core/utf8.h"
#include "http/api_handlers.h"
#include "http/multipart.h"
#include "http/page_handlers.h"
#include "http/problem.h"
#include "http/request_parts.h"
#include "http/routes.h"
#include "pages/form_input.h"

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
  r.headers.emplace_back("Content-Type", reply.content_type.empty()
                                             ? std::string("application/json; charset=utf-8")
                                             : reply.content_type);
  if (reply.etag) r.headers.emplace_back("ETag", "\"" + std::to_string(*reply.etag) + "\"");
  for (auto& [name, value] : reply.headers) {
    if (name == "Set-Cookie" && secure) value += "; Secure";
    r.headers.emplace_back(std::move(name), std::move(value));
  }
  add_common_headers(r, !reply.content_type.empty(), !reply.cacheable);
  r.body = reply.text ? *reply.text : reply.body.dump();
  return r;
}

bool is_form(std::string_view content_type) {
  const std::size_t semi = content_type.find(';');
  std::string_view type = content_type.substr(0, semi);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return type == "application/x-www-form-urlencoded";
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
  // A page's errors are pages; the API's are problem details.
  const bool page_path = settings_.site != nullptr && !request.path.starts_with("/api/");
  const access::Caller* shown_caller = nullptr;
  std::string shown_csrf;
  auto page_error = [&](const Error& e, int status) {
    Response p = problem(e, status);
    return to_response(
        page::error_page(*settings_.site, service_, shown_caller, shown_csrf, e, p.status),
        settings_.secure_cookies);
  };
  auto fail = [&](const Error& e, int status = 0) {
    respond(page_path ? page_error(e, status) : problem(e, status));
  };
  // A page address that is not one, or is malformed: the error page still
  // shows who is signed in, with the search box it points to.
  std::optional<app::SessionInfo> viewer;
  auto fail_page_address = [&](const Error& e, int status = 0) {
    if (page_path) {
      if (auto info = service_.session(cookie(request, kSessionCookie)); info) {
        viewer = std::move(*info);
        shown_caller = &viewer->caller;
        shown_csrf = viewer->csrf_token;
      }
    }
    fail(e, status);
  };
  if (const std::size_t n = request.path.size() + request.query.size(); n > settings_.max_url_bytes)
    return fail_page_address(
        Error::bad_input("The address is " + describe_size(n) + " long: at most " +
                         describe_size(settings_.max_url_bytes) +
                         " is taken. To find a child, search with fewer words."),
        414);
  if (!valid_utf8(request.path))
    return fail(Error::bad_input("The address holds bytes that are not UTF-8 text."));
  auto matched = match(request.method, request.path);
  if (!matched) return fail_page_address(matched.error());
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
    return fail_page_address(Error::not_found("There is nothing at " + request.path + "."));
  }
  const Route& route = *matched->route;
  Call call{service_, request, nullptr, {}, {}, {}, nlohmann::ordered_json::object(),
            nullptr,  {},      {}};
  call.params = std::move(matched->params);
  auto query = parse_query(request.query);
  if (!query) return fail(query.error());
  call.query = std::move(*query);
  if (route.takes_file && request.body.size() > settings_.max_upload_bytes + (1 << 20)) {
    return fail(
        Error::bad_input("The file sent is over " + describe_size(settings_.max_upload_bytes) +
                         ": a file of at most that is taken. Scan it at a lower "
                         "resolution, or in parts."),
        413);
  }
  if (!route.takes_file && request.body.size() > settings_.max_body_bytes) {
    return fail(
        Error::bad_input("The request is " + describe_size(request.body.size()) + ": at most " +
                         describe_size(settings_.max_body_bytes) + " is taken."),
        413);
  }
  if (route.page() && settings_.site == nullptr)
    return fail(Error::not_found("There is nothing at " + request.path + "."));
  // A route that takes a file reads a multipart/form-data body; sent as the
  // other routes' bodies are, it has no file, and its command says so.
  if (route.takes_file && is_multipart(request.header("content-type"))) {
    auto parts = parse_multipart(request.header("content-type"), request.body);
    if (!parts) return fail(parts.error());
    for (FormPart& part : *parts) {
      if (part.file_name) {
        // A file input left empty sends a part with no name and no bytes.
        if (!part.file_name->empty() || !part.data.empty())
          call.files.push_back({part.name, *part.file_name, std::move(part.data)});
      } else if (!valid_utf8(part.data)) {
        return fail(Error::bad_input("The form's field " + part.name + " is not UTF-8 text."));
      } else if (route.page()) {
        call.form[part.name] = std::move(part.data);
      } else {
        call.body[part.name] = std::move(part.data);
      }
    }
  } else if (route.page() && !request.body.empty()) {
    if (!is_form(request.header("content-type")))
      return fail(Error::bad_input("Send the form as a form (application/x-www-form-urlencoded)."),
                  415);
    auto form = parse_query(request.body);
    if (!form) return fail(form.error());
    call.form = std::move(*form);
  } else if (!request.body.empty()) {
    if (!is_json(request.header("content-type")))
      return fail(Error::bad_input(route.takes_file
                                       ? "Send the file as a form (multipart/form-data), with its "
                                         "other fields beside it."
                                       : "Send the body as JSON (Content-Type: application/json)."),
                  415);
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
  call.site = settings_.site;
  auto answer = [&](Response response, bool audited) {
    if (!audited) return respond(std::move(response));
    auto shared = std::make_shared<Response>(std::move(response));
    // A page's answer, if the log cannot be written, is the error page,
    // without the person's name (the session is not read again).
    const pages::Site* site = page_path ? settings_.site : nullptr;
    app::Service* service = &service_;
    const bool secure = settings_.secure_cookies;
    audit_.record(entry, [shared, respond, site, service, secure](const Result<void>& written) {
      if (!written) {
        // For the IT team: why (the store's own words), never what was asked.
        std::fprintf(stderr, "cinplan: the access log cannot be written: %s\n",
                     written.error().describe().c_str());
        const Error e = Error::unavailable(
            "cinplan cannot write its record of who saw what just now, so nothing was shown or "
            "done.");
        respond(site ? to_response(page::error_page(*site, *service, nullptr, {}, e, 503), secure)
                     : problem(e));
        return;
      }
      respond(std::move(*shared));
    });
  };

  if (route.access == Access::kSession) {
    call.session_token = cookie(request, kSessionCookie);
    auto info = service_.session(call.session_token);
    if (!info && route.page() && info.error().code == ErrorCode::kDenied) {
      // Not signed in, or the session ended: to the sign-in page, and back
      // to this page after it.
      Reply to_sign_in;
      to_sign_in.status = 303;
      to_sign_in.content_type = "text/html; charset=utf-8";
      to_sign_in.text = std::make_shared<const std::string>();
      std::string next = route.writes() ? "/" : request.path;
      // A case's form sent after the session ended: what was typed is kept
      // as the draft of that form, shown again after sign-in.
      std::string kept_for;
      if (route.writes() && route.on_case() && !call.form.empty()) {
        auto kept =
            service_.keep_draft_of_ended_session(call.session_token, call.form["csrf_token"],
                                                 request.path, pages::typed_fields(call.form));
        if (kept && !kept->empty()) {
          kept_for = *kept;
          next = request.path;
        }
      }
      std::string location = "/sign-in?next=";
      for (unsigned char c : next) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.') {
          location += static_cast<char>(c);
        } else {
          char hex[4];
          std::snprintf(hex, sizeof hex, "%%%02X", c);
          location += hex;
        }
      }
      if (!call.session_token.empty()) location += "&ended=1";
      if (!kept_for.empty()) location += "&kept=1";
      to_sign_in.headers.emplace_back("Location", location);
      if (kept_for.empty())
        return respond(to_response(std::move(to_sign_in), settings_.secure_cookies));
      entry.username = kept_for;
      entry.allowed = false;
      entry.detail = "the session had ended: the form was kept as a draft, nothing recorded";
      return answer(to_response(std::move(to_sign_in), settings_.secure_cookies), true);
    }
    if (!info) return fail(info.error(), info.error().code == ErrorCode::kDenied ? 401 : 0);
    session = std::move(*info);
    call.caller = &session->caller;
    call.csrf_token = session->csrf_token;
    shown_caller = call.caller;
    shown_csrf = session->csrf_token;
    entry.username = session->caller.username;
    entry.role = session->caller.role;
    const std::string_view sent_csrf =
        route.page() ? std::string_view(call.form["csrf_token"]) : request.header("x-csrf-token");
    if (route.writes() && !app::tokens_equal(sent_csrf, session->csrf_token)) {
      entry.detail = "refused: no valid CSRF token";
      const Error e{ErrorCode::kDenied,
                    route.page() ? "The form was not sent from this session's page: go back, "
                                   "reload the page and send it again."
                                 : "The request does not carry this session's CSRF token "
                                   "(X-CSRF-Token).",
                    {}};
      return answer(route.page() ? page_error(e, 403) : problem(e), route.on_case());
    }
    auto decision = service_.authorize(session->caller, route.action, case_id);
    if (!decision) {
      entry.detail = decision.error().message;
      return answer(page_path ? page_error(decision.error(), 0) : problem(decision.error()),
                    route.on_case());
    }
    if (!decision->allowed) {
      entry.detail = decision->reason;
      const Error e{ErrorCode::kDenied, decision->reason, {}};
      return answer(page_path ? page_error(e, 0) : problem(e), true);
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
    const int status =
        route.action == "session.create" && reply.error().code == ErrorCode::kDenied ? 401 : 0;
    return answer(page_path ? page_error(reply.error(), status) : problem(reply.error(), status),
                  audited);
  }
  entry.allowed = true;
  entry.detail = reply->audit_detail;
  if (entry.case_id.empty() && reply->body.is_object() && reply->body.contains("case_id") &&
      route.writes())
    entry.case_id = reply->body["case_id"].get<std::string>();
  if (route.action == "session.create" && reply->body.contains("signed_in")) {
    entry.username = reply->body["signed_in"]["username"].get<std::string>();
    entry.role = reply->body["signed_in"]["role"].get<std::string>();
  } else if (route.action == "session.create") {  // the page's refusal, with its form again
    entry.allowed = false;
    entry.username = call.form["username"];
  }
  answer(to_response(std::move(*reply), settings_.secure_cookies), audited);
}

}  // namespace cinplan::http
