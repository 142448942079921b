#include "app/server_settings.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstdio>

namespace cinplan::app {
namespace {

using K = SettingKind;
using V = SettingValue;
using C = ServerConfig;

constexpr std::size_t kMinKeyBytes = 32;
constexpr std::size_t kMaxKeyBytes = 4096;

bool plain_text(std::string_view text, std::size_t max) {
  if (text.empty() || text.size() > max) return false;
  return std::none_of(text.begin(), text.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// Lower-case letters and digits in words joined by hyphens: "london-cyps".
bool profile_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-') return false;
  char previous = 'a';
  for (char c : id) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!word && (c != '-' || previous == '-')) return false;
    previous = c;
  }
  return true;
}

bool ip_address(const std::string& text) {
  unsigned char buffer[16];
  return inet_pton(AF_INET, text.c_str(), buffer) == 1 ||
         inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

template <typename T>
T as(const V& v) {
  return static_cast<T>(v.number);
}

constexpr std::array<Setting, 29> kSettings = {{
    {"authority", "CINPLAN_AUTHORITY", K::kText, "the authority's name", 0, 0,
     [](C& c, const V& v) -> std::string {
       if (!plain_text(v.text, 200))
         return "the authority's name must be 1 to 200 characters, without control characters";
       c.authority = v.text;
       return {};
     }},
    {"contact_phone", "CINPLAN_CONTACT_PHONE", K::kText, "the contact telephone number", 0, 0,
     [](C& c, const V& v) -> std::string {
       if (!plain_text(v.text, 60))
         return "the contact telephone number must be 1 to 60 characters, without control "
                "characters";
       c.contact.phone = v.text;
       return {};
     }},
    {"contact_email", "CINPLAN_CONTACT_EMAIL", K::kText, "the contact email address", 0, 0,
     [](C& c, const V& v) -> std::string {
       if (!plain_text(v.text, 200) || v.text.find('@') == std::string::npos ||
           v.text.find(' ') != std::string::npos)
         return "the contact email address must be an address such as "
                "childrens.services@council.example";
       c.contact.email = v.text;
       return {};
     }},
    {"contact_address", "CINPLAN_CONTACT_ADDRESS", K::kText, "the contact address", 0, 0,
     [](C& c, const V& v) -> std::string {
       if (!plain_text(v.text, 200))
         return "the contact address must be one line of 1 to 200 characters";
       c.contact.address = v.text;
       return {};
     }},
    {"out_of_hours_phone", "CINPLAN_OUT_OF_HOURS_PHONE", K::kText, "the out-of-hours number", 0, 0,
     [](C& c, const V& v) -> std::string {
       if (!plain_text(v.text, 60))
         return "the out-of-hours number must be 1 to 60 characters, without control characters";
       c.contact.out_of_hours = v.text;
       return {};
     }},
    {"profile", "CINPLAN_PROFILE", K::kText, "the profile", 0, 0,
     [](C& c, const V& v) -> std::string {
       if (!profile_id(v.text))
         return "the profile must be a profile id such as london-cyps (lower-case letters and "
                "digits, joined by hyphens)";
       c.profile = v.text;
       return {};
     }},
    {"bind", "CINPLAN_BIND", K::kText, "the listen address", 0, 0,
     [](C& c, const V& v) -> std::string {
       if (!ip_address(v.text))
         return "the listen address must be an IP address such as 127.0.0.1, 0.0.0.0 or ::1";
       c.bind = v.text;
       return {};
     }},
    {"port", "CINPLAN_PORT", K::kCount, "the port", 1, 65535,
     [](C& c, const V& v) -> std::string {
       c.port = as<std::uint16_t>(v);
       return {};
     }},
    {"worker_threads", "CINPLAN_WORKER_THREADS", K::kCount, "the number of worker threads", 1, 64,
     [](C& c, const V& v) -> std::string {
       c.worker_threads = as<unsigned>(v);
       return {};
     }},
    {"io_threads", "CINPLAN_IO_THREADS", K::kCount, "the number of I/O threads", 1, 16,
     [](C& c, const V& v) -> std::string {
       c.io_threads = as<unsigned>(v);
       return {};
     }},
    {"session_idle_minutes", "CINPLAN_SESSION_IDLE_MINUTES", K::kCount,
     "the session idle timeout in minutes", 1, 24 * 60,
     [](C& c, const V& v) -> std::string {
       c.session_idle_timeout = std::chrono::minutes(v.number);
       return {};
     }},
    {"session_absolute_hours", "CINPLAN_SESSION_ABSOLUTE_HOURS", K::kCount,
     "the session absolute timeout in hours", 1, 7 * 24,
     [](C& c, const V& v) -> std::string {
       c.session_absolute_timeout = std::chrono::hours(v.number);
       return {};
     }},
    {"lockout_failures", "CINPLAN_LOCKOUT_FAILURES", K::kCount,
     "the number of failed sign-ins before an account is locked", 1, 100,
     [](C& c, const V& v) -> std::string {
       c.lockout_failures = as<unsigned>(v);
       return {};
     }},
    {"lockout_minutes", "CINPLAN_LOCKOUT_MINUTES", K::kCount, "the lockout length in minutes", 1,
     24 * 60,
     [](C& c, const V& v) -> std::string {
       c.lockout_duration = std::chrono::minutes(v.number);
       return {};
     }},
    {"max_body_bytes", "CINPLAN_MAX_BODY_BYTES", K::kCount, "the largest request body in bytes",
     1024, 256LL << 20,
     [](C& c, const V& v) -> std::
                              string {
                                c.max_body_bytes = as<std::size_t>(v);
                                return {};
                              }},
    {"max_upload_bytes", "CINPLAN_MAX_UPLOAD_BYTES", K::kCount, "the largest attachment in bytes",
     1024, 256LL << 20,
     [](C& c, const V& v) -> std::
                              string {
                                c.max_upload_bytes = as<std::size_t>(v);
                                return {};
                              }},
    {"max_header_bytes", "CINPLAN_MAX_HEADER_BYTES", K::kCount,
     "the largest request headers in bytes", 1024, 1LL << 20,
     [](C& c, const V& v) -> std::
                              string {
                                c.max_header_bytes = as<std::size_t>(v);
                                return {};
                              }},
    {"read_timeout_seconds", "CINPLAN_READ_TIMEOUT_SECONDS", K::kCount,
     "the read timeout in seconds", 1, 3600,
     [](C& c, const V& v) -> std::
                              string {
                                c.read_timeout = std::chrono::seconds(v.number);
                                return {};
                              }},
    {"write_timeout_seconds", "CINPLAN_WRITE_TIMEOUT_SECONDS", K::kCount,
     "the write timeout in seconds", 1, 3600,
     [](C& c, const V& v) -> std::
                              string {
                                c.write_timeout = std::chrono::seconds(v.number);
                                return {};
                              }},
    {"handler_timeout_seconds", "CINPLAN_HANDLER_TIMEOUT_SECONDS", K::kCount,
     "the handler timeout in seconds", 1, 3600,
     [](C& c, const V& v) -> std::
                              string {
                                c.handler_timeout = std::chrono::seconds(v.number);
                                return {};
                              }},
    {"max_connections_per_client", "CINPLAN_MAX_CONNECTIONS_PER_CLIENT", K::kCount,
     "the number of connections one client address may open", 1, 100000,
     [](C& c, const V& v) -> std::string {
       c.max_connections_per_client = as<unsigned>(v);
       return {};
     }},
    {"max_connections", "CINPLAN_MAX_CONNECTIONS", K::kCount, "the number of connections in all", 1,
     100000,
     [](C& c, const V& v) -> std::
                              string {
                                c.max_connections = as<unsigned>(v);
                                return {};
                              }},
    {"tls", "CINPLAN_TLS", K::kFlag, "tls", 0, 0,
     [](C& c, const V& v) -> std::
                              string {
                                c.secure_cookies = v.flag;
                                return {};
                              }},
    {"trusted_proxies", "CINPLAN_TRUSTED_PROXIES", K::kText, "the trusted proxies", 0, 0,
     [](C& c, const V& v) -> std::string {
       std::vector<std::string> proxies;
       std::string_view rest = v.text;
       while (!rest.empty()) {
         const auto comma = rest.find(',');
         std::string_view item = rest.substr(0, comma);
         rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
         while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
         while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
         if (!ip_address(std::string(item)))
           return "the trusted proxies must be IP addresses separated by commas (the address "
                  "the nginx in front of cinplan connects from, e.g. 127.0.0.1)";
         proxies.emplace_back(item);
       }
       c.trusted_proxies = std::move(proxies);
       return {};
     }},
    {"permissions_file", "CINPLAN_PERMISSIONS_FILE", K::kPath, "the permissions file", 0, 0,
     [](C& c, const V& v) -> std::string {
       c.permissions_file = v.text;
       return {};
     }},
    {"profiles_folder", "CINPLAN_PROFILES", K::kPath, "the profiles folder", 0, 0,
     [](C& c, const V& v) -> std::string {
       c.profiles_folder = v.text;
       return {};
     }},
    {"templates_folder", "CINPLAN_TEMPLATES", K::kPath, "the templates folder", 0, 0,
     [](C& c, const V& v) -> std::string {
       c.templates_folder = v.text;
       return {};
     }},
    {"assets_folder", "CINPLAN_ASSETS", K::kPath, "the assets folder", 0, 0,
     [](C& c, const V& v) -> std::string {
       c.assets_folder = v.text;
       return {};
     }},
    {"session_key_file", "CINPLAN_SESSION_KEY_FILE", K::kPath, "the session key file", 0, 0,
     [](C& c, const V& v) -> std::string {
       c.session_key_file = v.text;
       return {};
     }},
}};

Result<void> bad(const std::string& message) {
  return std::unexpected(Error::bad_input(message));
}

std::string key_size_problem(std::size_t size) {
  if (size < kMinKeyBytes) {
    return "the session key must be at least " + std::to_string(kMinKeyBytes) + " bytes (it has " +
           std::to_string(size) + ")";
  }
  if (size > kMaxKeyBytes) {
    return "the session key must be at most " + std::to_string(kMaxKeyBytes) + " bytes";
  }
  return {};
}

}  // namespace

std::span<const Setting> settings() {
  return kSettings;
}

const Setting* find_setting(std::string_view key) {
  for (const Setting& s : kSettings) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

std::string setting_keys() {
  std::string out;
  for (const Setting& s : kSettings) out += (out.empty() ? "" : ", ") + std::string(s.key);
  return out;
}

std::string wrong_kind(const Setting& s) {
  const std::string noun(s.noun);
  switch (s.kind) {
    case K::kCount:
      return noun + " must be a number from " + std::to_string(s.min) + " to " +
             std::to_string(s.max);
    case K::kFlag:
      return noun + " must be true or false";
    case K::kText:
      return noun + " must be text";
    case K::kPath:
      return noun + " must be a path (non-empty text)";
  }
  return noun + " is not valid";
}

std::string set_value(const Setting& s, ServerConfig& config, const SettingValue& value) {
  if (s.kind == K::kCount && (value.number < s.min || value.number > s.max)) return wrong_kind(s);
  if (s.kind == K::kPath && value.text.empty()) return wrong_kind(s);
  return s.store(config, value);
}

Result<void> read_session_key(ServerConfig& config, const Environment& env) {
  const auto key = env("CINPLAN_SESSION_KEY");
  const auto file = env("CINPLAN_SESSION_KEY_FILE");
  const bool key_set = key && !key->empty();
  if (key_set && file && !file->empty()) {
    return bad(
        "CINPLAN_SESSION_KEY and CINPLAN_SESSION_KEY_FILE are both set: set only one, the key "
        "or the file that holds it");
  }
  if (key_set) {
    if (auto problem = key_size_problem(key->size()); !problem.empty()) {
      return bad("CINPLAN_SESSION_KEY: " + problem);
    }
    config.session_key = *key;
    config.session_key_file.clear();
    config.sources["session_key"] = "CINPLAN_SESSION_KEY";
    return {};
  }
  if (config.session_key_file.empty()) return {};
  const std::filesystem::path& path = config.session_key_file;
  const std::string source = config.source_of("session_key_file");
  const std::string where = source.starts_with("CINPLAN_")
                                ? source + "=" + path.string()
                                : source + ": session_key_file = \"" + path.string() + "\"";
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) return bad(where + ": there is no such file");
  if (!std::filesystem::is_regular_file(status)) return bad(where + ": not a regular file");
  using std::filesystem::perms;
  const perms others = status.permissions() & (perms::group_all | perms::others_all);
  if (others != perms::none) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(status.permissions()) & 07777u);
    return bad(where + ": the session key file may be read or written by others (mode " + mode +
               "); make it private with chmod 600 " + path.string());
  }
  auto text = read_file(path, kMaxKeyBytes + 2);
  if (!text) return bad(where + ": " + text.error().message);
  if (text->ends_with("\r\n")) {
    text->resize(text->size() - 2);
  } else if (text->ends_with("\n")) {
    text->pop_back();
  }
  if (auto problem = key_size_problem(text->size()); !problem.empty()) {
    return bad(where + ": " + problem);
  }
  config.session_key = std::move(*text);
  config.sources["session_key"] = source;
  return {};
}

}  // namespace cinplan::app
