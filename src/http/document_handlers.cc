#include "http/document_handlers.h"

#include "app/profile_choices.h"
#include "http/page_reply.h"
#include "pages/closure_letter_view.h"
#include "pages/family_plan_view.h"
#include "pages/pdf_printer.h"

namespace cinplan::http::page {
namespace {

using json = nlohmann::ordered_json;

// The document `name` (its page; or, for ?format=pdf, `name`_pdf with the
// documents' stylesheet inlined, printed) as the reply.
Result<Reply> document(Call& call, std::string_view name, const std::string& title, json v,
                       const std::string& file_name, const std::string& detail) {
  const auto asked = call.query.find("format");
  const std::string format = asked == call.query.end() ? std::string() : asked->second;
  if (!format.empty() && format != "pdf")
    return std::unexpected(Error::bad_input("format is pdf, or left out for the page"));
  if (format.empty()) return html(call, name, title, std::move(v), detail + " (page)");
  const pages::Asset* css = call.site->assets().find("document.css");
  if (css != nullptr) v["document_css"] = *css->bytes;
  auto source = call.site->page(std::string(name) + "_pdf", title, frame_of(call), std::move(v));
  if (!source) return std::unexpected(source.error());
  auto pdf = pages::print_pdf(*source, pages::default_chromium());
  if (!pdf) return std::unexpected(pdf.error());
  Reply r;
  r.text = std::make_shared<const std::string>(std::move(*pdf));
  r.content_type = "application/pdf";
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  r.audit_detail = detail + " (PDF)";
  return r;
}

}  // namespace

Result<Reply> family_plan(Call& call) {
  const Date today = call.service.today();
  const std::string& id = call.params["id"];
  auto text = call.service.case_view_text(*call.caller, id, today);
  if (!text) return std::unexpected(text.error());
  json c = json::parse(**text);
  auto profile = call.service.catalog().find(c.value("profile", ""));
  if (!profile) return std::unexpected(profile.error());
  c["choices"] = app::form_choices(**profile);
  json v = pages::family_plan_view(c, call.service.settings().authority, call.caller->display_name,
                                   today.to_string());
  const std::string title = v["child_name"].get<std::string>() + "'s plan";
  return document(call, "family_plan", title, std::move(v), "plan-" + id + ".pdf",
                  "the family's copy of the plan as at " + today.to_string());
}

Result<Reply> closure_letter(Call& call) {
  const Date today = call.service.today();
  const std::string& id = call.params["id"];
  auto text = call.service.case_view_text(*call.caller, id, today);
  if (!text) return std::unexpected(text.error());
  json v = pages::closure_letter_view(json::parse(**text), call.service.settings().authority,
                                      call.caller->display_name, today.to_string());
  if (!v["closed"].get<bool>())
    return std::unexpected(
        Error::not_found("The case is open: the closure letter is made once it is closed."));
  const std::string title = v["child_name"].get<std::string>() + ": the plan has ended";
  return document(call, "closure_letter", title, std::move(v), "closure-" + id + ".pdf",
                  "the closure letter as at " + today.to_string());
}

}  // namespace cinplan::http::page
