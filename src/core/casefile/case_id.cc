#include "core/casefile/case_id.h"

#include <cstdint>
#include <cstdio>

namespace cinplan {
namespace {

// How many characters of a long id a message shows.
constexpr std::size_t kShown = 40;

// One character of the id: a UTF-8 sequence, or a single byte that is not
// part of one (code point -1).
struct Character {
  std::int32_t code_point = -1;
  std::size_t bytes = 1;
};

Character next_character(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  std::int32_t cp = 0;
  std::int32_t least = 0;  // the smallest code point this length may encode
  if ((lead & 0xe0) == 0xc0) {
    length = 2, cp = lead & 0x1f, least = 0x80;
  } else if ((lead & 0xf0) == 0xe0) {
    length = 3, cp = lead & 0x0f, least = 0x800;
  } else if ((lead & 0xf8) == 0xf0) {
    length = 4, cp = lead & 0x07, least = 0x10000;
  } else {
    return {};
  }
  if (at + length > text.size()) return {};
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xc0) != 0x80) return {};
    cp = (cp << 6) | (byte(i) & 0x3f);
  }
  if (cp < least || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return {};
  return {cp, length};
}

bool is_control(std::int32_t cp) {
  return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f);
}

// Characters a terminal or a log would not show as themselves: controls,
// the line and paragraph separators, and the direction overrides that
// reorder what follows them.
bool needs_escape(std::int32_t cp) {
  return is_control(cp) || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202a && cp <= 0x202e) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f;
}

bool allowed(std::int32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
         cp == '-' || cp == '_' || cp == '.';
}

// Appends one character as quoted_case_id shows it.
void append_shown(std::string& out, std::string_view text, std::size_t at, const Character& c) {
  char buffer[16];
  if (c.code_point < 0) {
    std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned char>(text[at]));
    out += buffer;
  } else if (c.code_point == '"' || c.code_point == '\\') {
    out += '\\';
    out += static_cast<char>(c.code_point);
  } else if (needs_escape(c.code_point)) {
    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c.code_point));
    out += buffer;
  } else {
    out.append(text.substr(at, c.bytes));
  }
}

std::size_t count_characters(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < text.size(); at += next_character(text, at).bytes) ++count;
  return count;
}

// What the first character that is not allowed is, for "(it holds ...)".
std::string describe_character(std::string_view text, std::size_t at, const Character& c) {
  if (c.code_point < 0) return "a byte that is not UTF-8 text";
  if (is_control(c.code_point)) return "a control character";
  if (c.code_point == ' ') return "a space";
  if (c.code_point == '"') return "a double quote";
  if (c.code_point == '\\') return "a backslash";
  std::string shown = "\"";
  append_shown(shown, text, at, c);
  shown += '"';
  if (c.code_point >= 0x80) shown += ", which is not an ASCII character";
  return shown;
}

}  // namespace

std::string quoted_case_id(std::string_view id) {
  std::string out = "\"";
  std::size_t shown = 0;
  std::size_t at = 0;
  while (at < id.size() && shown < kShown) {
    const Character c = next_character(id, at);
    append_shown(out, id, at, c);
    at += c.bytes;
    ++shown;
  }
  if (at < id.size()) {
    out += "...\" (" + std::to_string(shown + count_characters(id.substr(at))) + " characters)";
  } else {
    out += '"';
  }
  return out;
}

Result<void> check_case_id(std::string_view id) {
  if (id.empty()) return std::unexpected(Error::bad_input("the case id is empty"));
  const std::size_t length = count_characters(id);
  if (length > kMaxCaseIdLength) {
    // quoted_case_id gives the length of an id this long.
    return std::unexpected(Error::bad_input("case id " + quoted_case_id(id) +
                                            " is too long: a case id has at most " +
                                            std::to_string(kMaxCaseIdLength) + " characters"));
  }
  for (std::size_t at = 0; at < id.size();) {
    const Character c = next_character(id, at);
    if (c.code_point < 0 || !allowed(c.code_point)) {
      return std::unexpected(
          Error::bad_input("case id " + quoted_case_id(id) +
                           " may hold only letters, digits, \"-\", \"_\" and \".\" (it holds " +
                           describe_character(id, at, c) + ")"));
    }
    at += c.bytes;
  }
  if (id.front() == '.')
    return std::unexpected(
        Error::bad_input("case id " + quoted_case_id(id) + " may not start with \".\""));
  return {};
}

}  // namespace cinplan
