// Giving back a case's attachments (service.h: Service::attachment).
#include "app/security.h"
#include "app/service.h"

namespace cinplan::app {

Result<Attachment> Service::attachment(const access::Caller&, std::string_view case_id,
                                       std::string_view sha256) {
  auto found = records_.read([&](const Records::View& v) -> Result<Attachment> {
    const CaseRecord* r = v.find(case_id);
    if (!r)
      return std::unexpected(Error::not_found("There is no case " + std::string(case_id) + "."));
    const Event* e = find_attachment(r->history, sha256);
    if (!e)
      return std::unexpected(Error::not_found("Case " + std::string(case_id) +
                                              " has no attachment " + std::string(sha256) + "."));
    Attachment a;
    a.title = e->string_field("title");
    a.kind = e->string_field("kind");
    a.date = e->date.to_string();
    a.file_name = e->string_field("file_name");
    a.media_type = e->string_field("media_type");
    a.sha256 = std::string(sha256);
    return a;
  });
  if (!found) return std::unexpected(found.error());
  auto file = events_.read_file(case_id, sha256);
  if (!file) return std::unexpected(file.error());
  if (!*file)
    return std::unexpected(Error{
        ErrorCode::kInternal,
        "The case lists " + found->file_name + " but the store does not hold it: tell the IT team.",
        {}});
  if (sha256_hex((*file)->content) != sha256)
    return std::unexpected(Error{ErrorCode::kInternal,
                                 "The stored copy of " + found->file_name +
                                     " does not match the checksum kept when it was attached, so "
                                     "it is not given out: tell the IT team.",
                                 {}});
  found->content = std::move((*file)->content);
  return found;
}

}  // namespace cinplan::app
