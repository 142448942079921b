#include "app/case_projection.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

namespace cinplan::app {
namespace {

// The parser accepts at most 60000 events in a case, and a CaseState holds
// at most 65535 facts.
constexpr std::int64_t kMaxEvents = 60000;
constexpr std::int64_t kProgressEvery = 65536;
constexpr std::int64_t kTwoThreadsFrom = 50000;
// More new cases than this are described from one list_streams() call
// rather than one find_stream() each.
constexpr std::size_t kListStreamsFrom = 256;

Error broken(std::string message) {
  return Error{ErrorCode::kInternal, std::move(message), {}};
}

std::size_t heap_bytes(const std::string& s) {
  // libstdc++ keeps up to 15 characters inside the string itself.
  return s.capacity() > 15 ? s.capacity() + 1 : 0;
}

// The worker and team a worker_allocated event (or a correction's
// replacement of one) names; empty when not given.
struct Names {
  std::string worker;
  std::string team;
};

Result<Names> allocation_names(std::string_view payload, bool in_replacement) {
  using json = nlohmann::json;
  json doc = json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object())
    return std::unexpected(broken("the payload is not a JSON object"));
  const json* event = &doc;
  if (in_replacement) {
    auto it = doc.find("replacement");
    if (it == doc.end() || !it->is_object())
      return std::unexpected(broken("the correction has no replacement"));
    event = &*it;
  }
  Names names;
  if (auto w = event->find("worker"); w != event->end() && w->is_string())
    names.worker = w->get<std::string>();
  if (auto t = event->find("team"); t != event->end() && t->is_string())
    names.team = t->get<std::string>();
  return names;
}

std::string child_name_of(std::string_view header) {
  using json = nlohmann::json;
  json doc = json::parse(header, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return {};
  auto child = doc.find("child");
  if (child == doc.end() || !child->is_object()) return {};
  auto name = child->find("name");
  return name != child->end() && name->is_string() ? name->get<std::string>() : std::string();
}

}  // namespace

const Allocation* CaseEntry::allocation_on(std::int32_t day) const {
  const Allocation* best = nullptr;
  for (const Allocation& a : allocations) {
    if (a.date > day) continue;
    if (best == nullptr || a.date > best->date || (a.date == best->date && a.event > best->event))
      best = &a;
  }
  return best;
}

const Allocation* CaseEntry::latest_allocation() const {
  return allocation_on(std::numeric_limits<std::int32_t>::max());
}

// Hands rows from the reading thread (inside store.scan) to the folding
// thread in batches: the row's bytes are copied into a batch's buffer, which
// is reused, so steady state allocates nothing.
struct CaseProjection::Folder {
  struct Row {
    std::int64_t sequence = 0;
    std::int64_t version = 0;
    std::uint32_t offset = 0;  // stream id, then type, then payload, in `bytes`
    std::uint32_t stream_size = 0;
    std::uint32_t type_size = 0;
    std::uint32_t payload_size = 0;
  };
  struct Batch {
    std::vector<Row> rows;
    std::string bytes;
  };
  static constexpr std::size_t kRows = 4096;
  static constexpr std::size_t kBytes = 2 << 20;
  static constexpr std::size_t kBatches = 4;

  std::mutex mutex;
  std::condition_variable ready;             // a full batch or the end
  std::condition_variable freed;             // an empty batch
  std::vector<std::unique_ptr<Batch>> full;  // FIFO: the front is the oldest
  std::vector<std::unique_ptr<Batch>> empty;
  std::unique_ptr<Batch> current;
  bool end = false;
  std::atomic<bool> failed{false};

  Folder() {
    for (std::size_t i = 0; i < kBatches; ++i) {
      auto b = std::make_unique<Batch>();
      b->rows.reserve(kRows);
      b->bytes.reserve(kBytes + 4096);
      empty.push_back(std::move(b));
    }
    current = std::move(empty.back());
    empty.pop_back();
  }

  // On the reading thread.
  void add(const store::ScanRow& r) {
    Batch& b = *current;
    Row row{r.sequence,
            r.version,
            static_cast<std::uint32_t>(b.bytes.size()),
            static_cast<std::uint32_t>(r.stream_id.size()),
            static_cast<std::uint32_t>(r.type.size()),
            static_cast<std::uint32_t>(r.payload.size())};
    b.bytes.append(r.stream_id).append(r.type).append(r.payload);
    b.rows.push_back(row);
    if (b.rows.size() >= kRows || b.bytes.size() >= kBytes) hand_over();
  }

  void hand_over() {
    std::unique_lock lock(mutex);
    full.push_back(std::move(current));
    ready.notify_one();
    freed.wait(lock, [&] { return !empty.empty(); });
    current = std::move(empty.back());
    empty.pop_back();
  }

  void finish() {
    std::lock_guard lock(mutex);
    if (!current->rows.empty()) full.push_back(std::move(current));
    end = true;
    ready.notify_one();
  }

  // On the folding thread: the next batch, or null at the end.
  std::unique_ptr<Batch> next() {
    std::unique_lock lock(mutex);
    ready.wait(lock, [&] { return !full.empty() || end; });
    if (full.empty()) return nullptr;
    auto b = std::move(full.front());
    full.erase(full.begin());
    return b;
  }

  void give_back(std::unique_ptr<Batch> b) {
    b->rows.clear();
    b->bytes.clear();
    std::lock_guard lock(mutex);
    empty.push_back(std::move(b));
    freed.notify_one();
  }
};

CaseProjection::CaseProjection() : allocated_type_(*find_event_type("worker_allocated")) {
  names_.emplace_back();
  name_index_.emplace(names_.front(), 0);
}
CaseProjection::~CaseProjection() = default;
CaseProjection::CaseProjection(CaseProjection&&) noexcept = default;
CaseProjection& CaseProjection::operator=(CaseProjection&&) noexcept = default;

void CaseProjection::clear() {
  *this = CaseProjection();
}

const CaseEntry* CaseProjection::find(std::string_view case_id) const {
  const std::uint32_t i = find_index(case_id);
  return i == CaseEntry::kNone ? nullptr : &entries_[i];
}

std::uint32_t CaseProjection::find_index(std::string_view id) const {
  if (slots_.empty()) return CaseEntry::kNone;
  const std::uint64_t h = std::hash<std::string_view>{}(id);
  const std::uint64_t tag = h & 0xFFFFFFFF00000000ull;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t s = h & mask;; s = (s + 1) & mask) {
    const std::uint64_t slot = slots_[s];
    if (slot == 0) return CaseEntry::kNone;
    if ((slot & 0xFFFFFFFF00000000ull) == tag) {
      const auto i = static_cast<std::uint32_t>(slot - tag - 1);
      if (entries_[i].id == id) return i;
    }
  }
}

std::uint32_t CaseProjection::add_entry(std::string_view id) {
  const auto i = static_cast<std::uint32_t>(entries_.size());
  entries_.emplace_back().id = id;
  auto place = [this](std::uint32_t index) {
    const std::uint64_t h = std::hash<std::string_view>{}(entries_[index].id);
    const std::size_t mask = slots_.size() - 1;
    std::size_t s = h & mask;
    while (slots_[s] != 0) s = (s + 1) & mask;
    slots_[s] = (h & 0xFFFFFFFF00000000ull) | (index + 1u);
  };
  if (2 * entries_.size() > slots_.size()) {
    // Sizes are powers of two: the mask must keep every low bit.
    slots_.assign(std::bit_ceil(std::max<std::size_t>(64, 4 * entries_.size())), 0);
    for (std::uint32_t k = 0; k < entries_.size(); ++k) place(k);
  } else {
    place(i);
  }
  return i;
}

std::uint32_t CaseProjection::intern(std::string_view name) {
  auto it = name_index_.find(name);
  if (it != name_index_.end()) return it->second;
  const auto i = static_cast<std::uint32_t>(names_.size());
  names_.emplace_back(name);
  name_index_.emplace(names_.back(), i);
  return i;
}

bool CaseProjection::index_all() {
  slots_.assign(std::bit_ceil(std::max<std::size_t>(64, 4 * entries_.size())), 0);
  undescribed_.clear();
  const std::size_t mask = slots_.size() - 1;
  for (std::uint32_t k = 0; k < entries_.size(); ++k) {
    if (find_index(entries_[k].id) != CaseEntry::kNone) return false;
    const std::uint64_t h = std::hash<std::string_view>{}(entries_[k].id);
    std::size_t s = h & mask;
    while (slots_[s] != 0) s = (s + 1) & mask;
    slots_[s] = (h & 0xFFFFFFFF00000000ull) | (k + 1u);
    if (!entries_[k].described) undescribed_.push_back(k);
  }
  return true;
}

std::uint32_t CaseProjection::entry_for(std::string_view id) {
  if (last_entry_ != CaseEntry::kNone && entries_[last_entry_].id == id) return last_entry_;
  if (const std::uint32_t found = find_index(id); found != CaseEntry::kNone)
    return last_entry_ = found;
  const std::uint32_t i = add_entry(id);
  undescribed_.push_back(i);
  return last_entry_ = i;
}

std::vector<Fact>& CaseProjection::pending_for(CaseEntry& entry, std::uint32_t index) {
  if (entry.pending == CaseEntry::kNone) {
    entry.pending = static_cast<std::uint32_t>(pending_entries_.size());
    pending_entries_.push_back(index);
    if (pending_.size() < pending_entries_.size()) pending_.emplace_back();
  }
  return pending_[entry.pending];
}

Result<void> CaseProjection::fold_row(std::uint32_t e, std::int64_t sequence, std::int64_t version,
                                      std::string_view type, std::string_view payload) {
  CaseEntry& entry = entries_[e];
  if (version != entry.version + 1) {
    return std::unexpected(broken(
        "case " + entry.id + ": the log gives event " + std::to_string(version) + " (sequence " +
        std::to_string(sequence) + ") after event " + std::to_string(entry.version)));
  }
  if (version > kMaxEvents) {
    return std::unexpected(broken("case " + entry.id + " has more than " +
                                  std::to_string(kMaxEvents) +
                                  " events, more than a case may hold"));
  }
  const auto index = static_cast<std::uint32_t>(version - 1);
  auto update = reader_.read(type, payload, index);
  if (!update) return std::unexpected(update.error().within("case " + entry.id));
  // Everything that can fail is read before anything changes.
  const bool allocates =
      update->kind != FactUpdate::Kind::kStrike && update->fact.type == allocated_type_;
  Names names;
  if (allocates) {
    auto read = allocation_names(payload, update->kind == FactUpdate::Kind::kReplace);
    if (!read) return std::unexpected(read.error().within("case " + entry.id));
    names = std::move(*read);
  }
  if (update->kind == FactUpdate::Kind::kAdd) {
    pending_for(entry, e).push_back(update->fact);
    if (allocates) {
      entry.allocations.push_back(
          {index, update->fact.date, intern(names.worker), intern(names.team)});
    }
  } else {
    pending_for(entry, e);
    corrections_.emplace_back(e, *update);
    // The corrected event's allocation, if it was one, goes; a replacement
    // that is an allocation takes its place.
    std::erase_if(entry.allocations,
                  [&](const Allocation& a) { return a.event == update->target; });
    if (allocates) {
      const Allocation a{update->target, update->fact.date, intern(names.worker),
                         intern(names.team)};
      entry.allocations.insert(
          std::upper_bound(
              entry.allocations.begin(), entry.allocations.end(), a,
              [](const Allocation& x, const Allocation& y) { return x.event < y.event; }),
          a);
    }
  }
  entry.version = version;
  position_ = sequence;
  ++applied_;
  return {};
}

Result<void> CaseProjection::apply(const store::ScanRow& row) {
  if (row.sequence <= position_) {
    return std::unexpected(broken("event " + std::to_string(row.sequence) +
                                  " is not after the projection's position " +
                                  std::to_string(position_)));
  }
  auto ok = fold_row(entry_for(row.stream_id), row.sequence, row.version, row.type, row.payload);
  settle(1);
  return ok;
}

void CaseProjection::settle(unsigned threads) {
  // Corrections are kept apart from new facts. Applying a case's new facts
  // first and then its corrections in log order gives what applying every
  // update in log order gives: a correction names an event before it (whose
  // fact is therefore already added), and no new fact is of an event a
  // correction names.
  std::vector<std::vector<FactUpdate>> corrections(corrections_.empty() ? 0
                                                                        : pending_entries_.size());
  for (const auto& [e, update] : corrections_) corrections[entries_[e].pending].push_back(update);

  auto fold_range = [&](std::size_t from, std::size_t to) {
    std::vector<FactUpdate> updates;
    for (std::size_t k = from; k < to; ++k) {
      CaseEntry& entry = entries_[pending_entries_[k]];
      std::vector<Fact>& adds = pending_[k];
      if (!corrections.empty() && !corrections[k].empty()) {
        updates.clear();
        for (const Fact& f : adds) updates.push_back({FactUpdate::Kind::kAdd, f.event, f});
        updates.insert(updates.end(), corrections[k].begin(), corrections[k].end());
        entry.state = apply_updates(entry.state, updates);
      } else if (entry.state.size() == 0) {
        if (adds.capacity() - adds.size() > adds.size() / 8) adds.shrink_to_fit();
        entry.state = CaseState::from_facts(std::move(adds));
      } else {
        std::vector<Fact> facts;
        facts.reserve(entry.state.size() + adds.size());
        facts.assign(entry.state.all_facts().begin(), entry.state.all_facts().end());
        facts.insert(facts.end(), adds.begin(), adds.end());
        entry.state = CaseState::from_facts(std::move(facts));
      }
      std::vector<Fact>().swap(adds);
      entry.pending = CaseEntry::kNone;
    }
  };
  const std::size_t n = pending_entries_.size();
  if (threads > 1 && n > 1024) {
    std::thread other(fold_range, n / 2, n);
    fold_range(0, n / 2);
    other.join();
  } else {
    fold_range(0, n);
  }
  pending_entries_.clear();
  corrections_.clear();
  if (pending_.capacity() > 4096) std::vector<std::vector<Fact>>().swap(pending_);
}

void CaseProjection::describe(const store::StreamInfo& stream) {
  const std::uint32_t i = find_index(stream.id);
  if (i == CaseEntry::kNone) return;
  CaseEntry& e = entries_[i];
  e.profile = intern(stream.profile);
  e.child_name = child_name_of(stream.header);
  e.described = true;
}

Result<void> CaseProjection::describe_new(store::EventStore& store) {
  if (undescribed_.empty()) return {};
  if (undescribed_.size() >= kListStreamsFrom) {
    auto streams = store.list_streams();
    if (!streams) return std::unexpected(streams.error());
    for (const store::StreamInfo& s : *streams) {
      const std::uint32_t i = find_index(s.id);
      if (i != CaseEntry::kNone && !entries_[i].described) describe(s);
    }
  } else {
    for (std::uint32_t i : undescribed_) {
      if (entries_[i].described) continue;
      auto stream = store.find_stream(entries_[i].id);
      if (!stream) return std::unexpected(stream.error());
      if (*stream) describe(**stream);
    }
  }
  std::erase_if(undescribed_, [&](std::uint32_t i) { return entries_[i].described; });
  if (!undescribed_.empty()) {
    return std::unexpected(broken("case " + entries_[undescribed_.front()].id +
                                  " has events in the log but no stream"));
  }
  return {};
}

Result<CatchUpResult> CaseProjection::catch_up(store::EventStore& store,
                                               const CatchUpOptions& options) {
  auto head = store.head();
  if (!head) return std::unexpected(head.error());
  std::int64_t due = std::max<std::int64_t>(0, *head - position_);
  if (options.limit > 0) due = std::min(due, static_cast<std::int64_t>(options.limit));
  const unsigned threads = options.threads != 0 ? options.threads : due > kTwoThreadsFrom ? 2 : 1;
  const std::int64_t start = position_;
  const std::size_t cases_before = entries_.size();
  const std::int64_t applied_before = applied_;

  std::int64_t read = 0;
  auto report = [&] {
    if (options.progress && ++read % kProgressEvery == 0) options.progress(read, due);
  };
  std::optional<Error> failure;
  Result<std::int64_t> scanned = start;
  if (threads <= 1) {
    scanned = store.scan(
        position_,
        [&](const store::ScanRow& row) {
          if (failure) return;
          auto ok =
              fold_row(entry_for(row.stream_id), row.sequence, row.version, row.type, row.payload);
          if (!ok) failure = ok.error();
          report();
        },
        options.limit);
  } else {
    Folder folder;
    std::thread folding([&] {
      while (auto batch = folder.next()) {
        for (const Folder::Row& r : batch->rows) {
          if (failure) break;
          const char* p = batch->bytes.data() + r.offset;
          const std::string_view stream(p, r.stream_size);
          const std::string_view type(p + r.stream_size, r.type_size);
          const std::string_view payload(p + r.stream_size + r.type_size, r.payload_size);
          auto ok = fold_row(entry_for(stream), r.sequence, r.version, type, payload);
          if (!ok) {
            failure = ok.error();
            folder.failed = true;
          }
        }
        folder.give_back(std::move(batch));
      }
    });
    scanned = store.scan(
        position_,
        [&](const store::ScanRow& row) {
          if (folder.failed.load(std::memory_order_relaxed)) return;
          folder.add(row);
          report();
        },
        options.limit);
    folder.finish();
    folding.join();
  }
  settle(threads);
  if (options.progress && read % kProgressEvery != 0) options.progress(read, due);
  if (failure) return std::unexpected(*failure);
  if (!scanned) return std::unexpected(scanned.error());
  if (auto ok = describe_new(store); !ok) return std::unexpected(ok.error());
  return CatchUpResult{applied_ - applied_before, position_, entries_.size() - cases_before};
}

Result<void> CaseProjection::follow(
    store::EventStore& store, std::stop_token stop,
    const std::function<void(const CaseProjection&, const CatchUpResult&)>& updated,
    std::chrono::milliseconds wait) {
  while (!stop.stop_requested()) {
    auto caught = catch_up(store);
    if (!caught) return std::unexpected(caught.error());
    if (caught->events > 0 && updated) updated(*this, *caught);
    if (stop.stop_requested()) break;
    auto waited = store.wait_for_events(position_, wait);
    if (!waited) return std::unexpected(waited.error());
  }
  return {};
}

std::size_t CaseProjection::memory_bytes() const {
  std::size_t bytes = sizeof(*this);
  for (const CaseEntry& e : entries_) {
    bytes += sizeof(CaseEntry) + heap_bytes(e.id) + heap_bytes(e.child_name) +
             e.allocations.capacity() * sizeof(Allocation) + e.state.size() * sizeof(Fact);
  }
  // A node of the name index: the key and value, the next pointer and the
  // cached hash; plus one bucket pointer per bucket.
  constexpr std::size_t kNode =
      sizeof(std::pair<const std::string_view, std::uint32_t>) + 2 * sizeof(void*);
  bytes += slots_.capacity() * sizeof(std::uint64_t);
  bytes += name_index_.bucket_count() * sizeof(void*) + name_index_.size() * kNode;
  for (const std::string& n : names_) bytes += sizeof(std::string) + heap_bytes(n);
  return bytes;
}

}  // namespace cinplan::app
