// `cinplan profile diff A B` as data: where two authorities' procedures
// differ, row by row, with the words each side is shown in. Rows are compared
// on ids and values (durations, strengths, role ids, event matchers), never
// on their words, since each authority words the same thing its own way.
// The command prints this as columns or as JSON (profile_diff_command.cc).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/procedure/profile.h"
#include "core/procedure/vocabulary.h"

namespace cinplan::cli {

// One profile's rule of a row, in that authority's words. All empty when
// the profile has no rule of the row's id (rule is null).
struct RuleWords {
  const Rule* rule = nullptr;
  std::string title;      // the authority's name for the duty
  std::string strength;   // "must", "should", "should consider"
  std::string timescale;  // on the rule's own pathway: "within 15 working days of ..."
  std::string limit;      // the same without its anchor: "within 15 working days"
  std::string who;        // "the Practice Lead"; empty when no one is named
  std::string pathways;   // "all", "supervision_order", "all except disability"
  // Each pathway's own timescale: "disability: every 6 months".
  std::vector<std::string> overrides;
  std::string done_by;   // what meets it: "the CIN review meeting"
  bool reading = false;  // rests on the profile's reading of the document
};

// What two rules of one id differ in, in the order they are listed.
enum class RuleAspect : std::uint8_t {
  kPresence,     // one profile has no such rule
  kStrength,     // must / should / consider
  kTimescale,    // kind, limit, aim
  kCountedFrom,  // the anchor events, or the meetings it comes before
  kDoneBy,       // the events that meet it
  kWho,          // the role responsible
  kPathways,     // the pathways it applies to
  kOverrides,    // the pathways with a timescale of their own
};
// "only in one", "strength", "timescale", "counted from", "done by", "who",
// "pathways", "pathway timescales".
std::string_view to_string(RuleAspect aspect);

struct RuleRow {
  std::string id;
  const DutyMeaning* meaning = nullptr;  // null for an id the vocabulary lacks
  RuleWords a, b;
  std::vector<RuleAspect> differs;  // empty: the same
};

// Related duties: a group of the vocabulary that both profiles have duties
// in, but not the same ones (London CYPS's meeting_recorded beside Brighton
// and Hove's minutes_distributed).
struct RelatedGroup {
  const DutyGroup* group = nullptr;
  std::vector<std::size_t> rows;  // indexes into ProfileDiff::timescales, in vocabulary order
};

// One constraint's ask of one field, in the authority's words.
struct ConstraintWords {
  const Constraint* constraint = nullptr;
  const Requirement* requirement = nullptr;
  std::string asks;       // "must be chaired by the Practice Lead"
  std::string condition;  // which of those events: "for a visit ... where the child was seen"
};

// The constraints of both profiles on one thing: one field of one kind of
// event ("initial meeting: chair"). A constraint on several kinds of meeting
// is in the row of each.
struct ConstraintRow {
  std::string topic;         // "initial meeting: chair"
  std::string event;         // event type id: "meeting"
  std::string meeting_kind;  // "initial"; empty when not one kind of meeting
  std::string field;         // "chair_role"
  std::vector<ConstraintWords> a, b;
  bool differs = false;
};

// A pathway, meeting outcome, role or meeting word of either profile.
struct LabelRow {
  std::string id;
  std::optional<std::string> a, b;  // the authority's words; none: not in it
  // Pathways and outcomes differ when one profile lacks them; words when
  // they are not the same words.
  bool differs = false;
};

struct ProfileDiff {
  const Profile* a = nullptr;
  const Profile* b = nullptr;
  std::vector<RuleRow> timescales;  // every rule id of either, in vocabulary order
  std::vector<RelatedGroup> related;
  std::vector<ConstraintRow> constraints;
  std::vector<LabelRow> pathways;  // standard first
  std::vector<LabelRow> outcomes;
  std::vector<LabelRow> roles;
  std::vector<LabelRow> meetings;

  std::size_t timescales_differing() const;
  std::size_t constraints_differing() const;
};

// The comparison of `a` and `b`. Both must outlive the result.
ProfileDiff diff_profiles(const Profile& a, const Profile& b);

// The constraints part of it: a row for each field of each kind of event
// either profile constrains, meetings first by kind, then other events in
// the order the profiles name them (profile_diff_constraints.cc).
std::vector<ConstraintRow> constraint_rows(const Profile& a, const Profile& b);

// The comparison as indented JSON: {a, b, timescales, related, constraints,
// pathways, outcomes, words, summary}, each row with both sides (null or []
// where a profile has none) and "differs" (profile_diff_json.cc).
std::string diff_json_text(const ProfileDiff& d);

}  // namespace cinplan::cli
