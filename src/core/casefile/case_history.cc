#include "core/casefile/case_history.h"

#include <unordered_map>

#include "core/casefile/case_id.h"

#include "core/casefile/corrections.h"
#include "core/casefile/history_rules.h"
#include "core/casefile/json_reader.h"

namespace cinplan {
namespace {

using json = nlohmann::ordered_json;

std::string kind_words(FieldKind kind) {
  switch (kind) {
    case FieldKind::kDate:
      return "a date YYYY-MM-DD";
    case FieldKind::kBool:
      return "true or false";
    case FieldKind::kString:
      return "non-empty text";
    case FieldKind::kEnum:
      return "one of the listed values";
    case FieldKind::kInteger:
      return "a whole number";
    case FieldKind::kStrings:
      return "a list of text";
    case FieldKind::kEnums:
      return "a list of the listed values";
    case FieldKind::kObjects:
      return "a list of objects";
    case FieldKind::kObject:
      return "an object";
  }
  return "a value";
}

std::string list_values(std::span<const std::string_view> values) {
  std::string out;
  for (auto v : values) out += (out.empty() ? "" : ", ") + std::string(v);
  return out;
}

Result<void> check_field(const FieldSpec& f, const json& v) {
  auto wrong = [&](const std::string& why) {
    return std::unexpected(Error::bad_input("field " + std::string(f.name) + " " + why));
  };
  switch (f.kind) {
    case FieldKind::kDate: {
      if (!v.is_string()) return wrong("must be " + kind_words(f.kind));
      auto d = parse_date(v.get<std::string>());
      if (!d) return wrong(d.error().message);
      return {};
    }
    case FieldKind::kBool:
      if (!v.is_boolean()) return wrong("must be true or false, not " + v.dump());
      return {};
    case FieldKind::kString:
      if (!v.is_string() || v.get<std::string>().empty()) return wrong("must be non-empty text");
      return {};
    case FieldKind::kEnum:
      if (!v.is_string() || enum_index(f, v.get<std::string>()) < 0) {
        return wrong("must be one of " + list_values(f.values) + ", not " + v.dump());
      }
      return {};
    case FieldKind::kInteger:
      if (!v.is_number_integer() || v.get<long long>() < f.min || v.get<long long>() > f.max) {
        return wrong("must be a whole number from " + std::to_string(f.min) + " to " +
                     std::to_string(f.max) + ", not " + v.dump());
      }
      return {};
    case FieldKind::kStrings:
      if (!v.is_array()) return wrong("must be a list of text");
      for (const json& item : v) {
        if (!item.is_string()) return wrong("must list only text, not " + item.dump());
      }
      return {};
    case FieldKind::kEnums:
      if (!v.is_array()) return wrong("must be a list of " + list_values(f.values));
      for (const json& item : v) {
        if (!item.is_string() || enum_index(f, item.get<std::string>()) < 0) {
          return wrong("may list only " + list_values(f.values) + ", not " + item.dump());
        }
      }
      return {};
    case FieldKind::kObjects:
      if (!v.is_array()) return wrong("must be a list of objects");
      for (const json& item : v) {
        if (!item.is_object()) return wrong("must list only objects, not " + item.dump());
      }
      return {};
    case FieldKind::kObject:
      if (!v.is_object()) return wrong("must be an object, not " + v.dump());
      return {};
  }
  return {};
}

}  // namespace

std::optional<Date> Event::date_field(std::string_view name) const {
  auto it = body.find(std::string(name));
  if (it == body.end() || !it->is_string()) return std::nullopt;
  auto d = parse_date(it->get<std::string>());
  return d ? std::optional<Date>(*d) : std::nullopt;
}

std::string Event::string_field(std::string_view name) const {
  auto it = body.find(std::string(name));
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool Event::bool_field(std::string_view name, bool fallback) const {
  auto it = body.find(std::string(name));
  return it != body.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

std::string CaseHistory::describe_event(std::size_t index) const {
  std::string out = "event " + std::to_string(index + 1);
  if (index < events.size()) {
    out +=
        " (" + std::string(events[index].type_id()) + ", " + events[index].date.to_string() + ")";
  }
  return out;
}

Result<Event> parse_event(json object) {
  if (!object.is_object())
    return std::unexpected(Error::bad_input("an event must be a JSON object"));
  auto type_it = object.find("type");
  if (type_it == object.end() || !type_it->is_string()) {
    return std::unexpected(Error::bad_input("missing \"type\""));
  }
  const std::string type_name = type_it->get<std::string>();
  auto type = find_event_type(type_name);
  if (!type) {
    return std::unexpected(Error::bad_input("unknown event type \"" + type_name +
                                            "\" (cinplan events lists the known types)"));
  }
  auto date_it = object.find("date");
  if (date_it == object.end())
    return std::unexpected(Error::bad_input(type_name + ": missing \"date\" (YYYY-MM-DD)"));
  if (!date_it->is_string()) {
    return std::unexpected(
        Error::bad_input(type_name + ": date must be text YYYY-MM-DD, not " + date_it->dump()));
  }
  auto date = parse_date(date_it->get<std::string>());
  if (!date)
    return std::unexpected(Error::bad_input(type_name + ": date: " + date.error().message));
  const EventTypeSpec& spec = event_type(*type);
  for (const FieldSpec& f : spec.fields) {
    auto it = object.find(std::string(f.name));
    if (it == object.end() || it->is_null()) {
      if (f.required) {
        return std::unexpected(Error::bad_input(type_name + ": missing required field " +
                                                std::string(f.name) + " (" +
                                                std::string(f.meaning) + ")"));
      }
      continue;
    }
    if (auto ok = check_field(f, *it); !ok) {
      return std::unexpected(Error::bad_input(type_name + ": " + ok.error().message));
    }
  }
  if (*type == corrected_event_type()) {
    if (auto ok = check_correction_fields(object); !ok) {
      return std::unexpected(Error::bad_input(type_name + ": " + ok.error().message));
    }
  }
  return Event{*type, *date, std::move(object)};
}

Result<CaseHistory> case_history_from_json(json document) {
  if (!document.is_object())
    return std::unexpected(Error::bad_input("a case history must be a JSON object"));
  CaseHistory h;
  auto id = document.find("case_id");
  if (id == document.end()) return std::unexpected(Error::bad_input("missing \"case_id\" (text)"));
  if (!id->is_string() || id->get<std::string>().empty()) {
    return std::unexpected(
        Error::bad_input("\"case_id\" must be non-empty text, not " + id->dump()));
  }
  h.case_id = id->get<std::string>();
  if (auto ok = check_case_id(h.case_id); !ok) return std::unexpected(ok.error());
  if (auto pr = document.find("profile"); pr != document.end()) {
    if (!pr->is_string() || pr->get<std::string>().empty())
      return std::unexpected(Error::bad_input(
          "\"profile\" must be the id of a procedure profile (text), not " + pr->dump()));
    h.profile = pr->get<std::string>();
  }
  auto child = document.find("child");
  if (child != document.end()) {
    if (!child->is_object())
      return std::unexpected(Error::bad_input("\"child\" must be an object"));
    if (auto cid = child->find("id"); cid != child->end() && cid->is_string())
      h.child.id = cid->get<std::string>();
    if (auto n = child->find("name"); n != child->end() && n->is_string())
      h.child.name = n->get<std::string>();
    if (auto dob = child->find("date_of_birth"); dob != child->end()) {
      if (!dob->is_string())
        return std::unexpected(Error::bad_input("child.date_of_birth must be a date YYYY-MM-DD"));
      auto d = parse_date(dob->get<std::string>());
      if (!d) return std::unexpected(Error::bad_input("child.date_of_birth: " + d.error().message));
      h.child.date_of_birth = *d;
    }
  }
  auto events = document.find("events");
  if (events == document.end())
    return std::unexpected(Error::bad_input("missing \"events\" (a list)"));
  if (!events->is_array())
    return std::unexpected(Error::bad_input("\"events\" must be a list of events"));
  if (events->size() > 60000)
    return std::unexpected(Error::bad_input("more than 60000 events in one case"));
  h.events.reserve(events->size());
  for (std::size_t i = 0; i < events->size(); ++i) {
    auto e = parse_event(std::move((*events)[i]));
    if (!e) return std::unexpected(e.error().within("event " + std::to_string(i + 1)));
    h.events.push_back(std::move(*e));
  }
  if (auto ok = check_history_rules(h); !ok) return std::unexpected(ok.error());
  *events = nullptr;  // the bodies now live in h.events
  h.document = std::move(document);
  return h;
}

Result<CaseHistory> parse_case_history(std::string_view json_text) {
  if (json_text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return std::unexpected(
        Error::bad_input("the file is empty: a case history is one JSON object "
                         "(cinplan events shows the event types)"));
  auto document = read_json(json_text);
  if (!document) return std::unexpected(document.error());
  return case_history_from_json(std::move(*document));
}

std::vector<std::pair<std::size_t, std::size_t>> exact_repeats(const CaseHistory& history) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::unordered_map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < history.events.size(); ++i) {
    auto [it, inserted] = first.try_emplace(history.events[i].body.dump(), i);
    if (!inserted) out.emplace_back(i, it->second);
  }
  return out;
}

std::string to_canonical_json(const CaseHistory& history) {
  json document = history.document;
  json events = json::array();
  for (const Event& e : history.events) events.push_back(e.body);
  document["events"] = std::move(events);  // back in the place it was written
  return document.dump(2) + "\n";
}

}  // namespace cinplan
