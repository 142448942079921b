// Snapshots of the case projection: a snapshot decodes to the projection it
// was made from, in chunks of the size asked; a snapshot of another format,
// another event registry, damaged or ahead of the log is not used; and a
// restore over a log that does not follow on from the snapshot replays it all.
#include "app/projection_snapshot.h"
#include "app/app_test_support.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/case_import.h"
#include "store/store_test_support.h"

namespace cinplan::app {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = CINPLAN_SOURCE_DIR;

class Snapshots : public testing::Test {
 protected:
  void SetUp() override { store_ = open(dir_.sqlite_url()); }

  static std::unique_ptr<store::EventStore> open(const std::string& url) {
    store::OpenOptions create;
    create.create = true;
    return store::open_store(url, create).value();
  }

  // The example cases (one per profile) and the Bolton scenarios.
  static void import_cases(store::EventStore& st, bool scenarios = true) {
    const FixedClock clock{TimePoint{} + std::chrono::milliseconds(1795342530123)};
    std::vector<fs::path> folders;
    for (const auto& d : fs::directory_iterator(kSource / "examples")) folders.push_back(d.path());
    if (scenarios) folders.push_back(kSource / "tests" / "scenarios" / "bolton");
    for (const fs::path& folder : folders) {
      for (const auto& f : fs::directory_iterator(folder)) {
        if (f.path().extension() != ".json" || f.path().string().ends_with(".expected.json"))
          continue;
        auto ok = import_file(st, test_profiles(), f.path(), {"", "tester"}, clock);
        ASSERT_TRUE(ok) << ok.error().message;
      }
    }
  }

  CaseProjection replayed() {
    CaseProjection p;
    auto ok = p.catch_up(*store_);
    EXPECT_TRUE(ok) << ok.error().message;
    return p;
  }

  store::testing::TempDir dir_;
  std::unique_ptr<store::EventStore> store_;
};

void expect_same(const CaseProjection& a, const CaseProjection& b) {
  EXPECT_EQ(a.position(), b.position());
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    const CaseEntry& x = a.entries()[i];
    const CaseEntry& y = b.entries()[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.child_name, y.child_name);
    EXPECT_EQ(a.profile(x), b.profile(y));
    EXPECT_EQ(x.version, y.version);
    EXPECT_EQ(x.described, y.described);
    ASSERT_EQ(x.allocations.size(), y.allocations.size()) << x.id;
    for (std::size_t k = 0; k < x.allocations.size(); ++k) {
      EXPECT_EQ(a.name(x.allocations[k].worker), b.name(y.allocations[k].worker));
      EXPECT_EQ(a.name(x.allocations[k].team), b.name(y.allocations[k].team));
      EXPECT_EQ(x.allocations[k].date, y.allocations[k].date);
      EXPECT_EQ(x.allocations[k].event, y.allocations[k].event);
    }
    ASSERT_EQ(x.state.size(), y.state.size()) << x.id;
    for (std::size_t k = 0; k < x.state.size(); ++k) {
      const Fact& f = x.state.all_facts()[k];
      const Fact& g = y.state.all_facts()[k];
      EXPECT_TRUE(f.date == g.date && f.ref_date == g.ref_date && f.event == g.event &&
                  f.type == g.type && f.subtype == g.subtype && f.flags == g.flags)
          << x.id << " fact " << k;
    }
    EXPECT_NE(b.find(x.id), nullptr);
  }
}

TEST_F(Snapshots, DecodeGivesBackWhatWasEncodedInChunksOfTheSizeAsked) {
  import_cases(*store_);
  const CaseProjection p = replayed();
  ASSERT_GT(p.size(), 10u);
  const store::Snapshot small = encode_snapshot(p, 100);
  ASSERT_GT(small.chunks.size(), 10u);
  for (const std::string& c : small.chunks) EXPECT_LE(c.size(), 100u);
  EXPECT_EQ(small.position, p.position());
  auto decoded = decode_snapshot(small);
  ASSERT_TRUE(decoded) << decoded.error().message;
  expect_same(p, *decoded);
  EXPECT_EQ(encode_snapshot(*decoded, 100).chunks, small.chunks);

  const store::Snapshot whole = encode_snapshot(p);
  EXPECT_EQ(whole.chunks.size(), 1u);
  auto again = decode_snapshot(whole);
  ASSERT_TRUE(again);
  expect_same(p, *again);

  // In parts decoded in parallel, however the cases divide.
  for (std::size_t parts : {2u, 3u, 7u}) {
    auto split = decode_snapshot(encode_snapshot(p, 1000, parts));
    ASSERT_TRUE(split) << split.error().message;
    expect_same(p, *split);
  }
}

// The snapshot with `change` made to its bytes (as one string).
store::Snapshot altered(const store::Snapshot& s, const std::function<void(std::string&)>& change) {
  std::string bytes;
  for (const std::string& c : s.chunks) bytes += c;
  change(bytes);
  return store::Snapshot{s.position, {bytes}};
}

TEST_F(Snapshots, AnotherFormatRegistryOrDamageIsRefusedWithAReason) {
  import_cases(*store_, false);
  const store::Snapshot s = encode_snapshot(replayed());
  auto reason = [](const store::Snapshot& x) {
    auto d = decode_snapshot(x);
    return d ? std::string("used") : d.error().message;
  };
  EXPECT_NE(reason(altered(s, [](std::string& b) { b[8] = 9; })).find("format version 9"),
            std::string::npos);
  EXPECT_NE(reason(altered(s, [](std::string& b) { b[12] ^= 1; })).find("different event registry"),
            std::string::npos);
  EXPECT_NE(reason(altered(s, [](std::string& b) { b[b.size() / 2] ^= 0x10; })).find("checksum"),
            std::string::npos);
  EXPECT_NE(reason(altered(s, [](std::string& b) { b.resize(b.size() - 20); })), "used");
  EXPECT_NE(reason(altered(s, [](std::string& b) { b = "CINPROJ"; })).find("not a case projection"),
            std::string::npos);
  store::Snapshot moved = s;
  moved.position += 1;
  EXPECT_NE(reason(moved).find("position"), std::string::npos);
}

TEST_F(Snapshots, SavedAndLoadedThroughTheStore) {
  import_cases(*store_);
  const CaseProjection p = replayed();
  auto saved = save_snapshot(*store_, p);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_GT(saved->bytes, 0u);
  EXPECT_EQ(saved->chunks, 1u);

  CaseProjection q;
  auto loaded = load_snapshot(*store_, q);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_TRUE(loaded->used) << loaded->why_not;
  EXPECT_EQ(loaded->bytes, saved->bytes);
  expect_same(p, q);

  CaseProjection none;
  auto missing = load_snapshot(*store_, none, "another");
  ASSERT_TRUE(missing);
  EXPECT_FALSE(missing->used);
  EXPECT_EQ(missing->why_not, "no snapshot");
  EXPECT_EQ(none.size(), 0u);
}

TEST_F(Snapshots, ASnapshotAheadOfTheLogIsNotUsed) {
  import_cases(*store_);
  const CaseProjection p = replayed();
  auto other = open(dir_.sqlite_url("other.db"));
  import_cases(*other, false);  // a shorter log
  ASSERT_TRUE(save_snapshot(*other, p));
  CaseProjection q;
  auto loaded = load_snapshot(*other, q);
  ASSERT_TRUE(loaded);
  EXPECT_FALSE(loaded->used);
  EXPECT_NE(loaded->why_not.find("ahead of the log"), std::string::npos) << loaded->why_not;
}

TEST_F(Snapshots, ALogThatDoesNotFollowOnFromTheSnapshotIsReplayedInFull) {
  // The snapshot of a log holding the examples only, restored over a log
  // that holds the Bolton scenarios first: the versions do not follow on.
  auto first = open(dir_.sqlite_url("first.db"));
  import_cases(*first, false);
  CaseProjection early;
  ASSERT_TRUE(early.catch_up(*first));

  const FixedClock clock{TimePoint{} + std::chrono::milliseconds(1795342530123)};
  for (const auto& f : fs::directory_iterator(kSource / "tests" / "scenarios" / "bolton")) {
    if (f.path().string().ends_with(".expected.json")) continue;
    ASSERT_TRUE(import_file(*store_, test_profiles(), f.path(), {"", "tester"}, clock));
  }
  import_cases(*store_, false);
  ASSERT_TRUE(save_snapshot(*store_, early));

  CaseProjection restored;
  auto r = restore_projection(*store_, restored);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_FALSE(r->snapshot.used);
  EXPECT_NE(r->snapshot.why_not.find("does not follow on"), std::string::npos)
      << r->snapshot.why_not;
  expect_same(replayed(), restored);
}

TEST_F(Snapshots, RestoreUsesTheSnapshotAndReplaysOnlyWhatFollows) {
  import_cases(*store_, false);
  ASSERT_TRUE(save_snapshot(*store_, replayed()));
  const std::int64_t at = store_->head().value();
  const FixedClock clock{TimePoint{} + std::chrono::milliseconds(1795342530123)};
  for (const auto& f : fs::directory_iterator(kSource / "tests" / "scenarios" / "bolton")) {
    if (f.path().string().ends_with(".expected.json")) continue;
    ASSERT_TRUE(import_file(*store_, test_profiles(), f.path(), {"", "tester"}, clock));
  }
  CaseProjection restored;
  auto r = restore_projection(*store_, restored);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->snapshot.used) << r->snapshot.why_not;
  EXPECT_EQ(r->snapshot_position, at);
  EXPECT_EQ(r->caught.events, store_->head().value() - at);
  expect_same(replayed(), restored);
}

TEST(RegistryFingerprint, IsStableWithinABuild) {
  EXPECT_EQ(registry_fingerprint(), registry_fingerprint());
  EXPECT_NE(registry_fingerprint(), 0u);
}

}  // namespace
}  // namespace cinplan::app
