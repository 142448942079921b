#include "app/demo_draft.h"

#include <algorithm>
#include <numeric>

#include "app/demo_conform.h"
#include "core/obligations/matching.h"
#include "core/obligations/obligations.h"

namespace cinplan::app {

Result<void> DemoDraft::add(nlohmann::ordered_json event, bool musts_only) {
  if (auto ok = conform_to_constraints(*profile_, event, musts_only); !ok)
    return std::unexpected(ok.error());
  auto parsed = parse_event(std::move(event));
  if (!parsed) {
    return std::unexpected(
        Error{ErrorCode::kInternal,
              "the demo made an event the registry refuses: " + parsed.error().message,
              {}});
  }
  facts_.push_back(to_fact(*parsed, static_cast<std::uint32_t>(events_.size())));
  events_.push_back(std::move(*parsed));
  return {};
}

std::vector<Obligation> DemoDraft::obligations(Date today) const {
  return cinplan::obligations(*profile_, state(), today);
}

PathwaySet DemoDraft::pathways(Date day) const {
  return active_pathways(state(), day);
}

const Event* DemoDraft::latest(std::string_view type, std::optional<Date> day) const {
  const Event* out = nullptr;
  for (const Event& e : events_) {
    if (e.type_id() != type || (day && e.date > *day)) continue;
    if (out == nullptr || e.date >= out->date) out = &e;
  }
  return out;
}

const Event* DemoDraft::matching_on(const std::vector<EventMatcher>& matchers, Date day) const {
  for (std::size_t i = 0; i < events_.size(); ++i) {
    if (events_[i].date != day) continue;
    for (const EventMatcher& m : matchers) {
      if (m.type == facts_[i].type && matches(m, facts_[i])) return &events_[i];
    }
  }
  return nullptr;
}

bool DemoDraft::meets(const EventMatcher& matcher, const Event& event) const {
  const Fact& f = facts_[static_cast<std::size_t>(&event - events_.data())];
  return f.type == matcher.type && matches(matcher, f);
}

bool DemoDraft::made(const EventMatcher& matcher) const {
  return std::any_of(facts_.begin(), facts_.end(),
                     [&](const Fact& f) { return f.type == matcher.type && matches(matcher, f); });
}

nlohmann::ordered_json DemoDraft::events_json() const {
  std::vector<std::size_t> order(events_.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return events_[a].date < events_[b].date; });
  auto out = nlohmann::ordered_json::array();
  for (std::size_t i : order) out.push_back(events_[i].body);
  return out;
}

}  // namespace cinplan::app
