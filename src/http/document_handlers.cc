#include "http/document_handlers.h"

#include "app/profile_choices.h"
#include "http/page_reply.h"
#include "pages/chronology_document.h"
#include "pages/closure_letter_view.h"
#include "pages/family_plan_view.h"
#include "pages/meeting_documents.h"
#include "pages/pdf_printer.h"

namespace cinplan::http::page {
namespace {

using json = nlohmann::ordered_json;

// The document `name` (its page; or, for ?format=pdf, `name`_pdf with the
// documents' stylesheet inlined, printed) as the reply.
Result<Reply> document(Call& call, std::string_view name, const std::string& title, json v,
                       const std::string& file_name, const std::string& detail) {
  const std::string format = query_value(call, "format");
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

// The case as at today, with its profile's choices (the family plan's
// sections) and name.
Result<json> case_for_documents(Call& call, Date today) {
  auto text = call.service.case_view_text(*call.caller, call.params["id"], today);
  if (!text) return std::unexpected(text.error());
  json c = json::parse(**text);
  auto profile = call.service.catalog().find(c.value("profile", ""));
  if (!profile) return std::unexpected(profile.error());
  c["choices"] = app::form_choices(**profile);
  c["profile_name"] = (*profile)->name;
  return c;
}

// A meeting's document (`name`: "minutes", "invitation") of ?date=, or of
// the latest held or first to hold.
Result<Reply> meeting_document(Call& call, std::string_view name, std::string_view words) {
  const Date today = call.service.today();
  const std::string& id = call.params["id"];
  const std::string date = query_value(call, "date");
  if (!date.empty() && !parse_date(date))
    return std::unexpected(Error::bad_input("date is the meeting's day, as YYYY-MM-DD: " + date));
  auto c = case_for_documents(call, today);
  if (!c) return std::unexpected(c.error());
  const std::string authority = call.service.settings().authority;
  json v = name == "minutes" ? pages::minutes_view(*c, date, authority, call.caller->display_name,
                                                   today.to_string())
                             : pages::invitation_view(*c, date, authority,
                                                      call.caller->display_name, today.to_string());
  if (!v["found"].get<bool>())
    return std::unexpected(Error::not_found(
        name == "minutes" ? "No meeting was held on that day, so there are no minutes of it."
                          : "No meeting is arranged for that day, so there is no invitation."));
  const std::string address = "/cases/" + id + "/" + std::string(name);
  v["pdf_href"] = address + "?" + (date.empty() ? "" : "date=" + date + "&") + "format=pdf";
  const std::string title = std::string(words) + ": " + v["child_name"].get<std::string>();
  return document(call, name, title, std::move(v), std::string(name) + "-" + id + ".pdf",
                  "the " + std::string(name) + (date.empty() ? "" : " of " + date) + " as at " +
                      today.to_string());
}

// A document of the whole case as at today: `view` makes it from the case,
// its page is `name` (at /cases/ID/`path`), titled `before` + the child's
// name + `after`, and the access log says `what` was produced.
using CaseDocumentView = json (*)(const json&, std::string_view, std::string_view,
                                  std::string_view);
Result<Reply> case_document(Call& call, CaseDocumentView view, std::string_view name,
                            std::string_view path, std::string_view before, std::string_view after,
                            std::string_view what) {
  const Date today = call.service.today();
  const std::string& id = call.params["id"];
  auto c = case_for_documents(call, today);
  if (!c) return std::unexpected(c.error());
  json v =
      view(*c, call.service.settings().authority, call.caller->display_name, today.to_string());
  v["pdf_href"] = "/cases/" + id + "/" + std::string(path) + "?format=pdf";
  const std::string title =
      std::string(before) + v["child_name"].get<std::string>() + std::string(after);
  return document(call, name, title, std::move(v), std::string(path) + "-" + id + ".pdf",
                  std::string(what) + " as at " + today.to_string());
}

}  // namespace

Result<Reply> minutes(Call& call) {
  return meeting_document(call, "minutes", "Minutes");
}

Result<Reply> invitation(Call& call) {
  return meeting_document(call, "invitation", "Invitation");
}

Result<Reply> chronology_document(Call& call) {
  return case_document(call, pages::chronology_document_view, "chronology_document",
                       "chronology-document", "Chronology: ", "", "the chronology");
}

Result<Reply> transfer_pack(Call& call) {
  return case_document(call, pages::transfer_pack_view, "transfer_pack", "transfer-pack",
                       "Transfer pack: ", "", "the transfer pack");
}

Result<Reply> family_plan(Call& call) {
  return case_document(call, pages::family_plan_view, "family_plan", "family-plan", "", "'s plan",
                       "the family's copy of the plan");
}

Result<Reply> closure_letter(Call& call) {
  const Date today = call.service.today();
  const std::string& id = call.params["id"];
  auto text = call.service.case_view_text(*call.caller, id, today);
  if (!text) return std::unexpected(text.error());
  json v = pages::closure_letter_view(json::parse(**text), call.service.settings().authority,
                                      call.service.settings().contact, call.caller->display_name,
                                      today.to_string());
  if (!v["closed"].get<bool>())
    return std::unexpected(
        Error::not_found("The case is open: the closure letter is made once it is closed."));
  const std::string title = v["child_name"].get<std::string>() + ": the plan has ended";
  return document(call, "closure_letter", title, std::move(v), "closure-" + id + ".pdf",
                  "the closure letter as at " + today.to_string());
}

}  // namespace cinplan::http::page
