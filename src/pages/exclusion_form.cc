#include "pages/exclusion_form.h"

#include "pages/case_network.h"
#include "pages/form_fields.h"
#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view kNextMeeting = "next";

// The meetings to choose from: each arranged and not yet held, then the
// next one not yet arranged. Values are the meeting's date.
std::vector<std::pair<std::string, std::string>> meeting_choices(const json& cv) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const json& m : meetings_to_hold(cv))
    out.emplace_back(m.value("meeting_date", ""),
                     m.value("kind_words", m.value("kind", "meeting")) + " on " +
                         date_in_words(m.value("meeting_date", "")));
  out.emplace_back(std::string(kNextMeeting), "The next meeting, not yet arranged");
  return out;
}

}  // namespace

FormReading read_exclusion(const Form& form, const json& cv) {
  FormReading r;
  json& b = r.body;
  auto& p = r.problems;
  if (auto d = read_date(form, "date", "the date of the decision", true, p)) b["date"] = *d;
  const std::string meeting = typed(form, "meeting");
  bool offered = false;
  for (const auto& [value, words] : meeting_choices(cv)) offered = offered || value == meeting;
  if (!offered)
    p.push_back({"meeting", "Choose the meeting they are excluded from", {}});
  else if (meeting != kNextMeeting)
    b["meeting_date"] = meeting;
  const std::string person = typed(form, "person");
  std::string named;
  for (const NetworkMember& m : network_of(cv))
    if (m.family && m.id == person) named = m.words();
  if (named.empty())
    p.push_back({"person", "Choose the family member who is excluded", {}});
  else
    b["person"] = named;
  if (auto why = read_text(form, "reason"))
    b["reason"] = *why;
  else
    p.push_back({"reason", "Say why they are excluded", {}});
  if (auto instead = read_text(form, "alternative")) b["alternative"] = *instead;
  return r;
}

const std::map<std::string, std::string>& exclusion_inputs() {
  static const std::map<std::string, std::string> inputs = {
      {"date", "date-day"}, {"meeting_date", "meeting"},    {"person", "person"},
      {"reason", "reason"}, {"alternative", "alternative"}, {"endorsed_by_role", "person"},
  };
  return inputs;
}

json exclusion_form_view(const json& cv, const Form& t, const std::vector<FieldProblem>& p,
                         std::string_view today, std::int64_t version) {
  json v = form_view_head(cv, p, version);
  const auto meetings = meeting_choices(cv);
  std::vector<Option> meeting_options;
  for (const auto& [value, words] : meetings) meeting_options.push_back({value, words});
  std::string meeting = typed(t, "meeting");
  if (typed(t, "version").empty() && meeting.empty()) meeting = meetings.front().first;
  v["meeting"] =
      radios("meeting", "Which meeting are they excluded from?", "", meeting_options, meeting, p);
  const std::vector<NetworkMember> network = network_of(cv);
  std::vector<std::string> words;
  for (const NetworkMember& m : network) words.push_back(m.words());
  std::vector<Option> family;
  for (std::size_t i = 0; i < network.size(); ++i)
    if (network[i].family) family.push_back({network[i].id, words[i]});
  v["has_family"] = !family.empty();
  v["person"] = radios("person", "Who is excluded?", "", family, typed(t, "person"), p);
  v["reason"] = textarea("reason", "Why are they excluded?",
                         "What attending would put at risk: the child's wellbeing, or another "
                         "family member's",
                         typed(t, "reason"), 4, p);
  v["alternative"] = textarea("alternative", "How will their views be heard instead?",
                              "For example, the social worker meets them separately before the "
                              "meeting",
                              typed(t, "alternative"), 3, p);
  v["date"] = date_input("date", "When was this decided?", "For example, 27 3 2026", t,
                         std::string(today), p);
  return v;
}

}  // namespace cinplan::pages
