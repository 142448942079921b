#include "pages/visit_form.h"

#include <gtest/gtest.h>

#include "core/casefile/event_types.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

// The choices the form offers are the registry's values, every one of them.
void expect_registry_values(std::string_view field, std::span<const Option> options) {
  const EventTypeSpec& visit = event_type(*find_event_type("visit"));
  for (const FieldSpec& f : visit.fields) {
    if (f.name != field) continue;
    std::vector<std::string_view> offered, registry(f.values.begin(), f.values.end());
    for (const Option& o : options) offered.push_back(o.value);
    std::sort(offered.begin(), offered.end());
    std::sort(registry.begin(), registry.end());
    EXPECT_EQ(offered, registry) << field;
    return;
  }
  ADD_FAILURE() << "the visit event has no field " << field;
}

TEST(VisitForm, OffersExactlyTheRegistrysChoices) {
  expect_registry_values("location", visit_locations());
  expect_registry_values("rooms_seen", visit_rooms());
  expect_registry_values("purpose", visit_purposes());
  // Every input the form maps a refusal to is a field of the event.
  const EventTypeSpec& visit = event_type(*find_event_type("visit"));
  for (const auto& [name, input] : visit_inputs()) {
    const bool known =
        name == "date" || std::any_of(visit.fields.begin(), visit.fields.end(),
                                      [&](const FieldSpec& f) { return f.name == name; });
    EXPECT_TRUE(known) << name;
  }
}

TEST(VisitForm, ReadsTheCommandsBodyFromTheForm) {
  const Form f = {{"date-day", "2"},
                  {"date-month", "12"},
                  {"date-year", "2026"},
                  {"child_seen", "yes"},
                  {"seen_alone", "no"},
                  {"others_present", "Dana Smith, mother\n"},
                  {"location", "school"},
                  {"reason_outside_home", "Mum asked"},
                  {"announced", "yes"},
                  {"rooms_seen-kitchen", "yes"},
                  {"purpose", "after_meeting"},
                  {"notes", "Talked about friends."}};
  const FormReading r = read_visit(f);
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.body, json::parse(R"({"date": "2026-12-02", "child_seen": true,
      "seen_alone": false, "others_present": ["Dana Smith, mother"], "location": "school",
      "reason_outside_home": "Mum asked", "announced": true, "rooms_seen": ["kitchen"],
      "purpose": "after_meeting", "notes": "Talked about friends."})"));
}

TEST(VisitForm, NamesWhatIsMissingOrNotOffered) {
  const FormReading r = read_visit(
      {{"date-day", "2"}, {"date-month", "12"}, {"date-year", "2026"}, {"location", "the moon"}});
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].field, "child_seen");
  EXPECT_EQ(r.problems[0].message, "Say whether the child was seen");
  EXPECT_EQ(r.problems[1].field, "location");
  EXPECT_EQ(r.problems[1].message, "Choose where the visit was from the list");
}

TEST(VisitForm, TheDateIsTodaysUntilTypedAndWhatWasTypedIsShownAgain) {
  const json c = {{"case_id", "C-1"}, {"child", {{"name", "Ava"}}}};
  json v = visit_form_view(c, {}, {}, "2026-12-02", 7);
  EXPECT_EQ(v["child_name"], "Ava");
  EXPECT_EQ(v["version"], 7);
  EXPECT_EQ(v["date"]["day"], "2");
  EXPECT_EQ(v["date"]["month"], "12");
  EXPECT_EQ(v["date"]["year"], "2026");
  EXPECT_EQ(v["notes"]["error"], false);
  const std::vector<FieldProblem> problems = {{"date-day", "The date: no", {}}};
  v = visit_form_view(c, {{"date-day", "31"}, {"date-month", "11"}, {"notes", "Kept"}}, problems,
                      "2026-12-02", 7);
  EXPECT_EQ(v["date"]["day"], "31");
  EXPECT_EQ(v["date"]["year"], "");
  EXPECT_EQ(v["date"]["error"], "The date: no");
  EXPECT_EQ(v["date"]["describedby"], "date-hint date-error");
  EXPECT_EQ(v["notes"]["value"], "Kept");
  EXPECT_EQ(v["errors"][0]["href"], "#date-day");
}

}  // namespace
}  // namespace cinplan::pages
