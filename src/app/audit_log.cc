#include "app/audit_log.h"

#include <chrono>
#include <future>

namespace cinplan::app {

AuditLog::AuditLog(store::AccountStore& accounts) : accounts_(accounts) {
  thread_ = std::thread([this] { run(); });
}

AuditLog::~AuditLog() {
  stop();
}

void AuditLog::record(store::AccessEntry entry, Done done) {
  {
    std::lock_guard lock(mutex_);
    if (!stopped_) {
      queue_.emplace_back(std::move(entry), std::move(done));
      wake_.notify_one();
      return;
    }
  }
  auto written = accounts_.append_access(std::span(&entry, 1));
  if (done) done(written);
}

Result<void> AuditLog::record_now(store::AccessEntry entry) {
  std::promise<Result<void>> promise;
  auto future = promise.get_future();
  record(std::move(entry), [&promise](const Result<void>& r) { promise.set_value(r); });
  return future.get();
}

void AuditLog::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
    wake_.notify_one();
  }
  if (thread_.joinable()) thread_.join();
}

std::size_t AuditLog::written() const {
  std::lock_guard lock(mutex_);
  return written_;
}

std::size_t AuditLog::groups() const {
  std::lock_guard lock(mutex_);
  return groups_;
}

std::size_t AuditLog::syncs() const {
  std::lock_guard lock(mutex_);
  return syncs_;
}

void AuditLog::run() {
  using Clock = std::chrono::steady_clock;
  using Durability = store::AccountStore::Durability;
  constexpr auto kMostUnsynced = std::chrono::seconds(1);
  constexpr auto kQuiet = std::chrono::milliseconds(250);
  std::vector<std::pair<store::AccessEntry, Done>> batch;
  std::vector<store::AccessEntry> entries;
  Clock::time_point last_sync = Clock::now();
  bool unsynced = false;  // committed groups since the last sync
  for (;;) {
    bool stopping = false;
    {
      std::unique_lock lock(mutex_);
      auto waiting = [this] { return stopping_ || !queue_.empty(); };
      if (unsynced) {
        if (!wake_.wait_for(lock, kQuiet, waiting)) {
          // Quiet: put what was only committed on the disk.
          lock.unlock();
          const bool synced = accounts_.sync_access().has_value();
          lock.lock();
          if (synced) {
            ++syncs_;
            unsynced = false;
            last_sync = Clock::now();
          }
          continue;
        }
      } else {
        wake_.wait(lock, waiting);
      }
      stopping = stopping_;
      if (queue_.empty() && stopping_) {
        stopped_ = true;
        break;
      }
      batch.swap(queue_);
    }
    entries.clear();
    for (auto& [entry, done] : batch) entries.push_back(entry);
    const bool sync = stopping || Clock::now() - last_sync >= kMostUnsynced;
    const Result<void> written =
        accounts_.append_access(entries, sync ? Durability::kSynced : Durability::kCommitted);
    {
      std::lock_guard lock(mutex_);
      if (written) {
        written_ += entries.size();
        ++groups_;
        if (sync) ++syncs_;
      }
    }
    if (written) {
      if (sync) {
        last_sync = Clock::now();
        unsynced = false;
      } else {
        unsynced = true;
      }
    }
    for (auto& [entry, done] : batch)
      if (done) done(written);
    batch.clear();
  }
  if (unsynced) (void)accounts_.sync_access();
}

}  // namespace cinplan::app
