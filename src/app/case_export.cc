#include "app/case_export.h"

#include <utility>

#include "store/schema.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

Error stored_wrongly(const store::StreamInfo& stream, const std::string& what) {
  return Error{ErrorCode::kInternal, "case " + stream.id + ": " + what, {}};
}

}  // namespace

Result<CaseHistory> history_from_stream(const store::StreamInfo& stream,
                                        const std::vector<store::StoredEvent>& events) {
  json document = json::parse(stream.header, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.is_object()) {
    return std::unexpected(stored_wrongly(stream, "its stored header is not a JSON object"));
  }
  json list = json::array();
  for (const store::StoredEvent& e : events) {
    json body = json::parse(e.payload, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded()) {
      return std::unexpected(stored_wrongly(
          stream, "its event " + std::to_string(e.version) + " is not stored as valid JSON"));
    }
    list.push_back(std::move(body));
  }
  document["events"] = std::move(list);  // replaces the null in its place
  auto history = case_history_from_json(std::move(document));
  if (!history) {
    return std::unexpected(
        stored_wrongly(stream, "the stored record does not read back: " + history.error().message));
  }
  return history;
}

Result<StoredCase> load_case(store::EventStore& store, std::string_view case_id) {
  auto stream = store.find_stream(case_id);
  if (!stream) return std::unexpected(stream.error());
  if (!stream->has_value() || (*stream)->kind != store::kCaseStreamKind) {
    return std::unexpected(
        Error::not_found("no case " + std::string(case_id) + " in " + store.describe()));
  }
  auto events = store.read_stream(case_id);
  if (!events) return std::unexpected(events.error());
  auto history = history_from_stream(**stream, *events);
  if (!history) return std::unexpected(history.error());
  const std::int64_t version = events->empty() ? 0 : events->back().version;
  return StoredCase{std::move(*history), (*stream)->profile, version};
}

Result<std::string> export_case(store::EventStore& store, std::string_view case_id) {
  auto stored = load_case(store, case_id);
  if (!stored) return std::unexpected(stored.error());
  CaseHistory& h = stored->history;
  if (h.profile.empty() && !stored->profile.empty()) {
    // The case's profile goes into the document (after its id), so that the
    // exported file imports again without naming it.
    json document = json::object();
    for (auto& [key, value] : h.document.items()) {
      document[key] = std::move(value);
      if (key == "case_id") document["profile"] = stored->profile;
    }
    if (!document.contains("profile")) document["profile"] = stored->profile;
    h.document = std::move(document);
    h.profile = stored->profile;
  }
  return to_canonical_json(h);
}

Result<std::unique_ptr<store::EventStore>> open_existing_store(std::string_view url) {
  auto opened = store::open_store(url, store::OpenOptions{.read_only = true});
  if (!opened && opened.error().code == ErrorCode::kNotFound && url.starts_with("sqlite:")) {
    std::string_view path = url.substr(7);
    path = path.substr(0, path.find('?'));
    return std::unexpected(Error::not_found("no database at " + std::string(path) +
                                            " (cinplan import --db " + std::string(url) +
                                            " FILE... creates one)"));
  }
  if (!opened) return std::unexpected(opened.error());
  auto version = (*opened)->schema_version();
  if (!version) return std::unexpected(version.error());
  if (*version < store::latest_schema_version()) {
    return std::unexpected(Error::unavailable(
        "the database at " + (*opened)->describe() + " is at schema version " +
        std::to_string(*version) + ", older than this cinplan's " +
        std::to_string(store::latest_schema_version()) + ": upgrade it with cinplan migrate --db " +
        (*opened)->describe() + "; nothing was changed"));
  }
  return opened;
}

}  // namespace cinplan::app
