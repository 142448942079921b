// Chooses the backend from the URL's scheme.
#include <string>

#include "store/event_store.h"
#include "store/schema.h"

namespace cinplan::store {

int latest_schema_version() {
  return static_cast<int>(sqlite_migrations().size());
}

Result<std::unique_ptr<EventStore>> open_store(std::string_view url, const OpenOptions& options) {
  if (url.starts_with("sqlite:")) return open_sqlite_store(url, options);
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return open_postgres_store(url, options);
  return std::unexpected(
      Error::bad_input("database URL \"" + redact_url(url) +
                       "\" is not understood: use sqlite:PATH (for example sqlite:cases.db) or "
                       "postgresql://USER@HOST:PORT/NAME"));
}

std::string Durability::describe() const {
  std::string out;
  for (const auto& [name, value] : settings) out += (out.empty() ? "" : ", ") + name + "=" + value;
  return out;
}

std::vector<std::filesystem::path> database_files(std::string_view url) {
  if (!url.starts_with("sqlite:")) return {};
  std::string_view path = url.substr(7);
  path = path.substr(0, path.find('?'));
  if (path.empty()) return {};
  const std::string file(path);
  return {file, file + "-wal", file + "-shm", file + "-journal"};
}

Result<SchemaUpgrade> migrate_existing_store(std::string_view url) {
  SchemaUpgrade upgrade;
  {
    // A look that changes nothing: is it there, and a cinplan database?
    auto looked = open_store(url, OpenOptions{.read_only = true});
    if (!looked) return std::unexpected(looked.error());
    auto version = (*looked)->schema_version();
    if (!version) return std::unexpected(version.error());
    upgrade.from = *version;
  }
  upgrade.to = upgrade.from;
  if (upgrade.from >= latest_schema_version()) return upgrade;
  auto opened = open_store(url, OpenOptions{.create = false, .migrate = true});
  if (!opened) return std::unexpected(opened.error());
  auto version = (*opened)->schema_version();
  if (!version) return std::unexpected(version.error());
  upgrade.to = *version;
  return upgrade;
}

std::string redact_url(std::string_view url) {
  // postgresql://user:secret@host/db -> postgresql://user:***@host/db
  std::string out(url);
  const auto scheme = out.find("://");
  if (scheme == std::string::npos) return out;
  // The last '@' ends the user part, so a password with an unescaped '@',
  // '/' or '?' is still hidden whole (at worst more than the password is).
  const auto at = out.rfind('@');
  const auto colon = out.find(':', scheme + 3);
  if (at != std::string::npos && at > scheme && colon != std::string::npos && colon < at) {
    out.replace(colon + 1, at - colon - 1, "***");
  }
  // postgresql://host/db?user=u&password=secret -> ...&password=***
  for (auto key = out.find('?', scheme + 3); key != std::string::npos;
       key = out.find('&', key + 1)) {
    constexpr std::string_view kPassword = "password=";
    if (out.compare(key + 1, kPassword.size(), kPassword) != 0) continue;
    const auto value = key + 1 + kPassword.size();
    const auto end = out.find('&', value);
    out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
  }
  return out;
}

}  // namespace cinplan::store
