#include "pages/case_network.h"

#include "core/calendar/date.h"
#include "pages/views.h"

#include <algorithm>

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

}  // namespace

std::vector<NetworkMember> network_of(const json& cv) {
  std::vector<NetworkMember> out;
  for (const char* part : {"people", "professionals"}) {
    if (!cv.contains(part) || !cv[part].is_array()) continue;
    const bool family = std::string_view(part) == "people";
    for (const json& p : cv[part]) {
      if (!p.is_object() || text_at(p, "name").empty()) continue;
      NetworkMember m;
      m.id = text_at(p, "person_id");
      m.name = text_at(p, "name");
      m.family = family;
      m.contact = text_at(p, "contact");
      if (family) {
        m.who = text_at(p, "relationship");
      } else {
        m.who = text_at(p, "agency");
        if (const std::string role = text_at(p, "role"); !role.empty())
          m.who += (m.who.empty() ? "" : ", ") + role;
      }
      if (!m.id.empty()) out.push_back(std::move(m));
    }
  }
  return out;
}

json meetings_to_hold(const json& cv) {
  json out = json::array();
  if (!cv.contains("meetings_arranged") || !cv["meetings_arranged"].is_array()) return out;
  const json held = cv.value("meetings", json::array());
  for (const json& m : cv["meetings_arranged"]) {
    const std::string kind = text_at(m, "kind"), date = text_at(m, "meeting_date");
    // Brought forward: held after it was arranged, at most two weeks before
    // the day arranged (an earlier one is another meeting). A panel meets
    // weekly: only one on or after the day arranged holds it.
    const auto day = parse_date(date);
    const std::string earliest = kind == "panel" || !day ? date : add_days(*day, -14).to_string();
    const bool done = std::any_of(held.begin(), held.end(), [&](const json& h) {
      const std::string on = text_at(h, "date");
      return text_at(h, "kind") == kind &&
             (on >= date || (on >= text_at(m, "date") && on >= earliest));
    });
    // Arranged again for another date: the latest arrangement stands.
    const bool moved = std::any_of(cv["meetings_arranged"].begin(), cv["meetings_arranged"].end(),
                                   [&](const json& later) {
                                     return &later != &m && text_at(later, "kind") == kind &&
                                            text_at(later, "date") > text_at(m, "date") &&
                                            text_at(later, "meeting_date") != date;
                                   });
    if (!done && !moved) out.push_back(m);
  }
  std::stable_sort(out.begin(), out.end(), [](const json& a, const json& b) {
    return text_at(a, "meeting_date") < text_at(b, "meeting_date");
  });
  return out;
}

json exclusions_from(const json& cv, std::string_view meeting_date, bool or_later) {
  json out = json::array();
  const auto list = cv.find("exclusions");
  if (list == cv.end() || !list->is_array()) return out;
  for (const json& x : *list) {
    const std::string on = text_at(x, "meeting_date");
    const bool applies = on.empty() ? !x.value("held_since", false)
                                    : (on == meeting_date || (or_later && on >= meeting_date));
    if (applies) out.push_back(x);
  }
  return out;
}

bool excluded(const json& exclusions, const NetworkMember& member) {
  return std::any_of(exclusions.begin(), exclusions.end(), [&](const json& x) {
    const std::string who = text_at(x, "person");
    return who == member.words() || who == member.name;
  });
}

}  // namespace cinplan::pages
