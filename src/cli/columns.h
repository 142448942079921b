// Text laid out in columns for a terminal: each cell wrapped to its column's
// width with words kept whole, continuation lines indented under their own
// column, so that long entries never push the next column out of line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cinplan::cli {

// Display width of UTF-8 text, in columns: one per code point, none for a
// combining mark, two for a wide East Asian character.
std::size_t text_width(std::string_view text);

// `text` cut to at most `width` columns (width >= 3), with "..." when cut;
// characters are kept whole.
std::string fit_width(std::string_view text, std::size_t width);

// `text` padded with spaces to `width` columns, on the right (or on the left
// with `right`, for numbers).
std::string pad_width(std::string_view text, std::size_t width, bool right = false);

// `text` in lines of at most `width` columns (width >= 1), broken at spaces;
// runs of spaces count as one. Spaces leading the text indent its first
// line, and lines after the first by `hang` more. A word wider than a whole line is the only thing
// ever cut: after its last underscore that fits (ids), else at the width.
// Empty (or all-space) text is one empty line.
std::vector<std::string> wrap(std::string_view text, std::size_t width, std::size_t hang = 0);

// A cell: its paragraphs, each starting on a new line of the cell.
using Cell = std::vector<std::string>;

// Columns of fixed widths, `gap` spaces apart, after a one-character mark
// ("*" for a row that differs). A row is as tall as its tallest cell; lines
// carry no trailing spaces, and none is wider than total().
struct Columns {
  std::vector<std::size_t> widths;
  std::size_t gap = 2;
  // Continuation lines of a paragraph are indented by this much in their
  // column, so that each paragraph's first line stands out.
  std::size_t hang = 2;

  std::size_t total() const;
  // One line per line of the tallest cell. Cells beyond widths.size() are
  // ignored; missing cells are blank.
  std::vector<std::string> row(char mark, const std::vector<Cell>& cells) const;
};

}  // namespace cinplan::cli
