// The checks every backend makes on an append request before touching the
// database (event_store.h: check_append_request).
#include <string>

#include "core/casefile/case_id.h"
#include "store/event_store.h"

namespace cinplan::store {

Result<void> check_append_request(const AppendRequest& request) {
  // Both backends refuse the same ids in the same words, before either sees
  // them: a NUL would cut the id short on PostgreSQL, and make a stream no
  // lookup can find on SQLite.
  if (auto id = check_case_id(request.stream_id); !id)
    return std::unexpected(Error::bad_input(id.error().message + "; nothing was written"));
  const auto bad = [&](std::string why) {
    return std::unexpected(Error::bad_input("cannot record case " + request.stream_id + ": " +
                                            std::move(why) + "; nothing was written"));
  };
  if (request.recorded_by.empty()) return bad("who recorded it is not given (recorded_by)");
  if (request.recorded_at.empty()) return bad("when it was recorded is not given (recorded_at)");
  if (request.expected_version < 0)
    return bad("the version read (" + std::to_string(request.expected_version) + ") is negative");
  if (request.expected_version == 0 && !request.create)
    return bad("a new case needs its stream details (kind, profile, header)");
  if (request.expected_version > 0 && request.create)
    return bad("stream details are given for a case read at version " +
               std::to_string(request.expected_version) + "; they belong to a new case only");
  if (request.create && request.create->kind.empty()) return bad("the stream kind is empty");
  // A stream is created with its first events, so every stream that exists is
  // at version 1 or more and expected_version 0 always means "new".
  if (request.events.empty())
    return bad(request.create ? "a new case needs at least one event"
                              : "there are no events to append");
  for (std::size_t i = 0; i < request.events.size(); ++i) {
    const NewEvent& event = request.events[i];
    if (event.type.empty() || event.payload.empty())
      return bad("event " + std::to_string(i + 1) + " has no " +
                 (event.type.empty() ? "type" : "body"));
  }
  for (std::size_t i = 0; i < request.files.size(); ++i) {
    const NewFile& file = request.files[i];
    if (!is_sha256_hex(file.sha256))
      return bad("file " + std::to_string(i + 1) + " has no SHA-256 of 64 lower-case hex digits");
    if (file.media_type.empty() || file.content.empty())
      return bad("file " + std::to_string(i + 1) + " has no " +
                 (file.content.empty() ? "content" : "type"));
  }
  return {};
}

bool is_sha256_hex(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace cinplan::store
