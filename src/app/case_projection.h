// The case-state projection (DESIGN.md section 2): every case stream of the
// event log folded into the CaseState the obligations engine reads, with the
// case's profile, child and allocated worker, kept in memory and brought up to
// date by tailing the log's global sequence.
//
// Contract:
// - After catch_up() returns a value, every event with sequence <= position()
//   has been applied, and each case's state equals fold() of its history read
//   in version order (corrections included).
// - A case appears once it has at least one event; its profile and child come
//   from the stream's header, read by catch_up() when the case first appears.
// - Not thread-safe: one thread applies, catches up or follows at a time, and
//   readers share that thread (or hold their own lock around it).
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <stop_token>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/casefile/case_state.h"
#include "core/casefile/fact_reader.h"
#include "core/error.h"
#include "store/event_store.h"

namespace cinplan::app {

// A worker_allocated event of a case, as the corrected record reads it.
struct Allocation {
  std::uint32_t event = 0;   // its index in the case (stream version - 1)
  std::int32_t date = 0;     // days since 1970-01-01
  std::uint32_t worker = 0;  // name indexes (see CaseProjection::name)
  std::uint32_t team = 0;
};

// One case as the projection holds it. Names (profile, worker, team) are
// indexes into the projection's name table: many cases share them.
struct CaseEntry {
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;

  std::string id;          // the stream id, which is the case id
  std::string child_name;  // the header's child.name; empty when not given
  std::uint32_t profile = 0;
  std::int64_t version = 0;             // the last event applied
  std::uint32_t pending = kNone;        // index into the facts read but not yet folded
  bool described = false;               // header (profile, child) read
  std::vector<Allocation> allocations;  // in event order
  CaseState state;

  // The allocation in force on `day`: the latest dated on or before it (the
  // later event on a tie), or null.
  const Allocation* allocation_on(std::int32_t day) const;
  // The latest allocation, whatever its date, or null.
  const Allocation* latest_allocation() const;
};

struct CatchUpOptions {
  // Apply at most this many events (0: everything up to the head).
  std::size_t limit = 0;
  // 1: read and fold on the calling thread. 2: fold on a second thread while
  // the calling thread reads. 0: 2 when more than 50,000 events are due.
  unsigned threads = 0;
  // Called on the calling thread every 65,536 events and at the end, with the
  // events applied so far and the number due when the catch-up started.
  std::function<void(std::int64_t done, std::int64_t total)> progress;
};

struct CatchUpResult {
  std::int64_t events = 0;    // events applied
  std::int64_t position = 0;  // the projection's position afterwards
  std::size_t new_cases = 0;
};

class CaseProjection {
 public:
  CaseProjection();
  ~CaseProjection();
  CaseProjection(CaseProjection&&) noexcept;
  CaseProjection& operator=(CaseProjection&&) noexcept;

  // The global sequence of the last event applied (0: none).
  std::int64_t position() const { return position_; }
  std::size_t size() const { return entries_.size(); }
  // Cases in the order they first appeared in the log.
  const std::deque<CaseEntry>& entries() const { return entries_; }
  const CaseEntry* find(std::string_view case_id) const;

  // The name table: index 0 is the empty name.
  std::string_view name(std::uint32_t index) const { return names_[index]; }
  std::string_view profile(const CaseEntry& e) const { return names_[e.profile]; }

  // Applies one event, which must follow position() and be the next version
  // of its stream. A case new to the projection has no profile or child until
  // describe() is called for it (catch_up() does this itself).
  Result<void> apply(const store::ScanRow& row);
  // Records a stream's profile and child (from its header) for a case the
  // projection holds; ignored for a case it does not hold yet.
  void describe(const store::StreamInfo& stream);

  // Applies every event after position() (see CatchUpOptions). On an error the
  // events before the one that failed stay applied and position() says where.
  Result<CatchUpResult> catch_up(store::EventStore& store, const CatchUpOptions& options = {});

  // Catches up, then waits for new events (store.wait_for_events, at most
  // `wait` at a time) and catches up again, until `stop` is requested. After
  // each catch-up that applied events, `updated` runs on this thread.
  Result<void> follow(
      store::EventStore& store, std::stop_token stop,
      const std::function<void(const CaseProjection&, const CatchUpResult&)>& updated,
      std::chrono::milliseconds wait = std::chrono::milliseconds(250));

  // Bytes held by the projection: entries, their facts, the case index and
  // the name table (heap blocks counted at their requested size).
  std::size_t memory_bytes() const;

  // Empties the projection (position 0).
  void clear();

 private:
  friend struct ProjectionAccess;  // the snapshot codec (projection_snapshot.cc)
  struct Folder;

  std::uint32_t intern(std::string_view name);
  // The index of the case, or CaseEntry::kNone.
  std::uint32_t find_index(std::string_view id) const;
  // Adds a case the projection does not hold; returns its index.
  std::uint32_t add_entry(std::string_view id);
  std::uint32_t entry_for(std::string_view id);
  // Rebuilds the index over every case (and the list of cases not yet
  // described); false when two cases have the same id.
  bool index_all();
  std::vector<Fact>& pending_for(CaseEntry& entry, std::uint32_t index);
  Result<void> fold_row(std::uint32_t entry, std::int64_t sequence, std::int64_t version,
                        std::string_view type, std::string_view payload);
  void settle(unsigned threads);
  Result<void> describe_new(store::EventStore& store);

  FactReader reader_;
  EventTypeId allocated_type_;
  std::int64_t position_ = 0;
  std::int64_t applied_ = 0;  // events applied since construction
  std::deque<CaseEntry> entries_;
  // Open addressing over entries_: each slot is (hash >> 32) << 32 | (index
  // + 1), 0 when empty; at most half full.
  std::vector<std::uint64_t> slots_;
  std::deque<std::string> names_;
  std::unordered_map<std::string_view, std::uint32_t> name_index_;
  // Read but not yet folded into states (settle() folds them): the new
  // events' facts per case, and corrections in log order.
  std::vector<std::vector<Fact>> pending_;
  std::vector<std::uint32_t> pending_entries_;
  std::vector<std::pair<std::uint32_t, FactUpdate>> corrections_;
  std::vector<std::uint32_t> undescribed_;
  std::uint32_t last_entry_ = CaseEntry::kNone;  // the stream of the previous row
};

}  // namespace cinplan::app
