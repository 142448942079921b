#include "app/projection_snapshot.h"

#include <algorithm>
#include <cstring>
#include <thread>

namespace cinplan::app {

// The projection's internals, for the codec only.
struct ProjectionAccess {
  static void set_position(CaseProjection& p, std::int64_t position) { p.position_ = position; }
  static std::uint32_t intern(CaseProjection& p, std::string_view name) { return p.intern(name); }
  static std::size_t name_count(const CaseProjection& p) { return p.names_.size(); }
  // `n` empty cases, for the decoding threads to fill in place.
  static void resize(CaseProjection& p, std::size_t n) { p.entries_.resize(n); }
  static CaseEntry& at(CaseProjection& p, std::size_t i) { return p.entries_[i]; }
  // Indexes the filled cases; false when an id repeats.
  static bool index(CaseProjection& p) { return p.index_all(); }
};

namespace {

constexpr char kMagic[8] = {'C', 'I', 'N', 'P', 'R', 'O', 'J', '\n'};
// Version 1: the layout described in projection_snapshot.h.
constexpr std::uint32_t kFormatVersion = 1;

// 64-bit FNV-1a, for the registry fingerprint.
struct Fnv {
  std::uint64_t h = 14695981039346656037ull;
  void add(std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xFF) * 1099511628211ull;  // a separator no text contains
  }
  void add(std::uint64_t v) { add(std::string_view(reinterpret_cast<const char*>(&v), sizeof v)); }
};

// The checksum of the encoded bytes: four independent multiply-rotate lanes
// over 8-byte words (gigabytes a second), then the tail.
std::uint64_t checksum(std::string_view bytes) {
  constexpr std::uint64_t kPrime = 0x9E3779B97F4A7C15ull;
  std::uint64_t lane[4] = {1, 2, 3, 4};
  std::size_t i = 0;
  auto word = [&](std::size_t at) {
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + at, 8);
    return w;
  };
  for (; i + 32 <= bytes.size(); i += 32) {
    for (int k = 0; k < 4; ++k) {
      lane[k] = (lane[k] ^ word(i + 8 * static_cast<std::size_t>(k))) * kPrime;
      lane[k] = (lane[k] << 31) | (lane[k] >> 33);
    }
  }
  std::uint64_t h = bytes.size();
  for (std::uint64_t l : lane) h = ((h ^ l) * kPrime) ^ (h >> 29);
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * kPrime;
  return h ^ (h >> 32);
}

class Writer {
 public:
  std::string out;

  void raw(const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }
  void u64(std::uint64_t v) { raw(&v, 8); }
  void varint(std::uint64_t v) {
    char buf[10];
    std::size_t n = 0;
    while (v >= 0x80) {
      buf[n++] = static_cast<char>(v | 0x80);
      v >>= 7;
    }
    buf[n++] = static_cast<char>(v);
    out.append(buf, n);
  }
  void zigzag(std::int64_t v) {
    varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void text(std::string_view s) {
    varint(s.size());
    out.append(s);
  }
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}

  bool ok() const { return ok_; }
  bool at_end() const { return p_ == end_; }

  void raw(void* dst, std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n) return fail();
    std::memcpy(dst, p_, n);
    p_ += n;
  }
  std::uint64_t u64() {
    std::uint64_t v = 0;
    raw(&v, 8);
    return v;
  }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) {
        fail();
        return 0;
      }
      const auto b = static_cast<unsigned char>(*p_++);
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (b < 0x80) return v;
    }
    fail();
    return 0;
  }
  std::int64_t zigzag() {
    const std::uint64_t v = varint();
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
  }
  // The next n bytes.
  std::string_view take(std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n) {
      fail();
      return {};
    }
    std::string_view s(p_, n);
    p_ += n;
    return s;
  }
  std::string_view text() {
    const std::uint64_t n = varint();
    if (static_cast<std::uint64_t>(end_ - p_) < n) {
      fail();
      return {};
    }
    std::string_view s(p_, n);
    p_ += n;
    return s;
  }
  std::uint8_t byte() {
    if (p_ == end_) {
      fail();
      return 0;
    }
    return static_cast<std::uint8_t>(*p_++);
  }

 private:
  void fail() {
    ok_ = false;
    p_ = end_;
  }
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

bool fits_i32(std::int64_t v) {
  return v >= std::numeric_limits<std::int32_t>::min() &&
         v <= std::numeric_limits<std::int32_t>::max();
}

// Facts are written in the state's order (type, date, event): the type as a
// step from the previous fact's, the date as a difference from the previous
// fact's, the reference date as a difference from the fact's own date (0 for
// none), then event, subtype and flags.
void write_facts(Writer& w, const CaseState& state) {
  const auto facts = state.all_facts();
  w.varint(facts.size());
  std::int64_t type = 0, date = 0;
  for (const Fact& f : facts) {
    w.varint(static_cast<std::uint64_t>(f.type - type));
    w.zigzag(f.date - date);
    if (f.ref_date == kNoDate) {
      w.varint(0);
    } else {
      const std::int64_t d = static_cast<std::int64_t>(f.ref_date) - f.date;
      w.varint((static_cast<std::uint64_t>(d) << 1 ^ static_cast<std::uint64_t>(d >> 63)) + 1);
    }
    w.varint(f.event);
    w.out.push_back(static_cast<char>(f.subtype));
    w.varint(f.flags);
    type = f.type;
    date = f.date;
  }
}

Result<CaseState> read_facts(Reader& r, std::int64_t version) {
  auto bad = [](const std::string& why) { return std::unexpected(Error::bad_input(why)); };
  const std::uint64_t n = r.varint();
  if (!r.ok() || n > 0xFFFF || n > static_cast<std::uint64_t>(version))
    return bad("a case holds more facts than events");
  const std::size_t types = event_types().size();
  std::vector<Fact> facts(n);
  std::int64_t type = 0, date = 0;
  for (Fact& f : facts) {
    type += static_cast<std::int64_t>(r.varint());
    date += r.zigzag();
    const std::uint64_t ref = r.varint();
    const std::uint64_t event = r.varint();
    f.subtype = r.byte();
    const std::uint64_t flags = r.varint();
    if (!r.ok()) return bad("it is truncated");
    if (type < 0 || static_cast<std::size_t>(type) >= types || !fits_i32(date) ||
        event >= static_cast<std::uint64_t>(version) || flags > 0xFFFF) {
      return bad("a fact is out of range");
    }
    f.type = static_cast<EventTypeId>(type);
    f.date = static_cast<std::int32_t>(date);
    if (ref != 0) {
      const std::uint64_t z = ref - 1;
      const std::int64_t d = static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
      if (!fits_i32(date + d)) return bad("a fact is out of range");
      f.ref_date = static_cast<std::int32_t>(date + d);
    }
    f.event = static_cast<std::uint32_t>(event);
    f.flags = static_cast<std::uint16_t>(flags);
  }
  return CaseState::from_facts(std::move(facts));
}

}  // namespace

std::uint64_t registry_fingerprint() {
  Fnv h;
  h.add(std::uint64_t{kFormatVersion});
  h.add(std::uint64_t{sizeof(Fact)});
  h.add(std::uint64_t{CaseState::kMaxTypes});
  for (const EventTypeSpec& t : event_types()) {
    h.add(t.id);
    for (const FieldSpec& f : t.fields) {
      h.add(f.name);
      h.add(std::uint64_t{static_cast<std::uint8_t>(f.kind)});
      for (std::string_view v : f.values) h.add(v);
    }
    h.add(t.fact.subtype_field);
    h.add(t.fact.ref_date_field);
    for (std::string_view flag : t.fact.flags) h.add(flag);
  }
  return h.h;
}

namespace {

// Cases are coded in parts that encode and decode on threads of their own.
constexpr std::size_t kCasesPerPart = 4096;
constexpr std::size_t kMaxParts = 2;

void write_case(Writer& w, const CaseEntry& e) {
  w.text(e.id);
  w.text(e.child_name);
  w.varint(e.profile);
  w.varint(static_cast<std::uint64_t>(e.version));
  w.out.push_back(e.described ? 1 : 0);
  w.varint(e.allocations.size());
  for (const Allocation& a : e.allocations) {
    w.varint(a.event);
    w.zigzag(a.date);
    w.varint(a.worker);
    w.varint(a.team);
  }
  write_facts(w, e.state);
}

Result<void> read_case(Reader& r, CaseEntry& e, std::uint64_t names) {
  auto damaged = [&] {
    return std::unexpected(Error::bad_input("the snapshot is damaged at case " + e.id));
  };
  e.id = r.text();
  e.child_name = r.text();
  const std::uint64_t profile = r.varint();
  e.version = static_cast<std::int64_t>(r.varint());
  e.described = r.byte() != 0;
  const std::uint64_t allocations = r.varint();
  if (!r.ok()) return std::unexpected(Error::bad_input("the snapshot is truncated"));
  if (profile >= names || allocations > static_cast<std::uint64_t>(e.version)) return damaged();
  e.profile = static_cast<std::uint32_t>(profile);
  e.allocations.resize(allocations);
  for (Allocation& a : e.allocations) {
    const std::uint64_t event = r.varint();
    const std::int64_t date = r.zigzag();
    const std::uint64_t worker = r.varint(), team = r.varint();
    if (event >= static_cast<std::uint64_t>(e.version) || !fits_i32(date) || worker >= names ||
        team >= names)
      return damaged();
    a.event = static_cast<std::uint32_t>(event);
    a.date = static_cast<std::int32_t>(date);
    a.worker = static_cast<std::uint32_t>(worker);
    a.team = static_cast<std::uint32_t>(team);
  }
  auto state = read_facts(r, e.version);
  if (!state) return std::unexpected(state.error().within("the snapshot's case " + e.id));
  e.state = std::move(*state);
  return {};
}

// Runs part(k) for k in [0, parts), the last on this thread.
template <typename F>
void in_parallel(std::size_t parts, const F& part) {
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k + 1 < parts; ++k) threads.emplace_back(part, k);
  part(parts - 1);
  for (std::thread& t : threads) t.join();
}

}  // namespace

store::Snapshot encode_snapshot(const CaseProjection& projection, std::size_t chunk_bytes,
                                std::size_t parts) {
  Writer w;
  w.raw(kMagic, sizeof kMagic);
  const std::uint32_t format = kFormatVersion;
  w.raw(&format, 4);
  w.u64(registry_fingerprint());
  w.u64(static_cast<std::uint64_t>(projection.position()));
  const std::size_t names = ProjectionAccess::name_count(projection);
  w.varint(names);
  for (std::uint32_t i = 1; i < names; ++i) w.text(projection.name(i));

  const std::size_t cases = projection.size();
  if (parts == 0) parts = std::clamp<std::size_t>(cases / kCasesPerPart, 1, kMaxParts);
  std::vector<Writer> coded(parts);
  in_parallel(parts, [&](std::size_t k) {
    const std::size_t from = cases * k / parts, to = cases * (k + 1) / parts;
    coded[k].out.reserve((to - from) * 768);
    for (std::size_t i = from; i < to; ++i) write_case(coded[k], projection.entries()[i]);
  });
  w.varint(parts);
  for (std::size_t k = 0; k < parts; ++k) {
    w.varint(cases * (k + 1) / parts - cases * k / parts);
    w.varint(coded[k].out.size());
  }
  std::size_t total = w.out.size() + 8;
  for (const Writer& c : coded) total += c.out.size();
  w.out.reserve(total);
  for (Writer& c : coded) {
    w.out += c.out;
    std::string().swap(c.out);
  }
  w.u64(checksum(w.out));

  store::Snapshot snapshot;
  snapshot.position = projection.position();
  const std::size_t step = std::max<std::size_t>(chunk_bytes, 1);
  for (std::size_t at = 0; at < w.out.size(); at += step)
    snapshot.chunks.push_back(w.out.substr(at, step));
  return snapshot;
}

Result<CaseProjection> decode_snapshot(const store::Snapshot& snapshot) {
  auto bad = [](const std::string& why) {
    return std::unexpected(Error::bad_input("the snapshot " + why));
  };
  std::string bytes;
  std::size_t total = 0;
  for (const std::string& c : snapshot.chunks) total += c.size();
  bytes.reserve(total);
  for (const std::string& c : snapshot.chunks) bytes += c;
  if (bytes.size() < sizeof kMagic + 4 + 8 + 8 + 8 ||
      std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return bad("is not a case projection snapshot");
  }
  std::uint64_t sum = 0;
  std::memcpy(&sum, bytes.data() + bytes.size() - 8, 8);
  const std::string_view body(bytes.data(), bytes.size() - 8);
  Reader r(body.substr(sizeof kMagic));
  std::uint32_t format = 0;
  r.raw(&format, 4);
  if (format != kFormatVersion) {
    return bad("has format version " + std::to_string(format) + "; this build reads version " +
               std::to_string(kFormatVersion));
  }
  if (r.u64() != registry_fingerprint())
    return bad("was made by a build with a different event registry");
  if (checksum(body) != sum) return bad("fails its checksum");
  const auto position = static_cast<std::int64_t>(r.u64());
  if (position != snapshot.position || position < 0)
    return bad("position does not match its progress row");

  CaseProjection p;
  ProjectionAccess::set_position(p, position);
  const std::uint64_t names = r.varint();
  for (std::uint64_t i = 1; i < names && r.ok(); ++i) {
    if (ProjectionAccess::intern(p, r.text()) != i) return bad("repeats a name");
  }
  const std::uint64_t parts = r.varint();
  if (!r.ok() || parts < 1 || parts > 64) return bad("is damaged in its table of parts");
  struct Part {
    std::size_t first = 0, cases = 0, size = 0;
    std::string_view bytes;
    Result<void> result;
  };
  std::vector<Part> part(parts);
  std::size_t cases = 0;
  for (Part& pt : part) {
    pt.first = cases;
    pt.cases = r.varint();
    pt.size = r.varint();
    if (!r.ok() || pt.cases > body.size() || pt.size > body.size())
      return bad("is damaged in its table of parts");
    cases += pt.cases;
  }
  for (Part& pt : part) {
    pt.bytes = r.take(pt.size);
    if (!r.ok()) return bad("is truncated");
  }
  if (!r.at_end()) return bad("has bytes after its last case");

  ProjectionAccess::resize(p, cases);
  in_parallel(parts, [&](std::size_t k) {
    Reader pr(part[k].bytes);
    for (std::size_t i = 0; i < part[k].cases; ++i) {
      part[k].result = read_case(pr, ProjectionAccess::at(p, part[k].first + i), names);
      if (!part[k].result) return;
    }
    if (!pr.at_end()) part[k].result = bad("has bytes after a part's last case");
  });
  for (const Part& pt : part) {
    if (!pt.result) return std::unexpected(pt.result.error());
  }
  if (!ProjectionAccess::index(p)) return bad("repeats a case");
  return p;
}

Result<SnapshotSaved> save_snapshot(store::EventStore& store, const CaseProjection& projection,
                                    std::string_view name) {
  store::Snapshot snapshot = encode_snapshot(projection);
  SnapshotSaved saved;
  for (const std::string& c : snapshot.chunks) saved.bytes += c.size();
  saved.chunks = snapshot.chunks.size();
  if (auto ok = store.save_snapshot(name, snapshot); !ok) return std::unexpected(ok.error());
  return saved;
}

Result<SnapshotLoaded> load_snapshot(store::EventStore& store, CaseProjection& projection,
                                     std::string_view name) {
  SnapshotLoaded loaded;
  auto snapshot = store.load_snapshot(name);
  if (!snapshot) return std::unexpected(snapshot.error());
  if (!*snapshot) {
    loaded.why_not = "no snapshot";
    return loaded;
  }
  for (const std::string& c : (*snapshot)->chunks) loaded.bytes += c.size();
  auto head = store.head();
  if (!head) return std::unexpected(head.error());
  if ((*snapshot)->position > *head) {
    loaded.why_not = "the snapshot is ahead of the log (position " +
                     std::to_string((*snapshot)->position) + ", head " + std::to_string(*head) +
                     ")";
    return loaded;
  }
  auto decoded = decode_snapshot(**snapshot);
  if (!decoded) {
    loaded.why_not = decoded.error().message;
    return loaded;
  }
  projection = std::move(*decoded);
  loaded.used = true;
  return loaded;
}

Result<Restored> restore_projection(store::EventStore& store, CaseProjection& projection,
                                    const CatchUpOptions& options, std::string_view name) {
  Restored restored;
  auto loaded = load_snapshot(store, projection, name);
  if (!loaded) return std::unexpected(loaded.error());
  restored.snapshot = std::move(*loaded);
  if (restored.snapshot.used) {
    restored.snapshot_position = projection.position();
    auto caught = projection.catch_up(store, options);
    if (caught) {
      restored.caught = *caught;
      return restored;
    }
    if (caught.error().code != ErrorCode::kInternal) return std::unexpected(caught.error());
    // The log does not follow on from the snapshot: replay it all.
    restored.snapshot.used = false;
    restored.snapshot.why_not =
        "the log does not follow on from the snapshot (" + caught.error().message + ")";
    restored.snapshot_position = 0;
  }
  projection.clear();
  auto caught = projection.catch_up(store, options);
  if (!caught) return std::unexpected(caught.error());
  restored.caught = *caught;
  return restored;
}

}  // namespace cinplan::app
