#include "http/partner_handlers.h"

#include "http/case_form.h"
#include "http/page_reply.h"
#include "pages/partner_forms.h"
#include "pages/shared_view.h"

namespace cinplan::http::page {
namespace {

using json = nlohmann::ordered_json;

CaseForm partner_form(std::string_view path, std::string_view title, std::string_view command,
                      std::string_view recorded, decltype(CaseForm::read) read,
                      decltype(CaseForm::inputs) inputs, decltype(CaseForm::view) view) {
  CaseForm f{path, "simple_form", title, command, recorded, read, inputs, view, "meeting"};
  f.shared_only = true;
  return f;
}

const CaseForm kWrittenUpdate = partner_form(
    "written-update", "Add a written update", "add_written_update", "update",
    pages::read_written_update, pages::written_update_inputs, pages::written_update_form_view);
const CaseForm kScaling = partner_form(
    "scaling", "Give a scaling score", "record_scaling", "scaling", pages::read_partner_scaling,
    pages::partner_scaling_inputs, pages::partner_scaling_form_view);

}  // namespace

Result<Reply> shared_list(Call& call) {
  auto shared = call.service.shared_cases(*call.caller);
  if (!shared) return std::unexpected(shared.error());
  json v = pages::shared_list_view(*shared, call.service.today().to_string());
  const std::size_t n = v["cases"].size();
  return html(call, "shared", "The families who share with your agency", std::move(v),
              std::to_string(n) + (n == 1 ? " family" : " families") + " listed");
}

Result<Reply> shared_case(Call& call) {
  const Date today = call.service.today();
  auto shared = call.service.shared_view(*call.caller, call.params["id"], today);
  if (!shared) return std::unexpected(shared.error());
  json v = pages::shared_case_view(*shared, today.to_string());
  const std::string recorded = query_value(call, "recorded");
  v["recorded_words"] = recorded == kWrittenUpdate.recorded ? json("Your update is added.")
                        : recorded == kScaling.recorded     ? json("Your score is recorded.")
                                                            : json(false);
  const std::string title = v["child_name"].get<std::string>();
  return html(call, "shared_case", title, std::move(v), "the plan and meeting dates");
}

Result<Reply> written_update_form(Call& call) {
  return form_get(call, kWrittenUpdate);
}
Result<Reply> add_written_update(Call& call) {
  return form_post(call, kWrittenUpdate);
}
Result<Reply> partner_scaling_form(Call& call) {
  return form_get(call, kScaling);
}
Result<Reply> record_partner_scaling(Call& call) {
  return form_post(call, kScaling);
}

}  // namespace cinplan::http::page
