#include "pages/chronology_document.h"

#include <algorithm>
#include <set>
#include <string>

#include "pages/family_plan_view.h"
#include "pages/meeting_documents.h"
#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

// The steps behind a significant event, left out of the chronology.
const std::set<std::string>& routine() {
  static const std::set<std::string> kRoutine = {
      "invitations_sent",    "attendance_recorded",   "scaling_recorded",     "minutes_distributed",
      "plan_circulated",     "plan_outcome_agreed",   "plan_outcome_removed", "plan_action_agreed",
      "plan_action_removed", "plan_action_completed", "meeting_scheduled",    "meeting_recorded",
      "review_form_sent",    "event_corrected"};
  return kRoutine;
}

}  // namespace

json chronology_document_view(const json& cv, std::string_view authority,
                              std::string_view produced_by, std::string_view today) {
  json v = document_head(cv, authority, produced_by, today);
  // Entries struck out by a correction are not part of the record as it
  // stands.
  std::set<long> struck;
  for (const json& e : cv.value("chronology", json::array()))
    if (text_at(e, "type") == "event_corrected" && e.value("struck_out", false))
      struck.insert(e.value("corrects", 0L));
  std::vector<json> rows;
  for (const json& e : cv.value("chronology", json::array())) {
    if (routine().count(text_at(e, "type")) || struck.count(e.value("event", 0L))) continue;
    rows.push_back(
        {{"date", text_at(e, "date")},
         {"date_words", date_in_words(text_at(e, "date"))},
         {"what", sentence_start(text_at(e, "what"))},
         {"detail", text_at(e, "detail").empty() ? json(false) : json(text_at(e, "detail"))},
         {"by", text_at(e, "recorded_by_name").empty() ? json(false)
                                                       : json(text_at(e, "recorded_by_name"))}});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const json& a, const json& b) {
    return a.value("date", "") < b.value("date", "");
  });
  v["has_rows"] = !rows.empty();
  v["rows"] = rows;
  return v;
}

json transfer_pack_view(const json& cv, std::string_view authority, std::string_view produced_by,
                        std::string_view today) {
  json v = document_head(cv, authority, produced_by, today);
  const json child = cv.value("child", json::object());
  json summary = json::array();
  auto row = [&](const char* key, const std::string& value) {
    if (!value.empty()) summary.push_back({{"key", key}, {"value", value}});
  };
  row("Child", text_at(child, "name"));
  row("Date of birth", date_in_words(text_at(child, "date_of_birth")));
  row("Reference", text_at(cv, "case_id"));
  row("Social worker", text_at(cv, "worker"));
  row("Procedure", text_at(cv, "profile_name"));
  v["summary"] = std::move(summary);
  v["plan"] = family_plan_view(cv, authority, produced_by, today);
  v["minutes"] = minutes_view(cv, "", authority, produced_by, today);
  v["chronology"] = chronology_document_view(cv, authority, produced_by, today);
  return v;
}

}  // namespace cinplan::pages
