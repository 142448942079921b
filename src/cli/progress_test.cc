#include "cli/progress.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

namespace cinplan::cli {
namespace {

using namespace std::chrono_literals;

std::size_t redraws(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += c == '\r';
  return n;
}

TEST(Progress, SilentWhenNotDrawing) {
  std::ostringstream out;
  {
    Progress p(10, "cases", out, false);
    p.tick(3);
    std::this_thread::sleep_for(120ms);
    p.tick(7);
    p.done();
    EXPECT_EQ(p.count(), 10);
  }
  EXPECT_EQ(out.str(), "");
}

TEST(Progress, QuickRunsDrawNothing) {
  std::ostringstream out;
  Progress p(10, "cases", out, true);
  p.tick(10);
  p.done();
  EXPECT_EQ(out.str(), "");
}

TEST(Progress, ShowsCountRateAndTimeLeftThenAFinalLine) {
  std::ostringstream out;
  Progress p(4, "cases", out, true);
  p.tick();
  std::this_thread::sleep_for(120ms);
  p.tick();
  const std::string drawn = out.str();
  EXPECT_NE(drawn.find("2/4 cases (50%)"), std::string::npos) << drawn;
  EXPECT_NE(drawn.find("/s"), std::string::npos) << drawn;
  EXPECT_NE(drawn.find("left"), std::string::npos) << drawn;
  p.tick(2);
  p.done();
  const std::string all = out.str();
  EXPECT_NE(all.find("4/4 cases in "), std::string::npos) << all;
  EXPECT_TRUE(all.ends_with("\n"));
}

TEST(Progress, RedrawsAtMostAboutTenTimesASecond) {
  std::ostringstream out;
  Progress p(0, "events", out, true);
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < 350ms) p.tick();
  EXPECT_LE(redraws(out.str()), 4u) << out.str();
  EXPECT_GE(redraws(out.str()), 2u);
  EXPECT_NE(out.str().find(" events, "), std::string::npos) << out.str();
}

TEST(Progress, LinesAreAlwaysPrinted) {
  std::ostringstream quiet;
  Progress p(2, "cases", quiet, false);
  p.line("a.json: not valid JSON");
  EXPECT_EQ(quiet.str(), "a.json: not valid JSON\n");

  std::ostringstream tty;
  Progress shown(2, "cases", tty, true);
  std::this_thread::sleep_for(120ms);
  shown.tick();
  shown.line("b.json: not valid JSON");
  // The progress line is cleared, the message printed, the line redrawn.
  const std::string text = tty.str();
  const auto message = text.find("\r\033[Kb.json: not valid JSON\n");
  ASSERT_NE(message, std::string::npos) << text;
  EXPECT_NE(text.find("1/2 cases", message), std::string::npos) << text;
}

TEST(Progress, DurationsInWords) {
  EXPECT_EQ(describe_duration(4.4), "4s");
  EXPECT_EQ(describe_duration(185), "3m 05s");
  EXPECT_EQ(describe_duration(3720), "1h 02m");
  EXPECT_EQ(describe_duration(-1), "0s");
}

}  // namespace
}  // namespace cinplan::cli
