// Durable appends per second: N writer threads, each with its own connection,
// each appending to cases of its own (one event per append, as a worker
// recording a visit does), for a fixed time. Every append is a committed,
// synced transaction. bench/append-vs-pgbench runs this against SQLite and a
// throwaway PostgreSQL beside `pgbench -b tpcb-like` on the same server.
//
// Usage: bench_append --db URL [--writers N] [--seconds S] [--cases-per-writer K]
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "store/event_store.h"

namespace {

namespace store = cinplan::store;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string url;
  int writers = 1;
  double seconds = 10;
  int cases_per_writer = 20;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--db")
      o.url = value;
    else if (flag == "--writers")
      o.writers = std::atoi(value.c_str());
    else if (flag == "--seconds")
      o.seconds = std::atof(value.c_str());
    else if (flag == "--cases-per-writer")
      o.cases_per_writer = std::atoi(value.c_str());
    else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      std::exit(2);
    }
  }
  if (o.url.empty() || o.writers < 1 || o.seconds <= 0 || o.cases_per_writer < 1) {
    std::fprintf(stderr,
                 "usage: bench_append --db URL [--writers N] [--seconds S] "
                 "[--cases-per-writer K]\n");
    std::exit(2);
  }
  return o;
}

std::string visit(int n) {
  return R"({"type":"visit","date":"2025-04-02","child_seen":true,"seen_alone":)" +
         std::string(n % 2 ? "true" : "false") +
         R"(,"location":"home","announced":false,"rooms_seen":["bathroom","kitchen","bedroom"]})";
}

// Appends until `stop`; returns the number of appends, or -1 on an error.
long run_writer(const Options& o, int writer, const std::string& run,
                const std::atomic<bool>& stop) {
  auto opened = store::open_store(o.url, {.create = true});
  if (!opened) {
    std::fprintf(stderr, "writer %d: %s\n", writer, opened.error().describe().c_str());
    return -1;
  }
  auto& log = **opened;
  std::vector<std::int64_t> versions(o.cases_per_writer, 0);
  long appends = 0;
  for (int n = 0; !stop.load(std::memory_order_relaxed); ++n) {
    const int k = n % o.cases_per_writer;
    store::AppendRequest request;
    request.stream_id = "bench-" + run + "-" + std::to_string(writer) + "-" + std::to_string(k);
    request.expected_version = versions[k];
    request.events = {{"visit", "2025-04-02", visit(n)}};
    request.recorded_by = "bench";
    request.recorded_at = "2026-11-22T10:00:00.000Z";
    if (versions[k] == 0)
      request.create = store::NewStream{.profile = "cin-plans-and-reviews",
                                        .header = R"({"case_id":")" + request.stream_id + R"("})"};
    auto appended = log.append(request);
    if (!appended) {
      std::fprintf(stderr, "writer %d: %s\n", writer, appended.error().describe().c_str());
      return -1;
    }
    versions[k] = appended->version;
    ++appends;
  }
  return appends;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  const std::string run = std::to_string(Clock::now().time_since_epoch().count() % 1000000007);
  std::atomic<bool> stop = false;
  std::vector<long> counts(o.writers, 0);
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  for (int w = 0; w < o.writers; ++w)
    threads.emplace_back([&, w] { counts[w] = run_writer(o, w, run, stop); });
  std::this_thread::sleep_for(std::chrono::duration<double>(o.seconds));
  stop = true;
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  long total = 0;
  for (long c : counts) {
    if (c < 0) return 1;
    total += c;
  }
  std::printf("%s: %d writer(s), %ld durable appends in %.1f s = %.0f appends/s\n",
              store::redact_url(o.url).c_str(), o.writers, total, elapsed,
              static_cast<double>(total) / elapsed);
  return 0;
}
