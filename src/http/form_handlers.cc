#include "http/form_handlers.h"

#include <charconv>

#include "http/page_reply.h"
#include "pages/note_form.h"
#include "pages/plan_form.h"
#include "pages/views.h"
#include "pages/visit_form.h"

namespace cinplan::http::page {
namespace {

using json = nlohmann::ordered_json;
using pages::FieldProblem;
using pages::Form;

// One form of a case: its template, the command it runs and how it reads
// and shows its fields.
struct CaseForm {
  std::string_view path;  // after /cases/ID: "visit"
  std::string_view template_name;
  std::string_view title;     // "Record a visit"
  std::string_view command;   // "record_visit"
  std::string_view recorded;  // the case page's banner key: "visit"
  pages::FormReading (*read)(const Form&);
  const std::map<std::string, std::string>& (*inputs)();
  json (*view)(const json& case_view, const Form&, const std::vector<FieldProblem>&,
               std::string_view today, std::int64_t version);
  std::string_view first_input;  // where a refusal naming no input points
  // What a check flags without refusing (the plan's SMART check); shown,
  // and nothing recorded, until the form says "accept_flags".
  std::vector<std::string> (*flags)(const Form&) = nullptr;
};

const CaseForm kVisit{"visit",   "visit",           "Record a visit",    "record_visit",
                      "visit",   pages::read_visit, pages::visit_inputs, pages::visit_form_view,
                      "date-day"};
const CaseForm kPlan{"plan",     "plan",           "Change the plan",  "update_plan",
                     "plan",     pages::read_plan, pages::plan_inputs, pages::plan_form_view,
                     "date-day", pages::plan_flags};
const CaseForm kSignature{"plan/signature",
                          "signature",
                          "Record a signature",
                          "sign_plan",
                          "signature",
                          pages::read_signature,
                          pages::signature_inputs,
                          pages::signature_form_view,
                          "by"};
const CaseForm kNote{"note",    "note",           "Add a case note",  "add_case_note",
                     "note",    pages::read_note, pages::note_inputs, pages::note_form_view,
                     "date-day"};

std::string form_address(const Call& call, const CaseForm& f) {
  return "/cases/" + call.params.at("id") + "/" + std::string(f.path);
}

Result<json> case_json(Call& call) {
  auto text = call.service.case_view_text(*call.caller, call.params["id"], call.service.today());
  if (!text) return std::unexpected(text.error());
  return json::parse(**text);
}

std::string draft_words(const store::Draft& d) {
  const std::string when =
      pages::date_in_words(d.saved.substr(0, 10)) + " at " + d.saved.substr(11, 5) + " (UTC)";
  if (d.reason == "session ended") return "Your session ended before it was sent, on " + when + ".";
  if (d.reason == "conflict") return "The case changed before it was recorded, on " + when + ".";
  return "It was not recorded, on " + when + ": something needed changing.";
}

// The form's page, status `status`, with `problems` and the notices given.
Result<Reply> show(Call& call, const CaseForm& f, const json& case_view, const Form& typed,
                   const std::vector<FieldProblem>& problems, std::int64_t version, int status,
                   json notices, std::string detail) {
  json v = f.view(case_view, typed, problems, call.service.today().to_string(), version);
  for (auto& [k, value] : notices.items()) v[k] = value;
  for (const char* k : {"draft", "conflict", "rule_words", "has_flags", "checked_ok"})
    if (!v.contains(k)) v[k] = false;
  for (const FieldProblem& p : problems)
    if (!p.rule.empty() && v["rule_words"] == false) v["rule_words"] = p.rule;
  auto page = html(call, f.template_name, f.title, std::move(v), std::move(detail));
  if (page) page->status = status;
  return page;
}

Result<Reply> form_get(Call& call, const CaseForm& f) {
  auto c = case_json(call);
  if (!c) return std::unexpected(c.error());
  const std::string address = form_address(call, f);
  auto kept = call.service.draft(*call.caller, address);
  if (!kept) return std::unexpected(kept.error());
  Form typed;
  json notices = json::object();
  std::int64_t version = (*c)["version"].get<std::int64_t>();
  if (*kept) {
    typed = pages::form_of(json::parse((*kept)->fields, nullptr, false));
    notices["draft"] = true;
    notices["draft_words"] = draft_words(**kept);
    notices["draft_form"] = address;
    // The version it was typed against: sending it shows what changed since.
    std::int64_t was = 0;
    const std::string sent = pages::typed(typed, "version");
    auto [end, ec] = std::from_chars(sent.data(), sent.data() + sent.size(), was);
    if (ec == std::errc() && end == sent.data() + sent.size() && was > 0 && was <= version)
      version = was;
  }
  return show(call, f, *c, typed, {}, version, 200, std::move(notices),
              *kept ? "the form " + std::string(f.path) + ", with the draft kept"
                    : "the form " + std::string(f.path));
}

Result<Reply> form_post(Call& call, const CaseForm& f) {
  const std::string address = form_address(call, f);
  json typed_now = pages::typed_fields(call.form);
  for (const char* button : {"check", "accept_flags", "discard_draft"}) typed_now.erase(button);
  if (pages::typed(call.form, "discard_draft") == "yes") {
    if (auto gone = call.service.discard_draft(*call.caller, address); !gone)
      return std::unexpected(gone.error());
    Reply r = see_other(address);
    r.audit_detail = "the draft of " + std::string(f.path) + " let go";
    return r;
  }
  auto c = case_json(call);
  if (!c) return std::unexpected(c.error());
  const std::int64_t now_at = (*c)["version"].get<std::int64_t>();
  auto refuse = [&](std::vector<FieldProblem> problems, int status, std::string why,
                    std::string_view reason, json notices, std::int64_t version) {
    // The form comes back with everything typed even if the draft cannot
    // be kept (the database unreachable): the page itself still holds it.
    (void)call.service.keep_draft(*call.caller, address, typed_now, reason);
    return show(call, f, *c, call.form, problems, version, status, std::move(notices),
                "refused, kept as a draft: " + why);
  };
  std::int64_t version = 0;
  const std::string sent = pages::typed(call.form, "version");
  auto [end, ec] = std::from_chars(sent.data(), sent.data() + sent.size(), version);
  if (ec != std::errc() || end != sent.data() + sent.size() || version < 1)
    return refuse({{std::string(f.first_input),
                    "The form did not say which version of the case it was opened at: check "
                    "the case, then send it again",
                    {}}},
                  400, "no version", "refused", json::object(), now_at);
  pages::FormReading reading = f.read(call.form);
  if (!reading.problems.empty())
    return refuse(reading.problems, 400, reading.problems.front().message, "refused",
                  json::object(), version);
  if (f.flags != nullptr) {
    const bool checking = pages::typed(call.form, "check") == "yes";
    const auto flags = f.flags(call.form);
    if (checking || (!flags.empty() && pages::typed(call.form, "accept_flags") != "yes")) {
      json notices;
      notices["has_flags"] = !flags.empty();
      notices["smart_flags"] = flags;
      notices["checked_ok"] = flags.empty();
      auto page =
          refuse({}, 200, "checked, nothing recorded", "refused", std::move(notices), version);
      if (page) page->audit_detail = "the form checked, nothing recorded";
      return page;
    }
  }
  const app::CommandSpec* spec = app::find_command(f.command);
  if (spec == nullptr)
    return std::unexpected(Error{ErrorCode::kInternal, "no command " + std::string(f.command), {}});
  app::CommandRequest request;
  request.case_id = call.params["id"];
  request.expected_version = version;
  request.body = std::move(reading.body);
  auto done = app::run_command(call.service, *call.caller, *spec, request);
  if (!done && done.error().code == ErrorCode::kConflict) {
    json notices;
    notices["conflict"] = true;
    json changes = json::array();
    for (const json& e : (*c)["chronology"])
      if (e.value("event", 0) > version)
        changes.push_back({{"change_date", pages::date_in_words(e.value("date", ""))},
                           {"change_what", e.value("what", "")}});
    notices["conflict_changes"] = std::move(changes);
    return refuse({}, 409, "the case changed", "conflict", std::move(notices), now_at);
  }
  if (!done) {
    FieldProblem p = pages::problem_for(done.error(), f.inputs(), f.first_input);
    const ErrorCode code = done.error().code;
    const int status = code == ErrorCode::kRuleViolation ? 422
                       : code == ErrorCode::kDenied      ? 403
                                                         : 400;
    if (code != ErrorCode::kBadInput && code != ErrorCode::kRuleViolation &&
        code != ErrorCode::kDenied)
      return std::unexpected(done.error());
    return refuse({p}, status, p.message, "refused", json::object(), version);
  }
  (void)call.service.discard_draft(*call.caller, address);
  // What the command flagged is shown once, on the case page the browser is
  // sent to, so that reloading that page never sends the form again.
  const bool flagged = !done->warnings.empty();
  if (flagged) call.service.keep_notices(call.session_token, done->warnings);
  Reply r = see_other("/cases/" + request.case_id + "?recorded=" + std::string(f.recorded) +
                      (flagged ? "&flagged=1" : ""));
  r.audit_detail =
      "recorded at version " + std::to_string(done->version) + (flagged ? ", with warnings" : "");
  r.body = json{{"case_id", request.case_id}};
  return r;
}

}  // namespace

std::string recorded_words(std::string_view kind) {
  if (kind == kVisit.recorded) return "The visit is recorded.";
  if (kind == kNote.recorded) return "The case note is added.";
  if (kind == kPlan.recorded) return "The new version of the plan is recorded.";
  if (kind == kSignature.recorded) return "The signature of the plan is recorded.";
  return {};
}

Result<Reply> visit_form(Call& call) {
  return form_get(call, kVisit);
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
Result<Reply> note_form(Call& call) {
  return form_get(call, kNote);
}
Result<Reply> add_note(Call& call) {
  return form_post(call, kNote);
}

}  // namespace cinplan::http::page
