// Reading the parts of a request the handlers need, strictly: the query
// string, cookies, the version in If-Match, and a JSON body. Each refusal is
// a kBadInput naming what is wrong.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "http/http_server.h"

namespace cinplan::http {

// %XX and '+' decoded; kBadInput on a malformed escape, a NUL or a result
// that is not UTF-8.
Result<std::string> percent_decode(std::string_view text, bool plus_is_space);

// "a=1&b=two": each name once (a repeated name is kBadInput).
Result<std::map<std::string, std::string>> parse_query(std::string_view query);

// The Set-Cookie value that carries a session (HttpOnly, SameSite=Strict;
// the dispatcher adds Secure over TLS), and the one that ends it.
std::string session_cookie(std::string_view token);
std::string ended_session_cookie();

// The value of cookie `name` in the Cookie header, or empty.
std::string cookie(const Request& request, std::string_view name);

// The version in If-Match ("3", "\"3\"" or W/"3"), else the body's
// "version" field; none when neither is given. kBadInput when malformed.
Result<std::optional<std::int64_t>> read_version(const Request& request,
                                                 const nlohmann::ordered_json* body);

// The body as a JSON object (strict: core/casefile/json_reader.h). An empty
// body is an empty object.
Result<nlohmann::ordered_json> json_body(const Request& request);

// The address a request comes from: `peer`, or, when `peer` is one of
// `trusted_proxies`, the last address of X-Forwarded-For (the one that proxy
// added), if that is an IP address.
std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

// A YYYY-MM-DD query parameter, or `fallback` when absent.
Result<std::string> date_param(const std::map<std::string, std::string>& query,
                               std::string_view name, std::string fallback);

}  // namespace cinplan::http
