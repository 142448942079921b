#include "app/audit_log.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "store/accounts.h"
#include "store/store_test_support.h"

namespace cinplan::app {
namespace {

store::AccessEntry read_of(std::string case_id) {
  store::AccessEntry e;
  e.username = "alex";
  e.role = "social_worker";
  e.case_id = std::move(case_id);
  e.action = "case.read";
  e.allowed = true;
  e.address = "127.0.0.1";
  return e;
}

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::open_account_store(dir_.sqlite_url("audit.db"), {.create = true});
    ASSERT_TRUE(opened) << opened.error().message;
    accounts_ = std::move(*opened);
  }
  std::size_t entries() { return accounts_->read_access({}).value().size(); }

  store::testing::TempDir dir_;
  std::unique_ptr<store::AccountStore> accounts_;
};

TEST_F(AuditLogTest, AnEntryIsOnTheLogWhenItsDoneRuns) {
  AuditLog log(*accounts_);
  ASSERT_TRUE(log.record_now(read_of("C-1")));
  EXPECT_EQ(entries(), 1u);
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(log.record_now(read_of("C-2")));
  EXPECT_EQ(entries(), 51u);
  EXPECT_EQ(log.written(), 51u);
}

TEST_F(AuditLogTest, AQuietLogIsSyncedWithinAQuarterOfASecond) {
  AuditLog log(*accounts_);
  ASSERT_TRUE(log.record_now(read_of("C-1")));  // the first group: only committed
  const std::size_t before = log.syncs();
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  EXPECT_GT(log.syncs(), before);
  // Nothing waiting: no more syncs while it stays quiet.
  const std::size_t after = log.syncs();
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  EXPECT_EQ(log.syncs(), after);
}

TEST_F(AuditLogTest, ABusyLogIsSyncedEveryQuarterOfASecondNotEveryGroup) {
  AuditLog log(*accounts_);
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(2500))
    ASSERT_TRUE(log.record_now(read_of("C-1")));
  // Never quiet, yet synced while the writes went on, and far less often
  // than once a group.
  EXPECT_GE(log.syncs(), 4u);
  EXPECT_LT(log.syncs() * 10, log.groups());
}

TEST_F(AuditLogTest, StopWritesAndSyncsWhatIsWaiting) {
  {
    AuditLog log(*accounts_);
    for (int i = 0; i < 20; ++i) log.record(read_of("C-3"));
    log.stop();
    EXPECT_EQ(log.written(), 20u);
  }
  EXPECT_EQ(entries(), 20u);
}

}  // namespace
}  // namespace cinplan::app
