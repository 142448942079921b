#include "pages/meeting_documents.h"

#include <algorithm>

#include "pages/case_network.h"
#include "pages/meeting_view.h"
#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

}  // namespace

json invitation_view(const json& cv, std::string_view date, std::string_view authority,
                     std::string_view produced_by, std::string_view today) {
  json v = document_head(cv, authority, produced_by, today);
  v["found"] = false;
  v["worker"] = text_at(cv, "worker").empty() ? json(false) : json(text_at(cv, "worker"));
  for (const json& m : meetings_to_hold(cv)) {
    if (!date.empty() && text_at(m, "meeting_date") != date) continue;
    v["found"] = true;
    std::string kind = text_at(m, "kind_words");
    v["kind_words"] = kind.empty() ? std::string("Child in Need meeting") : kind;
    v["date_words"] = date_in_words(text_at(m, "meeting_date"));
    v["venue"] = text_at(m, "venue").empty() ? json(false) : json(text_at(m, "venue"));
    json invited = strings_at(m, "invitees");
    v["has_invited"] = !invited.empty();
    v["invited"] = std::move(invited);
    break;
  }
  return v;
}

json minutes_view(const json& cv, std::string_view date, std::string_view authority,
                  std::string_view produced_by, std::string_view today) {
  json v = document_head(cv, authority, produced_by, today);
  v["found"] = false;
  const json meetings = cv.value("meetings", json::array());
  const json* held = nullptr;
  for (const json& m : meetings)
    if (date.empty() || text_at(m, "date") == date) held = &m;
  if (held == nullptr) return v;
  const json& m = *held;
  v["found"] = true;
  v["kind_words"] =
      text_at(m, "kind_words").empty() ? text_at(m, "kind") : text_at(m, "kind_words");
  v["date_words"] = date_in_words(text_at(m, "date"));
  v["chair_words"] =
      text_at(m, "chair_words").empty() ? json(false) : json(text_at(m, "chair_words"));
  v["outcome_words"] =
      text_at(m, "outcome_words").empty() ? json(false) : json(text_at(m, "outcome_words"));
  v["next_words"] = text_at(m, "next_meeting").empty()
                        ? json(false)
                        : json(date_in_words(text_at(m, "next_meeting")));
  json present = json::array(), apologies = json::array(), absent = json::array();
  json distribution = json::array();
  for (const json& p : m.value("present", json::array())) {
    present.push_back(register_words(p, false));
    distribution.push_back(register_words(p, false));
  }
  for (const json& p : m.value("apologies", json::array())) {
    apologies.push_back(register_words(p, false) + (p.value("written_update", false)
                                                        ? ", who sent a written report"
                                                        : ", who sent no written report"));
    distribution.push_back(register_words(p, false));
  }
  for (const json& p : m.value("absent", json::array())) absent.push_back(register_words(p, false));
  v["present"] = std::move(present);
  v["apologies"] = std::move(apologies);
  v["absent"] = std::move(absent);
  v["has_apologies"] = !v["apologies"].empty();
  v["has_absent"] = !v["absent"].empty();
  v["distribution"] = std::move(distribution);
  json scaling = json::array();
  int low = 11, high = -1;
  std::string low_by, high_by;
  for (const json& s : m.value("scaling", json::array())) {
    const int score = s.value("score", 0);
    scaling.push_back(
        {{"by", text_at(s, "by")},
         {"score", score},
         {"rationale",
          text_at(s, "rationale").empty() ? json(false) : json(text_at(s, "rationale"))}});
    if (score < low) low = score, low_by = text_at(s, "by");
    if (score > high) high = score, high_by = text_at(s, "by");
  }
  v["has_scaling"] = !scaling.empty();
  v["scaling"] = std::move(scaling);
  v["disagreement"] = high - low >= 3
                          ? json("The scores were " + std::to_string(high - low) +
                                 " points apart: " + low_by + " gave " + std::to_string(low) +
                                 " and " + high_by + " gave " + std::to_string(high) + ".")
                          : json(false);
  static constexpr std::pair<const char*, const char*> kFound[] = {
      {"working_well", "What is working well"},
      {"worries", "What we are worried about"},
      {"complicating_factors", "Complicating factors"},
      {"danger_statements", "Danger statements"},
      {"safety_goals", "Safety goals"}};
  json findings = json::array();
  for (const auto& [key, heading] : kFound) {
    json items = strings_at(m, key);
    if (!items.empty()) findings.push_back({{"heading", heading}, {"items", std::move(items)}});
  }
  v["findings"] = std::move(findings);
  return v;
}

}  // namespace cinplan::pages
