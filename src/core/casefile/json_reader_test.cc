#include "core/casefile/json_reader.h"

#include <gtest/gtest.h>

#include "core/casefile/case_history.h"

namespace cinplan {
namespace {

std::string refusal(std::string_view text, const JsonLimits& limits = {}) {
  auto r = read_json(text, limits);
  EXPECT_FALSE(r) << text.substr(0, 80);
  return r ? std::string() : r.error().message;
}

TEST(JsonReader, ReadsADocumentKeepingKeyOrder) {
  auto r = read_json(R"({"b": 1, "a": [true, null, 1.5, "x"], "c": {"z": 0, "y": -1}})");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->dump(), R"({"b":1,"a":[true,null,1.5,"x"],"c":{"z":0,"y":-1}})");
}

// An ordinary parser keeps the last of two equal keys silently.
TEST(JsonReader, RefusesAKeyGivenTwice) {
  EXPECT_NE(refusal(R"({"case_id": "A", "case_id": "B"})").find("\"case_id\" appears twice"),
            std::string::npos);
  const std::string in_event =
      refusal(R"({"case_id": "A", "events": [{"type": "visit"}, {"date": "x", "date": "y"}]})");
  EXPECT_NE(in_event.find("\"date\" appears twice"), std::string::npos) << in_event;
  EXPECT_NE(in_event.find("in event 2"), std::string::npos) << in_event;
  // Past the linear look-up too.
  std::string wide = "{";
  for (int i = 0; i < 40; ++i) wide += "\"k" + std::to_string(i) + "\": 1, ";
  wide += "\"k7\": 2}";
  EXPECT_NE(refusal(wide).find("\"k7\" appears twice"), std::string::npos);
  // The place named is the object holding the key twice.
  EXPECT_NE(refusal(R"({"case_id": "X", "profile": "p", "case_id": "Y"})").find("at the top level"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"child": {"name": "a", "id": "b", "name": "c"}})").find("in \"child\":"),
            std::string::npos);
  // The same key in different objects is fine.
  EXPECT_TRUE(read_json(R"({"a": {"x": 1}, "b": {"x": 2}})"));
}

// 1e400 once aborted the process.
TEST(JsonReader, RefusesANumberTooLargeToHold) {
  const std::string m = refusal(R"({"case_id": "Q", "x": 1e400})");
  EXPECT_NE(m.find("too large"), std::string::npos) << m;
  EXPECT_NE(m.find("line 1"), std::string::npos) << m;
  EXPECT_TRUE(read_json(R"({"x": 1e300, "y": -1.5e-300})"));
}

// 100,000 nested '[' once overflowed the stack of whatever read the result.
TEST(JsonReader, RefusesNestingDeeperThanTheLimit) {
  const std::string deep = R"({"case_id": "Q", "x": )" + std::string(100000, '[');
  const std::string m = refusal(deep);
  EXPECT_NE(m.find("nested more than 32 levels"), std::string::npos) << m;
  std::string ok = std::string(32, '[') + std::string(32, ']');
  EXPECT_TRUE(read_json(ok));
  EXPECT_FALSE(read_json("[" + ok + "]"));
}

TEST(JsonReader, RefusesADocumentLargerThanTheLimit) {
  const std::string m = refusal(std::string(2000, ' ') + "{}", JsonLimits{1024, 32});
  EXPECT_NE(m.find("at most 1 KiB"), std::string::npos) << m;
}

TEST(JsonReader, NamesLineAndColumnOfASyntaxError) {
  const std::string m = refusal("{\n  \"a\": 1,\n  \"b\": }\n");
  EXPECT_NE(m.find("line 3, column 8"), std::string::npos) << m;
  EXPECT_NE(refusal("").find("not valid JSON"), std::string::npos);
  EXPECT_NE(refusal("{} {}").find("not valid JSON"), std::string::npos);
  EXPECT_NE(refusal("\"\xff\"").find("not valid JSON"), std::string::npos);
}

TEST(JsonReader, CaseHistoriesAreReadThisWay) {
  auto h = parse_case_history(
      R"({"case_id": "A", "events": [{"type": "plan_decided", "date": "2025-01-01",
          "date": "2025-01-02"}]})");
  ASSERT_FALSE(h);
  EXPECT_NE(h.error().message.find("\"date\" appears twice in the same object in event 1"),
            std::string::npos)
      << h.error().message;
}

TEST(JsonReader, SizesInWords) {
  EXPECT_EQ(describe_size(900), "900 bytes");
  EXPECT_EQ(describe_size(2048), "2 KiB");
  EXPECT_EQ(describe_size(std::size_t{3} << 19), "1.5 MiB");
  EXPECT_EQ(describe_size(std::size_t{32} << 20), "32 MiB");
}

}  // namespace
}  // namespace cinplan
