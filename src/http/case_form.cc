#include "http/case_form.h"

#include <charconv>
#include <set>

#include "app/command_rules.h"
#include "app/profile_choices.h"
#include "app/wording.h"
#include "core/calendar/uk_time.h"
#include "http/page_reply.h"
#include "pages/views.h"

namespace cinplan::http::page {
namespace {

using json = nlohmann::ordered_json;
using pages::FieldProblem;
using pages::Form;

std::string form_address(const Call& call, const CaseForm& f) {
  return "/cases/" + call.params.at("id") + "/" + std::string(f.path);
}

// The case as the reader may see it, with the choices its profile's forms
// offer; for a partner's form, only what the partner may see.
Result<json> case_json(Call& call, const CaseForm& f) {
  if (f.shared_only) {
    auto shared = call.service.shared_view(*call.caller, call.params["id"], call.service.today());
    if (!shared) return std::unexpected(shared.error());
    json c = *shared;
    c["child"] = json{{"name", shared->value("child", "")}};
    c["chronology"] = json::array();
    return c;
  }
  auto text = call.service.case_view_text(*call.caller, call.params["id"], call.service.today());
  if (!text) return std::unexpected(text.error());
  json c = json::parse(**text);
  auto profile = call.service.catalog().find(c.value("profile", ""));
  if (!profile) return std::unexpected(profile.error());
  c["choices"] = app::form_choices(**profile);
  c["caller_is_manager"] = app::rules::is_manager(call.caller->role);
  c["profile_name"] = (*profile)->name;
  return c;
}

std::string draft_words(const store::Draft& d) {
  // In England's time, as every other time on the pages.
  const auto at = uk_time(d.saved);
  const std::string when = at ? app::date_words(at->date) + " at " + clock_words(*at)
                              : pages::date_in_words(d.saved.substr(0, 10));
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
    if (!p.rule.empty() && v["rule_words"] == false)
      v["rule_words"] = pages::rule_in_words(p.rule, case_view.value("profile", ""),
                                             case_view.value("profile_name", ""));
  auto page = html(call, f.template_name, f.title, std::move(v), std::move(detail));
  if (page) page->status = status;
  return page;
}

// A version sent as text: the number, or 0 when it is none.
std::int64_t version_of(const std::string& sent) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(sent.data(), sent.data() + sent.size(), v);
  return ec == std::errc() && end == sent.data() + sent.size() && v > 0 ? v : 0;
}

// What the command would say of what was read well, added to the form's own
// problems, so that a worker is told everything at once rather than in
// rounds. A problem on an input already named is left out: the form's own
// says it. A date the form could not read is taken as today for the check.
// A question left unanswered (a radio, a name) stops the check: what the
// command says without the answer (that a child not seen needs a reason)
// could be untrue of the answer to come.
void add_command_problems(Call& call, const CaseForm& f, const app::CommandSpec& spec,
                          std::int64_t version, pages::FormReading& reading) {
  std::set<std::string> named;
  for (const FieldProblem& p : reading.problems) {
    if (!p.field.ends_with("-day") && pages::typed(call.form, p.field).empty()) return;
    named.insert(p.field);
  }
  app::CommandRequest dry;
  dry.case_id = call.params["id"];
  dry.expected_version = version;
  dry.check_only = true;
  dry.body = reading.body;
  dry.uploads = call.files;
  if (!dry.body.contains("date")) dry.body["date"] = call.service.today().to_string();
  auto checked = app::run_command(call.service, *call.caller, spec, dry);
  if (checked) return;
  const Error& error = checked.error();
  if (error.code != ErrorCode::kBadInput && error.code != ErrorCode::kRuleViolation) return;
  auto add = [&](const Error& e) {
    // A field the form did not send because it found it missing or wrong:
    // the form's own message says so, in words.
    if (e.message.find("missing required field") != std::string::npos) return;
    FieldProblem p = pages::problem_for(e, f.inputs(), f.first_input);
    if (named.insert(p.field).second) reading.problems.push_back(std::move(p));
  };
  add(error);
  for (const Error& more : error.also) add(more);
}

}  // namespace

Result<Reply> form_get(Call& call, const CaseForm& f, std::span<const std::string_view> prefill) {
  auto c = case_json(call, f);
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
    if (const std::int64_t was = version_of(pages::typed(typed, "version")); was && was <= version)
      version = was;
  } else {
    for (std::string_view name : prefill)
      if (auto it = call.query.find(std::string(name)); it != call.query.end())
        typed[it->first] = it->second;
  }
  return show(call, f, *c, typed, {}, version, 200, std::move(notices),
              *kept ? "the form " + std::string(f.path) + ", with the draft kept"
                    : "the form " + std::string(f.path));
}

Result<Reply> form_post(Call& call, const CaseForm& f) {
  const std::string address = form_address(call, f);
  json typed_now = pages::typed_fields(call.form);
  for (const char* button : {"check", "accept_flags", "discard_draft", "more_rows"})
    typed_now.erase(button);
  if (pages::typed(call.form, "discard_draft") == "yes") {
    if (auto gone = call.service.discard_draft(*call.caller, address); !gone)
      return std::unexpected(gone.error());
    Reply r = see_other(address);
    r.audit_detail = "the draft of " + std::string(f.path) + " let go";
    return r;
  }
  auto c = case_json(call, f);
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
  const std::int64_t version = version_of(pages::typed(call.form, "version"));
  if (version == 0)
    return refuse({{std::string(f.first_input),
                    "The form did not say which version of the case it was opened at: check "
                    "the case, then send it again",
                    {}}},
                  400, "no version", "refused", json::object(), now_at);
  if (pages::typed(call.form, "more_rows") == "yes") {
    auto page = refuse({}, 200, "more rows, nothing recorded", "refused", json::object(), version);
    if (page) page->audit_detail = "the form with more rows, nothing recorded";
    return page;
  }
  const app::CommandSpec* spec = app::find_command(f.command);
  if (spec == nullptr)
    return std::unexpected(Error{ErrorCode::kInternal, "no command " + std::string(f.command), {}});
  pages::FormReading reading = f.read(call.form, *c);
  if (!f.file_input.empty() && call.files.empty())
    reading.problems.push_back({std::string(f.file_input), "Choose the file to attach", {}});
  if (!reading.problems.empty()) {
    add_command_problems(call, f, *spec, version, reading);
    return refuse(reading.problems, 400, reading.problems.front().message, "refused",
                  json::object(), version);
  }
  app::CommandRequest request;
  request.case_id = call.params["id"];
  request.expected_version = version;
  request.body = std::move(reading.body);
  request.uploads = std::move(call.files);

  // The command refused: the form again, its message beside the input it
  // names (or everything typed against the case as it now is, on a conflict).
  auto refused = [&](const Error& error) -> Result<Reply> {
    if (error.code == ErrorCode::kConflict) {
      json notices;
      notices["conflict"] = true;
      json changes = json::array();
      // Who made each change: the person's own change in another tab or
      // window is said to be theirs.
      const auto by = call.service.recorded_by_since(*call.caller, request.case_id, version);
      for (const json& e : (*c)["chronology"]) {
        const std::int64_t at = e.value("event", std::int64_t{0});
        if (at <= version) continue;
        const auto i = static_cast<std::size_t>(at - version - 1);
        changes.push_back({{"change_date", pages::date_in_words(e.value("date", ""))},
                           {"change_what", e.value("what", "")},
                           {"change_by", by && i < by->size() ? json((*by)[i]) : json(false)}});
      }
      bool all_mine = !changes.empty();
      for (const json& x : changes) all_mine = all_mine && x["change_by"] == "you";
      notices["conflict_by_you"] = all_mine;
      notices["conflict_listed"] = !changes.empty();
      notices["conflict_changes"] = std::move(changes);
      return refuse({}, 409, "the case changed", "conflict", std::move(notices), now_at);
    }
    const ErrorCode code = error.code;
    if (code != ErrorCode::kBadInput && code != ErrorCode::kRuleViolation &&
        code != ErrorCode::kDenied)
      return std::unexpected(error);
    std::vector<FieldProblem> problems{pages::problem_for(error, f.inputs(), f.first_input)};
    for (const Error& more : error.also)
      problems.push_back(pages::problem_for(more, f.inputs(), f.first_input));
    const int status = code == ErrorCode::kRuleViolation ? 422
                       : code == ErrorCode::kDenied      ? 403
                                                         : 400;
    const std::string why = problems.front().message;
    return refuse(std::move(problems), status, why, "refused", json::object(), version);
  };

  const bool checking = pages::typed(call.form, "check") == "yes";
  std::vector<std::string> flags;
  if (f.flags != nullptr) flags = f.flags(call.form);
  if (checking && f.check_command) {
    app::CommandRequest dry = request;
    dry.check_only = true;
    auto checked = app::run_command(call.service, *call.caller, *spec, dry);
    if (!checked) return refused(checked.error());
    flags.insert(flags.end(), checked->warnings.begin(), checked->warnings.end());
  }
  if ((checking && (f.flags != nullptr || f.check_command)) ||
      (!flags.empty() && pages::typed(call.form, "accept_flags") != "yes")) {
    json notices;
    notices["has_flags"] = !flags.empty();
    notices["flags"] = flags;
    notices["flags_words"] = std::string(f.flags_words);
    notices["flags_then"] = std::string(f.flags_then);
    notices["checked_ok"] = flags.empty();
    notices["checked_ok_words"] = std::string(f.checked_ok_words);
    auto page =
        refuse({}, 200, "checked, nothing recorded", "refused", std::move(notices), version);
    if (page) page->audit_detail = "the form checked, nothing recorded";
    return page;
  }
  auto done = app::run_command(call.service, *call.caller, *spec, request);
  if (!done) return refused(done.error());
  (void)call.service.discard_draft(*call.caller, address);
  // What the command flagged is shown once, on the case page the browser is
  // sent to, so that reloading that page never sends the form again.
  const bool flagged = !done->warnings.empty();
  if (flagged) call.service.keep_notices(call.session_token, done->warnings);
  const std::string target = !f.done_at.empty() ? std::string(f.done_at)
                             : f.shared_only    ? "/cases/" + request.case_id + "/shared"
                                                : "/cases/" + request.case_id;
  Reply r =
      see_other(target + "?recorded=" + std::string(f.recorded) + (flagged ? "&flagged=1" : ""));
  r.audit_detail =
      "recorded at version " + std::to_string(done->version) + (flagged ? ", with warnings" : "");
  r.body = json{{"case_id", request.case_id}};
  return r;
}

}  // namespace cinplan::http::page
