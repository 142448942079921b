// The common rule vocabulary (DESIGN.md section 4) in plain words: for each
// rule id a profile may use, what the duty is, and the group of related
// duties it belongs to. Pure data.
//
// The meanings say what a duty is whatever an authority calls it, so that two
// procedures can be read side by side: London CYPS's `meeting_recorded` (the
// meeting written up on the case record) and Brighton and Hove's
// `minutes_distributed` (minutes sent to everyone involved) are different
// duties in the same group. A test keeps every rule id of the shipped
// profiles in the table.
#pragma once

#include <span>
#include <string_view>

namespace cinplan {

// Related duties: "after a meeting: writing it up and sending it out".
struct DutyGroup {
  std::string_view id;     // stable, snake_case
  std::string_view title;  // plain words, lower case, no full stop
};

struct DutyMeaning {
  std::string_view id;       // the rule id, as profiles use it
  std::string_view meaning;  // one sentence, plain words, with its full stop
  std::string_view group;    // a DutyGroup id
};

// Every group, in the order a Child in Need plan meets them.
std::span<const DutyGroup> duty_groups();
// Every rule id of the vocabulary, grouped: the duties of a group are
// together and in the groups' order.
std::span<const DutyMeaning> duty_meanings();

// Null for an id the vocabulary lacks.
const DutyMeaning* find_duty(std::string_view rule_id);
const DutyGroup* find_duty_group(std::string_view group_id);

}  // namespace cinplan
