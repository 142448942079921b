#include "cli/terminal.h"

#include <gtest/gtest.h>

#include <sstream>

namespace cinplan::cli {
namespace {

// An ESC[2J in a child's name once cleared the worker's screen.
TEST(Terminal, ControlCharactersAreShownEscaped) {
  EXPECT_EQ(printable("Sam\x1b[2JExample"), "Sam\\x1b[2JExample");
  EXPECT_EQ(printable(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(printable("line\nbreak\r\tx\x7f"), "line\\nbreak\\r\\tx\\x7f");
  EXPECT_EQ(printable("\xc2\x9b"
                      "2J"),
            "\\u009b2J");  // the C1 form of ESC [
}

TEST(Terminal, OrdinaryTextIsUnchanged) {
  EXPECT_EQ(printable("Zoë O’Brien – 10\\3"), "Zoë O’Brien – 10\\3");
  EXPECT_EQ(printable(""), "");
  std::ostringstream out;
  print_line(out, "a\x1b");
  EXPECT_EQ(out.str(), "a\\x1b\n");
}

}  // namespace
}  // namespace cinplan::cli
