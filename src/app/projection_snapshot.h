// Snapshots of the case-state projection, so that a restart over a large log
// loads the projection and replays only the events after it rather than the
// whole log.
//
// Format (little-endian, one byte string cut into chunks of at most
// `chunk_bytes`): a magic word, the format version, the event registry's
// fingerprint, the position, the name table, every case (its id, child,
// profile, version, allocations and facts, compactly coded), and a checksum
// of all that precedes it. Facts hold EventTypeIds and enum value indexes,
// which are stable only within one build's registry: a snapshot whose
// fingerprint differs from this build's is not used (the projection is
// replayed in full instead), nor is one of another format version, one that
// fails its checksum or decoding, or one ahead of the log's head.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app/case_projection.h"
#include "core/error.h"
#include "store/event_store.h"

namespace cinplan::app {

// The name snapshots of the case projection are saved under.
inline constexpr std::string_view kCaseProjectionSnapshot = "case_projection";
inline constexpr std::size_t kSnapshotChunkBytes = 4u << 20;

// A fingerprint of everything in the event registry that the meaning of a
// Fact depends on (type order, fields, enum values, fact shapes), with the
// snapshot format version.
std::uint64_t registry_fingerprint();

// The cases are coded in `parts` parts (0: one per 4,096 cases, at most
// two), which encode and decode in parallel.
store::Snapshot encode_snapshot(const CaseProjection& projection,
                                std::size_t chunk_bytes = kSnapshotChunkBytes,
                                std::size_t parts = 0);
// kBadInput naming what is wrong when the snapshot cannot be used.
Result<CaseProjection> decode_snapshot(const store::Snapshot& snapshot);

struct SnapshotSaved {
  std::size_t bytes = 0;
  std::size_t chunks = 0;
};
Result<SnapshotSaved> save_snapshot(store::EventStore& store, const CaseProjection& projection,
                                    std::string_view name = kCaseProjectionSnapshot);

struct SnapshotLoaded {
  bool used = false;    // the projection now holds the snapshot
  std::string why_not;  // when not used: "no snapshot", or what is wrong with it
  std::size_t bytes = 0;
};
// Replaces `projection` with the saved snapshot when there is a usable one.
// Errors are the store's only; an unusable snapshot is reported in why_not.
Result<SnapshotLoaded> load_snapshot(store::EventStore& store, CaseProjection& projection,
                                     std::string_view name = kCaseProjectionSnapshot);

struct Restored {
  SnapshotLoaded snapshot;
  std::int64_t snapshot_position = 0;  // where the snapshot left off (0: not used)
  CatchUpResult caught;                // the events replayed after it
};
// Loads the snapshot when usable and catches up from it; replays the whole
// log instead when there is none, it is unusable, or the log does not follow
// on from it (a case's next event is not the one the snapshot expects).
Result<Restored> restore_projection(store::EventStore& store, CaseProjection& projection,
                                    const CatchUpOptions& options = {},
                                    std::string_view name = kCaseProjectionSnapshot);

}  // namespace cinplan::app
