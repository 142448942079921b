// The table behind ServerConfig (server_config.h): every setting's TOML key,
// environment variable and check, and the reading of the session key.
// Internal to server_config.cc and its test.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "app/server_config.h"
#include "core/error.h"

namespace cinplan::app {

enum class SettingKind { kCount, kFlag, kText, kPath };

// A value already of its setting's kind (a whole number, true/false, text);
// only the member of that kind is meaningful.
struct SettingValue {
  long long number = 0;
  bool flag = false;
  std::string text;
};

struct Setting {
  std::string_view key;  // TOML key, e.g. "port"
  std::string_view env;  // environment variable, e.g. "CINPLAN_PORT"
  SettingKind kind;
  std::string_view noun;  // "the port": the start of every message about it
  long long min = 0;      // kCount: the range allowed
  long long max = 0;
  // Stores a value already checked against min and max; returns what is
  // wrong with it in words ("the listen address must be ..."), or empty.
  std::string (*store)(ServerConfig&, const SettingValue&) = nullptr;
};

// Every setting, in the order of the table in server_config.h.
std::span<const Setting> settings();
// Null for an unknown key.
const Setting* find_setting(std::string_view key);
// "authority, profile, bind, ...", for the message about an unknown key.
std::string setting_keys();
// Checks `value` (range, then the setting's own check) and stores it; the
// problem in words, or empty.
std::string set_value(const Setting& setting, ServerConfig& config, const SettingValue& value);
// What a value of the wrong kind is told: "the port must be a number from 1
// to 65535", "tls must be true or false".
std::string wrong_kind(const Setting& setting);

// Fills config.session_key (and sources["session_key"]) from
// CINPLAN_SESSION_KEY or config.session_key_file, as server_config.h says.
// Messages never hold the key.
Result<void> read_session_key(ServerConfig& config, const Environment& env);

}  // namespace cinplan::app
