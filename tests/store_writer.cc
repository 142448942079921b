// A process that appends to the event log until it is stopped, for the crash
// and multi-process concurrency tests (store_process_test.cc). After each
// append the store acknowledged it writes one line to stdout, unbuffered:
//
//   ack STREAM VERSION FIRST_SEQUENCE LAST_SEQUENCE
//   conflict STREAM EXPECTED_VERSION
//
// Usage: cinplan_store_writer URL STREAM APPENDS [stale]
//   Appends APPENDS times (1 to 3 events each) to STREAM, creating it when
//   missing. With "stale", the writer keeps appending with the version it read
//   before its last pause, so that concurrent writers collide; every conflict
//   is reported and followed by a fresh read. Exit 0 when done, 1 on any error
//   other than a conflict.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>

#include "store/event_store.h"

namespace {

using cinplan::ErrorCode;
namespace store = cinplan::store;

void say(const std::string& line) {
  std::string out = line + "\n";
  const char* p = out.data();
  std::size_t left = out.size();
  while (left > 0) {
    const ssize_t n = ::write(STDOUT_FILENO, p, left);
    if (n <= 0) std::_Exit(1);
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

store::NewEvent note(const std::string& stream, int n) {
  const std::string text =
      "note " + std::to_string(n) + " by process " + std::to_string(::getpid());
  return {"case_note_added", "2025-04-09",
          R"({"type":"case_note_added","date":"2025-04-09","heading":")" + stream +
              R"(","text":")" + text + R"("})"};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: cinplan_store_writer URL STREAM APPENDS [stale]\n");
    return 2;
  }
  const std::string url = argv[1];
  const std::string stream = argv[2];
  const long appends = std::strtol(argv[3], nullptr, 10);
  const bool stale = argc > 4 && std::string(argv[4]) == "stale";

  auto opened = store::open_store(url, {.create = true});
  if (!opened) {
    std::fprintf(stderr, "%s\n", opened.error().describe().c_str());
    return 1;
  }
  store::EventStore& log = **opened;
  std::mt19937 random(static_cast<unsigned>(::getpid()));

  std::int64_t known = -1;  // the version this writer believes the stream is at
  int made = 0;
  for (long done = 0; done < appends;) {
    if (known < 0) {
      auto info = log.find_stream(stream);
      if (!info) {
        std::fprintf(stderr, "%s\n", info.error().describe().c_str());
        return 1;
      }
      known = *info ? (*info)->version : 0;
    }
    store::AppendRequest request;
    request.stream_id = stream;
    request.expected_version = known;
    request.recorded_by = "store-writer";
    request.recorded_at = "2026-11-22T10:00:00.000Z";
    if (known == 0)
      request.create = store::NewStream{.profile = "cin-plans-and-reviews",
                                        .header = R"({"case_id":")" + stream + R"("})"};
    const int count = 1 + static_cast<int>(random() % 3);
    for (int i = 0; i < count; ++i) request.events.push_back(note(stream, ++made));
    if (stale) std::this_thread::sleep_for(std::chrono::microseconds(random() % 2000));

    auto appended = log.append(request);
    if (!appended) {
      if (appended.error().code == ErrorCode::kConflict) {
        say("conflict " + stream + " " + std::to_string(known));
        known = -1;
        continue;
      }
      std::fprintf(stderr, "%s\n", appended.error().describe().c_str());
      return 1;
    }
    say("ack " + stream + " " + std::to_string(appended->version) + " " +
        std::to_string(appended->first_sequence) + " " + std::to_string(appended->last_sequence));
    known = appended->version;
    ++done;
  }
  return 0;
}
