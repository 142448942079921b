// What a case id may be. A case id names a case's stream in the event log,
// appears in file names, URLs and messages, and is compared byte for byte by
// both backends, so it is kept to a small, unambiguous alphabet.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace cinplan {

// The longest case id.
inline constexpr std::size_t kMaxCaseIdLength = 64;

// An id is 1 to kMaxCaseIdLength characters, each an ASCII letter, digit,
// '-', '_' or '.', and does not start with '.'. Otherwise kBadInput with one
// plain sentence saying what is wrong, the id shown as quoted_case_id shows
// it, for example:
//   case id "A\u0000B" may hold only letters, digits, "-", "_" and "." (it
//   holds a control character)
Result<void> check_case_id(std::string_view id);

// The id in double quotes, safe to print on one line: '"' and '\' are
// escaped, control characters (NUL included), DEL, C1 controls and the
// Unicode line separators and direction overrides are written as \uXXXX,
// bytes that are not UTF-8 as \xNN. An id longer than 40 characters is cut
// to its first 40, followed by "..." and its length:
//   "AAAA...AAAA..." (1048576 characters)
std::string quoted_case_id(std::string_view id);

}  // namespace cinplan
