// The event a worker records to meet one duty of the procedure in a demo
// case (a visit, invitations, minutes, the plan updated, circulated, signed
// or recorded, a review form, a decision, a discussion with a manager), with
// the fields a real record would hold, made to match the rule's first met_by
// matcher. Meetings are held by demo_meetings.h instead.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "app/demo_case.h"
#include "app/demo_draft.h"
#include "core/obligations/obligation.h"

namespace cinplan::app {

// `about`: the meeting the event is about (its meeting_date), when it is
// about one. kInternal for a type the demo does not know how to record.
Result<nlohmann::ordered_json> duty_event(DemoCase& c, const Rule& rule, Date day,
                                          std::optional<Date> about);

// A routine visit at home: the child seen (alone, when old enough), the
// rooms seen, announced or not.
nlohmann::ordered_json routine_visit(DemoCase& c, Date day);

// Invitations sent on `day` to the meeting on `meeting`, with a
// distribution list, to the family and the school and health professionals.
nlohmann::ordered_json invitations_to(DemoCase& c, Date day, Date meeting);

// A visit the child was not seen on (no answer at the door), to be recorded
// before a visit that meets the duty.
nlohmann::ordered_json visit_not_seen(DemoCase& c, Date day);

}  // namespace cinplan::app
