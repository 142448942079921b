// The one route table (DESIGN.md section 12): every URL the server answers,
// with its method, the permission it needs (the permission table's action),
// whether it reads or writes a child's record, and its handler. A route that
// is not here does not exist; the OpenAPI document and the authorization
// matrix test are generated from this table.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/commands.h"
#include "app/service.h"
#include "core/error.h"
#include "http/http_server.h"
#include "pages/site.h"

namespace cinplan::http {

// What a handler is given: the request, the caller (when signed in), the
// path parameters, the query and the body.
struct Call {
  app::Service& service;
  const Request& request;
  const access::Caller* caller = nullptr;
  std::string session_token;                  // the cookie's, when signed in
  std::map<std::string, std::string> params;  // from the path: "id" ...
  std::map<std::string, std::string> query;
  nlohmann::ordered_json body = nlohmann::ordered_json::object();
  // Pages only: the site (templates, assets), the posted form's fields, and
  // the session's CSRF token for the forms a page shows.
  const pages::Site* site = nullptr;
  std::map<std::string, std::string> form;
  std::string csrf_token;
  // A route that takes a file: the files of the multipart/form-data body
  // (its other fields are in `form` for a page, `body` for the API).
  std::vector<app::Upload> files = {};
};

// What a handler answers.
struct Reply {
  int status = 200;
  nlohmann::ordered_json body;
  // The body already as text (from the view cache); sent instead of `body`.
  std::shared_ptr<const std::string> text;
  std::optional<std::int64_t> etag;  // the case's version
  std::vector<std::pair<std::string, std::string>> headers;
  std::string audit_detail;  // what the access log says was seen or done
  // The body's type when it is not JSON (a page's "text/html; charset=utf-8").
  std::string content_type;
  // A file that holds no one's data (an asset): the browser may keep it.
  bool cacheable = false;
};

enum class Access {
  kPublic,   // no session (sign in, the API description, the trivial ping)
  kSession,  // a signed-in caller; authorize(action) decides
};

struct Route {
  std::string_view method;
  std::string_view pattern;  // "/api/cases/:id/visits"
  std::string_view action;   // the permission table's key
  Access access = Access::kSession;
  std::string_view summary;
  Result<Reply> (*handler)(Call&) = nullptr;  // null: the command named below
  std::string_view command;                   // app::find_command name
  // The body is multipart/form-data with a file, up to the upload limit
  // (set from the command for a command route).
  bool takes_file = false;
  // Whether the route reads or writes a child's record (and so goes to the
  // access log with its case id).
  bool on_case() const { return pattern.find(":id") != std::string_view::npos; }
  bool writes() const { return method != "GET"; }
  // A page (HTML, forms) rather than the JSON API under /api/.
  bool page() const { return !pattern.starts_with("/api/"); }
};

std::span<const Route> routes();

struct Match {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  // Other methods the path takes (for 405), when no route matched.
  std::vector<std::string_view> allowed;
};

// The route for the method and path; params percent-decoded. A pattern's
// last part "*" takes the rest of the path (params["*"], as sent). kBadInput
// for a malformed escape in the path.
Result<Match> match(std::string_view method, std::string_view path);

// The OpenAPI 3.1 document of every route.
nlohmann::ordered_json openapi();

}  // namespace cinplan::http
