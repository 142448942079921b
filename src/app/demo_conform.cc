#include "app/demo_conform.h"

#include <algorithm>

#include "core/casefile/case_history.h"
#include "core/casefile/case_state.h"
#include "core/obligations/matching.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

bool holds(const Requirement& r, const json& event) {
  auto it = event.find(r.field);
  if (it == event.end() || it->is_null()) return false;
  switch (r.kind) {
    case Requirement::Kind::kPresent:
      return true;
    case Requirement::Kind::kBool:
      return it->is_boolean() && it->get<bool>() == r.boolean;
    case Requirement::Kind::kOneOf: {
      const std::string value = it->is_string() ? it->get<std::string>() : it->dump();
      return std::find(r.allowed.begin(), r.allowed.end(), value) != r.allowed.end();
    }
  }
  return true;
}

// A value for a field a constraint wants present.
json plausible(const EventTypeSpec& spec, const std::string& field, const json& event) {
  const std::string date = event.value("date", "");
  if (field == "next_meeting") {
    Date d = add_days(parse_date(date).value(), 42);
    while (d.is_weekend()) d = add_days(d, 1);
    return d.to_string();
  }
  if (field == "rationale") return "the family are working with the plan; some worries remain";
  if (field == "reason_not_seen") return "the child asked for their mother to stay";
  if (field == "others_present") return json::array({"mother"});
  if (field == "information_shared")
    return json::array({"assessment", "plan", "latest review minutes", "case summary"});
  const FieldSpec* f = find_field(spec, field);
  if (f == nullptr) return "recorded on the child's file";
  switch (f->kind) {
    case FieldKind::kDate:
      return date;
    case FieldKind::kBool:
      return true;
    case FieldKind::kEnum:
      return std::string(f->values.front());
    case FieldKind::kInteger:
      return f->min;
    case FieldKind::kStrings:
      return json::array({"recorded on the child's file"});
    case FieldKind::kEnums:
      return json::array({std::string(f->values.front())});
    case FieldKind::kObjects:
      return json::array();
    case FieldKind::kObject:
      return json::object();
    case FieldKind::kString:
      break;
  }
  return "recorded on the child's file";
}

Error internal(std::string message) {
  return Error{ErrorCode::kInternal, std::move(message), {}};
}

}  // namespace

void apply_matcher(const EventMatcher& matcher, json& event) {
  const EventTypeSpec& spec = event_type(matcher.type);
  if (matcher.subtypes != 0 && !spec.fact.subtype_field.empty()) {
    const FieldSpec* field = find_field(spec, spec.fact.subtype_field);
    const std::string name(spec.fact.subtype_field);
    const int now = enum_index(*field, event.value(name, ""));
    if (now < 0 || ((matcher.subtypes >> now) & 1u) == 0) {
      for (std::size_t v = 0; v < field->values.size(); ++v) {
        if ((matcher.subtypes >> v) & 1u) {
          event[name] = std::string(field->values[v]);
          break;
        }
      }
    }
  }
  for (std::size_t bit = 0; bit < spec.fact.flags.size(); ++bit) {
    if (((matcher.flags_mask >> bit) & 1u) == 0) continue;
    const bool want = ((matcher.flags_value >> bit) & 1u) != 0;
    const std::string_view flag = spec.fact.flags[bit];
    const auto eq = flag.find('=');
    if (eq == std::string_view::npos) {
      event[std::string(flag)] = want;
      continue;
    }
    const std::string name(flag.substr(0, eq));
    const std::string value(flag.substr(eq + 1));
    const FieldSpec* field = find_field(spec, name);
    if (value == kNotRecorded) {
      if (want)
        event.erase(name);
      else if (!event.contains(name))
        event[name] = std::string(field->values.front());
    } else if (field->kind == FieldKind::kEnums) {
      json list = event.value(name, json::array());
      auto it = std::find(list.begin(), list.end(), value);
      if (want && it == list.end()) list.push_back(value);
      if (!want && it != list.end()) list.erase(it);
      event[name] = list;
    } else if (want) {
      event[name] = value;
    } else if (event.value(name, "") == value) {
      event.erase(name);
    }
  }
}

Result<void> conform_to_constraints(const Profile& profile, json& event, bool musts_only) {
  for (int pass = 0; pass < 4; ++pass) {
    auto parsed = parse_event(event);
    if (!parsed) {
      return std::unexpected(
          internal("the demo made an event the registry refuses: " + parsed.error().message));
    }
    const Fact fact = to_fact(*parsed, 0);
    const EventTypeSpec& spec = event_type(parsed->type);
    bool changed = false;
    for (const Constraint& c : profile.constraints) {
      if (musts_only && c.strength != Strength::kMust) continue;
      if (c.applies_to.type != fact.type || !matches(c.applies_to, fact)) continue;
      for (const Requirement& r : c.require) {
        if (holds(r, event)) continue;
        changed = true;
        switch (r.kind) {
          case Requirement::Kind::kOneOf:
            event[r.field] = r.allowed.front();
            break;
          case Requirement::Kind::kBool:
            event[r.field] = r.boolean;
            break;
          case Requirement::Kind::kPresent:
            event[r.field] = plausible(spec, r.field, event);
            break;
        }
      }
    }
    if (!changed) return {};
  }
  return std::unexpected(internal("the constraints of " + profile.id + " on a " +
                                  event.value("type", "") +
                                  " event keep undoing each other; the demo cannot meet them"));
}

}  // namespace cinplan::app
