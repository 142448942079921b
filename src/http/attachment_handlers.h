// Attachments on a case (issue 10): the form that uploads one
// (/cases/ID/attach, multipart/form-data), and the file given back as it was
// uploaded (/cases/ID/attachments/SHA256, and the same under /api/). Every
// download is on the access log with the file's name and checksum; the file
// is sent as a download (never shown inline), with its stored type.
#pragma once

#include <string>
#include <string_view>

#include "http/routes.h"

namespace cinplan::http {

namespace page {
Result<Reply> attachment_form(Call&);
Result<Reply> add_attachment(Call&);
Result<Reply> attachment(Call&);
// The case page's banner after attaching; empty for any other kind.
std::string attachment_recorded_words(std::string_view kind);
}  // namespace page

namespace api {
Result<Reply> attachment(Call&);
}  // namespace api

// The Content-Disposition of a download named `file_name`: an ASCII name
// for every client and the UTF-8 name (RFC 6266, RFC 8187) beside it.
std::string attachment_disposition(std::string_view file_name);

}  // namespace cinplan::http
