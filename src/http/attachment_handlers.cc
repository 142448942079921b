#include "http/attachment_handlers.h"

#include <cctype>
#include <cstdio>

#include "http/case_form.h"
#include "http/page_reply.h"
#include "pages/attachment_form.h"

namespace cinplan::http {
namespace {

page::CaseForm attach_form() {
  page::CaseForm f{"attach",
                   "simple_form",
                   "Attach a document",
                   "add_attachment",
                   "attachment",
                   pages::kAttachmentForm.read,
                   pages::kAttachmentForm.inputs,
                   pages::kAttachmentForm.view,
                   "file"};
  f.file_input = "file";
  return f;
}
const page::CaseForm kAttach = attach_form();

Result<Reply> download(Call& call) {
  const std::string& id = call.params["id"];
  const std::string& sha = call.params["file"];
  auto a = call.service.attachment(*call.caller, id, sha);
  if (!a) return std::unexpected(a.error());
  Reply r;
  r.content_type = a->media_type;
  r.text = std::make_shared<const std::string>(std::move(a->content));
  r.headers.emplace_back("Content-Disposition", attachment_disposition(a->file_name));
  r.audit_detail = "downloaded the attachment " + a->file_name + " (\"" + a->title +
                   "\", SHA-256 " + a->sha256 + ")";
  return r;
}

}  // namespace

std::string attachment_disposition(std::string_view file_name) {
  std::string ascii, encoded;
  for (unsigned char c : file_name) {
    const bool plain = std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == ' ';
    ascii += plain && c < 0x80 ? static_cast<char>(c) : '_';
    if (plain && c != ' ' && c < 0x80) {
      encoded += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

namespace page {

Result<Reply> attachment_form(Call& c) {
  return form_get(c, kAttach);
}
Result<Reply> add_attachment(Call& c) {
  return form_post(c, kAttach);
}
Result<Reply> attachment(Call& c) {
  return download(c);
}
std::string attachment_recorded_words(std::string_view kind) {
  return kind == kAttach.recorded ? "The document is attached." : "";
}

}  // namespace page

namespace api {
Result<Reply> attachment(Call& c) {
  return download(c);
}
}  // namespace api

}  // namespace cinplan::http
