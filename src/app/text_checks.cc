#include "app/text_checks.h"

#include <algorithm>
#include <string>

#include "core/utf8.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view kOneLine[] = {"heading",      "name",   "owner",   "venue",
                                         "relationship", "agency", "role",    "person",
                                         "chair",        "title",  "contact", "lead_professional"};

// The direction-changing character `text` holds, by name, or empty.
std::string_view direction_character(std::string_view text) {
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) != 0xE2) continue;
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) {
      static constexpr std::string_view kNames[] = {
          "U+202A, left-to-right embedding", "U+202B, right-to-left embedding",
          "U+202C, pop directional formatting", "U+202D, left-to-right override",
          "U+202E, right-to-left override"};
      return kNames[b2 - 0xAA];
    }
    if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) {
      static constexpr std::string_view kNames[] = {
          "U+2066, left-to-right isolate", "U+2067, right-to-left isolate",
          "U+2068, first strong isolate", "U+2069, pop directional isolate"};
      return kNames[b2 - 0xA6];
    }
  }
  return {};
}

std::string with_commas(std::size_t n) {
  std::string s = std::to_string(n);
  for (int at = static_cast<int>(s.size()) - 3; at > 0; at -= 3)
    s.insert(static_cast<std::size_t>(at), ",");
  return s;
}

Result<void> check_value(const json& v, std::string_view field) {
  if (v.is_string()) {
    const std::string& text = v.get_ref<const std::string&>();
    const std::size_t limit = text_limit(field);
    const std::size_t length = code_points(text);
    if (length > limit)
      return std::unexpected(Error::bad_input(
          "The text is " + with_commas(length) + " characters long: this field keeps at most " +
          with_commas(limit) + " (" + std::string(field) + ")."));
    if (const std::string_view c = direction_character(text); !c.empty())
      return std::unexpected(Error::bad_input(
          "The text holds an invisible character that changes the direction of what follows "
          "it (" +
          std::string(c) +
          "): type it again without pasting, so that it reads as "
          "written (" +
          std::string(field) + ")."));
    return {};
  }
  if (v.is_array()) {
    for (const json& item : v)
      if (auto ok = check_value(item, field); !ok) return ok;
  } else if (v.is_object()) {
    for (const auto& [key, item] : v.items())
      if (auto ok = check_value(item, key); !ok) return ok;
  }
  return {};
}

}  // namespace

std::size_t text_limit(std::string_view field) {
  return std::find(std::begin(kOneLine), std::end(kOneLine), field) != std::end(kOneLine)
             ? kLineLimit
             : kLongTextLimit;
}

Result<void> check_text(const std::vector<json>& events) {
  for (const json& e : events)
    if (auto ok = check_value(e, "text"); !ok) return ok;
  return {};
}

}  // namespace cinplan::app
