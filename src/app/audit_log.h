// The access log writer (DESIGN.md section 6: every read and write of a
// child's record is attributed and audited). Entries are written in groups:
// a background thread takes every entry waiting, appends them in one
// transaction (AccountStore::append_access), and only then runs each
// entry's `done`, so an answer that waits for its entry's `done` is never
// given for a read or write that is not on the log. A failed write runs
// `done` with the error, and the caller answers 503 instead.
//
// Durability: a group is committed before its `done` runs, so a crash of
// cinplan never loses an entry that was answered. A group is synced to the
// disk (it would survive a power cut) when the last sync is a second old or
// more; the groups in between are only committed (Durability::kCommitted),
// and a sync follows within a quarter of a second of the log going quiet.
// So at most about a second of entries is ever off the disk, and a busy
// server does not wait for the disk once per group. stop() syncs.
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

  // Entries written, groups they were written in, and syncs to the disk
  // (synced groups and sync_access calls), since start.
  std::size_t written() const;
  std::size_t groups() const;
  std::size_t syncs() const;

 private:
  void run();

  store::AccountStore& accounts_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::pair<store::AccessEntry, Done>> queue_;
  bool stopping_ = false;
  bool stopped_ = false;
  std::size_t written_ = 0;
  std::size_t groups_ = 0;
  std::size_t syncs_ = 0;
  std::thread thread_;
};

}  // namespace cinplan::app
