// What a case looks like to the people who read it (DESIGN.md section 12):
// JSON documents built from a case's record as the records hold it. Pure
// functions of the record, its profile and the day; the service decides who
// may see which (case_view for practitioners, shared_view for a partner
// agency) and audits it.
#pragma once

#include <nlohmann/json.hpp>

#include "app/records.h"
#include "core/calendar/date.h"
#include "core/procedure/profile.h"

namespace cinplan::app {

// The child's details: the header's child, then child_registered, then each
// person_details_changed for "child", later winning.
nlohmann::ordered_json child_json(const CaseRecord& record);

// The whole case: child, people and network (with what is kept from whom),
// consent, parts (worker, team, IRO), pathways, the current plan, meetings
// arranged and held, visits, notes, obligations with their citations,
// findings, and the chronology (every event, corrections shown as such).
nlohmann::ordered_json case_json(const CaseRecord& record, const Profile& profile, Date today);

// What a partner agency may see: the child's name, the current plan's
// outcomes and actions, and the dates of meetings arranged and held.
nlohmann::ordered_json shared_json(const CaseRecord& record);

// The obligations as at `today`, each as obligation_json.
nlohmann::ordered_json obligations_json(const CaseRecord& record, const Profile& profile,
                                        Date today);

// The plan as at each plan_updated (numbered from 1): its outcomes and
// actions agreed up to then, contingency, lead professional and visiting
// frequency.
nlohmann::ordered_json plan_versions_json(const CaseRecord& record);
// What changed from version `from` to `to`: added, removed and changed
// outcomes, actions and settings. kNotFound-like null when out of range.
nlohmann::ordered_json plan_diff_json(const nlohmann::ordered_json& versions, int from, int to);

// One line a person reads for a case on a list.
nlohmann::ordered_json case_summary_json(const CaseRecord& record);

}  // namespace cinplan::app
