#include "bench/caseload.h"

#include <algorithm>
#include <thread>

#include "bench/case_builder.h"
#include "bench/case_json.h"
#include "core/casefile/case_history.h"
#include "core/casefile/event_types.h"

namespace cinplan::bench {
namespace {

using namespace detail;
using json = nlohmann::ordered_json;

bool same_fact(const Fact& a, const Fact& b) {
  return a.date == b.date && a.ref_date == b.ref_date && a.event == b.event && a.type == b.type &&
         a.subtype == b.subtype && a.flags == b.flags;
}

std::string describe(const Fact& f) {
  auto d = [](std::int32_t x) { return x == kNoDate ? std::string("-") : day(x); };
  return std::string(event_type(f.type).id) + " event " + std::to_string(f.event) + " date " +
         d(f.date) + " ref " + d(f.ref_date) + " subtype " + std::to_string(f.subtype) + " flags " +
         std::to_string(f.flags);
}

}  // namespace

Date default_today() {
  return *Date::from_ymd(2025, 10, 1);
}

void CaseloadStats::add(const CaseloadStats& o) {
  cases += o.cases;
  facts += o.facts;
  closed += o.closed;
  disability += o.disability;
  direct_payments += o.direct_payments;
  supervision_orders += o.supervision_orders;
  orders_extended += o.orders_extended;
  moved_in += o.moved_in;
  consent_withdrawn += o.consent_withdrawn;
  meetings += o.meetings;
  visits += o.visits;
  visits_not_seen += o.visits_not_seen;
}

std::size_t Caseload::state_bytes() const {
  std::size_t n = cases.size() * sizeof(CaseState);
  for (const CaseState& s : cases) n += s.size() * sizeof(Fact);
  return n;
}

CaseState generate_case(const CaseloadOptions& options, std::size_t index, CaseloadStats* stats) {
  std::vector<Ev> events;
  CaseloadStats local;
  make_events(options, index, events, stats != nullptr ? *stats : local);
  CaseState s = to_state(events);
  if (stats != nullptr) {
    ++stats->cases;
    stats->facts += s.size();
  }
  return s;
}

Caseload generate_caseload(const CaseloadOptions& options, unsigned threads) {
  Caseload load;
  load.today = options.today;
  load.cases.resize(options.cases);
  threads = std::max(1u, threads);
  std::vector<CaseloadStats> stats(threads);
  auto work = [&](unsigned t) {
    std::vector<Ev> events;
    events.reserve(512);
    const std::size_t from = options.cases * t / threads;
    const std::size_t to = options.cases * (t + 1) / threads;
    for (std::size_t i = from; i < to; ++i) {
      make_events(options, i, events, stats[t]);
      load.cases[i] = to_state(events);
      ++stats[t].cases;
      stats[t].facts += load.cases[i].size();
    }
  };
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work, t);
  }
  for (const CaseloadStats& s : stats) load.stats.add(s);
  return load;
}

std::string case_history_json(const CaseloadOptions& options, std::size_t index) {
  std::vector<Ev> events;
  CaseloadStats stats;
  const CaseChild child = make_events(options, index, events, stats);
  json doc;
  const std::string n = std::to_string(index);
  doc["case_id"] = "SYN-" + n;
  doc["child"] = {{"id", "P-" + n},
                  {"name", "Synthetic Child " + n},
                  {"date_of_birth", day(child.date_of_birth)}};
  json& list = doc["events"] = json::array();
  for (const Ev& e : events) list.push_back(event_json(e));
  return doc.dump(2) + "\n";
}

Result<void> verify_against_fold(const CaseloadOptions& options, std::size_t count) {
  auto mismatch = [](std::size_t i, const std::string& what) {
    return std::unexpected(
        Error{ErrorCode::kInternal, "case " + std::to_string(i) + ": " + what, {}});
  };
  for (std::size_t i = 0; i < count; ++i) {
    const CaseState made = generate_case(options, i);
    auto history = parse_case_history(case_history_json(options, i));
    if (!history) return mismatch(i, "the JSON does not parse: " + history.error().describe());
    const CaseState folded = fold(*history);
    const auto a = made.all_facts();
    const auto b = folded.all_facts();
    if (a.size() != b.size()) {
      return mismatch(i, "generator made " + std::to_string(a.size()) + " facts, fold " +
                             std::to_string(b.size()));
    }
    for (std::size_t k = 0; k < a.size(); ++k) {
      if (!same_fact(a[k], b[k])) {
        return mismatch(i, "fact " + std::to_string(k) + ": generator " + describe(a[k]) +
                               "; fold " + describe(b[k]));
      }
    }
    for (std::size_t t = 0; t < event_types().size(); ++t) {
      const auto type = static_cast<EventTypeId>(t);
      if (made.facts(type).size() != folded.facts(type).size() ||
          (!made.facts(type).empty() &&
           made.facts(type).data() - a.data() != folded.facts(type).data() - b.data())) {
        return mismatch(i, "type ranges differ at " + std::string(event_type(type).id));
      }
    }
  }
  return {};
}

}  // namespace cinplan::bench
