// The server's in-memory view of the event log (DESIGN.md section 12:
// queries read projections, never replay on a request): the case projection
// the caseload reads, and for every case its history as corrected, its
// state, and who has a part in it (for authorize()). Kept up to date by
// catch_up(), which applies each new event of the log once, in sequence
// order, whoever wrote it (this process or another on the same database).
//
// Thread-safe: catch_up() may be called from any thread (calls are
// serialised); readers take a shared view with read().
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/case_projection.h"
#include "core/access/permissions.h"
#include "core/casefile/case_history.h"
#include "core/casefile/case_state.h"
#include "store/event_store.h"

namespace cinplan::app {

// An action of the plan agreed and not yet marked done.
struct OpenAction {
  std::string action_id;
  std::string text;     // what will be done
  std::string owner;    // who will do it
  std::string by_date;  // "YYYY-MM-DD"
};

// Who has a part in a case, as its latest events say.
struct CaseParts {
  std::string worker;           // allocated worker's display name
  std::string worker_username;  // their account, when the allocation names it
  std::string team;             // the allocated team as recorded
  std::string iro;              // allocated IRO's display name
  std::string iro_username;
  bool restricted = false;
  std::vector<std::string> shared_with;  // agencies consented to, not withdrawn
  // The plan's actions not yet done, in the order first agreed (an action
  // agreed again under the same id replaces its earlier terms).
  std::vector<OpenAction> open_actions = {};
};

// Who wrote an event to the log, and when.
struct Recorded {
  std::string by;  // the account's username (an imported case: whoever the import named)
  std::string at;  // UTC, "2026-11-22T10:15:30.123Z"
};

struct CaseRecord {
  std::string id;
  std::string profile;
  std::int64_t version = 0;
  CaseHistory history;             // every event as written, corrections included
  std::vector<Recorded> recorded;  // one per event of history, in the same order
  CaseState state;                 // fold(history)
  CaseParts parts;
  bool demo = false;  // the header says "demo": true
};

class Records {
 public:
  // A consistent view for the duration of a call.
  struct View {
    const std::unordered_map<std::string, CaseRecord>& cases;
    const CaseProjection& projection;
    std::int64_t position;
    const CaseRecord* find(std::string_view id) const;
  };

  Records();
  ~Records();

  // Applies every event after position(). Errors leave what was applied.
  Result<std::int64_t> catch_up(store::EventStore& store);
  std::int64_t position() const;

  template <typename F>
  auto read(F&& f) const {
    std::shared_lock lock(mutex_);
    return f(View{cases_, projection_, position_});
  }

 private:
  // Adds one event to its case (`stream`: the case's header, when the case
  // is new to this view). The caller folds the case afterwards (refresh).
  Result<void> apply(const store::StreamInfo* stream, const store::ScanRow& row);

  mutable std::shared_mutex mutex_;
  std::mutex catching_up_;
  std::unordered_map<std::string, CaseRecord> cases_;
  CaseProjection projection_;
  std::int64_t position_ = 0;
};

// The parts of a case as authorize() reads them, for `caller` (whose
// grants say whether the case is granted to them).
access::CaseAccess case_access(const CaseRecord& record, bool granted);

}  // namespace cinplan::app
