#include "pages/visit_form.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

constexpr Option kLocations[] = {{"home", "At the child's home"},
                                 {"school", "At school or nursery"},
                                 {"office", "At the office"},
                                 {"other", "Somewhere else"}};
constexpr Option kRooms[] = {{"bedroom", "The child's bedroom"},
                             {"bathroom", "Bathroom"},
                             {"kitchen", "Kitchen"},
                             {"living_room", "Living room"},
                             {"garden", "Garden"}};
constexpr Option kPurposes[] = {{"routine", "A visit the plan asks for"},
                                {"prepare_for_meeting", "To prepare for a meeting"},
                                {"after_meeting", "After a meeting"},
                                {"unannounced_check", "An unannounced check"},
                                {"other", "Something else"}};

bool offered(std::span<const Option> options, std::string_view value) {
  for (const Option& o : options)
    if (o.value == value) return true;
  return false;
}

// A radio's value, if it is one of `options`; a problem when something
// else was sent.
std::optional<std::string> chosen(const Form& form, std::string_view name,
                                  std::span<const Option> options, std::string_view label,
                                  std::vector<FieldProblem>& problems) {
  const std::string v = typed(form, name);
  if (v.empty()) return std::nullopt;
  if (!offered(options, v)) {
    problems.push_back({std::string(name), "Choose " + std::string(label) + " from the list", {}});
    return std::nullopt;
  }
  return v;
}

}  // namespace

std::span<const Option> visit_locations() {
  return kLocations;
}
std::span<const Option> visit_rooms() {
  return kRooms;
}
std::span<const Option> visit_purposes() {
  return kPurposes;
}

FormReading read_visit(const Form& form) {
  FormReading r;
  json& b = r.body;
  auto& p = r.problems;
  if (auto d = read_date(form, "date", "the date of the visit", true, p)) b["date"] = *d;
  if (auto seen = read_yes_no(form, "child_seen", "the child was seen", true, p))
    b["child_seen"] = *seen;
  if (auto alone = read_yes_no(form, "seen_alone", "the child was seen alone", false, p))
    b["seen_alone"] = *alone;
  if (auto why = read_text(form, "reason_not_seen")) b["reason_not_seen"] = *why;
  if (auto others = read_lines(form, "others_present"); !others.empty())
    b["others_present"] = others;
  if (auto where = chosen(form, "location", kLocations, "where the visit was", p))
    b["location"] = *where;
  if (auto why = read_text(form, "reason_outside_home")) b["reason_outside_home"] = *why;
  if (auto announced = read_yes_no(form, "announced", "the visit was announced", false, p))
    b["announced"] = *announced;
  std::vector<std::string_view> rooms;
  for (const Option& o : kRooms) rooms.push_back(o.value);
  if (auto seen = read_checked(form, "rooms_seen", rooms); !seen.empty()) b["rooms_seen"] = seen;
  if (auto purpose = chosen(form, "purpose", kPurposes, "why the visit was made", p))
    b["purpose"] = *purpose;
  if (auto notes = read_text(form, "notes")) b["notes"] = *notes;
  return r;
}

const std::map<std::string, std::string>& visit_inputs() {
  static const std::map<std::string, std::string> inputs = {
      {"date", "date-day"},
      {"child_seen", "child_seen"},
      {"seen_alone", "seen_alone"},
      {"reason_not_seen", "reason_not_seen"},
      {"others_present", "others_present"},
      {"location", "location"},
      {"reason_outside_home", "reason_outside_home"},
      {"announced", "announced"},
      {"rooms_seen", "rooms_seen"},
      {"purpose", "purpose"},
      {"notes", "notes"},
  };
  return inputs;
}

json visit_form_view(const json& case_view, const Form& t, const std::vector<FieldProblem>& p,
                     std::string_view today, std::int64_t version) {
  json v = form_view_head(case_view, p, version);
  v["date"] =
      date_input("date", "When was the visit?", "For example, 27 3 2026", t, std::string(today), p);
  v["child_seen"] = radios("child_seen", "Was the child seen?", "", yes_no_options(),
                           typed(t, "child_seen"), p, true);
  v["seen_alone"] = radios("seen_alone", "Was the child seen alone?", "", yes_no_options(),
                           typed(t, "seen_alone"), p, true);
  v["reason_not_seen"] =
      textarea("reason_not_seen", "If the child was not seen, or not seen alone, why not?", "",
               typed(t, "reason_not_seen"), 3, p);
  v["others_present"] =
      textarea("others_present", "Who else was there?",
               "One person on each line, with who they are to the child, for example: Dana "
               "Smith, mother",
               typed(t, "others_present"), 3, p);
  v["location"] =
      radios("location", "Where was the visit?", "", kLocations, typed(t, "location"), p);
  v["reason_outside_home"] =
      textarea("reason_outside_home", "If the child was seen away from home, why?", "",
               typed(t, "reason_outside_home"), 2, p);
  v["announced"] = radios("announced", "Did the family know you were coming?", "", yes_no_options(),
                          typed(t, "announced"), p, true);
  v["rooms_seen"] = checkboxes("rooms_seen", "Which rooms of the home did you see?",
                               "Select all that apply", kRooms, t, p);
  v["purpose"] =
      radios("purpose", "Why was the visit made?", "", kPurposes, typed(t, "purpose"), p);
  v["notes"] = textarea("notes", "Notes of the visit",
                        "What you saw and heard, and what the child said in their own words",
                        typed(t, "notes"), 10, p);
  return v;
}

}  // namespace cinplan::pages
