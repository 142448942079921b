#include "cli/columns.h"

#include <gtest/gtest.h>

namespace cinplan::cli {
namespace {

using Lines = std::vector<std::string>;

TEST(TextWidth, CountsCharactersNotBytes) {
  EXPECT_EQ(text_width("Young People’s"), 14u);
  EXPECT_EQ(text_width(""), 0u);
}

TEST(Wrap, KeepsWordsWholeAndIndentsContinuationLines) {
  EXPECT_EQ(wrap("within 15 working days of the decision", 16, 2),
            (Lines{"within 15", "  working days", "  of the", "  decision"}));
  EXPECT_EQ(wrap("short", 16, 2), (Lines{"short"}));
  EXPECT_EQ(wrap("", 10), (Lines{""}));
  EXPECT_EQ(wrap("a   b  ", 10), (Lines{"a b"}));
}

TEST(Wrap, KeepsTheSpaceAfterAWordAsShortAsTheIndent) {
  EXPECT_EQ(wrap("on disability: every 6 months", 40, 2), (Lines{"on disability: every 6 months"}));
  EXPECT_EQ(wrap("(a reading)", 40, 2), (Lines{"(a reading)"}));
}

TEST(Wrap, KeepsTheIndentOfAnIndentedParagraph) {
  EXPECT_EQ(wrap("  differs: strength, who", 14, 2),
            (Lines{"  differs:", "    strength,", "    who"}));
  EXPECT_EQ(wrap("   ", 10), (Lines{""}));
}

TEST(Wrap, FillsEachLineToItsWidth) {
  EXPECT_EQ(wrap("aaa bbb ccc", 7), (Lines{"aaa bbb", "ccc"}));
  EXPECT_EQ(wrap("aaa bbb ccc", 6), (Lines{"aaa", "bbb", "ccc"}));
}

TEST(Wrap, CutsOnlyAWordWiderThanTheColumn) {
  EXPECT_EQ(wrap("meeting supervision_order_final_review", 20),
            (Lines{"meeting", "supervision_order_", "final_review"}));
  EXPECT_EQ(wrap("abcdefgh", 5, 2), (Lines{"abcde", "  fgh"}));
  EXPECT_EQ(wrap("a abcdefgh", 5, 2), (Lines{"a", "  abc", "  def", "  gh"}));
}

TEST(Wrap, CountsMultiByteCharactersAsOneColumnAndNeverSplitsThem) {
  const Lines lines = wrap("People’s People’s", 8);
  EXPECT_EQ(lines, (Lines{"People’s", "People’s"}));
  const Lines cut = wrap("’’’’’’", 4);
  EXPECT_EQ(cut, (Lines{"’’’’", "’’"}));
}

TEST(Columns, AlignsEveryLineOfEveryCellUnderItsColumn) {
  const Columns cols{{6, 10, 10}, 2, 2};
  EXPECT_EQ(cols.total(), 31u);
  const Lines out = cols.row('*', {{"review"}, {"at least every 3 months"}, {"6 weeks"}});
  EXPECT_EQ(out, (Lines{"*review  at least    6 weeks",  //
                        "           every 3",            //
                        "           months"}));
  // The third column starts at 1 + 6 + 2 + 10 + 2 whatever the second holds.
  const Lines long_b = cols.row(' ', {{"id"}, {"a b"}, {"one two three"}});
  EXPECT_EQ(long_b, (Lines{" id      a b         one two", "                       three"}));
  for (const std::string& line : out) EXPECT_LE(text_width(line), cols.total());
}

TEST(Columns, StartsEachParagraphOnItsOwnLineAndLeavesMissingCellsBlank) {
  const Columns cols{{4, 8, 8}, 1, 1};
  const Lines out = cols.row(' ', {{"id"}, {}, {"must", "by the chair"}});
  EXPECT_EQ(out, (Lines{" id            must", "               by the", "                chair"}));
}

}  // namespace
}  // namespace cinplan::cli
