#include "cli/columns.h"

#include <algorithm>

namespace cinplan::cli {
namespace {

bool continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u;
}

// The byte length of the first `n` code points of `text` (all of it if shorter).
std::size_t prefix_bytes(std::string_view text, std::size_t n) {
  std::size_t at = 0;
  for (std::size_t seen = 0; at < text.size(); ++at) {
    if (!continuation_byte(text[at]) && seen++ == n) break;
  }
  return at;
}

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t start = text.find_first_not_of(' ', at);
    if (start == std::string_view::npos) break;
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    at = end;
  }
  return out;
}

}  // namespace

namespace {

// The code point starting at text[i] (UTF-8; a stray byte is itself), and
// how many bytes it takes.
char32_t code_point(std::string_view text, std::size_t i, std::size_t& size) {
  const auto b = static_cast<unsigned char>(text[i]);
  size = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (b < 0x80 || i + size > text.size()) {
    size = 1;
    return b;
  }
  char32_t c = b & (0x3F >> (size - 1));
  for (std::size_t k = 1; k < size; ++k)
    c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return c;
}

// Columns a code point takes: none for combining marks, two for the wide
// East Asian ranges, one otherwise.
std::size_t columns_of(char32_t c) {
  if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
      (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) || c == 0x200D)
    return 0;
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
      (c >= 0x20000 && c <= 0x3FFFD))
    return 2;
  return 1;
}

}  // namespace

std::size_t text_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0, size = 1; i < text.size(); i += size)
    width += columns_of(code_point(text, i, size));
  return width;
}

std::string fit_width(std::string_view text, std::size_t width) {
  if (text_width(text) <= width) return std::string(text);
  std::string out;
  std::size_t used = 0;
  for (std::size_t i = 0, size = 1; i < text.size(); i += size) {
    const std::size_t w = columns_of(code_point(text, i, size));
    if (used + w + 3 > width) break;
    out.append(text.substr(i, size));
    used += w;
  }
  return out + "...";
}

std::string pad_width(std::string_view text, std::size_t width, bool right) {
  const std::size_t w = text_width(text);
  const std::string fill(w < width ? width - w : 0, ' ');
  return right ? fill + std::string(text) : std::string(text) + fill;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width, std::size_t hang) {
  width = std::max<std::size_t>(width, 1);
  const std::size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {""};
  const std::size_t lead = std::min(first, width - 1);
  hang = std::min(lead + hang, width - 1);
  std::vector<std::string> lines;
  std::string line(lead, ' ');
  std::size_t used = lead;  // columns of `line`, indent included
  bool empty = true;        // `line` has no word yet
  auto next_line = [&] {
    lines.push_back(line);
    line.assign(hang, ' ');
    used = hang;
    empty = true;
  };
  for (std::string_view word : words(text)) {
    std::size_t w = text_width(word);
    if (!empty && used + 1 + w <= width) {
      line += ' ';
      line += word;
      used += 1 + w;
      continue;
    }
    if (!empty) next_line();
    // A word too wide for a whole line is cut, after its last underscore
    // that fits (an id: "supervision_order_" "final_review"), else at the width.
    while (used + w > width) {
      const std::size_t fits = width - used;
      std::size_t bytes = prefix_bytes(word, fits);
      const std::size_t underscore = word.substr(0, bytes).rfind('_');
      if (underscore != std::string_view::npos && underscore > 0) bytes = underscore + 1;
      line += word.substr(0, bytes);
      w -= text_width(word.substr(0, bytes));
      word.remove_prefix(bytes);
      next_line();
    }
    line += word;
    used += w;
    empty = false;
  }
  lines.push_back(line);
  return lines;
}

std::size_t Columns::total() const {
  std::size_t sum = 1;
  for (std::size_t w : widths) sum += w;
  return sum + gap * (widths.empty() ? 0 : widths.size() - 1);
}

std::vector<std::string> Columns::row(char mark, const std::vector<Cell>& cells) const {
  std::vector<std::vector<std::string>> columns(widths.size());
  std::size_t height = 1;
  for (std::size_t c = 0; c < widths.size() && c < cells.size(); ++c) {
    for (const std::string& paragraph : cells[c]) {
      for (std::string& l : wrap(paragraph, widths[c], hang)) columns[c].push_back(std::move(l));
    }
    height = std::max(height, columns[c].size());
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < height; ++i) {
    std::string line(1, i == 0 ? mark : ' ');
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const std::string& text = i < columns[c].size() ? columns[c][i] : std::string();
      line += text;
      if (c + 1 < widths.size())
        line.append(widths[c] - std::min(widths[c], text_width(text)) + gap, ' ');
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace cinplan::cli
