#include "pages/case_network.h"

#include <algorithm>

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

std::string text(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::vector<NetworkMember> network_of(const json& cv) {
  std::vector<NetworkMember> out;
  for (const char* part : {"people", "professionals"}) {
    if (!cv.contains(part) || !cv[part].is_array()) continue;
    const bool family = std::string_view(part) == "people";
    for (const json& p : cv[part]) {
      if (!p.is_object() || text(p, "name").empty()) continue;
      NetworkMember m;
      m.id = text(p, "person_id");
      m.name = text(p, "name");
      m.family = family;
      m.contact = text(p, "contact");
      if (family) {
        m.who = text(p, "relationship");
      } else {
        m.who = text(p, "agency");
        if (const std::string role = text(p, "role"); !role.empty())
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
    const std::string kind = text(m, "kind"), date = text(m, "meeting_date");
    const bool done = std::any_of(held.begin(), held.end(), [&](const json& h) {
      return text(h, "kind") == kind &&
             (text(h, "date") >= date || text(h, "date") >= text(m, "date"));
    });
    // Arranged again for another date: the latest arrangement stands.
    const bool moved = std::any_of(
        cv["meetings_arranged"].begin(), cv["meetings_arranged"].end(), [&](const json& later) {
          return &later != &m && text(later, "kind") == kind &&
                 text(later, "date") > text(m, "date") && text(later, "meeting_date") != date;
        });
    if (!done && !moved) out.push_back(m);
  }
  std::stable_sort(out.begin(), out.end(), [](const json& a, const json& b) {
    return text(a, "meeting_date") < text(b, "meeting_date");
  });
  return out;
}

json exclusions_from(const json& cv, std::string_view meeting_date, bool or_later) {
  json out = json::array();
  const auto list = cv.find("exclusions");
  if (list == cv.end() || !list->is_array()) return out;
  const auto held = cv.find("meetings");
  for (const json& x : *list) {
    const std::string on = text(x, "meeting_date"), made = text(x, "date");
    bool held_since = false;
    if (held != cv.end() && held->is_array())
      for (const json& m : *held) held_since = held_since || text(m, "date") > made;
    const bool applies =
        on.empty() ? !held_since : (on == meeting_date || (or_later && on >= meeting_date));
    if (applies) out.push_back(x);
  }
  return out;
}

bool excluded(const json& exclusions, const NetworkMember& member) {
  return std::any_of(exclusions.begin(), exclusions.end(), [&](const json& x) {
    const std::string who = text(x, "person");
    return who == member.words() || who == member.name;
  });
}

}  // namespace cinplan::pages
