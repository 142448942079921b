// The access log writer (DESIGN.md section 6: every read and write of a
// child's record is attributed and audited). Entries are written in groups:
// a background thread takes every entry waiting, appends them in one
// transaction (AccountStore::append_access), and only then runs each
// entry's `done`, so an answer that waits for its entry's `done` is never
// given for a read or write that is not on the log. A failed write runs
// `done` with the error, and the caller answers 503 instead.
//
// Durability: a group is committed before its `done` runs, so a crash of
// cinplan never loses an entry that was answered, but not synced to the disk
// (Durability::kCommitted): a second thread syncs what was committed
// (AccountStore::sync_access) a quarter of a second after the first commit
// it has not synced, while the writer goes on. So an entry is on the disk
// (it would survive a power cut) within about a quarter of a second plus the
// disk's own time, and no answer waits for the disk: one slow sync of a
// busy disk delays no one. stop() syncs.
//
// Thread-safe. stop() writes what is waiting, then ends the thread; entries
// recorded after stop() are written at once on the caller's thread.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "core/error.h"
#include "store/accounts.h"

namespace cinplan::app {

class AuditLog {
 public:
  using Done = std::function<void(const Result<void>&)>;

  explicit AuditLog(store::AccountStore& accounts);
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  // Queues the entry; `done` (may be empty) runs on the writer thread once
  // it is durable or has failed.
  void record(store::AccessEntry entry, Done done = {});
  // Records and waits until written.
  Result<void> record_now(store::AccessEntry entry);
  // Writes everything waiting and stops the thread.
  void stop();

  // Entries written, groups they were written in, and syncs to the disk,
  // since start.
  std::size_t written() const;
  std::size_t groups() const;
  std::size_t syncs() const;

 private:
  void run();
  void run_syncs();

  store::AccountStore& accounts_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::pair<store::AccessEntry, Done>> queue_;
  bool stopping_ = false;
  bool stopped_ = false;
  std::size_t written_ = 0;
  std::size_t groups_ = 0;
  std::size_t syncs_ = 0;
  bool unsynced_ = false;  // groups committed since the last sync began
  std::condition_variable sync_wake_;
  std::thread thread_;
  std::thread sync_thread_;
};

}  // namespace cinplan::app
