#include "app/server_config.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "app/app_test_support.h"
#include "store/store_test_support.h"

namespace cinplan::app {
namespace {

namespace fs = std::filesystem;
using Vars = std::map<std::string, std::string, std::less<>>;

const std::string kKey = "k3y-0123456789abcdefghijklmnopqrstuvwxyz";  // 40 bytes

Result<ServerConfig> from(const std::string& toml, const Vars& vars = {}) {
  return load_server_config_text(toml, "server.toml", "/etc/cinplan", environment_of(vars));
}

std::string error_of(const std::string& toml, const Vars& vars = {}) {
  auto c = from(toml, vars);
  EXPECT_FALSE(c) << "accepted: " << toml;
  if (c) return {};
  EXPECT_EQ(c.error().code, ErrorCode::kBadInput);
  return c.error().message;
}

void write(const fs::path& file, const std::string& text, fs::perms mode) {
  std::ofstream(file, std::ios::binary) << text;
  fs::permissions(file, mode);
}

constexpr fs::perms kPrivate = fs::perms::owner_read | fs::perms::owner_write;

TEST(ServerConfig, Defaults) {
  auto c = load_server_config("", environment_of({}));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->bind, "127.0.0.1");
  EXPECT_EQ(c->port, 8080);
  EXPECT_EQ(c->worker_threads, 2u);
  EXPECT_EQ(c->io_threads, 1u);
  EXPECT_EQ(c->session_idle_timeout, std::chrono::minutes(30));
  EXPECT_EQ(c->session_absolute_timeout, std::chrono::hours(10));
  EXPECT_EQ(c->lockout_failures, 5u);
  EXPECT_EQ(c->lockout_duration, std::chrono::minutes(15));
  EXPECT_EQ(c->max_body_bytes, 1u << 20);
  EXPECT_EQ(c->max_connections_per_client, 64u);
  EXPECT_FALSE(c->secure_cookies);
  EXPECT_TRUE(c->session_key.empty());
  EXPECT_TRUE(c->sources.empty());
  EXPECT_EQ(c->source_of("port"), "default");
  // The shipped files of this source tree.
  EXPECT_EQ(fs::canonical(c->permissions_file),
            fs::canonical(fs::path(CINPLAN_SOURCE_DIR) / "config" / "permissions.toml"));
  EXPECT_EQ(fs::canonical(c->profiles_folder),
            fs::canonical(fs::path(CINPLAN_SOURCE_DIR) / "profiles"));
  EXPECT_NE(c->describe().find("on 127.0.0.1:8080"), std::string::npos) << c->describe();
  EXPECT_NE(c->describe().find("session key none given"), std::string::npos);
}

TEST(ServerConfig, ReadsTheFileAndNamesTheLines) {
  auto c = from(R"(authority = "Bolton Council"
profile = "bolton"
bind = "::1"
port = 9000
worker_threads = 4
session_idle_minutes = 20
session_absolute_hours = 8
lockout_failures = 3
max_body_bytes = 65536
tls = true
permissions_file = "perm/permissions.toml"
profiles_folder = "/srv/profiles"
)");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->authority, "Bolton Council");
  EXPECT_EQ(c->profile, "bolton");
  EXPECT_EQ(c->bind, "::1");
  EXPECT_EQ(c->port, 9000);
  EXPECT_EQ(c->worker_threads, 4u);
  EXPECT_EQ(c->session_idle_timeout, std::chrono::minutes(20));
  EXPECT_EQ(c->session_absolute_timeout, std::chrono::hours(8));
  EXPECT_EQ(c->lockout_failures, 3u);
  EXPECT_EQ(c->max_body_bytes, 65536u);
  EXPECT_TRUE(c->secure_cookies);
  // A relative path is read from the file's folder.
  EXPECT_EQ(c->permissions_file, fs::path("/etc/cinplan/perm/permissions.toml"));
  EXPECT_EQ(c->profiles_folder, fs::path("/srv/profiles"));
  EXPECT_EQ(c->source_of("port"), "server.toml:4");
  EXPECT_EQ(c->source_of("io_threads"), "default");
  const std::string d = c->describe();
  EXPECT_NE(d.find("cinplan for Bolton Council (profile bolton) on [::1]:9000"), std::string::npos)
      << d;
  EXPECT_NE(d.find("cookies Secure"), std::string::npos) << d;
}

TEST(ServerConfig, TheEnvironmentWinsOverTheFile) {
  auto c = from("port = 9000\nprofile = \"bolton\"\ntls = true\n",
                {{"CINPLAN_PORT", "9100"},
                 {"CINPLAN_BIND", "0.0.0.0"},
                 {"CINPLAN_TLS", "no"},
                 {"CINPLAN_SESSION_IDLE_MINUTES", "45"},
                 {"CINPLAN_PERMISSIONS_FILE", "local/p.toml"},
                 {"CINPLAN_PROFILE", ""}});  // empty: as if unset
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->port, 9100);
  EXPECT_EQ(c->bind, "0.0.0.0");
  EXPECT_FALSE(c->secure_cookies);
  EXPECT_EQ(c->session_idle_timeout, std::chrono::minutes(45));
  EXPECT_EQ(c->permissions_file, fs::path("local/p.toml"));  // from the working folder
  EXPECT_EQ(c->profile, "bolton");
  EXPECT_EQ(c->source_of("port"), "CINPLAN_PORT");
  EXPECT_EQ(c->source_of("profile"), "server.toml:2");
}

TEST(ServerConfig, TrustedProxiesAreAListOfAddresses) {
  auto c = from("trusted_proxies = \"127.0.0.1, ::1\"\n");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->trusted_proxies, (std::vector<std::string>{"127.0.0.1", "::1"}));
  EXPECT_NE(c->describe().find("trusted proxies 127.0.0.1, ::1"), std::string::npos);
  EXPECT_NE(from("")->describe().find("trusted proxies none"), std::string::npos);
}

TEST(ServerConfig, RefusesBadValuesNamingSettingAndSource) {
  EXPECT_EQ(error_of("", {{"CINPLAN_PORT", "abc"}}),
            "CINPLAN_PORT=abc: the port must be a number from 1 to 65535");
  EXPECT_EQ(error_of("\n\nport = 0\n"),
            "server.toml:3: port = 0: the port must be a number from 1 to 65535");
  EXPECT_EQ(error_of("port = \"8080\"\n"),
            "server.toml:1: port = \"8080\": the port must be a number from 1 to 65535");
  EXPECT_EQ(error_of("", {{"CINPLAN_PORT", "65536"}}),
            "CINPLAN_PORT=65536: the port must be a number from 1 to 65535");
  EXPECT_NE(error_of("", {{"CINPLAN_WORKER_THREADS", "-2"}}).find("CINPLAN_WORKER_THREADS=-2: "),
            std::string::npos);
  EXPECT_NE(error_of("", {{"CINPLAN_MAX_BODY_BYTES", "99999999999999999999999"}})
                .find("the largest request body in bytes must be a number from 1024"),
            std::string::npos);
  EXPECT_NE(error_of("", {{"CINPLAN_PORT", " 80"}}).find("CINPLAN_PORT= 80:"), std::string::npos);
  EXPECT_EQ(error_of("", {{"CINPLAN_TLS", "maybe"}}),
            "CINPLAN_TLS=maybe: tls must be true or false");
  EXPECT_NE(error_of("bind = \"localhost\"\n")
                .find("server.toml:1: bind = \"localhost\": the "
                      "listen address must be an IP address"),
            std::string::npos);
  EXPECT_NE(error_of("", {{"CINPLAN_PROFILE", "Bolton Council"}}).find("profile id"),
            std::string::npos);
  EXPECT_NE(error_of("authority = \"\"\n").find("the authority's name must be"), std::string::npos);
  EXPECT_NE(error_of("permissions_file = \"\"\n").find("the permissions file must be a path"),
            std::string::npos);
  EXPECT_NE(error_of("", {{"CINPLAN_TRUSTED_PROXIES", "127.0.0.1, nginx"}})
                .find("CINPLAN_TRUSTED_PROXIES=127.0.0.1, nginx: the trusted proxies must be IP "
                      "addresses separated by commas"),
            std::string::npos);
  EXPECT_NE(error_of("io_threads = 1.5\n").find("io_threads = 1.5: the number of I/O threads"),
            std::string::npos);
}

TEST(ServerConfig, RefusesUnknownKeysAndBadSyntaxNamingTheLine) {
  const std::string m = error_of("port = 8080\nprot = 8081\n");
  EXPECT_NE(m.find("server.toml:2: unknown setting \"prot\""), std::string::npos) << m;
  EXPECT_NE(m.find("port, worker_threads"), std::string::npos) << m;
  EXPECT_NE(error_of("[server]\nport = 1\n").find("server.toml:1: unknown setting \"server\""),
            std::string::npos);
  EXPECT_NE(error_of("port = 80\nport = 81\n").find("server.toml:2:"), std::string::npos);
  EXPECT_NE(error_of("port = \n").find("server.toml:1:"), std::string::npos);
}

TEST(ServerConfig, RefusesSettingsThatCannotHoldTogether) {
  const std::string m =
      error_of("session_idle_minutes = 180\n", {{"CINPLAN_SESSION_ABSOLUTE_HOURS", "2"}});
  EXPECT_NE(m.find("session_absolute_hours (CINPLAN_SESSION_ABSOLUTE_HOURS) is shorter than "
                   "session_idle_minutes (server.toml:1)"),
            std::string::npos)
      << m;
  EXPECT_NE(error_of("max_connections = 10\n").find("max_connections_per_client = 64 (default)"),
            std::string::npos);
}

TEST(ServerConfig, SessionKeyFromTheEnvironmentIsNeverPrinted) {
  auto c = from("", {{"CINPLAN_SESSION_KEY", kKey}});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->session_key, kKey);
  EXPECT_EQ(c->source_of("session_key"), "CINPLAN_SESSION_KEY");
  EXPECT_EQ(c->describe().find(kKey), std::string::npos);
  EXPECT_NE(c->describe().find("session key from CINPLAN_SESSION_KEY"), std::string::npos);
  const std::string m = error_of("", {{"CINPLAN_SESSION_KEY", "short-secret"}});
  EXPECT_EQ(m, "CINPLAN_SESSION_KEY: the session key must be at least 32 bytes (it has 12)");
  EXPECT_NE(error_of("", {{"CINPLAN_SESSION_KEY", kKey}, {"CINPLAN_SESSION_KEY_FILE", "/k"}})
                .find("both set"),
            std::string::npos);
}

TEST(ServerConfig, SessionKeyIsNeverInTheFileText) {
  const std::string m = error_of("port = 8080\nsession_key = \"" + kKey + "\"\n");
  EXPECT_NE(m.find("server.toml:2: session_key: the session key is never written"),
            std::string::npos)
      << m;
  EXPECT_EQ(m.find(kKey), std::string::npos) << m;
}

TEST(ServerConfig, SessionKeyFromAPrivateFile) {
  store::testing::TempDir dir;
  write(dir.path() / "key", kKey + "\n", kPrivate);
  write(dir.path() / "server.toml", "session_key_file = \"key\"\n", kPrivate);
  auto c = load_server_config(dir.path() / "server.toml", environment_of({}));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->session_key, kKey);  // less the final newline
  EXPECT_EQ(c->session_key_file, dir.path() / "key");
  EXPECT_EQ(c->source_of("session_key"), (dir.path() / "server.toml").string() + ":1");
  EXPECT_EQ(c->describe().find(kKey), std::string::npos);

  // CINPLAN_SESSION_KEY_FILE wins over the file's session_key_file.
  write(dir.path() / "other", "another-key-of-enough-length-0123456789", kPrivate);
  c = load_server_config(
      dir.path() / "server.toml",
      environment_of({{"CINPLAN_SESSION_KEY_FILE", (dir.path() / "other").string()}}));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->session_key, "another-key-of-enough-length-0123456789");
  EXPECT_EQ(c->source_of("session_key"), "CINPLAN_SESSION_KEY_FILE");
  // And CINPLAN_SESSION_KEY over both.
  c = load_server_config(dir.path() / "server.toml",
                         environment_of({{"CINPLAN_SESSION_KEY", kKey + "!"}}));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->session_key, kKey + "!");
  EXPECT_TRUE(c->session_key_file.empty());
}

TEST(ServerConfig, RefusesAKeyFileOthersMayRead) {
  store::testing::TempDir dir;
  const fs::path key = dir.path() / "key";
  write(key, kKey, kPrivate | fs::perms::group_read | fs::perms::others_read);
  auto c = load_server_config("", environment_of({{"CINPLAN_SESSION_KEY_FILE", key.string()}}));
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().message, "CINPLAN_SESSION_KEY_FILE=" + key.string() +
                                   ": the session key file may be read or written by others (mode "
                                   "0644); make it private with chmod 600 " +
                                   key.string());
  fs::permissions(key, kPrivate | fs::perms::group_write);
  EXPECT_FALSE(
      load_server_config("", environment_of({{"CINPLAN_SESSION_KEY_FILE", key.string()}})));
  // Short, missing, a folder: refused without the key.
  write(key, "short\n", kPrivate);
  c = load_server_config("", environment_of({{"CINPLAN_SESSION_KEY_FILE", key.string()}}));
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("at least 32 bytes (it has 5)"), std::string::npos);
  EXPECT_EQ(c.error().message.find("short"), std::string::npos);
  c = from("session_key_file = \"/nonexistent/key\"\n");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().message,
            "server.toml:1: session_key_file = \"/nonexistent/key\": there is no such file");
  EXPECT_NE(error_of("", {{"CINPLAN_SESSION_KEY_FILE", dir.path().string()}}).find("not a regular"),
            std::string::npos);
}

TEST(ServerConfig, TheExampleFileLoadsAsTheDefaults) {
  const fs::path example = fs::path(CINPLAN_SOURCE_DIR) / "config" / "server.example.toml";
  auto c = load_server_config(example, environment_of({}));
  ASSERT_TRUE(c) << c.error().message;
  const ServerConfig defaults;
  EXPECT_EQ(c->describe(), defaults.describe()) << "the example shows every default";
  EXPECT_EQ(c->source_of("port"), example.string() + ":18");
}

TEST(ServerConfig, AMissingConfigFileIsNamed) {
  auto c = load_server_config("/nonexistent/server.toml", environment_of({}));
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, ErrorCode::kNotFound);
  EXPECT_NE(c.error().message.find("/nonexistent/server.toml"), std::string::npos);
}

TEST(ServerConfig, ProcessEnvironmentReadsTheRealOne) {
  ::setenv("CINPLAN_SERVER_CONFIG_TEST", "yes", 1);
  const Environment env = process_environment();
  EXPECT_EQ(env("CINPLAN_SERVER_CONFIG_TEST"), "yes");
  ::unsetenv("CINPLAN_SERVER_CONFIG_TEST");
  EXPECT_EQ(env("CINPLAN_SERVER_CONFIG_TEST"), std::nullopt);
}

TEST(ServerConfig, FindsTheDefaultProfile) {
  ServerConfig c;
  auto p = find_default_profile(c, test_profiles());
  ASSERT_FALSE(p);
  EXPECT_NE(p.error().message.find("no profile chosen"), std::string::npos);
  EXPECT_NE(p.error().message.find("london-cyps"), std::string::npos);
  c = from("", {{"CINPLAN_PROFILE", "boltonn"}}).value();
  p = find_default_profile(c, test_profiles());
  ASSERT_FALSE(p);
  EXPECT_NE(p.error().message.find("profile \"boltonn\" (CINPLAN_PROFILE) is not a profile in"),
            std::string::npos)
      << p.error().message;
  c.profile = "bolton";
  p = find_default_profile(c, test_profiles());
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ((*p)->id, "bolton");
}

}  // namespace
}  // namespace cinplan::app
