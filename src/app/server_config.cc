#include "app/server_config.h"

#include <toml++/toml.h>

#include <charconv>
#include <cstdlib>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "app/server_settings.h"
#include "core/casefile/json_reader.h"

namespace cinplan::app {
namespace {

constexpr std::size_t kMaxConfigBytes = std::size_t{1} << 20;

SettingValue number(long long n) {
  SettingValue v;
  v.number = n;
  return v;
}
SettingValue flag(bool b) {
  SettingValue v;
  v.flag = b;
  return v;
}
SettingValue text_value(std::string text) {
  SettingValue v;
  v.text = std::move(text);
  return v;
}

std::string value_text(const toml::node& n) {
  if (const auto* s = n.as_string()) return "\"" + s->get() + "\"";
  if (const auto* i = n.as_integer()) return std::to_string(i->get());
  if (const auto* b = n.as_boolean()) return b->get() ? "true" : "false";
  if (const auto* f = n.as_floating_point()) {
    std::ostringstream out;
    out << f->get();
    return out.str();
  }
  if (n.is_table()) return "a table";
  if (n.is_array()) return "a list";
  return "a date or time";
}

// Converts one TOML value as its setting's kind wants, or says why not.
std::optional<SettingValue> from_toml(const Setting& s, const toml::node& n,
                                      const std::filesystem::path& base) {
  switch (s.kind) {
    case SettingKind::kCount:
      if (const auto* i = n.as_integer()) return number(i->get());
      return std::nullopt;
    case SettingKind::kFlag:
      if (const auto* b = n.as_boolean()) return flag(b->get());
      return std::nullopt;
    case SettingKind::kText:
      if (const auto* t = n.as_string()) return text_value(t->get());
      return std::nullopt;
    case SettingKind::kPath:
      if (const auto* t = n.as_string(); t != nullptr && !t->get().empty()) {
        const std::filesystem::path p(t->get());
        return text_value((p.is_absolute() ? p : base / p).lexically_normal().string());
      }
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<SettingValue> from_env(const Setting& s, const std::string& text) {
  switch (s.kind) {
    case SettingKind::kCount: {
      long long n = 0;
      const char* end = text.data() + text.size();
      const auto [at, ec] = std::from_chars(text.data(), end, n);
      if (ec != std::errc() || at != end || text.front() == '-') return std::nullopt;
      return number(n);
    }
    case SettingKind::kFlag:
      if (text == "true" || text == "1" || text == "yes") return flag(true);
      if (text == "false" || text == "0" || text == "no") return flag(false);
      return std::nullopt;
    case SettingKind::kText:
    case SettingKind::kPath:
      return text_value(text);
  }
  return std::nullopt;
}

// Checks and applies one value; `where` prefixes the message.
Result<void> apply(ServerConfig& config, const Setting& s, const std::optional<SettingValue>& v,
                   const std::string& where, const std::string& source) {
  const std::string problem = v ? set_value(s, config, *v) : wrong_kind(s);
  if (!problem.empty()) return std::unexpected(Error::bad_input(where + ": " + problem));
  config.sources[std::string(s.key)] = source;
  return {};
}

Result<void> apply_toml(ServerConfig& config, std::string_view text, std::string_view file_name,
                        const std::filesystem::path& base) {
  toml::table root;
  try {
    root = toml::parse(text, file_name);
  } catch (const toml::parse_error& e) {
    return std::unexpected(Error::bad_input(std::string(file_name) + ":" +
                                            std::to_string(e.source().begin.line) + ": " +
                                            std::string(e.description())));
  }
  for (auto&& [k, node] : root) {
    const std::string key(k.str());
    const std::string line =
        std::string(file_name) + ":" + std::to_string(node.source().begin.line);
    if (key == "session_key") {
      return std::unexpected(Error::bad_input(
          line +
          ": session_key: the session key is never written in the configuration file; "
          "name a private file that holds it with session_key_file, or set "
          "CINPLAN_SESSION_KEY"));
    }
    const Setting* s = find_setting(key);
    if (s == nullptr) {
      return std::unexpected(Error::bad_input(line + ": unknown setting \"" + key +
                                              "\" (settings: " + setting_keys() + ")"));
    }
    if (auto ok = apply(config, *s, from_toml(*s, node, base),
                        line + ": " + key + " = " + value_text(node), line);
        !ok) {
      return ok;
    }
  }
  return {};
}

Result<void> apply_env(ServerConfig& config, const Environment& env) {
  for (const Setting& s : settings()) {
    const auto text = env(s.env);
    if (!text || text->empty()) continue;
    const std::string env_name(s.env);
    if (auto ok = apply(config, s, from_env(s, *text), env_name + "=" + *text, env_name); !ok) {
      return ok;
    }
  }
  return {};
}

Result<void> check_together(const ServerConfig& c) {
  if (c.session_absolute_timeout < c.session_idle_timeout) {
    return std::unexpected(Error::bad_input(
        "session_absolute_hours (" + c.source_of("session_absolute_hours") +
        ") is shorter than session_idle_minutes (" + c.source_of("session_idle_minutes") +
        "): a session's absolute timeout must be at least its idle timeout"));
  }
  if (c.max_connections_per_client > c.max_connections) {
    return std::unexpected(Error::bad_input(
        "max_connections_per_client = " + std::to_string(c.max_connections_per_client) + " (" +
        c.source_of("max_connections_per_client") + ") is more than max_connections = " +
        std::to_string(c.max_connections) + " (" + c.source_of("max_connections") +
        "): one client may not have more connections than all clients together"));
  }
  return {};
}

}  // namespace

Environment process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

Environment environment_of(std::map<std::string, std::string, std::less<>> variables) {
  return [vars = std::move(variables)](std::string_view name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

std::filesystem::path default_permissions_file() {
  return std::filesystem::path(CINPLAN_DEFAULT_CONFIG_DIR) / "permissions.toml";
}

std::filesystem::path default_server_profiles_folder() {
  return std::filesystem::path(CINPLAN_DEFAULT_PROFILES_DIR);
}

std::string ServerConfig::source_of(std::string_view key) const {
  const auto it = sources.find(key);
  return it == sources.end() ? "default" : it->second;
}

std::string ServerConfig::describe() const {
  auto span = [](std::chrono::minutes m) {
    return m.count() % 60 == 0 ? fmt::format("{} h", m.count() / 60)
                               : fmt::format("{} min", m.count());
  };
  const bool v6 = bind.find(':') != std::string::npos;
  const std::string key = session_key.empty() ? "none given" : "from " + source_of("session_key");
  return fmt::format(
      "cinplan for {} (profile {}) on {}:{}: {} worker thread{}, {} I/O thread{}; sessions end "
      "after {} idle or {} in all; an account is locked for {} after {} failed sign-ins; "
      "request bodies up to {}, attachments up to {}, headers up to {}; timeouts: read {} s, write "
      "{} s, handler {} s; "
      "connections: {} a client, {} in all; cookies {}; trusted proxies {}; permissions {}; "
      "profiles {}; session key {}",
      authority.empty() ? "the profile's authority" : authority,
      profile.empty() ? "not chosen" : profile, v6 ? "[" + bind + "]" : bind, port, worker_threads,
      worker_threads == 1 ? "" : "s", io_threads, io_threads == 1 ? "" : "s",
      span(session_idle_timeout), span(session_absolute_timeout), span(lockout_duration),
      lockout_failures, describe_size(max_body_bytes), describe_size(max_upload_bytes),
      describe_size(max_header_bytes), read_timeout.count(), write_timeout.count(),
      handler_timeout.count(), max_connections_per_client, max_connections,
      secure_cookies ? "Secure (tls = true)" : "not Secure (tls = false)",
      trusted_proxies.empty() ? std::string("none")
                              : fmt::format("{}", fmt::join(trusted_proxies, ", ")),
      permissions_file.string(), profiles_folder.string(), key);
}

Result<ServerConfig> load_server_config_text(std::string_view toml_text, std::string_view file_name,
                                             const std::filesystem::path& base_folder,
                                             const Environment& env) {
  ServerConfig config;
  if (auto ok = apply_toml(config, toml_text, file_name, base_folder); !ok) {
    return std::unexpected(ok.error());
  }
  if (auto ok = apply_env(config, env); !ok) return std::unexpected(ok.error());
  if (auto ok = read_session_key(config, env); !ok) return std::unexpected(ok.error());
  if (auto ok = check_together(config); !ok) return std::unexpected(ok.error());
  return config;
}

Result<ServerConfig> load_server_config(const std::filesystem::path& config_file,
                                        const Environment& env) {
  if (config_file.empty()) return load_server_config_text("", "", {}, env);
  auto text = read_file(config_file, kMaxConfigBytes);
  if (!text) {
    Error e = text.error();
    e.message = "the configuration file: " + e.message;
    return std::unexpected(e);
  }
  return load_server_config_text(*text, config_file.string(), config_file.parent_path(), env);
}

Result<const Profile*> find_default_profile(const ServerConfig& config,
                                            const ProfileCatalog& catalog) {
  std::string known;
  for (const Profile& p : catalog.profiles()) known += (known.empty() ? "" : ", ") + p.id;
  if (config.profile.empty()) {
    return std::unexpected(Error::bad_input(
        "no profile chosen: set profile in the configuration file or CINPLAN_PROFILE to the "
        "authority's procedure (one of: " +
        known + ")"));
  }
  for (const Profile& p : catalog.profiles()) {
    if (p.id == config.profile) return &p;
  }
  return std::unexpected(Error::bad_input(
      "profile \"" + config.profile + "\" (" + config.source_of("profile") +
      ") is not a profile in " + config.profiles_folder.string() + " (known: " + known + ")"));
}

}  // namespace cinplan::app
