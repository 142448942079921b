// A procedure profile: one authority's Child in Need procedure as data
// (docs/profiles.md). Built only by load_profile(), which checks everything;
// a Profile that exists is valid.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/bank_holidays.h"
#include "core/calendar/duration.h"
#include "core/casefile/event_types.h"

namespace cinplan {

// Pathways as bits, so a rule's applicability is one AND.
enum class Pathway : std::uint8_t { kStandard, kDisability, kDirectPayments, kSupervisionOrder };
using PathwaySet = std::uint8_t;
constexpr PathwaySet kAllPathways = 0x0F;
// standard, disability, direct_payments: exactly one is a case's main pathway.
constexpr PathwaySet kMainPathways = 0x07;
constexpr PathwaySet bit(Pathway p) {
  return static_cast<PathwaySet>(1u << static_cast<unsigned>(p));
}
std::string_view to_string(Pathway p);
std::optional<Pathway> parse_pathway(std::string_view text);

struct Citation {
  std::string quote;    // verbatim from the source document
  std::string section;  // optional heading it sits under
  // When the quote introduces a list (it ends in a colon): the items it
  // introduces that the rule rests on, each verbatim from the document.
  std::vector<std::string> items;

  // The quote with its items: "The frequency of visits should be: at least
  // once every 20 working days."
  std::string full() const;
};

// Matches facts of one event type (see casefile/case_state.h).
struct EventMatcher {
  EventTypeId type = 0;
  std::uint64_t subtypes = 0;     // bit per value of the type's subtype field; 0 = any
  std::uint16_t flags_mask = 0;   // which flags are tested
  std::uint16_t flags_value = 0;  // their required values
  // Before rules only: the event counts only when dated within this long
  // before the meeting (or date) the rule precedes.
  std::optional<Duration> within;
  std::string text;  // the matcher as written, for display
};

enum class RuleKind : std::uint8_t { kOnce, kEach, kRecurring, kBefore };
enum class Strength : std::uint8_t { kMust, kShould, kConsider };
enum class DateAnchor : std::uint8_t { kNone, kSupervisionOrderEnd };

std::string_view to_string(RuleKind kind);
std::string_view to_string(Strength strength);

struct RuleOverride {
  PathwaySet pathways = 0;
  std::optional<Duration> due;
  std::optional<Duration> target;
  std::optional<Strength> strength;  // where the pathway's own sentence says otherwise
  std::vector<Citation> cite;
};

struct Rule {
  std::string id;
  std::string title;
  RuleKind kind = RuleKind::kOnce;
  Strength strength = Strength::kMust;
  std::string who;  // role id, optional
  std::vector<EventMatcher> after;
  std::vector<std::uint16_t> before_meeting;  // indexes into Profile::rules
  DateAnchor before_date = DateAnchor::kNone;
  std::optional<Duration> due;  // none: no timescale stated
  std::optional<Duration> target;
  std::vector<EventMatcher> met_by;
  // Recurring rules only: no further interval after an `until` event, unless
  // a `resume` event follows it (a final review, then an extended order).
  std::vector<EventMatcher> until;
  std::vector<EventMatcher> resume;
  // Applies when the case's active pathways meet `pathways` and miss
  // `except_pathways`. By default every main pathway, with or without an order.
  PathwaySet pathways = kMainPathways;
  PathwaySet except_pathways = 0;
  std::vector<RuleOverride> overrides;
  std::vector<Citation> cite;
  // Where the rule reads an ambiguous or self-contradicting document rather
  // than quoting a timescale: why it is read this way. Empty for a rule that
  // states what its sentence says. Listed by `profile show` for the
  // authority to sign off, and named in every explanation resting on it.
  std::string reading;
  int line = 0;  // where it starts in the profile file

  // The timescale on the given pathways: the first override that applies,
  // else the rule's own.
  const std::optional<Duration>& due_on(PathwaySet active) const;
  const std::optional<Duration>& target_on(PathwaySet active) const;
  Strength strength_on(PathwaySet active) const;
};

// A required field value: `field` must be one of `allowed` (enum), equal to
// `boolean`, or simply present.
struct Requirement {
  std::string field;
  enum class Kind : std::uint8_t { kOneOf, kBool, kPresent } kind = Kind::kPresent;
  std::vector<std::string> allowed;
  bool boolean = false;
};

struct Constraint {
  std::string id;
  EventMatcher applies_to;
  // The constraint does not apply to an event dated on or after one of
  // these (Bolton: a first meeting after a step down from child protection
  // is not chaired by the line manager).
  std::vector<EventMatcher> except_after;
  std::vector<Requirement> require;
  Strength strength = Strength::kMust;
  std::string message;
  std::vector<Citation> cite;
  std::string reading;  // as Rule::reading
  int line = 0;
};

struct Labelled {
  std::string id;
  std::string label;
  std::vector<Citation> cite;
};

struct Routing {
  Duration recent_closure;
  std::string new_team;
  std::string recent_team;
  std::vector<Citation> cite;
};

struct Profile {
  std::string id;
  std::string name;
  std::string source;  // file name in shared/procedures/
  HolidayRegion holiday_region = HolidayRegion::kEnglandAndWales;
  int due_soon_days = 7;
  std::map<std::string, std::string> role_labels;
  std::map<std::string, std::string> meeting_labels;
  std::map<std::string, std::string> terms;
  std::vector<Labelled> pathways;  // beyond standard
  PathwaySet known_pathways = bit(Pathway::kStandard);
  std::vector<Labelled> outcomes;
  std::vector<Rule> rules;  // ordered so that a before rule follows the rules it names
  std::vector<Constraint> constraints;
  std::optional<Routing> routing;
  // Readings of the document as a whole (how "will" is read, what is not
  // expressed), beside those on single rules and constraints.
  std::vector<std::string> readings;
  // The family's copy of the plan (issue 10): its sections in order, each a
  // part of the record (id: one of family_plan_parts()) under the heading
  // of the authority's own plan document (label), with the sentence that
  // names it. Empty: the plain headings every profile shares.
  std::vector<Labelled> family_plan;
  std::shared_ptr<const WorkingDayCalendar> calendar;

  const Rule* find_rule(std::string_view rule_id) const;
  // The authority's word for a role or meeting kind, or the id itself.
  std::string role_label(std::string_view role) const;
  std::string meeting_label(std::string_view kind) const;
};

// The parts of the record a family plan section may show: "worries" (the
// latest meeting's worries and complicating factors), "working_well",
// "danger_statements", "safety_goals", "outcomes" (with how each will be
// measured), "actions" (who does what, by when), "contingency", "review"
// (the lead professional, visits, the next meeting).
std::span<const std::string_view> family_plan_parts();

}  // namespace cinplan
