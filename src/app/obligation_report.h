// Obligations in words: what a worker reads (one line each) and what other
// programs read (JSON), both naming the rule and quoting the procedure.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/casefile/case_history.h"
#include "core/obligations/findings.h"
#include "core/obligations/obligation.h"
#include "core/procedure/profile.h"

namespace cinplan::app {

// The rule's timescale in words: "within 15 working days of plan_decided",
// "every 4 weeks (aim: 4 weeks)", "3 days before the meeting".
std::string describe_timescale(const Rule& rule, PathwaySet active);

// One line: status, due, target, rule id, title, and what met it.
// A procedure sentence as the commands quote it: "quote" (section).
std::string citation_line(const Citation& citation);

// The column headings of obligation_line: STATUS DUE TARGET RULE WHAT.
std::string obligation_header();

std::string obligation_line(const Profile& profile, const CaseHistory& history,
                            const Obligation& o);

// The JSON object of DESIGN.md section 9: rule, title, status, due, target
// (when the rule has one), anchor, strength, met_by, cite.
nlohmann::ordered_json obligation_json(const Profile& profile, const CaseHistory& history,
                                       const Obligation& o);

std::string finding_line(const Profile& profile, const CaseHistory& history, const Finding& f);

}  // namespace cinplan::app
