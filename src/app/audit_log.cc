#include "app/audit_log.h"

#include <chrono>
#include <future>

namespace cinplan::app {

AuditLog::AuditLog(store::AccountStore& accounts) : accounts_(accounts) {
  thread_ = std::thread([this] { run(); });
  sync_thread_ = std::thread([this] { run_syncs(); });
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
  if (sync_thread_.joinable()) sync_thread_.join();
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
  std::vector<std::pair<store::AccessEntry, Done>> batch;
  std::vector<store::AccessEntry> entries;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty() && stopping_) {
        stopped_ = true;
        sync_wake_.notify_one();
        return;
      }
      batch.swap(queue_);
    }
    entries.clear();
    for (auto& [entry, done] : batch) entries.push_back(entry);
    const Result<void> written =
        accounts_.append_access(entries, store::AccountStore::Durability::kCommitted);
    {
      std::lock_guard lock(mutex_);
      if (written) {
        written_ += entries.size();
        ++groups_;
        if (!unsynced_) {
          unsynced_ = true;
          sync_wake_.notify_one();
        }
      }
    }
    for (auto& [entry, done] : batch)
      if (done) done(written);
    batch.clear();
  }
}

void AuditLog::run_syncs() {
  constexpr auto kAfter = std::chrono::milliseconds(250);
  std::unique_lock lock(mutex_);
  for (;;) {
    sync_wake_.wait(lock, [this] { return unsynced_ || stopped_; });
    if (!unsynced_) return;  // stopped, with nothing left to sync
    // Let a quarter of a second of groups gather (less when stopping).
    if (!stopped_) sync_wake_.wait_for(lock, kAfter, [this] { return stopped_; });
    unsynced_ = false;
    lock.unlock();
    const bool synced = accounts_.sync_access().has_value();
    lock.lock();
    if (synced) {
      ++syncs_;
    } else if (!stopped_) {
      unsynced_ = true;  // tried again a quarter of a second later
    }
  }
}

}  // namespace cinplan::app
