// Checks on UTF-8 text that passwords, names and the access log share.
#pragma once

#include <cstddef>
#include <string_view>

namespace cinplan {

// Whether `text` is well-formed UTF-8: no stray continuation bytes, no
// truncated sequences, no overlong forms, no surrogates (U+D800 to U+DFFF),
// nothing past U+10FFFF.
bool valid_utf8(std::string_view text);

// How many code points `text` holds: the bytes that do not continue a UTF-8
// sequence (for valid text, its characters).
std::size_t code_points(std::string_view text);

// Whether `text` holds a control character: C0 (U+0000 to U+001F, tab and
// newline included), DEL, or C1 (U+0080 to U+009F).
bool has_control_character(std::string_view text);

}  // namespace cinplan
