// Files kept with the events that add them (event_store.h: NewFile), on
// every backend: written in the append's transaction or not at all, given
// back byte for byte, never changed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/event_store.h"
#include "store/store_test_support.h"

namespace cinplan::store {
namespace {

using ::testing::HasSubstr;
using testing::make_append;

// Any 64 hex digits will do: the store keys by them, the service checks them.
std::string key(char digit) {
  return std::string(64, digit);
}

// Every byte value, NUL and invalid UTF-8 included, over more than one page.
std::string binary(std::size_t size) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 7 + i / 256) & 0xFF);
  return bytes;
}

class AttachmentStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      dir_.emplace();
      url_ = dir_->sqlite_url();
    } else {
      url_ = *testing::postgres_test_url();
    }
    prefix_ = "F" + testing::unique_token() + "-";
    auto opened = open_store(url_, OpenOptions{.create = true});
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }

  std::string id(std::string_view name) const { return prefix_ + std::string(name); }

  std::optional<StoredFile> file(const std::string& stream, const std::string& sha) {
    auto f = store_->read_file(stream, sha);
    EXPECT_TRUE(f) << f.error().message;
    return f ? *f : std::nullopt;
  }

  std::optional<testing::TempDir> dir_;
  std::string url_;
  std::string prefix_;
  std::unique_ptr<EventStore> store_;
};

TEST_P(AttachmentStoreTest, AFileIsKeptWithItsEventAndComesBackByteForByte) {
  const std::string c = id("C-1");
  const std::string bytes = binary(3 << 20);
  AppendRequest first = make_append(c, 0, 1);
  first.files.push_back({key('a'), "application/pdf", bytes});
  auto written = store_->append(first);
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(written->version, 1);

  auto back = file(c, key('a'));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->content.size(), bytes.size());
  EXPECT_TRUE(back->content == bytes);
  EXPECT_EQ(back->media_type, "application/pdf");
  EXPECT_EQ(back->stored_at, first.recorded_at);
  // Kept under its own case only; another key is none.
  EXPECT_FALSE(file(c, key('b')));
  ASSERT_TRUE(store_->append(make_append(id("C-2"), 0, 1)));
  EXPECT_FALSE(file(id("C-2"), key('a')));
  // A key that could not be one is none, not an error.
  EXPECT_FALSE(file(c, "../../etc/passwd"));
}

TEST_P(AttachmentStoreTest, ARefusedAppendKeepsNoFile) {
  const std::string c = id("C-3");
  ASSERT_TRUE(store_->append(make_append(c, 0, 2)));
  AppendRequest stale = make_append(c, 1, 1);
  stale.files.push_back({key('c'), "image/png", "\x89PNG"});
  auto refused = store_->append(stale);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(file(c, key('c')));

  // The same file twice on one case: nothing of the second append is kept.
  AppendRequest once = make_append(c, 2, 1);
  once.files.push_back({key('d'), "image/png", "one"});
  ASSERT_TRUE(store_->append(once));
  AppendRequest twice = make_append(c, 3, 1);
  twice.files.push_back({key('d'), "image/png", "two"});
  EXPECT_FALSE(store_->append(twice));
  auto events = store_->read_stream(c);
  ASSERT_TRUE(events);
  EXPECT_EQ(events->size(), 3u);
  auto kept = file(c, key('d'));
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->content, "one");
}

TEST_P(AttachmentStoreTest, MalformedFilesAreRefusedAndWriteNothing) {
  const std::string c = id("C-4");
  for (NewFile bad : {NewFile{"ABC", "application/pdf", "x"}, NewFile{key('E'), "image/png", "x"},
                      NewFile{key('e'), "", "x"}, NewFile{key('e'), "image/png", ""}}) {
    AppendRequest r = make_append(c, 0, 1);
    r.files.push_back(bad);
    auto refused = store_->append(r);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kBadInput);
    EXPECT_THAT(refused.error().message, HasSubstr("nothing was written"));
  }
  auto stream = store_->find_stream(c);
  ASSERT_TRUE(stream);
  EXPECT_FALSE(*stream);
}

TEST_P(AttachmentStoreTest, TheDatabaseItselfRefusesChangingOrRemovingAFile) {
  const std::string c = id("C-5");
  AppendRequest r = make_append(c, 0, 1);
  r.files.push_back({key('f'), "application/pdf", "%PDF-1.4 signed plan"});
  ASSERT_TRUE(store_->append(r));
  const std::string where = " WHERE stream_id = '" + c + "'";
  auto update = testing::raw_exec(url_, "UPDATE attachments SET media_type = 'text/html'" + where);
  ASSERT_TRUE(update) << "UPDATE of attachments was accepted";
  EXPECT_THAT(*update, HasSubstr("kept as uploaded"));
  auto remove = testing::raw_exec(url_, "DELETE FROM attachments" + where);
  ASSERT_TRUE(remove) << "DELETE of attachments was accepted";
  EXPECT_THAT(*remove, HasSubstr("kept as uploaded"));
  auto kept = file(c, key('f'));
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->media_type, "application/pdf");
}

INSTANTIATE_TEST_SUITE_P(Backends, AttachmentStoreTest,
                         ::testing::ValuesIn(testing::test_backends()),
                         [](const auto& param) { return param.param; });

}  // namespace
}  // namespace cinplan::store
