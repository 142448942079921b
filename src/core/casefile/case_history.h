// The case-history interchange format of DESIGN.md section 9: one JSON
// document per case, its events in the order recorded. Parsing checks every
// event against the registry (event_types.h) and the legal limits that hold
// across events; errors name the event, the field and why.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/date.h"
#include "core/casefile/event_types.h"
#include "core/error.h"

namespace cinplan {

struct Child {
  std::string id;
  std::string name;
  std::optional<Date> date_of_birth;
};

struct Event {
  EventTypeId type = 0;
  Date date;
  // The event exactly as written, unknown fields included, so that export
  // gives back what was imported.
  nlohmann::ordered_json body;

  std::string_view type_id() const { return event_type(type).id; }
  // Convenience readers for fields the registry has already checked.
  std::optional<Date> date_field(std::string_view name) const;
  std::string string_field(std::string_view name) const;
  bool bool_field(std::string_view name, bool fallback = false) const;
};

struct CaseHistory {
  std::string case_id;
  // The procedure profile the case runs under, when the document names it
  // ("profile"); empty when it does not.
  std::string profile;
  Child child;
  std::vector<Event> events;
  // The document as written, top-level unknown fields included, with its
  // "events" left null: each event's body is kept once, in `events`.
  nlohmann::ordered_json document;

  // "event 4 (visit, 2025-04-02)" for messages: events are counted from 1
  // in everything a person reads, as `corrects` and stream versions count.
  std::string describe_event(std::size_t index) const;
};

Result<CaseHistory> parse_case_history(std::string_view json_text);
Result<CaseHistory> case_history_from_json(nlohmann::ordered_json document);

// Events that repeat an earlier event exactly, key for key and value for
// value: (the repeat, the event it repeats), both counted from 0. The fold
// counts such an event once (case_state.h).
std::vector<std::pair<std::size_t, std::size_t>> exact_repeats(const CaseHistory& history);

// Checks one event object against the registry (type, date, fields).
Result<Event> parse_event(nlohmann::ordered_json object);

// The canonical JSON text of a history (two-space indent, fields in the
// order written): export(import(x)) == canonical(x).
std::string to_canonical_json(const CaseHistory& history);

}  // namespace cinplan
