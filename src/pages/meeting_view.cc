#include "pages/meeting_view.h"

#include <string>

#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

std::string person_words(const json& who, bool apology) {
  std::string out = register_words(who, true);
  if (apology && who.value("written_update", false)) out += ", with a written report";
  return out;
}

}  // namespace

std::string register_words(const json& who, bool with_contact) {
  std::string out = text_at(who, "name");
  std::string about = text_at(who, "role");
  if (about.empty()) about = text_at(who, "agency");
  if (const std::string contact = text_at(who, "contact"); with_contact && !contact.empty())
    about += (about.empty() ? "" : ", ") + contact;
  if (!about.empty()) out += " (" + about + ")";
  return out;
}

namespace {

json words_of(const json& list, bool apology) {
  json out = json::array();
  if (list.is_array())
    for (const json& who : list)
      if (who.is_object()) out.push_back(person_words(who, apology));
  return out.empty() ? json(false) : out;
}

}  // namespace

json held_meeting_view(json m) {
  m["present_words"] = words_of(m.value("present", json()), false);
  m["apologies_words"] = words_of(m.value("apologies", json()), true);
  m["absent_words"] = words_of(m.value("absent", json()), false);
  m["has_present"] = m["present_words"] != false;
  m["has_absent"] = m["absent_words"] != false;
  m["has_apologies"] = m["apologies_words"] != false;
  json rows = json::array();
  for (const json& s : m.value("scaling", json::array()))
    rows.push_back(
        {{"by", text_at(s, "by")},
         {"score", s.value("score", 0)},
         {"rationale",
          text_at(s, "rationale").empty() ? json(false) : json(text_at(s, "rationale"))}});
  const bool scaled = !rows.empty();
  m["scaling_rows"] = scaled ? rows : json(false);
  m["has_scaling"] = scaled;
  json findings = json::array();
  for (auto [key, heading] : {std::pair{"working_well", "What is working well"},
                              std::pair{"worries", "What we are worried about"},
                              std::pair{"complicating_factors", "Complicating factors"},
                              std::pair{"danger_statements", "Danger statements"},
                              std::pair{"safety_goals", "Safety goals"}}) {
    const json items = m.value(key, json::array());
    if (items.is_array() && !items.empty())
      findings.push_back({{"heading", heading}, {"items", items}});
  }
  const bool found = !findings.empty();
  m["findings"] = found ? findings : json(false);
  m["next_words"] =
      m.contains("next_meeting") ? json(date_in_words(text_at(m, "next_meeting"))) : json(false);
  m["has_record"] = m["has_present"].get<bool>() || m["has_apologies"].get<bool>() ||
                    m["has_absent"].get<bool>() || scaled || found || m["next_words"] != false;
  return m;
}

}  // namespace cinplan::pages
