// Chooses the backend from the URL's scheme.
#include <string>

#include "store/event_store.h"
#include "store/schema.h"

namespace cinplan::store {

int latest_schema_version() { return static_cast<int>(sqlite_migrations().size()); }

Result<std::unique_ptr<EventStore>> open_store(std::string_view url, const OpenOptions& options) {
  if (url.starts_with("sqlite:")) return open_sqlite_store(url, options);
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return open_postgres_store(url, options);
  return std::unexpected(Error::bad_input(
      "database URL \"" + redact_url(url) +
      "\" is not understood: use sqlite:PATH (for example sqlite:cases.db) or "
      "postgresql://USER@HOST:PORT/NAME"));
}

std::string redact_url(std::string_view url) {
  // postgresql://user:secret@host/db -> postgresql://user:***@host/db
  std::string out(url);
  const auto scheme = out.find("://");
  if (scheme == std::string::npos) return out;
  const auto at = out.find('@', scheme + 3);
  if (at == std::string::npos) return out;
  const auto colon = out.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return out;
  out.replace(colon + 1, at - colon - 1, "***");
  return out;
}

}  // namespace cinplan::store
