// The registry of case-history event types: their stable string ids, their
// fields, and an example of each. This is the one place an event type is
// defined; the parser, the fold, the profile loader (which checks that rules
// name real events and fields) and `cinplan events` all read it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace cinplan {

// Index into event_types(). Stable only within one build: the string id is
// what is stored and exchanged.
using EventTypeId = std::uint8_t;

enum class FieldKind : std::uint8_t {
  kDate,     // "YYYY-MM-DD"
  kBool,     // true / false
  kString,   // non-empty text
  kEnum,     // one of `values`
  kInteger,  // whole number within [min, max]
  kStrings,  // array of text
  kEnums,    // array, each one of `values`
  kObjects,  // array of objects (people, attendance); kept as written
  kObject,   // one object; its meaning is the type's (event_corrected: an event)
};

struct FieldSpec {
  std::string_view name;
  FieldKind kind;
  bool required;
  std::span<const std::string_view> values;  // kEnum, kEnums
  int min = 0;                               // kInteger
  int max = 0;                               // kInteger
  std::string_view meaning;
};

// How an event is condensed into a Fact for the obligations engine (see
// case_state.h): which enum field becomes the fact's `subtype`, which date
// field its `ref_date`, which booleans or enum-array values become flags, and
// which small number the fact keeps.
struct FactShape {
  std::string_view subtype_field;   // an kEnum field, or empty
  std::string_view ref_date_field;  // a kDate field, or empty
  // Each flag is "field" (a kBool field, set when true), "field=value" (set
  // when the kEnums field contains value, or the kEnum field is value) or
  // "field=not_recorded" (a kEnum field left out). At most 16, or at most
  // kFactNumberShift when the type keeps a number.
  std::span<const std::string_view> flags;
  // A kInteger field whose value (0 to kFactNumberMax; 0 when left out) the
  // fact keeps in the flags' high bits (fact_number() in case_state.h), or
  // empty.
  std::string_view number_field = {};
};

// Where a fact keeps its number: flags bits kFactNumberShift to 15.
inline constexpr unsigned kFactNumberShift = 7;
inline constexpr int kFactNumberMax = (1 << (16 - kFactNumberShift)) - 1;  // 511

struct EventTypeSpec {
  std::string_view id;  // stable, snake_case, past tense where new
  std::string_view summary;
  std::span<const FieldSpec> fields;
  FactShape fact;
  std::string_view example;  // one complete JSON event
};

// All event types, in a fixed order (EventTypeId indexes this span).
std::span<const EventTypeSpec> event_types();
std::optional<EventTypeId> find_event_type(std::string_view id);
const EventTypeSpec& event_type(EventTypeId id);
// The id of "event_corrected": a correction of an earlier event of the case
// (corrections.h). Corrections are read by the parser and the fold, not
// condensed into facts of their own.
EventTypeId corrected_event_type();
const FieldSpec* find_field(const EventTypeSpec& spec, std::string_view name);

// The value lists shared by several fields.
std::span<const std::string_view> role_values();
std::span<const std::string_view> meeting_kind_values();
std::span<const std::string_view> meeting_outcome_values();
std::span<const std::string_view> pathway_values();

// The value of a "field=not_recorded" flag.
inline constexpr std::string_view kNotRecorded = "not_recorded";

// The index of `value` in an enum field's values, or -1.
int enum_index(const FieldSpec& field, std::string_view value);
// The flag bit of "field" or "field=value" in a type's fact shape, or -1.
int flag_index(const EventTypeSpec& spec, std::string_view flag);

}  // namespace cinplan
