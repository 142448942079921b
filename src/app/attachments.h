// Attachments: documents uploaded to a child's case (a partner's written
// report, a court order, a plan signed by the family and scanned in). Each is
// kept in the store with the event that adds it ("attachment_added"), in one
// transaction, under its SHA-256; the event is what the chronology lists.
//
// What is taken is decided by the file's first bytes, never by the name or
// the type a browser claims: PDF, Word (.docx), JPEG, PNG and TIFF. A file
// that is empty, over the authority's limit or of another kind is refused,
// naming the file and what is taken, and nothing is written.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/casefile/case_history.h"
#include "core/error.h"

namespace cinplan::app {

// A file as a form or the API sent it.
struct Upload {
  std::string field;      // the form field it came in ("file")
  std::string file_name;  // as the sender named it (any folders are dropped)
  std::string content;    // the bytes
};

// What the case records of an upload that is taken.
struct AttachmentFile {
  std::string file_name;   // the name without folders or control characters
  std::string media_type;  // from the content: "application/pdf" ...
  std::string sha256;      // hex
  std::size_t size = 0;
};

// The upload's name, type, size and checksum, or kBadInput naming the file
// and what is wrong ("report.exe is not a PDF, Word (.docx), JPEG, PNG or
// TIFF file") for an empty file, one over `max_bytes`, or one of a type not
// taken.
Result<AttachmentFile> examine_upload(const Upload& upload, std::size_t max_bytes);

// The file's type from its first bytes and, for Word, its name; empty when
// it is none of the types taken.
std::string media_type_of(std::string_view content, std::string_view file_name);

// The name kept: the part after the last / or \, control characters taken
// out, at most 150 bytes (cut on a character boundary); "attachment" when
// nothing is left.
std::string kept_file_name(std::string_view sent);

// The event of `history` that attached the file with that SHA-256 (as
// written, a corrected one too), or null.
const Event* find_attachment(const CaseHistory& history, std::string_view sha256);

// "what is taken", for messages and the form's hint.
inline constexpr std::string_view kTakenTypes = "PDF, Word (.docx), JPEG, PNG or TIFF";

// A file as it is given back, with what the case says of it.
struct Attachment {
  std::string title;
  std::string kind;
  std::string date;  // the day it was attached (the event's date)
  std::string file_name;
  std::string media_type;
  std::string sha256;
  std::string content;
};

}  // namespace cinplan::app
