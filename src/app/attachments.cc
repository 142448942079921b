// What an upload is and whether it is taken (attachments.h).
#include "app/attachments.h"

#include "app/security.h"
#include "core/casefile/json_reader.h"
#include "core/utf8.h"

namespace cinplan::app {
namespace {

constexpr std::size_t kMostNameBytes = 150;

bool starts(std::string_view content, std::string_view magic) {
  return content.substr(0, magic.size()) == magic;
}

bool ends_with_docx(std::string_view name) {
  if (name.size() < 5) return false;
  std::string tail(name.substr(name.size() - 5));
  for (char& c : tail) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return tail == ".docx";
}

}  // namespace

std::string media_type_of(std::string_view content, std::string_view file_name) {
  using namespace std::string_view_literals;
  if (starts(content, "%PDF-")) return "application/pdf";
  if (starts(content, "\xFF\xD8\xFF"sv)) return "image/jpeg";
  if (starts(content, "\x89PNG\r\n\x1A\n"sv)) return "image/png";
  if (starts(content, "II*\0"sv) || starts(content, "MM\0*"sv)) return "image/tiff";
  // A .docx is a zip; any other zip is not taken.
  if (starts(content, "PK\x03\x04"sv) && ends_with_docx(file_name))
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  return {};
}

std::string kept_file_name(std::string_view sent) {
  if (const auto slash = sent.find_last_of("/\\"); slash != std::string_view::npos)
    sent.remove_prefix(slash + 1);
  std::string name;
  for (unsigned char c : sent)
    if (c >= 0x20 && c != 0x7F) name += static_cast<char>(c);
  if (!valid_utf8(name)) {
    std::string ascii;
    for (unsigned char c : name)
      if (c < 0x80) ascii += static_cast<char>(c);
    name = ascii;
  }
  if (name.size() > kMostNameBytes) {
    std::size_t cut = kMostNameBytes;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  while (!name.empty() && (name.front() == ' ' || name.front() == '.')) name.erase(0, 1);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return name.empty() ? "attachment" : name;
}

const Event* find_attachment(const CaseHistory& history, std::string_view sha256) {
  for (const Event& e : history.events)
    if (e.type_id() == "attachment_added" && e.string_field("sha256") == sha256) return &e;
  return nullptr;
}

Result<AttachmentFile> examine_upload(const Upload& upload, std::size_t max_bytes) {
  AttachmentFile file;
  file.file_name = kept_file_name(upload.file_name);
  if (upload.content.empty())
    return std::unexpected(Error::bad_input(
        upload.file_name.empty() ? "Choose the file to attach."
                                 : file.file_name + " is empty: choose the file again."));
  if (upload.content.size() > max_bytes)
    return std::unexpected(Error::bad_input(
        file.file_name + " is " + describe_size(upload.content.size()) + ": a file of at most " +
        describe_size(max_bytes) + " is taken. Scan it at a lower resolution, or in parts."));
  file.media_type = media_type_of(upload.content, file.file_name);
  if (file.media_type.empty())
    return std::unexpected(Error::bad_input(file.file_name + " is not a " +
                                            std::string(kTakenTypes) +
                                            " file: only those are taken. Save it as a PDF and "
                                            "attach that."));
  file.size = upload.content.size();
  file.sha256 = sha256_hex(upload.content);
  return file;
}

}  // namespace cinplan::app
