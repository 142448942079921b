// Writing an output file: whole or not at all, through a temporary file that
// never outlives the call, and never over a protected file however it is
// named (another spelling of its path, a symbolic link, a hard link).
#include "app/output_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "store/store_test_support.h"

namespace cinplan::app {
namespace {

namespace fs = std::filesystem;
using store::testing::TempDir;

std::string contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void put(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(OutputFile, WritesTheWholeTextAndLeavesNoTemporaryFile) {
  TempDir dir;
  const fs::path out = dir.path() / "case.json";
  const std::string text = std::string(1 << 20, 'x') + "\n";
  ASSERT_TRUE(write_file_atomically(out, text));
  EXPECT_EQ(contents(out), text);
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"case.json"});
  ASSERT_TRUE(write_file_atomically(out, ""));
  EXPECT_EQ(contents(out), "");
}

TEST(OutputFile, ReplacesAFileKeepingItsPermissions) {
  TempDir dir;
  const fs::path out = dir.path() / "case.json";
  put(out, "old text that is longer than the new");
  fs::permissions(out, fs::perms::owner_read | fs::perms::owner_write);
  ASSERT_TRUE(write_file_atomically(out, "new"));
  EXPECT_EQ(contents(out), "new");
  EXPECT_EQ(fs::status(out).permissions(), fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"case.json"});
}

TEST(OutputFile, AProtectedFileIsRefusedHoweverItIsNamed) {
  TempDir dir;
  const fs::path db = dir.path() / "ow.db";
  put(db, "the database");
  const std::vector<ProtectedFile> kept = {
      {db, "a file of the database sqlite:ow.db"},
      {dir.path() / "ow.db-wal", "a file of the database sqlite:ow.db"}};
  fs::create_directory(dir.path() / "sub");
  fs::create_symlink(db, dir.path() / "link.json");
  fs::create_symlink("ow.db-wal", dir.path() / "dangling.json");  // names a file not there yet
  fs::create_hard_link(db, dir.path() / "hard.json");
  fs::create_symlink(dir.path(), dir.path() / "again");
  for (const fs::path& out :
       {db, dir.path() / "." / "ow.db", dir.path() / "sub" / ".." / "ow.db",
        dir.path() / "link.json", dir.path() / "hard.json", dir.path() / "again" / "ow.db",
        dir.path() / "ow.db-wal", dir.path() / "dangling.json"}) {
    SCOPED_TRACE(out.string());
    auto written = write_file_atomically(out, "{}", kept);
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().code, ErrorCode::kBadInput);
    const bool wal = out.filename() == "ow.db-wal" || out.filename() == "dangling.json";
    EXPECT_EQ(written.error().message,
              "cannot write " + out.string() + ": it is " + (dir.path() / "ow.db").string() +
                  (wal ? "-wal" : "") +
                  ", a file of the database sqlite:ow.db; nothing was written");
    EXPECT_EQ(check_output_path(out, kept).error().message, written.error().message);
  }
  EXPECT_EQ(contents(db), "the database");
  EXPECT_FALSE(fs::exists(dir.path() / "ow.db-wal"));
  EXPECT_EQ(names_in(dir.path()), (std::vector<std::string>{"again", "dangling.json", "hard.json",
                                                            "link.json", "ow.db", "sub"}));
  // Any other file may be written.
  EXPECT_TRUE(check_output_path(dir.path() / "ow.json", kept));
}

TEST(OutputFile, ASymbolicLinkIsFollowed) {
  TempDir dir;
  fs::create_directory(dir.path() / "real");
  put(dir.path() / "real" / "case.json", "old");
  fs::create_symlink(dir.path() / "real" / "case.json", dir.path() / "link.json");
  ASSERT_TRUE(write_file_atomically(dir.path() / "link.json", "new"));
  EXPECT_TRUE(fs::is_symlink(dir.path() / "link.json"));
  EXPECT_EQ(contents(dir.path() / "real" / "case.json"), "new");
  EXPECT_EQ(names_in(dir.path() / "real"), std::vector<std::string>{"case.json"});
}

TEST(OutputFile, AFolderOrAMissingFolderIsRefused) {
  TempDir dir;
  auto folder = write_file_atomically(dir.path(), "x");
  ASSERT_FALSE(folder);
  EXPECT_EQ(folder.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(folder.error().message,
            "cannot write " + dir.path().string() + ": it is a folder; nothing was written");
  const fs::path nowhere = dir.path() / "none" / "case.json";
  auto missing = write_file_atomically(nowhere, "x");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().message, "cannot write " + nowhere.string() + ": the folder " +
                                         (dir.path() / "none").string() +
                                         " does not exist; nothing was written");
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

// A folder the user cannot write in: the old file stays as it was and no
// temporary file is left (as nobody when the test runs as root).
TEST(OutputFile, AnUnwritableFolderLeavesTheOldFileAsItWas) {
  TempDir dir;
  const fs::path out = dir.path() / "case.json";
  put(out, "old");
  fs::permissions(out, fs::perms::all);  // the file may be written; the folder may not
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  if (geteuid() != 0) fs::permissions(dir.path(), fs::perms::owner_write, fs::perm_options::remove);
  const std::string outcome = store::testing::as_unprivileged([&] {
    auto written = write_file_atomically(out, "new");
    if (written) return std::string("written");
    return std::string(to_string(written.error().code)) + ": " + written.error().message;
  });
  fs::permissions(dir.path(), fs::perms::owner_all, fs::perm_options::add);
  if (outcome == "cannot drop privileges") GTEST_SKIP() << outcome;
  EXPECT_EQ(outcome, "unavailable: cannot write " + out.string() +
                         ": could not make a new file in the folder " + dir.path().string() +
                         " (Permission denied); nothing was written");
  EXPECT_EQ(contents(out), "old");
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"case.json"});
}

}  // namespace
}  // namespace cinplan::app
