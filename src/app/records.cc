#include "app/records.h"

#include <algorithm>

#include "app/case_export.h"
#include "core/casefile/corrections.h"
#include "core/casefile/plan_fold.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

std::string text(const json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Who has a part in the case, from its events in order: the latest
// allocation and IRO, restriction, the agencies whose sharing consent
// stands, and the plan's actions still to do.
CaseParts parts_of(const CaseHistory& history) {
  CaseParts parts;
  // Until it is allocated, a case is its registering team's.
  parts.team = text(history.document, "team");
  // The record as corrected: a struck-out allocation allocates nothing.
  auto corrected = CorrectedRecord::of(history);
  std::vector<const Event*> events;
  if (corrected) {
    for (const auto& entry : corrected->entries()) events.push_back(entry.event);
  } else {
    for (const Event& e : history.events) events.push_back(&e);
  }
  PlanFold plan;
  for (const Event* event : events) {
    plan.apply(*event);
    const Event& e = *event;
    const std::string_view type = e.type_id();
    const json& b = e.body;
    if (type == "worker_allocated") {
      parts.worker = text(b, "worker");
      parts.worker_username = text(b, "username");
      parts.team = text(b, "team");
    } else if (type == "iro_allocated") {
      parts.iro = text(b, "iro");
      parts.iro_username = text(b, "username");
    } else if (type == "case_restricted") {
      parts.restricted = true;
    } else if (type == "restriction_lifted") {
      parts.restricted = false;
    } else if ((type == "consent" || type == "consent_withdrawn") &&
               text(b, "scope") == "information_sharing") {
      const std::string agency = text(b, "agency");
      if (agency.empty()) continue;
      auto& list = parts.shared_with;
      list.erase(std::remove(list.begin(), list.end(), agency), list.end());
      if (type == "consent" && e.bool_field("given")) list.push_back(agency);
    }
  }
  for (const PlanItem& a : plan.actions()) {
    if (a.state != PlanItemState::kOpen || a.agreed == nullptr) continue;
    const json& b = a.agreed->body;
    parts.open_actions.push_back(
        OpenAction{a.id, text(b, "text"), text(b, "owner"), text(b, "by_date")});
  }
  return parts;
}

void refresh(CaseRecord& record) {
  record.state = fold(record.history);
  record.parts = parts_of(record.history);
}

}  // namespace

const CaseRecord* Records::View::find(std::string_view id) const {
  auto it = cases.find(std::string(id));
  return it == cases.end() ? nullptr : &it->second;
}

Records::Records() = default;
Records::~Records() = default;

std::int64_t Records::position() const {
  std::shared_lock lock(mutex_);
  return position_;
}

Result<void> Records::apply(const store::StreamInfo* stream, const store::ScanRow& row) {
  const std::string id(row.stream_id);
  auto it = cases_.find(id);
  if (it == cases_.end()) {
    // A case new to this view: its header now, its events as they come.
    if (stream == nullptr)
      return std::unexpected(Error{ErrorCode::kInternal, "no stream row for case " + id, {}});
    auto history = history_from_stream(*stream, {});
    if (!history) return std::unexpected(history.error());
    CaseRecord record;
    record.id = id;
    record.profile = stream->profile;
    record.history = std::move(*history);
    auto demo = record.history.document.find("demo");
    record.demo = demo != record.history.document.end() && demo->is_boolean() && demo->get<bool>();
    it = cases_.emplace(id, std::move(record)).first;
  }
  CaseRecord& record = it->second;
  if (row.version != record.version + 1) {
    return std::unexpected(Error{ErrorCode::kInternal,
                                 "event " + std::to_string(row.version) + " of case " + id +
                                     " does not follow version " + std::to_string(record.version),
                                 {}});
  }
  json body = json::parse(row.payload, nullptr, false);
  auto event = parse_event(std::move(body));
  if (!event) {
    return std::unexpected(Error{ErrorCode::kInternal,
                                 "event " + std::to_string(row.version) + " of case " + id +
                                     " does not read back: " + event.error().message,
                                 {}});
  }
  record.history.events.push_back(std::move(*event));
  record.recorded.push_back({std::string(row.recorded_by), std::string(row.recorded_at)});
  record.version = row.version;
  return {};
}

Result<std::int64_t> Records::catch_up(store::EventStore& store) {
  std::lock_guard serial(catching_up_);
  std::int64_t from = 0;
  {
    std::shared_lock lock(mutex_);
    from = position_;
  }
  auto head = store.head();
  if (!head) return std::unexpected(head.error());
  if (*head <= from) return from;
  // Rows are copied out of the scan first: the headers of new cases are read
  // from the store, which a scan in progress must not be interleaved with.
  struct Row {
    std::int64_t sequence, version;
    std::string stream, type, date, payload, recorded_at, recorded_by;
  };
  std::vector<Row> rows;
  auto scanned = store.scan(from, [&](const store::ScanRow& r) {
    rows.push_back({r.sequence, r.version, std::string(r.stream_id), std::string(r.type),
                    std::string(r.date), std::string(r.payload), std::string(r.recorded_at),
                    std::string(r.recorded_by)});
  });
  if (!scanned) return std::unexpected(scanned.error());
  // The headers of the cases new to this view, read before taking the lock.
  std::unordered_map<std::string, store::StreamInfo> new_streams;
  {
    std::shared_lock lock(mutex_);
    for (const Row& r : rows) {
      if (cases_.count(r.stream) || new_streams.count(r.stream)) continue;
      auto stream = store.find_stream(r.stream);
      if (!stream) return std::unexpected(stream.error());
      if (*stream) new_streams.emplace(r.stream, **stream);
    }
  }
  std::unique_lock lock(mutex_);
  std::vector<std::string> changed;
  for (const Row& r : rows) {
    const store::ScanRow row{r.sequence, r.stream,  r.version,     r.type,
                             r.date,     r.payload, r.recorded_at, r.recorded_by};
    auto header = new_streams.find(r.stream);
    const store::StreamInfo* stream = header == new_streams.end() ? nullptr : &header->second;
    if (auto ok = apply(stream, row); !ok) return std::unexpected(ok.error());
    const bool described = projection_.find(r.stream) != nullptr;
    if (auto ok = projection_.apply(row); !ok) return std::unexpected(ok.error());
    if (!described && stream) projection_.describe(*stream);
    if (changed.empty() || changed.back() != r.stream) changed.push_back(r.stream);
    position_ = r.sequence;
  }
  // Each changed case is folded once, however many of its events came.
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  for (const std::string& id : changed) refresh(cases_.at(id));
  return position_;
}

access::CaseAccess case_access(const CaseRecord& record, bool granted) {
  access::CaseAccess a;
  a.case_id = record.id;
  a.worker = record.parts.worker_username;
  a.team = record.parts.team;
  a.iro = record.parts.iro_username;
  a.restricted = record.parts.restricted;
  a.granted = granted;
  a.shared_with = record.parts.shared_with;
  return a;
}

}  // namespace cinplan::app
