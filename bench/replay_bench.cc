// Replay of a national-scale synthetic event log into the case projection
// (DESIGN.md section 2): a log of N synthetic cases (bench/caseload.h, about
// 92 events each) is written into a database, then the benchmark measures
//   - a full replay (catch_up from position 0): events per second, with the
//     folding on a second thread and on the reading thread alone, beside the
//     store's own scan rate;
//   - the snapshot: its encoding and saving time and its size;
//   - start-up from the snapshot: a new connection loads it and catches up
//     over events appended after it;
//   - the memory the projection holds per case and per open case;
//   - the caseload query over every open case.
// It checks as it goes that the projection's state of sampled cases is the
// generator's (which is fold() of the case's JSON), and that the restored
// projection equals the replayed one.
//
// Usage: bench_replay [--cases N] [--db URL] [--reuse]
//   --cases  number of cases (default 400,000; --cases=2000 is a quick pass)
//   --db     sqlite:PATH or postgresql://... (default: a SQLite file in a new
//            temporary folder, removed afterwards); the database must be new
//            or empty unless --reuse is given
//   --reuse  use the log already in --db (written by an earlier run with the
//            same --cases) instead of writing it again
//
// SQLite logs are written straight into the store's schema (created by
// open_store) in large transactions, cases interleaved in blocks of 512 as a
// live log interleaves them; PostgreSQL logs through the store's append, one
// case per transaction (slower to write; the replay is what is measured).
#include <simdjson.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/case_projection.h"
#include "app/caseload.h"
#include "app/profile_catalog.h"
#include "app/projection_snapshot.h"
#include "bench/caseload.h"
#include "store/event_store.h"

namespace {

using namespace cinplan;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kRecordedAt = "2025-10-01T12:00:00.000Z";
constexpr std::size_t kBlock = 512;

double since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "bench_replay: %s\n", what.c_str());
  std::exit(1);
}

template <typename T>
T must(Result<T> r, const char* what) {
  if (!r) die(std::string(what) + ": " + r.error().message);
  return std::move(*r);
}

struct Options {
  std::size_t cases = 400'000;
  std::string url;
  bool reuse = false;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i], value;
    if (const auto eq = flag.find('='); eq != std::string::npos) {
      value = flag.substr(eq + 1);
      flag = flag.substr(0, eq);
    } else if (flag != "--reuse" && i + 1 < argc) {
      value = argv[++i];
    }
    if (flag == "--cases") {
      o.cases = std::strtoull(value.c_str(), nullptr, 10);
    } else if (flag == "--db") {
      o.url = value;
    } else if (flag == "--reuse") {
      o.reuse = true;
    } else {
      die("usage: bench_replay [--cases N] [--db URL] [--reuse]");
    }
  }
  if (o.cases == 0) die("--cases must be at least 1");
  return o;
}

// Case i as a stream: its header and its events' compact JSON.
struct CaseStream {
  std::string id, profile, header;
  std::vector<store::NewEvent> events;
};

CaseStream make_stream(const bench::CaseloadOptions& o, std::size_t i,
                       const std::vector<std::string>& profiles, simdjson::dom::parser& parser) {
  const std::string text = bench::case_history_json(o, i);
  simdjson::dom::element doc;
  if (parser.parse(text).get(doc)) die("the generator's JSON does not parse");
  CaseStream s;
  s.id = std::string(doc["case_id"].get_string().value());
  s.profile = profiles[i % profiles.size()];
  s.header = R"({"case_id":")" + s.id + R"(","child":)" + simdjson::to_string(doc["child"]) +
             R"(,"events":null})";
  for (simdjson::dom::element e : doc["events"].get_array()) {
    s.events.push_back({std::string(e["type"].get_string().value()),
                        std::string(e["date"].get_string().value()), simdjson::to_string(e)});
  }
  return s;
}

// Generates blocks of cases on `threads` threads, handed over in order.
class Generator {
 public:
  Generator(const bench::CaseloadOptions& o, std::vector<std::string> profiles, unsigned threads)
      : o_(o), profiles_(std::move(profiles)), blocks_((o.cases + kBlock - 1) / kBlock) {
    for (unsigned t = 0; t < threads; ++t) workers_.emplace_back([this] { work(); });
  }
  ~Generator() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto& w : workers_) w.join();
  }
  std::size_t blocks() const { return blocks_; }

  std::vector<CaseStream> take(std::size_t block) {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return done_.contains(block); });
    auto out = std::move(done_[block]);
    done_.erase(block);
    taken_ = block + 1;
    cv_.notify_all();
    return out;
  }

 private:
  void work() {
    simdjson::dom::parser parser;
    for (;;) {
      std::size_t block;
      {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [&] { return stop_ || next_ < taken_ + 8; });  // at most 8 ahead
        if (stop_ || next_ >= blocks_) return;
        block = next_++;
      }
      std::vector<CaseStream> cases;
      for (std::size_t i = block * kBlock; i < std::min(o_.cases, (block + 1) * kBlock); ++i)
        cases.push_back(make_stream(o_, i, profiles_, parser));
      std::lock_guard lock(mutex_);
      done_[block] = std::move(cases);
      cv_.notify_all();
    }
  }

  const bench::CaseloadOptions& o_;
  std::vector<std::string> profiles_;
  std::size_t blocks_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::size_t next_ = 0, taken_ = 0;
  std::map<std::size_t, std::vector<CaseStream>> done_;
  std::vector<std::thread> workers_;
  bool stop_ = false;
};

class SqliteWriter {
 public:
  explicit SqliteWriter(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) die("cannot open " + path);
    exec("PRAGMA synchronous = OFF");
    exec("BEGIN");
    stream_ = prepare(
        "INSERT INTO streams (id, kind, version, created, profile, header) "
        "VALUES (?1, 'cin_case', ?2, ?3, ?4, ?5)");
    event_ = prepare(
        "INSERT INTO events (stream_id, version, type, payload, event_date, recorded_at, "
        "recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'bench')");
  }
  ~SqliteWriter() {
    exec("COMMIT");
    sqlite3_finalize(stream_);
    sqlite3_finalize(event_);
    sqlite3_close(db_);
  }

  // The block's cases, their events interleaved: every case's first event,
  // then every case's second, and so on.
  void write(const std::vector<CaseStream>& block) {
    std::size_t most = 0;
    for (const CaseStream& s : block) {
      text(stream_, 1, s.id);
      sqlite3_bind_int64(stream_, 2, static_cast<sqlite3_int64>(s.events.size()));
      text(stream_, 3, kRecordedAt);
      text(stream_, 4, s.profile);
      text(stream_, 5, s.header);
      step(stream_);
      most = std::max(most, s.events.size());
    }
    for (std::size_t k = 0; k < most; ++k) {
      for (const CaseStream& s : block) {
        if (k >= s.events.size()) continue;
        text(event_, 1, s.id);
        sqlite3_bind_int64(event_, 2, static_cast<sqlite3_int64>(k + 1));
        text(event_, 3, s.events[k].type);
        text(event_, 4, s.events[k].payload);
        text(event_, 5, s.events[k].date);
        text(event_, 6, kRecordedAt);
        step(event_);
      }
    }
    if (++blocks_ % 8 == 0) {
      exec("COMMIT");
      exec("BEGIN");
    }
  }

 private:
  void exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
      die(std::string(sql) + ": " + sqlite3_errmsg(db_));
  }
  sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK) die(sqlite3_errmsg(db_));
    return s;
  }
  static void text(sqlite3_stmt* s, int i, std::string_view v) {
    sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
  void step(sqlite3_stmt* s) {
    if (sqlite3_step(s) != SQLITE_DONE) die(std::string("insert: ") + sqlite3_errmsg(db_));
    sqlite3_reset(s);
  }

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stream_ = nullptr;
  sqlite3_stmt* event_ = nullptr;
  std::size_t blocks_ = 0;
};

std::size_t write_log(const Options& opt, const bench::CaseloadOptions& o,
                      const std::vector<std::string>& profiles) {
  const bool sqlite = opt.url.starts_with("sqlite:");
  Generator gen(o, profiles, std::max(1u, std::thread::hardware_concurrency()));
  std::size_t events = 0;
  std::unique_ptr<SqliteWriter> writer;
  std::unique_ptr<store::EventStore> st;
  if (sqlite) {
    writer = std::make_unique<SqliteWriter>(opt.url.substr(7));
  } else {
    st = must(store::open_store(opt.url), "open");
  }
  for (std::size_t b = 0; b < gen.blocks(); ++b) {
    const std::vector<CaseStream> block = gen.take(b);
    for (const CaseStream& s : block) events += s.events.size();
    if (sqlite) {
      writer->write(block);
      continue;
    }
    for (const CaseStream& s : block) {
      store::AppendRequest r;
      r.stream_id = s.id;
      r.create = store::NewStream{std::string(store::kCaseStreamKind), s.profile, s.header};
      r.events = s.events;
      r.recorded_by = "bench";
      r.recorded_at = kRecordedAt;
      must(st->append(r), "append");
    }
  }
  return events;
}

std::size_t rss_bytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) return std::strtoull(line.c_str() + 6, nullptr, 10) * 1024;
  }
  return 0;
}

bool same_facts(const CaseState& a, const CaseState& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const Fact &x = a.all_facts()[i], &y = b.all_facts()[i];
    if (x.date != y.date || x.ref_date != y.ref_date || x.event != y.event || x.type != y.type ||
        x.subtype != y.subtype || x.flags != y.flags)
      return false;
  }
  return true;
}

app::CaseProjection replay(store::EventStore& st, unsigned threads, const char* label,
                           std::int64_t& events) {
  app::CaseProjection p;
  app::CatchUpOptions options;
  options.threads = threads;
  const auto t = Clock::now();
  const auto caught = must(p.catch_up(st, options), "replay");
  const double s = since(t);
  events = caught.events;
  std::printf("full replay, %-28s %11lld events in %6.2f s: %10.0f events/s\n", label,
              static_cast<long long>(caught.events), s, static_cast<double>(caught.events) / s);
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is measured
  Options opt = parse(argc, argv);
  std::optional<fs::path> temp;
  if (opt.url.empty()) {
    std::string pattern = (fs::temp_directory_path() / "cinplan-replay-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) die("cannot make a temporary folder");
    temp = pattern;
    opt.url = "sqlite:" + (*temp / "events.db").string();
  }
  const auto catalog = must(app::ProfileCatalog::load(app::default_profiles_folder()), "profiles");
  std::vector<std::string> profile_ids;
  for (const Profile& p : catalog.profiles()) profile_ids.push_back(p.id);

  bench::CaseloadOptions o;
  o.cases = opt.cases;
  std::printf("synthetic log: %zu cases as at %s, %s\n", o.cases, o.today.to_string().c_str(),
              store::redact_url(opt.url).c_str());
  {
    store::OpenOptions create;
    create.create = true;
    auto st = must(store::open_store(opt.url, create), "open");
    const std::int64_t head = must(st->head(), "head");
    if (opt.reuse && head == 0) die("--reuse: the database holds no events");
    if (!opt.reuse && head != 0) die("the database already holds events (--reuse to replay them)");
  }
  if (!opt.reuse) {
    const auto t = Clock::now();
    const std::size_t events = write_log(opt, o, profile_ids);
    const double s = since(t);
    std::printf("written: %zu events (%.1f per case) in %.1f s\n", events,
                static_cast<double>(events) / static_cast<double>(o.cases), s);
  }
  if (temp) {
    std::printf("database file: %.0f MB\n",
                static_cast<double>(fs::file_size(*temp / "events.db")) / 1e6);
  }

  auto st = must(store::open_store(opt.url), "open");
  // A first pass reads the file into the page cache; every pass after it
  // reads from memory.
  for (int pass = 0; pass < 2; ++pass) {
    std::int64_t rows = 0;
    std::size_t bytes = 0;
    const auto t = Clock::now();
    must(st->scan(0,
                  [&](const store::ScanRow& r) {
                    ++rows;
                    bytes += r.payload.size();
                  }),
         "scan");
    const double s = since(t);
    if (pass == 0) continue;
    std::printf(
        "store scan alone:                       %11lld events in %6.2f s: %10.0f events/s "
        "(%.0f bytes of payload each)\n",
        static_cast<long long>(rows), s, static_cast<double>(rows) / s,
        static_cast<double>(bytes) / static_cast<double>(rows));
  }
  std::int64_t events = 0;
  { replay(*st, 1, "folding on the reading thread", events); }
  const std::size_t rss_before = rss_bytes();
  app::CaseProjection p = replay(*st, 2, "folding on a second thread", events);
  const std::size_t rss_after = rss_bytes();

  // The projection's states are the generator's (fold() of the JSON).
  const std::size_t step = std::max<std::size_t>(1, o.cases / 500);
  for (std::size_t i = 0; i < o.cases; i += step) {
    const app::CaseEntry* e = p.find("SYN-" + std::to_string(i));
    const CaseState made = bench::generate_case(o, i);
    // A log reused from an earlier run has a visit more in some cases.
    if (opt.reuse && e != nullptr && e->version > static_cast<std::int64_t>(made.size())) continue;
    if (e == nullptr || !same_facts(e->state, made))
      die("case SYN-" + std::to_string(i) + " is not the generator's");
  }

  std::size_t open = 0;
  for (const app::CaseEntry& e : p.entries()) open += !app::closed_as_at(e.state, o.today);
  const std::size_t bytes = p.memory_bytes();
  std::printf(
      "projection memory: %.0f MB (%.0f MB more resident): %.0f bytes per case, %.0f per "
      "open case (%zu of %zu open)\n",
      static_cast<double>(bytes) / 1e6,
      static_cast<double>(rss_after > rss_before ? rss_after - rss_before : 0) / 1e6,
      static_cast<double>(bytes) / static_cast<double>(p.size()),
      static_cast<double>(bytes) / static_cast<double>(open), open, p.size());

  {
    auto t = Clock::now();
    const store::Snapshot encoded = app::encode_snapshot(p);
    const double encode_s = since(t);
    std::size_t size = 0;
    for (const std::string& c : encoded.chunks) size += c.size();
    t = Clock::now();
    const auto saved = must(app::save_snapshot(*st, p), "save snapshot");
    std::printf(
        "snapshot: %.1f MB in %zu chunks (%.1f bytes per fact); encoded in %.2f s, encoded "
        "and saved in %.2f s\n",
        static_cast<double>(saved.bytes) / 1e6, saved.chunks,
        static_cast<double>(size) / static_cast<double>(events), encode_s, since(t));
  }

  // Events after the snapshot: a visit to each of 1,000 open cases.
  std::size_t extra = 0;
  for (const app::CaseEntry& e : p.entries()) {
    if (extra == 1000) break;
    if (app::closed_as_at(e.state, o.today)) continue;
    store::AppendRequest r;
    r.stream_id = e.id;
    r.expected_version = e.version;
    r.events.push_back({"visit", o.today.to_string(),
                        R"({"type":"visit","date":")" + o.today.to_string() +
                            R"(","child_seen":true,"location":"home"})"});
    r.recorded_by = "bench";
    r.recorded_at = kRecordedAt;
    must(st->append(r), "append after the snapshot");
    ++extra;
  }
  st.reset();

  {
    // Where the start-up time goes: reading the snapshot, then decoding it.
    auto fresh = must(store::open_store(opt.url), "open");
    auto t = Clock::now();
    auto snapshot = must(fresh->load_snapshot(app::kCaseProjectionSnapshot), "load snapshot");
    const double read_s = since(t);
    if (!snapshot) die("no snapshot saved");
    t = Clock::now();
    auto decoded = must(app::decode_snapshot(*snapshot), "decode snapshot");
    std::printf("snapshot read from the store in %.2f s, decoded in %.2f s\n", read_s, since(t));
  }
  {
    const auto t = Clock::now();
    auto fresh = must(store::open_store(opt.url), "open");
    app::CaseProjection q;
    const auto restored = must(app::restore_projection(*fresh, q), "restore");
    const double s = since(t);
    if (!restored.snapshot.used) die("the snapshot was not used: " + restored.snapshot.why_not);
    if (restored.caught.events != static_cast<std::int64_t>(extra))
      die("the restore caught up " + std::to_string(restored.caught.events) + " events, not " +
          std::to_string(extra));
    std::printf("start-up from the snapshot: open, load %.1f MB, catch up %lld events: %.2f s\n",
                static_cast<double>(restored.snapshot.bytes) / 1e6,
                static_cast<long long>(restored.caught.events), s);
    for (std::size_t i = 0; i < o.cases; i += step) {
      const std::string id = "SYN-" + std::to_string(i);
      const app::CaseEntry* a = p.find(id);
      const app::CaseEntry* b = q.find(id);
      if (b == nullptr || a->child_name != b->child_name || q.profile(*b) != p.profile(*a) ||
          (b->version == a->version && !same_facts(a->state, b->state)))
        die("case " + id + " restored from the snapshot differs from the replay");
    }

    const auto tq = Clock::now();
    const auto load = app::caseload(q, catalog, o.today);
    std::printf("caseload query: %zu open cases, %zu with overdue items, in %.2f s\n",
                load.cases.size(), load.with_overdue, since(tq));
  }
  if (temp) fs::remove_all(*temp);
  return 0;
}
