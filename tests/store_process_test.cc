// Whole processes writing to the event log: killed with SIGKILL at random
// moments (crash safety), and racing on one case with stale versions
// (multi-process concurrency). Runs on SQLite always and on PostgreSQL when
// CINPLAN_TEST_POSTGRES_URL is set (tests/with-postgres sets it).
//
// What must hold after any number of crashes: every append the store
// acknowledged is present with the sequence numbers it was given; each
// stream's versions run 1..N without gaps and its recorded version is N; the
// global sequence strictly increases; the log can be read from the start.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "store/event_store.h"

extern char** environ;

namespace cinplan::store {
namespace {

struct Ack {
  std::string stream;
  std::int64_t version = 0;
  std::int64_t first_sequence = 0;
  std::int64_t last_sequence = 0;
};

// One cinplan_store_writer process with its stdout on a pipe.
class Writer {
 public:
  Writer(const std::string& url, const std::string& stream, int appends, bool stale) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<std::string> args = {CINPLAN_STORE_WRITER, url, stream, std::to_string(appends)};
    if (stale) args.push_back("stale");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0)
      throw std::runtime_error("cannot start the writer");
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    out_ = fds[0];
  }
  ~Writer() {
    if (pid_ > 0) kill_now();
    if (out_ >= 0) ::close(out_);
  }

  void kill_now() {
    ::kill(pid_, SIGKILL);
    finish();
  }
  // Reads the rest of the output and waits; the exit status.
  int finish() {
    char buffer[4096];
    for (ssize_t n; (n = ::read(out_, buffer, sizeof buffer)) > 0;) text_.append(buffer, n);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }

  std::vector<Ack> acks() const {
    std::vector<Ack> out;
    std::istringstream lines(text_);
    for (std::string word; lines >> word;) {
      if (word == "ack") {
        Ack a;
        lines >> a.stream >> a.version >> a.first_sequence >> a.last_sequence;
        out.push_back(a);
      } else if (word == "conflict") {
        std::string stream, version;
        lines >> stream >> version;
      }
    }
    return out;
  }
  int conflicts() const {
    int n = 0;
    for (std::size_t at = 0; (at = text_.find("conflict ", at)) != std::string::npos; ++at) ++n;
    return n;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string text_;
};

std::unique_ptr<EventStore> open_or_fail(const std::string& url) {
  auto opened = open_store(url, {.create = true});
  if (!opened) throw std::runtime_error(opened.error().describe());
  return std::move(*opened);
}

// Checks the log's invariants and that every acknowledged append is there.
void expect_consistent(const std::string& url, const std::vector<Ack>& acks,
                       const std::vector<std::string>& streams) {
  auto log = open_or_fail(url);
  std::map<std::string, std::map<std::int64_t, std::int64_t>>
      sequence_of;  // stream → version → seq
  for (const auto& stream : streams) {
    // A killed writer's last commit may still land on the server after the
    // kill (PostgreSQL finishes a transaction whose COMMIT it received): the
    // stream is read until its version holds still across the read of its
    // events, then the two must agree.
    Result<std::optional<StreamInfo>> info;
    Result<std::vector<StoredEvent>> events;
    for (int attempt = 0; attempt < 100; ++attempt) {
      info = log->find_stream(stream);
      ASSERT_TRUE(info) << info.error().describe();
      if (!*info) break;
      events = log->read_stream(stream);
      ASSERT_TRUE(events) << events.error().describe();
      auto again = log->find_stream(stream);
      ASSERT_TRUE(again && *again) << stream;
      if ((*again)->version == (*info)->version) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!*info) continue;  // killed before the stream was created
    ASSERT_EQ(static_cast<std::int64_t>(events->size()), (*info)->version) << stream;
    for (std::size_t i = 0; i < events->size(); ++i) {
      const auto& e = (*events)[i];
      ASSERT_EQ(e.version, static_cast<std::int64_t>(i + 1)) << stream << ": a gap in versions";
      ASSERT_EQ(e.type, "case_note_added");
      ASSERT_TRUE(e.payload.starts_with('{') && e.payload.ends_with('}')) << e.payload;
      if (i > 0) {
        ASSERT_GT(e.sequence, (*events)[i - 1].sequence);
      }
      sequence_of[stream][e.version] = e.sequence;
    }
  }
  for (const auto& ack : acks) {
    const auto& versions = sequence_of[ack.stream];
    const auto count = ack.last_sequence - ack.first_sequence + 1;
    const auto last = versions.find(ack.version);
    ASSERT_NE(last, versions.end())
        << "acknowledged " << ack.stream << " v" << ack.version << " is missing";
    EXPECT_EQ(last->second, ack.last_sequence);
    const auto first = versions.find(ack.version - count + 1);
    ASSERT_NE(first, versions.end());
    EXPECT_EQ(first->second, ack.first_sequence);
  }
  std::int64_t previous = 0;
  std::size_t rows = 0;
  auto scanned = log->scan(0, [&](const ScanRow& row) {
    EXPECT_GT(row.sequence, previous);
    previous = row.sequence;
    ++rows;
  });
  ASSERT_TRUE(scanned) << scanned.error().describe();
  std::size_t acknowledged = 0;
  for (const auto& ack : acks)
    acknowledged += static_cast<std::size_t>(ack.last_sequence - ack.first_sequence + 1);
  EXPECT_GE(rows, acknowledged);
}

// A scratch folder for the SQLite database, removed when the tests end.
struct ScratchDir {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("cinplan-process-" + std::to_string(::getpid()));
  ScratchDir() { std::filesystem::create_directories(path); }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

// The backend names are fixed so that the test list does not depend on the
// environment at build time (ctest lists tests when they are built); the
// PostgreSQL cases skip when no server was started for them.
std::string url_for(const std::string& backend) {
  static const ScratchDir dir;
  if (backend == "sqlite") return "sqlite:" + (dir.path / "log.db").string();
  const char* pg = std::getenv("CINPLAN_TEST_POSTGRES_URL");
  return pg ? pg : "";
}

std::string unique_prefix() {
  return "P" + std::to_string(::getpid()) + "-" +
         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count() % 1000000007);
}

int crash_rounds() {
  const char* rounds = std::getenv("CINPLAN_CRASH_ROUNDS");
  return rounds ? std::atoi(rounds) : 50;
}

class StoreProcessTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    url_ = url_for(GetParam());
    if (url_.empty())
      GTEST_SKIP() << "CINPLAN_TEST_POSTGRES_URL is not set (see tests/with-postgres)";
  }
  std::string url_;
};

TEST_P(StoreProcessTest, AcknowledgedAppendsSurviveSigkill) {
  const std::string& url = url_;
  const std::string prefix = unique_prefix();
  const std::vector<std::string> streams = {prefix + "-A", prefix + "-B"};
  std::mt19937 random(20261122);
  std::vector<Ack> acks;
  for (int round = 0; round < crash_rounds(); ++round) {
    // Every third round two writers race on one case, so kills also land
    // while a conflict is being handled.
    std::vector<std::unique_ptr<Writer>> writers;
    writers.push_back(std::make_unique<Writer>(url, streams[0], 100000, round % 3 == 0));
    if (round % 3 == 0) writers.push_back(std::make_unique<Writer>(url, streams[0], 100000, true));
    if (round % 2 == 1) writers.push_back(std::make_unique<Writer>(url, streams[1], 100000, false));
    std::this_thread::sleep_for(std::chrono::milliseconds(5 + random() % 120));
    for (auto& w : writers) {
      w->kill_now();
      for (const auto& a : w->acks()) acks.push_back(a);
    }
    ASSERT_NO_FATAL_FAILURE(expect_consistent(url, acks, streams)) << "after round " << round;
  }
  EXPECT_GT(acks.size(), 0u) << "no writer got as far as one append";
}

TEST_P(StoreProcessTest, RacingProcessesLoseNothing) {
  const std::string& url = url_;
  const std::string stream = unique_prefix() + "-race";
  constexpr int kProcesses = 4, kAppends = 25;
  std::vector<std::unique_ptr<Writer>> writers;
  for (int i = 0; i < kProcesses; ++i)
    writers.push_back(std::make_unique<Writer>(url, stream, kAppends, true));
  std::vector<Ack> acks;
  int conflicts = 0;
  for (auto& w : writers) {
    const int status = w->finish();
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a writer failed";
    for (const auto& a : w->acks()) acks.push_back(a);
    conflicts += w->conflicts();
  }
  ASSERT_EQ(acks.size(), static_cast<std::size_t>(kProcesses * kAppends));
  // Each acknowledged append owns its versions: together they tile 1..N.
  std::int64_t events = 0;
  std::map<std::int64_t, int> owner;
  for (const auto& a : acks) {
    const auto count = a.last_sequence - a.first_sequence + 1;
    events += count;
    for (auto v = a.version - count + 1; v <= a.version; ++v) ++owner[v];
  }
  for (const auto& [version, owners] : owner) EXPECT_EQ(owners, 1) << "version " << version;
  auto log = open_or_fail(url);
  auto info = log->find_stream(stream);
  ASSERT_TRUE(info && *info);
  EXPECT_EQ((*info)->version, events);
  EXPECT_GT(conflicts, 0) << "stale writers never collided; the race was not exercised";
  ASSERT_NO_FATAL_FAILURE(expect_consistent(url, acks, {stream}));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreProcessTest,
                         ::testing::Values(std::string("sqlite"), std::string("postgresql")),
                         [](const ::testing::TestParamInfo<std::string>& backend) {
                           return backend.param;
                         });

}  // namespace
}  // namespace cinplan::store
