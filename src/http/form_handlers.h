// The pages' forms on a case (issue 9): record a visit, add a case note,
// change and sign the plan, arrange and record a meeting, and (a manager)
// endorse excluding a family member from a meeting. Each form is one address: GET shows it (with
// the draft kept of it, if any), POST reads it (pages/*_form.h), runs the one command it is for
// (app::run_command, as the API does) and then:
//   - recorded: the draft goes, and the case page says so (303);
//   - refused (the form or the command): the form again, 400 or 422, with
//     the GOV.UK error summary, each message beside its input, everything
//     typed still in place and kept as a draft;
//   - someone else changed the case since the form was opened: the form
//     again (409), with what changed and everything typed, against the
//     case as it now is, and kept as a draft.
// A form with a "check" button (the plan, arranging a meeting) shows what
// the check found and records nothing; the form's engine is case_form.h.
// A form sent after the session ended is kept by the dispatcher
// (Service::keep_draft_of_ended_session) and shown again after sign-in.
#pragma once

#include "http/routes.h"

namespace cinplan::http::page {

Result<Reply> visit_form(Call&);
Result<Reply> record_visit(Call&);
Result<Reply> plan_form(Call&);
Result<Reply> update_plan(Call&);
Result<Reply> signature_form(Call&);
Result<Reply> sign_plan(Call&);
Result<Reply> arrange_form(Call&);
Result<Reply> arrange_meeting(Call&);
Result<Reply> meeting_form(Call&);
Result<Reply> record_meeting(Call&);
Result<Reply> exclusion_form(Call&);
Result<Reply> endorse_exclusion(Call&);
Result<Reply> note_form(Call&);
Result<Reply> add_note(Call&);
Result<Reply> correction_form(Call&);
Result<Reply> cancel_meeting_form(Call&);
Result<Reply> cancel_meeting(Call&);
Result<Reply> action_done_form(Call&);
Result<Reply> mark_action_done(Call&);
Result<Reply> correct_entry(Call&);
// Issue 10: the rest of the process.
Result<Reply> closure_form(Call&);
Result<Reply> close_case(Call&);
Result<Reply> step_up_form(Call&);
Result<Reply> step_up(Call&);
Result<Reply> step_down_form(Call&);
Result<Reply> step_down(Call&);
Result<Reply> transfer_out_form(Call&);
Result<Reply> transfer_out(Call&);
Result<Reply> move_in_form(Call&);
Result<Reply> record_move_in(Call&);

// What the case page says after a form recorded `kind` ("visit", "note"):
// "The visit is recorded."; empty for anything else.
std::string recorded_words(std::string_view kind);

}  // namespace cinplan::http::page
