#include "pages/form_input.h"

#include <gtest/gtest.h>

namespace cinplan::pages {
namespace {

TEST(FormInput, ADateIsReadFromItsThreePartsOrNamesThePartThatIsWrong) {
  std::vector<FieldProblem> p;
  EXPECT_EQ(read_date({{"date-day", "2"}, {"date-month", "12"}, {"date-year", "2026"}}, "date",
                      "the date of the visit", true, p),
            "2026-12-02");
  EXPECT_TRUE(p.empty());
  EXPECT_FALSE(read_date({{"date-day", "29"}, {"date-month", "2"}, {"date-year", "2026"}}, "date",
                         "the date of the visit", true, p));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].field, "date-day");
  EXPECT_EQ(p[0].message, "The date of the visit: February 2026 has 28 days, not 29");
  p.clear();
  EXPECT_FALSE(read_date({{"date-day", "3"}, {"date-month", "13"}, {"date-year", "2026"}}, "date",
                         "the date of the visit", true, p));
  EXPECT_EQ(p.at(0).field, "date-month");
  p.clear();
  EXPECT_FALSE(read_date({{"date-day", "3"}, {"date-month", "1"}, {"date-year", "26"}}, "date",
                         "the date", true, p));
  EXPECT_EQ(p.at(0).field, "date-year");
  EXPECT_EQ(p.at(0).message, "The date must include a year of four figures");
  p.clear();
  EXPECT_FALSE(read_date({{"date-day", "three"}}, "date", "the date", true, p));
  EXPECT_EQ(p.at(0).message, "The date must include a day, as a number");
  p.clear();
  // Left empty: a problem only when it is required.
  EXPECT_FALSE(read_date({}, "date", "the date", false, p));
  EXPECT_TRUE(p.empty());
  EXPECT_FALSE(read_date({}, "date", "the date of the visit", true, p));
  EXPECT_EQ(p.at(0).message, "Enter the date of the visit");
}

TEST(FormInput, YesNoCheckboxesLinesAndText) {
  std::vector<FieldProblem> p;
  const Form f = {
      {"seen", "yes"},          {"alone", "no"},
      {"odd", "maybe"},         {"rooms-kitchen", "yes"},
      {"rooms-garden", "yes"},  {"people", "  Dana Smith, mother \r\n\n Lee, brother\n"},
      {"notes", "Seen.  \n\n"}, {"blank", " \n "}};
  EXPECT_EQ(read_yes_no(f, "seen", "the child was seen", true, p), true);
  EXPECT_EQ(read_yes_no(f, "alone", "the child was seen alone", false, p), false);
  EXPECT_FALSE(read_yes_no(f, "absent", "the visit was announced", false, p));
  EXPECT_TRUE(p.empty());
  EXPECT_FALSE(read_yes_no(f, "odd", "the child was seen", false, p));
  EXPECT_EQ(p.at(0).message, "Say whether the child was seen");
  constexpr std::string_view kRooms[] = {"bedroom", "kitchen", "garden"};
  EXPECT_EQ(read_checked(f, "rooms", kRooms), (std::vector<std::string>{"kitchen", "garden"}));
  EXPECT_EQ(read_lines(f, "people"),
            (std::vector<std::string>{"Dana Smith, mother", "Lee, brother"}));
  EXPECT_EQ(read_text(f, "notes"), "Seen.");
  EXPECT_FALSE(read_text(f, "blank"));
}

TEST(FormInput, TheRuleCitedNamesTheDocumentNotItsIds) {
  EXPECT_EQ(rule_in_words("cin-plans-and-reviews: review_chair: \"The Child in Need Review will "
                          "be chaired by the Team Manager.\" (5.1)",
                          "cin-plans-and-reviews", "CIN Plans and Reviews"),
            "CIN Plans and Reviews: \"The Child in Need Review will be chaired by the Team "
            "Manager.\" (5.1)");
  EXPECT_EQ(rule_in_words("london-cyps: \"Invitations must be sent out: 3 to 4 weeks\"",
                          "london-cyps", "London CYPS"),
            "London CYPS: \"Invitations must be sent out: 3 to 4 weeks\"");
  EXPECT_EQ(rule_in_words("Children Act 1989, s.35", "london-cyps", "London CYPS"),
            "Children Act 1989, s.35");
}

TEST(FormInput, ARefusalIsPutBesideTheInputItNamesInWords) {
  const std::map<std::string, std::string> inputs = {{"reason_not_seen", "reason_not_seen"},
                                                     {"others_present", "others_present"}};
  auto p = problem_for(Error::bad_input("Say why the child was not seen (reason_not_seen).",
                                        "“the child must be seen”"),
                       inputs, "date-day");
  EXPECT_EQ(p.field, "reason_not_seen");
  EXPECT_EQ(p.message, "Say why the child was not seen.");
  EXPECT_EQ(p.rule, "“the child must be seen”");
  p = problem_for(Error::bad_input("Say who was present or why the child was not seen alone "
                                   "(others_present or reason_not_seen)."),
                  inputs, "date-day");
  EXPECT_EQ(p.field, "others_present");
  EXPECT_EQ(p.message, "Say who was present or why the child was not seen alone.");
  p = problem_for(Error::bad_input("The case is closed."), inputs, "date-day");
  EXPECT_EQ(p.field, "date-day");
  EXPECT_EQ(p.message, "The case is closed.");
}

TEST(FormInput, WhatWasTypedGoesToADraftAndBackWithoutTheToken) {
  const Form f = {{"csrf_token", "secret"}, {"notes", "Seen"}, {"version", "4"}};
  const auto kept = typed_fields(f);
  EXPECT_FALSE(kept.contains("csrf_token"));
  EXPECT_EQ(form_of(kept), (Form{{"notes", "Seen"}, {"version", "4"}}));
  EXPECT_TRUE(form_of(nlohmann::ordered_json::parse(R"({"a": 1, "b": "x"})")) ==
              (Form{{"b", "x"}}));
  EXPECT_TRUE(form_of(nlohmann::ordered_json()).empty());
}

}  // namespace
}  // namespace cinplan::pages

namespace cinplan::pages {
namespace {

TEST(ProblemFor, TheRecordsReferenceToAnEventIsNotShownOnAForm) {
  const Error e = Error::rule_violation(
      "event 93 (supervision_order, 2026-12-03): an order of more than three years", "rule");
  const FieldProblem p = problem_for(e, {{"end", "end-day"}}, "date-day");
  EXPECT_EQ(p.message, "An order of more than three years");
  EXPECT_EQ(p.field, "date-day");
  const FieldProblem q = problem_for(Error::bad_input("The score (score) must be 0 to 10."),
                                     {{"score", "score"}}, "x");
  EXPECT_EQ(q.message, "The score must be 0 to 10.");
  EXPECT_EQ(q.field, "score");
}

}  // namespace
}  // namespace cinplan::pages
