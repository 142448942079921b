// The constraint rows of `cinplan profile diff`: each profile's constraints
// put side by side by what they apply to (profile_diff.h).
#include <algorithm>
#include <map>
#include <tuple>

#include "app/wording.h"
#include "cli/profile_diff.h"
#include "cli/profile_words.h"
#include "core/casefile/event_types.h"

namespace cinplan::cli {
namespace {

struct Topic {
  std::size_t order = 0;  // meetings by kind, then other events as met
  ConstraintRow row;
};

// The constraint's own conditions beyond its topic, for the condition words:
// flags, or the values of an event's subtype other than a meeting's kind.
bool has_condition(const EventMatcher& m, bool meeting) {
  return m.flags_mask != 0 || (!meeting && m.subtypes != 0);
}

// What a constraint asks of one field, comparable across profiles.
using AskKey = std::tuple<int, int, std::vector<std::string>, bool, int, int, std::uint64_t>;

AskKey ask_key(const ConstraintWords& w, bool meeting) {
  const Requirement& r = *w.requirement;
  std::vector<std::string> allowed = r.allowed;
  std::sort(allowed.begin(), allowed.end());
  const EventMatcher& m = w.constraint->applies_to;
  return {static_cast<int>(w.constraint->strength),
          static_cast<int>(r.kind),
          allowed,
          r.boolean,
          m.flags_mask,
          m.flags_value,
          meeting ? 0 : m.subtypes};
}

}  // namespace

std::vector<ConstraintRow> constraint_rows(const Profile& a, const Profile& b) {
  const auto meeting_type = find_event_type("meeting");
  const auto kinds = meeting_kind_values();
  std::map<std::string, Topic> topics;
  std::size_t seen = 0;
  auto add = [&](const Profile& p, const Constraint& c, bool side_a) {
    const bool meeting = meeting_type && c.applies_to.type == *meeting_type;
    std::vector<std::string> on;  // the meeting kinds it is about, or one empty
    for (std::size_t i = 0; meeting && i < kinds.size(); ++i) {
      if ((c.applies_to.subtypes >> i) & 1u) on.emplace_back(kinds[i]);
    }
    if (on.empty()) on.emplace_back();
    for (const std::string& kind : on) {
      for (const Requirement& r : c.require) {
        const std::string event(event_type(c.applies_to.type).id);
        const std::string id = event + "/" + kind + "/" + r.field;
        auto [it, fresh] = topics.try_emplace(id);
        Topic& t = it->second;
        if (fresh) {
          const std::size_t kind_place =
              kind.empty() ? kinds.size()
                           : static_cast<std::size_t>(std::find(kinds.begin(), kinds.end(), kind) -
                                                      kinds.begin());
          t.order = (meeting ? 0 : 1u << 20) + (kind_place << 10) + seen++;
          t.row.topic = constraint_topic_words(p, c.applies_to, kind, r.field);
          t.row.event = event;
          t.row.meeting_kind = kind;
          t.row.field = r.field;
        }
        ConstraintWords w{&c, &r, requirement_words(p, c, r), ""};
        if (has_condition(c.applies_to, meeting))
          w.condition = "for " + app::event_words(p, c.applies_to);
        (side_a ? t.row.a : t.row.b).push_back(std::move(w));
      }
    }
  };
  for (const Constraint& c : a.constraints) add(a, c, true);
  for (const Constraint& c : b.constraints) add(b, c, false);
  std::vector<Topic> sorted;
  for (auto& [id, t] : topics) sorted.push_back(std::move(t));
  std::sort(sorted.begin(), sorted.end(),
            [](const Topic& x, const Topic& y) { return x.order < y.order; });
  std::vector<ConstraintRow> out;
  for (Topic& t : sorted) {
    const bool meeting = !t.row.meeting_kind.empty();
    auto asks = [&](const std::vector<ConstraintWords>& side) {
      std::vector<AskKey> k;
      for (const ConstraintWords& w : side) k.push_back(ask_key(w, meeting));
      std::sort(k.begin(), k.end());
      return k;
    };
    t.row.differs = asks(t.row.a) != asks(t.row.b);
    out.push_back(std::move(t.row));
  }
  return out;
}

}  // namespace cinplan::cli
