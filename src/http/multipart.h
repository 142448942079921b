// The body of a form sent as multipart/form-data (RFC 7578): the way a
// browser sends a file. Parsed whole (the body is already in memory, within
// the upload limit), with no copy of a part's bytes but the one returned.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace cinplan::http {

struct FormPart {
  std::string name;                      // the field's name
  std::optional<std::string> file_name;  // set for a file (possibly empty: none chosen)
  std::string content_type;              // the part's Content-Type, if any
  std::string data;
};

// Whether a Content-Type header says multipart/form-data.
bool is_multipart(std::string_view content_type);

// The parts of `body`, in order, given its Content-Type header (which names
// the boundary). kBadInput, saying what is wrong, for a missing boundary, a
// part without a name, or a body that ends before its closing boundary.
Result<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body);

}  // namespace cinplan::http
