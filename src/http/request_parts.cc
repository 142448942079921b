#include "http/request_parts.h"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>

#include "core/calendar/date.h"
#include "core/casefile/json_reader.h"
#include "core/utf8.h"

namespace cinplan::http {
namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Result<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      const int h = i + 1 < text.size() ? hex(text[i + 1]) : -1;
      const int l = i + 2 < text.size() ? hex(text[i + 2]) : -1;
      if (h < 0 || l < 0)
        return std::unexpected(
            Error::bad_input("a % in the address is not followed by two hex digits"));
      c = static_cast<char>(h * 16 + l);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    if (c == '\0') return std::unexpected(Error::bad_input("the address holds a NUL character"));
    out += c;
  }
  if (!valid_utf8(out))
    return std::unexpected(Error::bad_input(
        "The address or the form holds bytes that are not UTF-8 text: send the text as UTF-8."));
  return out;
}

Result<std::map<std::string, std::string>> parse_query(std::string_view query) {
  std::map<std::string, std::string> out;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (part.empty()) continue;
    const std::size_t eq = part.find('=');
    auto name = percent_decode(part.substr(0, eq), true);
    if (!name) return std::unexpected(name.error());
    auto value = percent_decode(eq == std::string_view::npos ? "" : part.substr(eq + 1), true);
    if (!value) return std::unexpected(value.error());
    if (!out.emplace(*name, *value).second)
      return std::unexpected(Error::bad_input("the query names \"" + *name + "\" twice"));
  }
  return out;
}

std::string cookie(const Request& request, std::string_view name) {
  std::string_view header = request.header("cookie");
  while (!header.empty()) {
    const std::size_t semi = header.find(';');
    std::string_view part = header.substr(0, semi);
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.starts_with(name) && part.size() > name.size() && part[name.size()] == '=')
      return std::string(part.substr(name.size() + 1));
  }
  return {};
}

Result<std::optional<std::int64_t>> read_version(const Request& request,
                                                 const nlohmann::ordered_json* body) {
  std::string_view v = request.header("if-match");
  if (!v.empty()) {
    if (v.starts_with("W/")) v.remove_prefix(2);
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() || n < 0)
      return std::unexpected(
          Error::bad_input("If-Match must hold the version of the case you read, e.g. \"3\""));
    if (body != nullptr && body->contains("version") &&
        (!(*body)["version"].is_number_integer() || (*body)["version"].get<std::int64_t>() != n))
      return std::unexpected(Error::bad_input(
          "If-Match and \"version\" name different versions: send the one you read, once."));
    return std::optional<std::int64_t>(n);
  }
  if (body != nullptr && body->contains("version")) {
    const auto& field = (*body)["version"];
    if (!field.is_number_integer() || field.get<std::int64_t>() < 0)
      return std::unexpected(
          Error::bad_input("\"version\" must be the version of the case you read: 0 or more"));
    return std::optional<std::int64_t>(field.get<std::int64_t>());
  }
  return std::optional<std::int64_t>();
}

Result<nlohmann::ordered_json> json_body(const Request& request) {
  if (request.body.empty()) return nlohmann::ordered_json::object();
  auto doc = read_json(request.body, JsonLimits{std::size_t{1} << 20, 16});
  if (!doc)
    return std::unexpected(Error::bad_input("The body is not valid JSON: " + doc.error().message));
  if (!doc->is_object())
    return std::unexpected(Error::bad_input("The body must be a JSON object."));
  return doc;
}

Result<std::string> date_param(const std::map<std::string, std::string>& query,
                               std::string_view name, std::string fallback) {
  auto it = query.find(std::string(name));
  if (it == query.end()) return fallback;
  auto d = parse_date(it->second);
  if (!d) return std::unexpected(Error::bad_input(std::string(name) + ": " + d.error().message));
  return it->second;
}

std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
  if (forwarded_for.empty() ||
      std::find(trusted_proxies.begin(), trusted_proxies.end(), peer) == trusted_proxies.end())
    return peer;
  std::string_view last = forwarded_for;
  if (const auto comma = last.rfind(','); comma != std::string_view::npos)
    last = last.substr(comma + 1);
  while (!last.empty() && (last.front() == ' ' || last.front() == '\t')) last.remove_prefix(1);
  while (!last.empty() && (last.back() == ' ' || last.back() == '\t')) last.remove_suffix(1);
  const std::string address(last);
  unsigned char buffer[16];
  if (inet_pton(AF_INET, address.c_str(), buffer) == 1 ||
      inet_pton(AF_INET6, address.c_str(), buffer) == 1)
    return address;
  return peer;
}

std::string session_cookie(std::string_view token) {
  return "cinplan_session=" + std::string(token) + "; Path=/; HttpOnly; SameSite=Strict";
}

std::string ended_session_cookie() {
  return "cinplan_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
}

}  // namespace cinplan::http
