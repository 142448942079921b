// The engine of the pages' forms on a case (form_handlers.h says what each
// form does for the user). A CaseForm names its template, the command it
// runs and how it reads and shows its fields; form_get and form_post do
// the rest the same way for every form.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/routes.h"
#include "pages/form_input.h"

namespace cinplan::http::page {

struct CaseForm {
  std::string_view path;  // after /cases/ID: "visit"
  std::string_view template_name;
  std::string_view title;     // "Record a visit"
  std::string_view command;   // "record_visit"
  std::string_view recorded;  // the case page's banner key: "visit"
  // The command's body from the form; the case view is the case as the
  // form is sent against (its network, its profile's "choices").
  pages::FormReading (*read)(const pages::Form&, const nlohmann::ordered_json& case_view);
  const std::map<std::string, std::string>& (*inputs)();
  nlohmann::ordered_json (*view)(const nlohmann::ordered_json& case_view, const pages::Form&,
                                 const std::vector<pages::FieldProblem>&, std::string_view today,
                                 std::int64_t version);
  std::string_view first_input;  // where a refusal naming no input points
  // What a check of the form flags without refusing (the plan's SMART
  // check); shown, and nothing recorded, until the form says "accept_flags".
  std::vector<std::string> (*flags)(const pages::Form&) = nullptr;
  // The form's "check" button also runs the command's own checks, writing
  // nothing, and shows what they would flag (the notice of invitations).
  bool check_command = false;
  // The words of a check: what it found, what to do next, and that it
  // found nothing.
  std::string_view flags_words = {};
  std::string_view flags_then = {};
  std::string_view checked_ok_words = {};
  // A partner's form (partner.contribute): it is shown against the shared
  // view of the case (app::Service::shared_view: the child's name, the plan,
  // the meeting dates) and nothing more, a change of the case since it was
  // opened is said without saying what it was, and once recorded the
  // browser goes to the shared page, /cases/ID/shared.
  bool shared_only = false;
  // Where the browser goes once it is recorded, when not the case page: a
  // list the form was opened from ("/panel").
  std::string_view done_at = {};
  // The form's file input, when it has one: a form sent without a file is
  // told so beside it, with the other questions' problems.
  std::string_view file_input = {};
};

// GET: the form, with the draft kept of it (if any) and what the address's
// query fills in (`prefill`: the inputs it may fill, e.g. a visit's
// "purpose").
Result<Reply> form_get(Call& call, const CaseForm& f,
                       std::span<const std::string_view> prefill = {});
// POST: read, check, run the command; see form_handlers.h.
Result<Reply> form_post(Call& call, const CaseForm& f);

}  // namespace cinplan::http::page
