// Obligations and findings as the commands print them: a line each for
// people (in the words of app/wording.h) and JSON for other programs, which
// keeps the stable ids beside the words.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/casefile/case_history.h"
#include "core/obligations/findings.h"
#include "core/obligations/obligation.h"
#include "core/procedure/profile.h"

namespace cinplan::app {

// The column headings of obligation_line: STATUS DUE TARGET RULE WHAT.
std::string obligation_header();

// One line: status in words, due, target, rule id, title, and what met it
// (or the day it counts from). `history` may be null (then no event is named).
std::string obligation_line(const Profile& profile, const CaseHistory* history,
                            const Obligation& o);

// The lines --why prints under an obligation: the timescale in words, what
// qualifies it, and each sentence of the procedure it rests on, indented.
std::vector<std::string> obligation_why(const Profile& profile, const CaseHistory* history,
                                        const Obligation& o, PathwaySet active,
                                        const std::string& indent);

// The JSON object of DESIGN.md section 9: rule, title, status (the id) and
// status_words, due, target (when the rule has one) with target_kind
// ("agreed", "planned" or "aim"), from/before, kind, strength, who, met_by (its event
// counted from 1), why and notes (words), reading, clash, cite and source.
nlohmann::ordered_json obligation_json(const Profile& profile, const CaseHistory* history,
                                       const Obligation& o, PathwaySet active);

// "must: event 5 on 20 March 2025: the initial CIN meeting must be chaired
// by the Practice Lead; it was chaired by the allocated social worker".
std::string finding_line(const Profile& profile, const CaseHistory& history, const Finding& f);
nlohmann::ordered_json finding_json(const Profile& profile, const CaseHistory& history,
                                    const Finding& f);

}  // namespace cinplan::app
