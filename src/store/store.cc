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
