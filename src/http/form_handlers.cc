#include "http/form_handlers.h"

#include "http/attachment_handlers.h"
#include "http/case_form.h"
#include "http/oversight_handlers.h"
#include "http/supervision_handlers.h"
#include "pages/action_done_form.h"
#include "pages/arrange_form.h"
#include "pages/cancel_form.h"
#include "pages/closure_form.h"
#include "pages/correction_form.h"
#include "pages/exclusion_form.h"
#include "pages/meeting_form.h"
#include "pages/note_form.h"
#include "pages/plan_form.h"
#include "pages/step_form.h"
#include "pages/transfer_form.h"
#include "pages/visit_form.h"

namespace cinplan::http::page {
namespace {

using json = nlohmann::ordered_json;
using pages::Form;

// A form whose reading needs only what was typed.
template <pages::FormReading (*Read)(const Form&)>
pages::FormReading typed_only(const Form& form, const json&) {
  return Read(form);
}

const CaseForm kVisit{"visit",
                      "visit",
                      "Record a visit",
                      "record_visit",
                      "visit",
                      typed_only<pages::read_visit>,
                      pages::visit_inputs,
                      pages::visit_form_view,
                      "date-day"};
const CaseForm kPlan{
    "plan",
    "plan",
    "Change the plan",
    "update_plan",
    "plan",
    pages::read_plan,
    pages::plan_inputs,
    pages::plan_form_view,
    "date-day",
    pages::plan_flags,
    false,
    "The check that the plan is clear (who does what, by when, and how everyone will know it "
    "worked) found something to look at.",
    "Change the plan below, or record it as it is.",
    "The check found nothing to change in what you added or changed: each of those actions says "
    "who does it, by when and why, and each of those outcomes says how everyone will know it is "
    "achieved. Outcomes and actions agreed before are not checked again here; the case page marks "
    "any of them that has nothing to measure it by."};
const CaseForm kSignature{"plan/signature",
                          "signature",
                          "Record a signature",
                          "sign_plan",
                          "signature",
                          pages::read_signature,
                          pages::signature_inputs,
                          pages::signature_form_view,
                          "by"};
const CaseForm kNote{"note",
                     "note",
                     "Add a case note",
                     "add_case_note",
                     "note",
                     typed_only<pages::read_note>,
                     pages::note_inputs,
                     pages::note_form_view,
                     "date-day"};
const CaseForm kArrange{"meeting/arrange",
                        "arrange",
                        "Arrange a meeting",
                        "arrange_meeting",
                        "arranged",
                        pages::read_arrange,
                        pages::arrange_inputs,
                        pages::arrange_form_view,
                        "kind",
                        nullptr,
                        true,
                        "The check against the procedure found something to look at.",
                        "Change the dates below, or arrange it as it is.",
                        "The check found nothing to change: the invitations give the notice the "
                        "procedure asks for."};
const CaseForm kCancel{
    "meeting/cancel", "cancel",           "Cancel a meeting",   "cancel_meeting",
    "cancelled",      pages::read_cancel, pages::cancel_inputs, pages::cancel_form_view,
    "meeting"};
const CaseForm kMeeting{
    "meeting", "meeting",           "Record a meeting",    "record_meeting",
    "meeting", pages::read_meeting, pages::meeting_inputs, pages::meeting_form_view,
    "kind"};
const CaseForm kExclusion{"exclusion",
                          "exclusion",
                          "Exclude a family member from a meeting",
                          "endorse_exclusion",
                          "exclusion",
                          pages::read_exclusion,
                          pages::exclusion_inputs,
                          pages::exclusion_form_view,
                          "meeting"};

const CaseForm kCorrection{"correction",
                           "correction",
                           "Correct an entry of the record",
                           "correct_event",
                           "correction",
                           pages::read_correction,
                           pages::correction_inputs,
                           pages::correction_form_view,
                           "how"};

const CaseForm kActionDone{"plan/action-done",
                           "action_done",
                           "Mark an action of the plan done",
                           "complete_action",
                           "action_done",
                           pages::read_action_done,
                           pages::action_done_inputs,
                           pages::action_done_form_view,
                           "action"};

const CaseForm kClosure{
    "closure", "closure",           "Close the case",      "close_case",
    "closed",  pages::read_closure, pages::closure_inputs, pages::closure_form_view,
    "reason"};
const CaseForm kStepUp{"step-up",
                       "step",
                       "Step up to child protection or care",
                       "step_up",
                       "stepped_up",
                       typed_only<pages::read_step_up>,
                       pages::step_up_inputs,
                       pages::step_up_form_view,
                       "to"};
const CaseForm kStepDown{"step-down",
                         "step",
                         "Record a step down to Child in Need",
                         "step_down",
                         "stepped_down",
                         typed_only<pages::read_step_down>,
                         pages::step_down_inputs,
                         pages::step_down_form_view,
                         "from"};
const CaseForm kTransferOut{"transfer-out",
                            "transfer_out",
                            "Transfer to another authority",
                            "transfer_out",
                            "transferred_out",
                            typed_only<pages::read_transfer_out>,
                            pages::transfer_out_inputs,
                            pages::transfer_out_form_view,
                            "to_authority"};
const CaseForm kMoveIn{"moved-in",
                       "move_in",
                       "Record the family moving into the area",
                       "record_move_in",
                       "moved_in",
                       typed_only<pages::read_move_in>,
                       pages::move_in_inputs,
                       pages::move_in_form_view,
                       "from_authority"};

// The entry a correction is of: the chronology's "Correct this entry" link.
constexpr std::string_view kCorrectionPrefill[] = {"entry"};

// What the address's query may fill in on a visit: why it is made (the
// arrange form's link to the visit before the meeting).
constexpr std::string_view kVisitPrefill[] = {"purpose"};

}  // namespace

std::string recorded_words(std::string_view kind) {
  if (kind == kVisit.recorded) return "The visit is recorded.";
  if (kind == kNote.recorded) return "The case note is added.";
  if (kind == kPlan.recorded) return "The new version of the plan is recorded.";
  if (kind == kSignature.recorded) return "The signature of the plan is recorded.";
  if (kind == kArrange.recorded) return "The meeting is arranged.";
  if (kind == kMeeting.recorded) return "The meeting is recorded.";
  if (kind == kCancel.recorded) return "The meeting is cancelled.";
  if (kind == kExclusion.recorded) return "The exclusion is endorsed and recorded.";
  if (kind == kCorrection.recorded) return "The correction is recorded.";
  if (kind == kActionDone.recorded) return "The action is marked done.";
  if (kind == kClosure.recorded) return "The case is closed.";
  if (kind == kStepUp.recorded) return "The step up is recorded.";
  if (kind == kStepDown.recorded) return "The step down is recorded.";
  if (kind == kTransferOut.recorded) return "The transfer to another authority is recorded.";
  if (kind == kMoveIn.recorded) return "The family's move into the area is recorded.";
  if (std::string words = supervision_recorded_words(kind); !words.empty()) return words;
  if (std::string words = attachment_recorded_words(kind); !words.empty()) return words;
  return oversight_recorded_words(kind);
}

Result<Reply> visit_form(Call& call) {
  return form_get(call, kVisit, kVisitPrefill);
}
Result<Reply> record_visit(Call& call) {
  return form_post(call, kVisit);
}
Result<Reply> plan_form(Call& call) {
  return form_get(call, kPlan);
}
Result<Reply> update_plan(Call& call) {
  return form_post(call, kPlan);
}
Result<Reply> signature_form(Call& call) {
  return form_get(call, kSignature);
}
Result<Reply> sign_plan(Call& call) {
  return form_post(call, kSignature);
}
Result<Reply> arrange_form(Call& call) {
  return form_get(call, kArrange);
}
Result<Reply> arrange_meeting(Call& call) {
  return form_post(call, kArrange);
}
Result<Reply> cancel_meeting_form(Call& call) {
  return form_get(call, kCancel);
}
Result<Reply> cancel_meeting(Call& call) {
  return form_post(call, kCancel);
}
Result<Reply> meeting_form(Call& call) {
  return form_get(call, kMeeting);
}
Result<Reply> record_meeting(Call& call) {
  return form_post(call, kMeeting);
}
Result<Reply> exclusion_form(Call& call) {
  return form_get(call, kExclusion);
}
Result<Reply> endorse_exclusion(Call& call) {
  return form_post(call, kExclusion);
}
Result<Reply> action_done_form(Call& call) {
  return form_get(call, kActionDone);
}
Result<Reply> mark_action_done(Call& call) {
  return form_post(call, kActionDone);
}
Result<Reply> correction_form(Call& call) {
  return form_get(call, kCorrection, kCorrectionPrefill);
}
Result<Reply> correct_entry(Call& call) {
  return form_post(call, kCorrection);
}
Result<Reply> note_form(Call& call) {
  return form_get(call, kNote);
}
Result<Reply> add_note(Call& call) {
  return form_post(call, kNote);
}

Result<Reply> closure_form(Call& call) {
  return form_get(call, kClosure);
}
Result<Reply> close_case(Call& call) {
  return form_post(call, kClosure);
}
Result<Reply> step_up_form(Call& call) {
  return form_get(call, kStepUp);
}
Result<Reply> step_up(Call& call) {
  return form_post(call, kStepUp);
}
Result<Reply> step_down_form(Call& call) {
  return form_get(call, kStepDown);
}
Result<Reply> step_down(Call& call) {
  return form_post(call, kStepDown);
}
Result<Reply> transfer_out_form(Call& call) {
  return form_get(call, kTransferOut);
}
Result<Reply> transfer_out(Call& call) {
  return form_post(call, kTransferOut);
}
Result<Reply> move_in_form(Call& call) {
  return form_get(call, kMoveIn);
}
Result<Reply> record_move_in(Call& call) {
  return form_post(call, kMoveIn);
}

}  // namespace cinplan::http::page
