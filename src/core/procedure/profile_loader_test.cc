#include "core/procedure/profile_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cinplan {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const char* const kProfiles[][2] = {
    {"cin-plans-and-reviews", "000_18ece6a9914b50ef.txt"},
    {"worcestershire", "001_d48ab2692ac6e44f.txt"},
    {"bolton", "002_9ce79eda72c313d4.txt"},
    {"brighton-and-hove", "003_4680ce6eb91d8c1b.txt"},
    {"london-cyps", "004_0fbde886a1ba2318.txt"},
};

Profile load_shipped(const std::string& id) {
  const fs::path file = fs::path(CINPLAN_SOURCE_DIR) / "profiles" / (id + ".toml");
  auto p = load_profile(slurp(file), file.string());
  if (!p) ADD_FAILURE() << p.error().message;
  return p.value_or(Profile{});
}

TEST(ShippedProfiles, EachLoadsAndNamesTheSourceDocumentOfTheDesign) {
  for (const auto& [id, source] : kProfiles) {
    const Profile p = load_shipped(id);
    EXPECT_EQ(p.id, id);
    EXPECT_EQ(p.source, source) << id;
    EXPECT_FALSE(p.rules.empty()) << id;
    EXPECT_FALSE(p.outcomes.empty()) << id;
    for (const Rule& r : p.rules) EXPECT_FALSE(r.cite.empty()) << id << " " << r.id;
  }
}

TEST(ShippedProfiles, DisagreeOnTimescalesAsTheirDocumentsDo) {
  // London CYPS: visits at least once every 20 working days; Bolton: 4 weekly, not exceeding 6.
  const Profile london = load_shipped("london-cyps");
  const Profile bolton = load_shipped("bolton");
  ASSERT_NE(london.find_rule("visit"), nullptr);
  EXPECT_EQ(*london.find_rule("visit")->due, (Duration{20, TimeUnit::kWorkingDays}));
  EXPECT_EQ(*bolton.find_rule("visit")->due, (Duration{6, TimeUnit::kWeeks}));
  EXPECT_EQ(*bolton.find_rule("visit")->target, (Duration{4, TimeUnit::kWeeks}));
  // Worcestershire states no visiting frequency at all.
  EXPECT_EQ(load_shipped("worcestershire").find_rule("visit"), nullptr);
  // London: disabled children's meetings every 6 months.
  const Rule* review = london.find_rule("review");
  ASSERT_NE(review, nullptr);
  EXPECT_EQ(*review->due_on(bit(Pathway::kDisability)), (Duration{6, TimeUnit::kMonths}));
  EXPECT_EQ(*review->due_on(bit(Pathway::kStandard)), (Duration{3, TimeUnit::kMonths}));
}

// A minimal valid profile; tests break one thing at a time.
const std::string kValid = R"(id = "mini"
name = "Mini"
source = "x.txt"
bank_holidays = "england-and-wales"

[labels.roles]
first_line_manager = "Team Manager"

[[outcomes]]
id = "continue"
label = "continues"
cite = [{ quote = "q" }]

[[rules]]
id = "initial_meeting"
title = "Initial meeting"
kind = "once"
after = "plan_decided"
due = "15 working_days"
met_by = { event = "meeting", kind = ["initial"] }
cite = [{ quote = "q" }]
)";

Result<Profile> load_with(const std::string& from, const std::string& to) {
  std::string text = kValid;
  const auto at = text.find(from);
  if (at == std::string::npos) {
    ADD_FAILURE() << "test text has no " << from;
    return std::unexpected(Error::bad_input("test text has no " + from));
  }
  text.replace(at, from.size(), to);
  return load_profile(text, "profiles/mini.toml");
}

// As load_with, replacing the last occurrence (the rule's cite, not the
// outcome's).
Result<Profile> load_with_last(const std::string& from, const std::string& to) {
  std::string text = kValid;
  text.replace(text.rfind(from), from.size(), to);
  return load_profile(text, "profiles/mini.toml");
}

void expect_error(const Result<Profile>& r, const std::string& fragment) {
  ASSERT_FALSE(r) << "loaded, but should fail with: " << fragment;
  EXPECT_NE(r.error().message.find(fragment), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().message.rfind("profiles/mini.toml:", 0), 0u) << r.error().message;
}

TEST(ProfileLoader, LoadsTheMinimalProfile) {
  auto p = load_profile(kValid, "profiles/mini.toml");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->rules.size(), 1u);
  EXPECT_EQ(p->role_label("first_line_manager"), "Team Manager");
  EXPECT_NE(p->calendar, nullptr);
}

TEST(ProfileLoader, RefusesWithFileLineAndReason) {
  expect_error(load_with("kind = \"once\"", "kind = \"often\""),
               "mini.toml:17: rule initial_meeting: kind \"often\"");
  expect_error(load_with("due = \"15 working_days\"", "due = \"15 fortnights\""),
               "unknown unit \"fortnights\"");
  expect_error(load_with("due = \"15 working_days\"", "due = \"fifteen days\""),
               "is not a duration");
  expect_error(load_with("after = \"plan_decided\"", "after = \"plan_agreed\""),
               "unknown event type \"plan_agreed\"");
  expect_error(load_with("kind = [\"initial\"]", "kind = [\"first\"]"),
               "\"first\" is not a value of meeting.kind");
  expect_error(load_with("met_by = { event = \"meeting\", kind = [\"initial\"] }",
                         "met_by = { event = \"meeting\", colour = \"red\" }"),
               "meeting matchers cannot test \"colour\"");
  expect_error(
      load_with("kind = [\"initial\"] }\ncite = [{ quote = \"q\" }]", "kind = [\"initial\"] }"),
      "missing \"cite\"");
  expect_error(
      load_with("title = \"Initial meeting\"", "title = \"Initial meeting\"\nfrequency = 3"),
      "unknown key \"frequency\"");
  expect_error(load_with("id = \"mini\"", "id = \"other\""), "does not match the file name");
  expect_error(load_with("bank_holidays = \"england-and-wales\"", "bank_holidays = \"wales\""),
               "wales");
  expect_error(load_with("first_line_manager = \"Team Manager\"", "chief = \"Boss\""),
               "unknown id \"chief\"");
  expect_error(load_with("kind = \"once\"", "kind = \"once\"\npathways = [\"disability\"]"),
               "pathway \"disability\" is not declared");
  expect_error(load_with("name = \"Mini\"", "name = \"Mini"), "mini.toml:2:");
}

TEST(ProfileLoader, ChecksBeforeRules) {
  const std::string before =
      "\n[[rules]]\nid = \"invitations_sent\"\ntitle = \"Invitations\"\nkind = \"before\"\n"
      "before_meeting = [\"review\"]\ndue = \"3 weeks\"\nmet_by = \"invitations_sent\"\n"
      "cite = [{ quote = \"q\" }]\n";
  expect_error(load_profile(kValid + before, "profiles/mini.toml"),
               "no rule \"review\" in this profile");
  std::string ok = before;
  ok.replace(ok.find("review"), 6, "initial_meeting");
  auto p = load_profile(kValid + ok, "profiles/mini.toml");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->rules.back().before_meeting.size(), 1u);
  EXPECT_EQ(p->rules[p->rules.back().before_meeting[0]].id, "initial_meeting");
}

// "target 8 weeks, due 6 weeks" was accepted: a target is the earlier aim.
TEST(ProfileLoader, RefusesATargetLaterThanItsDueLimit) {
  expect_error(load_with("due = \"15 working_days\"", "due = \"6 weeks\"\ntarget = \"8 weeks\""),
               "target 8 weeks after falls later than the due limit 6 weeks after");
  // Across units, counted as the engine counts: 1 month is sometimes 28 days.
  expect_error(load_with("due = \"15 working_days\"", "due = \"1 months\"\ntarget = \"30 days\""),
               "falls later than the due limit 1 month");
  EXPECT_TRUE(load_with("due = \"15 working_days\"", "due = \"6 weeks\"\ntarget = \"4 weeks\""));
  // Counted back from a meeting, the aim lies further before it.
  const std::string before =
      "\n[[rules]]\nid = \"invitations_sent\"\ntitle = \"Invitations\"\nkind = \"before\"\n"
      "before_meeting = [\"initial_meeting\"]\ndue = \"3 weeks\"\ntarget = \"TARGET\"\n"
      "met_by = \"invitations_sent\"\ncite = [{ quote = \"q\" }]\n";
  auto with_target = [&](const std::string& t) {
    std::string r = before;
    r.replace(r.find("TARGET"), 6, t);
    return load_profile(kValid + r, "profiles/mini.toml");
  };
  EXPECT_TRUE(with_target("4 weeks"));
  expect_error(with_target("2 weeks"), "target 2 weeks before falls later than the due limit");
}

TEST(ProfileLoader, ASentenceEndingInAColonIsQuotedWithItsItems) {
  const std::string cite = "cite = [{ quote = \"q\" }]";
  expect_error(load_with_last(cite, "cite = [{ quote = \"q:\" }]"), "the quote ends in a colon");
  expect_error(load_with_last(cite, "cite = [{ quote = \"q\", items = [\"a\"] }]"),
               "items follow a quote that ends in a colon");
  std::string text = kValid;
  const std::string last = "cite = [{ quote = \"q\" }]\n";
  text.replace(text.rfind(last), last.size(),
               "cite = [{ quote = \"The frequency of visits should be:\", items = [\"at least "
               "once every 20 working days.\"] }]\n");
  auto p = load_profile(text, "profiles/mini.toml");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->rules[0].cite[0].full(),
            "The frequency of visits should be: at least once every 20 working days.");
}

TEST(ProfileLoader, ReadsReadingsAndPurposeMatchers) {
  auto p = load_with_last("cite = [{ quote = \"q\" }]",
                          "cite = [{ quote = \"q\" }]\nreading = \"why it is read so\"");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->rules[0].reading, "why it is read so");
  auto top = load_with("bank_holidays = \"england-and-wales\"",
                       "bank_holidays = \"england-and-wales\"\nreadings = [\"one\", \"two\"]");
  ASSERT_TRUE(top) << top.error().message;
  EXPECT_EQ(top->readings.size(), 2u);

  const std::string visit =
      "\n[[rules]]\nid = \"pre_meeting_visit\"\ntitle = \"Visit\"\nkind = \"before\"\n"
      "before_meeting = [\"initial_meeting\"]\ndue = \"0 days\"\nmet_by = [MATCHERS]\n"
      "cite = [{ quote = \"q\" }]\n";
  auto with = [&](const std::string& m) {
    std::string r = visit;
    r.replace(r.find("MATCHERS"), 8, m);
    return load_profile(kValid + r, "profiles/mini.toml");
  };
  auto ok = with(
      "{ event = \"visit\", purpose = \"prepare_for_meeting\" }, { event = \"visit\", purpose = "
      "\"not_recorded\", within = \"4 weeks\" }");
  ASSERT_TRUE(ok) << ok.error().message;
  const Rule& r = ok->rules.back();
  ASSERT_EQ(r.met_by.size(), 2u);
  EXPECT_FALSE(r.met_by[0].within);
  EXPECT_EQ(*r.met_by[1].within, (Duration{4, TimeUnit::kWeeks}));
  expect_error(with("{ event = \"visit\", purpose = \"tea\" }"),
               "visit.purpose is tested for one value at a time");
  expect_error(with("{ event = \"visit\", purpose = [\"routine\", \"other\"] }"),
               "one matcher per value");
  expect_error(load_with("met_by = { event = \"meeting\", kind = [\"initial\"] }",
                         "met_by = { event = \"meeting\", kind = [\"initial\"], within = \"1 "
                         "weeks\" }"),
               "within (a window before the meeting) is for before rules");
}

TEST(ProfileLoader, ParsesDurations) {
  EXPECT_EQ(parse_duration("15 working_days").value(), (Duration{15, TimeUnit::kWorkingDays}));
  EXPECT_EQ(parse_duration("3 months").value(), (Duration{3, TimeUnit::kMonths}));
  EXPECT_FALSE(parse_duration("3months"));
  EXPECT_FALSE(parse_duration("-3 months"));
  EXPECT_FALSE(parse_duration("3 months "));
}

}  // namespace
}  // namespace cinplan
