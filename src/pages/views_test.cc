#include "pages/views.h"

#include <gtest/gtest.h>

#include <vector>

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

json obligation(const char* title, const char* status, const char* due) {
  return {{"title", title}, {"status", status}, {"due", due}};
}

// A case open under Bolton's procedure with nothing recorded yet.
json open_case() {
  return {{"profile_name", "Bolton"},
          {"obligations", json::array()},
          {"meetings", json::array()},
          {"chronology", json::array()},
          {"closure", nullptr}};
}

json caseload() {
  json c = {{"today", "2026-12-02"}, {"cases", json::array()}};
  c["cases"].push_back({{"case_id", "C-1"},
                        {"child", "Ava Zane"},
                        {"overdue", json::array()},
                        {"next_due", obligation("Child in Need visit", "due_soon", "2026-12-04")}});
  c["cases"].push_back({{"case_id", "C-2"},
                        {"child", "Ben Adams"},
                        {"overdue", json::array({obligation("Review", "overdue", "2026-11-20")})},
                        {"next_due", nullptr}});
  c["cases"].push_back({{"case_id", "C-3"},
                        {"child", nullptr},
                        {"overdue", json::array()},
                        {"next_due", obligation("Review", "upcoming", "2027-01-10")}});
  return c;
}

TEST(Views, TheCaseloadCountsAndPutsWhatIsOverdueFirst) {
  const json v = caseload_view(caseload(), "", "Bolton's procedure");
  EXPECT_EQ(v["counts"]["children"], 3);
  EXPECT_EQ(v["counts"]["overdue"], 1);
  EXPECT_EQ(v["counts"]["due_soon"], 1);
  ASSERT_EQ(v["rows"].size(), 3u);
  EXPECT_EQ(v["rows"][0]["case_id"], "C-2");
  EXPECT_EQ(v["rows"][0]["overdue"][0]["due_words"], "20 November 2026");
  EXPECT_EQ(v["rows"][1]["case_id"], "C-1");  // due this week before due later
  EXPECT_EQ(v["rows"][1]["due_soon"]["title"], "Child in Need visit");
  EXPECT_EQ(v["rows"][2]["child"], "(no name recorded)");
  EXPECT_EQ(v["today_words"], "2 December 2026");
  // A date agreed for the review shows beside its limit, as on the case.
  json agreed = caseload();
  agreed["cases"][2]["next_due"]["target"] = "2026-12-24";
  agreed["cases"][2]["next_due"]["target_kind"] = "agreed";
  EXPECT_EQ(caseload_view(agreed, "", "Bolton")["rows"][2]["next"]["due_words"],
            "10 January 2027 (agreed for 24 December 2026)");
}

TEST(Views, APlanActionPastItsDateIsOverdueOnTheCaseload) {
  json c = caseload();
  c["cases"][0]["actions_overdue"] = json::array({{{"action_id", "a1"},
                                                   {"text", "Book the GP appointment"},
                                                   {"owner", "Mother"},
                                                   {"by_date", "2026-11-30"}}});
  const json v = caseload_view(c, "overdue", "p");
  EXPECT_EQ(v["counts"]["overdue"], 2);
  ASSERT_EQ(v["rows"].size(), 2u);
  const json& ava = v["rows"][0]["case_id"] == "C-1" ? v["rows"][0] : v["rows"][1];
  ASSERT_EQ(ava["overdue"].size(), 1u);
  EXPECT_EQ(ava["overdue"][0]["title"], "Plan action: Book the GP appointment (Mother)");
  EXPECT_EQ(ava["overdue"][0]["due_words"], "30 November 2026");
  EXPECT_EQ(ava["overdue_count"], 1);
}

TEST(Views, TheChildOverdueLongestComesFirst) {
  json c = caseload();
  // C-1's visit is a month overdue, C-2's two duties a few days: the month
  // comes first; an action of the plan alone comes after either.
  c["cases"][0]["overdue"] = json::array({obligation("Visit", "overdue", "2026-11-01")});
  c["cases"][1]["overdue"] = json::array({obligation("Review", "overdue", "2026-11-28"),
                                          obligation("Visit", "overdue", "2026-11-29")});
  c["cases"][2]["actions_overdue"] =
      json::array({{{"text", "GP visit"}, {"by_date", "2026-10-01"}}});
  const json v = caseload_view(c, "", "p");
  ASSERT_EQ(v["rows"].size(), 3u);
  EXPECT_EQ(v["rows"][0]["case_id"], "C-1");
  EXPECT_EQ(v["rows"][1]["case_id"], "C-2");
  EXPECT_EQ(v["rows"][2]["case_id"], "C-3");
}

TEST(Views, TheCaseloadFilterShowsOnlyWhatWasAskedButCountsAll) {
  const json overdue = caseload_view(caseload(), "overdue", "p");
  ASSERT_EQ(overdue["rows"].size(), 1u);
  EXPECT_EQ(overdue["rows"][0]["case_id"], "C-2");
  EXPECT_EQ(overdue["counts"]["children"], 3);
  const json due = caseload_view(caseload(), "due", "p");
  ASSERT_EQ(due["rows"].size(), 1u);
  EXPECT_EQ(due["rows"][0]["case_id"], "C-1");
  EXPECT_EQ(caseload_view(caseload(), "nonsense", "p")["rows"].size(), 3u);
}

TEST(Views, TheCaseloadSortsByTheColumnChosenWithoutJavaScript) {
  auto children = [](const json& v) {
    std::vector<std::string> out;
    for (const json& r : v["rows"]) out.push_back(r["case_id"]);
    return out;
  };
  const json by_name = caseload_view(caseload(), "", "p", "", caseload_order("child", "", false));
  // By family name (Adams before Zane); no name recorded sorts first.
  EXPECT_EQ(children(by_name), (std::vector<std::string>{"C-3", "C-2", "C-1"}));
  EXPECT_EQ(name_sort_key(" Mary Jane O'Neill "), "o'neill, mary jane");
  EXPECT_EQ(by_name["columns"][0]["aria_sort"], "ascending");
  EXPECT_EQ(by_name["columns"][0]["href"], "/caseload?sort=child&order=descending");
  EXPECT_EQ(by_name["columns"][1]["aria_sort"], "none");
  const json by_next =
      caseload_view(caseload(), "", "p", "", caseload_order("next", "descending", false));
  // Only C-3 has a next item after this week's: the rows with none under
  // "Next" go last, whichever the order.
  EXPECT_EQ(children(by_next), (std::vector<std::string>{"C-3", "C-2", "C-1"}));
  EXPECT_EQ(by_next["columns"][3]["key"], "next");
  // Without a sort, or with one not understood: what is overdue first.
  const json plain = caseload_view(caseload(), "", "p", "", caseload_order("x", "y", false));
  EXPECT_EQ(children(plain), (std::vector<std::string>{"C-2", "C-1", "C-3"}));
  EXPECT_EQ(plain["columns"][1]["aria_sort"], "descending");
  // The worker column is the team view's; a link keeps the filter chosen.
  EXPECT_EQ(caseload_order("worker", "", false).column, "overdue");
  const json team = caseload_view(caseload(), "due", "p", "Chloe Bennett",
                                  caseload_order("worker", "", true), "/caseload/team");
  EXPECT_EQ(team["columns"][1]["label"], "Worker");
  EXPECT_EQ(team["columns"][1]["href"],
            "/caseload/team?show=due&worker=Chloe%20Bennett&sort=worker&order=descending");
  // A worker who holds none of the children is named, not silently empty.
  EXPECT_EQ(team["unknown_worker"], "Chloe Bennett");
  EXPECT_EQ(by_name["unknown_worker"], false);
}

TEST(Views, TheCasePageListsWhatIsNotDoneMostUrgentFirstWithItsSource) {
  json c = {{"profile_name", "Bolton"},
            {"obligations", json::array()},
            {"meetings", json::array()},
            {"chronology", json::array({{{"date", "2026-01-01"}}, {{"date", "2026-02-01"}}})},
            {"closure", nullptr}};
  json due_soon = obligation("Visit", "due_soon", "2026-12-04");
  due_soon["cite"] = json::array({{{"quote", "Visit every 4 weeks."}, {"section", "4"}}});
  json visited = obligation("Visit", "met_late", "2026-11-10");
  visited["status_words"] = "Done late";
  visited["met_by"] = {{"event", 9}, {"date", "2026-11-12"}};
  json assessed = obligation("Assessment", "met", "2026-01-01");
  assessed["met_by"] = {{"event", 2}, {"date", "2026-01-01"}};
  c["obligations"] =
      json::array({assessed, due_soon, obligation("Review", "overdue", "2026-11-20"), visited});
  const json v = case_page_view(c, "2026-12-02");
  ASSERT_EQ(v["due_items"].size(), 2u);
  // A duty only to consider is never red, past its date too (its words,
  // "to consider", are the API's).
  json midpoint = obligation("Mid point meeting", "overdue", "2026-11-01");
  midpoint["strength"] = "consider";
  c["obligations"].push_back(midpoint);
  const json considered = case_page_view(c, "2026-12-02");
  EXPECT_EQ(considered["due_items"].back()["tag"], "govuk-tag--blue");
  // What was done in the last four weeks stays in sight; long ago, not.
  ASSERT_EQ(v["done_items"].size(), 1u);
  EXPECT_EQ(v["done_items"][0]["title"], "Visit");
  EXPECT_EQ(v["done_items"][0]["done_words"], "12 November 2026");
  EXPECT_EQ(v["done_items"][0]["tag"], "govuk-tag--green");
  EXPECT_EQ(v["due_items"][0]["title"], "Review");
  EXPECT_EQ(v["due_items"][0]["tag"], "govuk-tag--red");
  EXPECT_EQ(v["due_items"][1]["tag"], "govuk-tag--orange");
  EXPECT_EQ(v["due_items"][1]["cite"][0]["document"], "Bolton");
  EXPECT_EQ(v["chronology"][0]["date"], "2026-02-01");  // newest first
  EXPECT_EQ(v["chronology"][0]["date_words"], "1 February 2026");
  // An entry recorded late takes its place by its date.
  c["chronology"] = json::array({{{"event", 1}, {"date", "2026-01-01"}},
                                 {{"event", 2}, {"date", "2026-03-01"}},
                                 {{"event", 3}, {"date", "2026-02-01"}},
                                 {{"event", 4}, {"date", "2026-03-01"}}});
  const json late = case_page_view(c, "2026-12-02");
  std::vector<int> order;
  for (const json& e : late["chronology"]) order.push_back(e["event"].get<int>());
  EXPECT_EQ(order, (std::vector<int>{4, 2, 3, 1}));
  EXPECT_FALSE(v["closed"].get<bool>());
}

TEST(Views, EachEntrySaysWhoRecordedItAndWhenInEnglandsTime) {
  // 23:10 UTC in July is 00:10 the next day in England.
  EXPECT_EQ(recorded_words({{"recorded_by", "alex.morgan"},
                            {"recorded_by_name", "Alex Morgan"},
                            {"recorded_at", "2026-07-01T23:10:00.000Z"}}),
            "Recorded by Alex Morgan on 2 July 2026 at 12:10am");
  EXPECT_EQ(recorded_words({{"recorded_by", "import"}, {"recorded_at", "2026-12-02T18:40:00Z"}}),
            "Recorded by import on 2 December 2026 at 6:40pm");
  EXPECT_EQ(recorded_words(json::object()), false);
  json c = {{"profile_name", "Bolton"},
            {"obligations", json::array()},
            {"meetings", json::array()},
            {"visits", json::array({{{"date", "2026-11-30"},
                                     {"child_seen", true},
                                     {"recorded_by_name", "Chloe Bennett"},
                                     {"recorded_at", "2026-12-01T09:00:00Z"}}})},
            {"chronology", json::array({{{"date", "2026-11-30"},
                                         {"recorded_by_name", "Chloe Bennett"},
                                         {"recorded_at", "2026-12-01T09:00:00Z"}},
                                        {{"date", "2026-12-01"}}})},
            {"closure", nullptr}};
  const json v = case_page_view(c, "2026-12-02");
  EXPECT_EQ(v["chronology"][1]["recorded_words"],
            "Recorded by Chloe Bennett on 1 December 2026 at 9am");
  EXPECT_EQ(v["chronology"][0]["recorded_words"], false);
  EXPECT_EQ(v["visits"][0]["recorded_words"],
            "Recorded by Chloe Bennett on 1 December 2026 at 9am");
}

TEST(Views, ADutyToConsiderIsNeverShownAsOverdue) {
  json c = open_case();
  json consider = obligation("Consider a family group conference", "overdue", "2026-11-01");
  consider["strength"] = "consider";
  c["obligations"] = json::array({consider, obligation("Visit", "due_soon", "2026-12-04")});
  const json v = case_page_view(c, "2026-12-02");
  ASSERT_EQ(v["due_items"].size(), 2u);
  // What must be done comes first; the duty to consider after it, in blue.
  EXPECT_EQ(v["due_items"][0]["title"], "Visit");
  EXPECT_EQ(v["due_items"][1]["tag"], "govuk-tag--blue");
}

TEST(Views, TheDateAgreedForAMeetingShowsBesideItsLimit) {
  json c = open_case();
  json review = obligation("Review", "upcoming", "2026-12-24");
  review["target"] = "2026-12-10";
  review["target_kind"] = "agreed";
  json late = obligation("Panel", "upcoming", "2026-12-20");
  late["agreed_date"] = "2027-01-08";
  json aim = obligation("Visit", "upcoming", "2026-12-30");
  aim["target"] = "2026-12-16";
  aim["target_kind"] = "aim";
  c["obligations"] = json::array({review, late, aim});
  const json v = case_page_view(c, "2026-12-02");
  ASSERT_EQ(v["due_items"].size(), 3u);
  // In the order each is expected: the review on the day agreed, before the
  // panel's limit.
  EXPECT_EQ(v["due_items"][0]["due_words"], "Agreed for 10 December 2026 (limit 24 December 2026)");
  EXPECT_EQ(v["due_items"][1]["due_words"],
            "Agreed for 8 January 2027, after the limit of 20 December 2026");
  // The procedure's own aim is not a date anyone agreed: the limit alone.
  EXPECT_EQ(v["due_items"][2]["due_words"], "30 December 2026");
}

TEST(Views, VisitsComeLatestFirstAndAnOverdueActionIsMarked) {
  json c = open_case();
  // Recorded in the order typed, not the order they happened.
  c["visits"] = json::array({{{"date", "2026-11-13"}, {"child_seen", true}},
                             {{"date", "2026-04-30"}, {"child_seen", true}},
                             {{"date", "2026-11-20"},
                              {"child_seen", false},
                              {"reason_not_seen", "at his grandmother's"},
                              {"location", "home"},
                              {"others_present", {"Dana Smith, mother", "a neighbour"}},
                              {"rooms_seen", {"kitchen", "bedroom"}},
                              {"announced", false},
                              {"purpose", "unannounced_check"}}});
  c["plan"] = {
      {"date", "2026-09-01"},
      {"outcomes", json::array()},
      {"actions",
       json::array(
           {{{"text", "Agree contact"}, {"by_date", "2026-09-11"}},
            {{"text", "Book a GP visit"}, {"by_date", "2026-12-20"}},
            {{"text", "Enrol at school"}, {"by_date", "2026-09-01"}, {"completed", true}}})}};
  const json v = case_page_view(c, "2026-12-02");
  EXPECT_EQ(v["visits"][0]["date"], "2026-11-20");
  EXPECT_EQ(v["visits"][1]["date"], "2026-11-13");
  EXPECT_EQ(v["visits"][2]["date"], "2026-04-30");
  // What the visit found, in words: who else was there, the rooms, why not seen.
  EXPECT_EQ(v["visits"][0]["others_words"], "Dana Smith, mother; a neighbour");
  EXPECT_EQ(v["visits"][0]["rooms_words"], "kitchen, the child's bedroom");
  EXPECT_EQ(v["visits"][0]["how_words"], "an unannounced check");
  EXPECT_EQ(v["visits"][1]["how_words"], false);
  EXPECT_EQ(v["visits"][0]["why_not_words"], "at his grandmother's");
  EXPECT_EQ(v["visits"][1]["others_words"], false);
  EXPECT_EQ(v["visits"][0]["location"], "at the child's home");  // where the visit was
  EXPECT_EQ(v["visits"][1]["location"], false);
  EXPECT_TRUE(v["plan"]["actions"][0]["action_overdue"].get<bool>());
  // The action past its date is also in what is due, after the duties.
  ASSERT_FALSE(v["due_items"].empty());
  const json& late = v["due_items"].back();
  EXPECT_EQ(late["title"], "Plan action: Agree contact");
  EXPECT_EQ(late["tag"], "govuk-tag--red");
  EXPECT_EQ(late["due_words"], "11 September 2026");
  EXPECT_NE(late["why"].get<std::string>().find("The plan of 1 September 2026 agreed"),
            std::string::npos);
  EXPECT_FALSE(v["plan"]["actions"][1]["action_overdue"].get<bool>());
  EXPECT_FALSE(v["plan"]["actions"][2]["action_overdue"].get<bool>());
}

TEST(Views, ACorrectionStaysVisibleAsSuchOnTheChronology) {
  json c = open_case();
  c["chronology"] = json::array(
      {{{"event", 1}, {"date", "2026-11-02"}, {"what", "a case note"}, {"detail", "Housing"}},
       {{"event", 2},
        {"date", "2026-11-03"},
        {"what", "a correction"},
        {"corrects", 1},
        {"reason", "recorded on the wrong child"},
        {"struck_out", true}}});
  const json v = case_page_view(c, "2026-12-02");
  // Newest first: the correction, then the entry it strikes out.
  EXPECT_EQ(v["chronology"][0]["detail"],
            "corrects entry 1 of 2 November 2026: recorded on the wrong child");
  EXPECT_EQ(v["chronology"][0]["correction_tag"], false);
  EXPECT_EQ(v["chronology"][1]["correction_tag"], "Struck out");
  EXPECT_EQ(v["chronology"][1]["detail"], "Housing");
}

TEST(Views, ALongChronologyShowsItsLatestEntriesAndSaysHowManyMore) {
  json c = open_case();
  for (int i = 1; i <= 45; ++i)
    c["chronology"].push_back(
        {{"event", i},
         {"date", "2026-10-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1)},
         {"what", "a case note"}});
  const json latest = case_page_view(c, "2026-12-02");
  ASSERT_EQ(latest["chronology"].size(), kChronologyShown);
  EXPECT_EQ(latest["chronology"][0]["date"], "2026-10-28");
  EXPECT_EQ(latest["chronology_more_words"], "Show all 45 entries (5 earlier)");
  const json all = case_page_view(c, "2026-12-02", 0);
  EXPECT_EQ(all["chronology"].size(), 45u);
  EXPECT_EQ(all["chronology_more_words"], false);
  EXPECT_EQ(all["chronology_fewer_words"], "Show only the latest 40 entries");
  EXPECT_EQ(latest["chronology_fewer_words"], false);
}

TEST(Views, ATeamsCaseloadCanBeNarrowedToOneWorker) {
  json c = caseload();
  c["cases"][0]["worker"] = "Alex Morgan";
  c["cases"][1]["worker"] = "Chloe Bennett";
  const json all = caseload_view(c, "", "p");
  ASSERT_EQ(all["workers"].size(), 3u);  // every worker, and the team's two
  // By family name: Bennett before Morgan.
  EXPECT_EQ(all["workers"][1]["value"], "Chloe Bennett");
  EXPECT_EQ(all["workers"][2]["value"], "Alex Morgan");
  EXPECT_EQ(all["rows"][2]["worker"], "not allocated");
  const json one = caseload_view(c, "", "p", "Chloe Bennett");
  ASSERT_EQ(one["rows"].size(), 1u);
  EXPECT_EQ(one["rows"][0]["case_id"], "C-2");
  EXPECT_TRUE(one["workers"][1]["selected"].get<bool>());
  EXPECT_EQ(one["counts"]["children"], 1);  // the worker's, not the team's
  EXPECT_EQ(all["counts"]["children"], 3);
}

TEST(Views, AnAddressKeptFromSomeoneIsNamedAboveTheNetwork) {
  json c = open_case();
  c["people"] = json::parse(R"j([
    {"person_id": "P1", "name": "Jo Example", "relationship": "mother",
     "address_withheld_from": ["P2"], "address_withheld_reason": "non-molestation order"},
    {"person_id": "P2", "name": "Sam Example", "relationship": "father",
     "address_withheld_from": []}])j");
  const json v = case_page_view(c, "2026-12-02");
  ASSERT_EQ(v["withheld_addresses"].size(), 1u);
  EXPECT_EQ(v["withheld_addresses"][0]["person"], "Jo Example");
  EXPECT_EQ(v["withheld_addresses"][0]["from"], "Sam Example (father)");
  EXPECT_EQ(v["withheld_addresses"][0]["reason"], "non-molestation order");
  EXPECT_EQ(v["people"][0]["withheld"], true);
  EXPECT_EQ(v["people"][1]["withheld"], false);
}

TEST(Views, FindAChildSaysHowManyAndWhoseNameWasFound) {
  const json found = {{"cases", json::array({{{"case_id", "C-1"},
                                              {"child", "Kai Campbell"},
                                              {"date_of_birth", "2011-03-02"},
                                              {"found_by", "Stacey Campbell (mother)"}},
                                             {{"case_id", "C-2"}, {"child", "Leah Campbell"}}})}};
  const json v = search_view(found, "stacey campbell");
  EXPECT_EQ(v["result_words"], "2 children found");
  EXPECT_EQ(v["results"][0]["date_of_birth"], "2 March 2011");
  EXPECT_EQ(v["results"][0]["found_by"], "Stacey Campbell (mother)");
  EXPECT_EQ(v["results"][1]["found_by"], false);  // found by the child's own name
  EXPECT_EQ(search_view(json::object(), "")["searched"], false);
  EXPECT_EQ(v["more_words"], false);
  // More found than are shown: the count is of all, and the page says so.
  json many = found;
  many["count"] = 120;
  const json capped = search_view(many, "campbell");
  EXPECT_EQ(capped["result_words"], "120 children found");
  EXPECT_NE(capped["more_words"].get<std::string>().find("The first 2, by case id, are shown"),
            std::string::npos);
}

TEST(Views, ADateInWordsOrTheTextAsItWas) {
  EXPECT_EQ(date_in_words("2026-03-01"), "1 March 2026");
  EXPECT_EQ(date_in_words("soon"), "soon");
}

}  // namespace
}  // namespace cinplan::pages
