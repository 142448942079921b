#include "http/oversight_handlers.h"

#include "http/case_form.h"
#include "http/page_reply.h"
#include "pages/on_time_view.h"
#include "pages/oversight_forms.h"
#include "pages/oversight_view.h"

namespace cinplan::http::page {
namespace {

using json = nlohmann::ordered_json;

CaseForm decision_form(std::string_view path, std::string_view title, std::string_view command,
                       std::string_view recorded, const pages::SupervisionForm& f,
                       std::string_view done_at) {
  CaseForm c{path, "simple_form", title, command, recorded, f.read, f.inputs, f.view, "decision"};
  c.done_at = done_at;
  return c;
}

const CaseForm kPanel =
    decision_form("panel-decision", "Record the panel's decision", "record_panel_decision", "panel",
                  pages::kPanelDecision, "/panel");
const CaseForm kServiceManager =
    decision_form("service-manager-decision", "Record the service manager's decision",
                  "record_service_manager_decision", "service_manager",
                  pages::kServiceManagerDecision, "/oversight");
const CaseForm kNote = decision_form("oversight", "Add a management oversight note",
                                     "record_oversight", "oversight", pages::kOversightNote, "");

// The banner of a list the form went back to.
json banner(const Call& call, const CaseForm& f, std::string_view words) {
  return query_value(call, "recorded") == f.recorded ? json(std::string(words)) : json(false);
}

}  // namespace

std::string oversight_recorded_words(std::string_view kind) {
  if (kind == kNote.recorded) return "The management oversight note is added.";
  return {};
}

Result<Reply> panel(Call& call) {
  Date week = call.service.today();
  if (const std::string asked = query_value(call, "week"); !asked.empty()) {
    auto d = parse_date(asked);
    if (!d)
      return std::unexpected(
          Error::bad_input("week is a day of the week wanted, as YYYY-MM-DD: " + asked));
    week = *d;
  }
  auto list = call.service.panel_list(*call.caller, week);
  if (!list) return std::unexpected(list.error());
  json v = pages::panel_view(*list);
  v["recorded_words"] = banner(call, kPanel, "The panel's decision is recorded.");
  const std::string detail =
      "the panel list for the week from " + v["week_from"].get<std::string>();
  return html(call, "panel", "The Child in Need panel", std::move(v), detail);
}

Result<Reply> oversight(Call& call) {
  int months = 9;
  if (const std::string asked = query_value(call, "months"); !asked.empty()) {
    if (asked != "9" && asked != "12")
      return std::unexpected(Error::bad_input("months is 9 or 12"));
    months = asked == "9" ? 9 : 12;
  }
  auto list = call.service.oversight_list(*call.caller, months, call.service.today());
  if (!list) return std::unexpected(list.error());
  json v = pages::oversight_view(*list);
  v["recorded_words"] =
      banner(call, kServiceManager, "The service manager's decision is recorded.");
  return html(call, "oversight", "Plans open " + std::to_string(months) + " months or more",
              std::move(v), "the plans open " + std::to_string(months) + " months or more");
}

Result<Reply> on_time(Call& call) {
  const Date today = call.service.today();
  auto counts = call.service.on_time(*call.caller, today);
  if (!counts) return std::unexpected(counts.error());
  json v = pages::on_time_view(*counts);
  return html(call, "on_time", "On time over the last 12 months", std::move(v),
              "the team's on-time rates as at " + today.to_string());
}

Result<Reply> panel_decision_form(Call& c) {
  return form_get(c, kPanel);
}
Result<Reply> record_panel_decision(Call& c) {
  return form_post(c, kPanel);
}
Result<Reply> service_manager_decision_form(Call& c) {
  return form_get(c, kServiceManager);
}
Result<Reply> record_service_manager_decision(Call& c) {
  return form_post(c, kServiceManager);
}
Result<Reply> oversight_note_form(Call& c) {
  return form_get(c, kNote);
}
Result<Reply> add_oversight_note(Call& c) {
  return form_post(c, kNote);
}

}  // namespace cinplan::http::page
