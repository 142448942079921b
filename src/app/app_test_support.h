// Helpers shared by the app tests: the shipped profiles, loaded once, and a
// fixture that opens a fresh store on the test's backend.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/profile_catalog.h"
#include "store/event_store.h"
#include "store/store_test_support.h"

namespace cinplan::app {

// The profiles in the source tree's profiles/ folder.
inline const ProfileCatalog& test_profiles() {
  static const ProfileCatalog catalog =
      ProfileCatalog::load(std::filesystem::path(CINPLAN_SOURCE_DIR) / "profiles").value();
  return catalog;
}

// Parameterised by backend ("sqlite", "postgresql"): a new SQLite file in a
// temporary folder, or the shared PostgreSQL database of
// CINPLAN_TEST_POSTGRES_URL (use unique case ids there).
class StoreBackendTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      dir_.emplace();
      url_ = dir_->sqlite_url("cases.db");
    } else {
      url_ = store::testing::postgres_test_url().value_or("");
      if (url_.empty()) GTEST_SKIP() << "CINPLAN_TEST_POSTGRES_URL is not set";
    }
    auto opened = store::open_store(url_, {.create = true});
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }
  void TearDown() override { store_.reset(); }

  std::optional<store::testing::TempDir> dir_;
  std::string url_;
  std::unique_ptr<store::EventStore> store_;
};

}  // namespace cinplan::app
