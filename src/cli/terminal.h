// Text for a terminal. What a record holds (a child's name, a worker's, a
// file's) is shown as written but never reaches the terminal raw: control
// characters (an ESC that clears the screen, a carriage return that hides
// what came before) are shown escaped, as \x1b or \r.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

namespace cinplan::cli {

// `text` with every C0 control character (newline and tab included), DEL and
// C1 control character (U+0080 to U+009F) written as \xNN, \n, \r or \t, and
// backslashes kept as they are. Valid UTF-8 otherwise passes unchanged.
std::string printable(std::string_view text);

// Writes printable(line) and a newline.
void print_line(std::ostream& out, std::string_view line);

}  // namespace cinplan::cli
