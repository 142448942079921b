#include "core/casefile/case_state.h"

#include <algorithm>
#include <cassert>
#include <stdexcept>

#include "core/casefile/case_history.h"
#include "core/casefile/corrections.h"

namespace cinplan {

static_assert(CaseState::kMaxTypes >= 51, "raise kMaxTypes with the registry");

namespace {

// Whether two facts say the same to the obligations engine.
bool same_facts(const Fact& a, const Fact& b) {
  return a.type == b.type && a.date == b.date && a.ref_date == b.ref_date &&
         a.subtype == b.subtype && a.flags == b.flags;
}

}  // namespace

CaseState CaseState::from_facts(std::vector<Fact> facts) {
  if (facts.size() > 0xFFFF) throw std::length_error("a case holds at most 65535 facts");
  if (event_types().size() > kMaxTypes)
    throw std::logic_error("event registry outgrew CaseState::kMaxTypes");
  std::sort(facts.begin(), facts.end(), [](const Fact& a, const Fact& b) {
    if (a.type != b.type) return a.type < b.type;
    if (a.date != b.date) return a.date < b.date;
    return a.event < b.event;
  });
  // An event repeated exactly (or any event that says nothing for the
  // obligations another of its type and date has not said) is counted once:
  // the copies after the first move to the hidden tail, past every type's
  // range, where only all_facts() sees them.
  std::vector<Fact> hidden;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (kept > 0 && same_facts(facts[kept - 1], facts[i])) {
      hidden.push_back(facts[i]);
    } else {
      facts[kept++] = facts[i];
    }
  }
  facts.resize(kept);
  CaseState s;
  s.facts_ = std::move(facts);
  std::size_t i = 0;
  for (std::size_t t = 0; t <= kMaxTypes; ++t) {
    while (i < s.facts_.size() && s.facts_[i].type < t) ++i;
    s.begin_[t] = static_cast<std::uint16_t>(i);
  }
  s.facts_.insert(s.facts_.end(), hidden.begin(), hidden.end());
  return s;
}

Fact to_fact(const Event& event, std::uint32_t event_index) {
  const EventTypeSpec& spec = event_type(event.type);
  Fact f;
  f.date = event.date.days();
  f.event = event_index;
  f.type = event.type;
  if (!spec.fact.ref_date_field.empty()) {
    if (auto d = event.date_field(spec.fact.ref_date_field)) f.ref_date = d->days();
  }
  if (!spec.fact.subtype_field.empty()) {
    const FieldSpec* field = find_field(spec, spec.fact.subtype_field);
    const int i = enum_index(*field, event.string_field(spec.fact.subtype_field));
    if (i >= 0) f.subtype = static_cast<std::uint8_t>(i);
  }
  for (std::size_t bit = 0; bit < spec.fact.flags.size(); ++bit) {
    const std::string_view flag = spec.fact.flags[bit];
    const auto eq = flag.find('=');
    bool set = false;
    if (eq == std::string_view::npos) {
      set = event.bool_field(flag);
    } else {
      const std::string_view value = flag.substr(eq + 1);
      auto it = event.body.find(std::string(flag.substr(0, eq)));
      if (it == event.body.end() || it->is_null()) {
        set = value == kNotRecorded;
      } else if (it->is_string()) {
        set = it->get<std::string>() == value;
      } else if (it->is_array()) {
        for (const auto& item : *it) {
          if (item.is_string() && item.get<std::string>() == value) set = true;
        }
      }
    }
    if (set) f.flags = static_cast<std::uint16_t>(f.flags | (1u << bit));
  }
  if (!spec.fact.number_field.empty()) {
    auto it = event.body.find(std::string(spec.fact.number_field));
    if (it != event.body.end() && it->is_number_integer()) {
      const auto n = it->get<std::int64_t>();
      if (n > 0 && n <= kFactNumberMax)
        f.flags = static_cast<std::uint16_t>(f.flags | (n << kFactNumberShift));
    }
  }
  return f;
}

CaseState fold(const CaseHistory& history) {
  const EventTypeId correction_type = corrected_event_type();
  std::vector<Fact> facts;
  facts.reserve(history.events.size());
  for (std::size_t i = 0; i < history.events.size(); ++i) {
    if (history.events[i].type == correction_type) {
      // Rare: read the record as corrected instead.
      auto record = CorrectedRecord::of(history);
      if (!record)
        throw std::logic_error("fold of an unchecked history: " + record.error().message);
      facts.clear();
      for (const CorrectedRecord::Entry& e : record->entries()) {
        facts.push_back(to_fact(*e.event, e.index));
      }
      break;
    }
    facts.push_back(to_fact(history.events[i], static_cast<std::uint32_t>(i)));
  }
  return CaseState::from_facts(std::move(facts));
}

}  // namespace cinplan
