#include "core/procedure/rule_matchers.h"

#include "core/procedure/profile_loader.h"

namespace cinplan {
namespace {

Error bad(const std::string& what, const std::string& text) {
  return Error::bad_input(what + ": " + text);
}

std::string known_types() {
  std::string out;
  for (const EventTypeSpec& t : event_types()) out += (out.empty() ? "" : ", ") + std::string(t.id);
  return out;
}

// The keys a matcher of this type may use, for messages.
std::string matcher_keys(const EventTypeSpec& spec) {
  std::string out;
  if (!spec.fact.subtype_field.empty()) out = std::string(spec.fact.subtype_field);
  for (std::string_view f : spec.fact.flags) {
    const auto eq = f.find('=');
    std::string key(f.substr(0, eq));
    if (out.find(key) == std::string::npos) out += (out.empty() ? "" : ", ") + key;
  }
  return out.empty() ? "none" : out;
}

}  // namespace

Result<EventMatcher> parse_matcher(const toml::node& node, const std::string& what) {
  EventMatcher m;
  std::string type_name;
  const toml::table* table = node.as_table();
  if (const auto* s = node.as_string()) {
    type_name = s->get();
  } else if (table != nullptr) {
    const auto* ev = table->get("event") ? table->get("event")->as_string() : nullptr;
    if (ev == nullptr) return std::unexpected(bad(what, "a matcher needs event = \"<type>\""));
    type_name = ev->get();
  } else {
    return std::unexpected(bad(what, "must be an event type or { event = ..., ... }"));
  }
  auto type = find_event_type(type_name);
  if (!type) {
    return std::unexpected(
        bad(what, "unknown event type \"" + type_name + "\" (known: " + known_types() + ")"));
  }
  m.type = *type;
  m.text = type_name;
  if (table == nullptr) return m;

  const EventTypeSpec& spec = event_type(*type);
  for (auto&& [k, v] : *table) {
    const std::string key(k.str());
    if (key == "event") continue;
    if (key == "within") {
      const auto* s = v.as_string();
      auto d = s ? parse_duration(s->get())
                 : Result<Duration>(std::unexpected(Error::bad_input("must be text")));
      if (!d) return std::unexpected(bad(what, "within: " + d.error().message));
      m.within = *d;
      m.text += " within " + d->describe();
      continue;
    }
    const FieldSpec* field = find_field(spec, key);
    if (field != nullptr && key == spec.fact.subtype_field) {
      std::vector<std::string> values;
      if (const auto* s = v.as_string()) values.push_back(s->get());
      if (const auto* a = v.as_array()) {
        for (const toml::node& item : *a) {
          if (const auto* s = item.as_string()) values.push_back(s->get());
        }
      }
      if (values.empty()) return std::unexpected(bad(what, key + " must list values"));
      for (const std::string& value : values) {
        const int i = enum_index(*field, value);
        if (i < 0) {
          return std::unexpected(
              bad(what, "\"" + value + "\" is not a value of " + type_name + "." + key));
        }
        m.subtypes |= std::uint64_t{1} << i;
      }
      m.text += " " + key + "=";
      for (std::size_t i = 0; i < values.size(); ++i) m.text += (i ? "|" : "") + values[i];
      continue;
    }
    if (const auto* b = v.as_boolean()) {
      const int bitno = flag_index(spec, key);
      if (bitno < 0) {
        return std::unexpected(bad(what, type_name + " matchers cannot test \"" + key +
                                             "\" (they can test: " + matcher_keys(spec) + ")"));
      }
      m.flags_mask = static_cast<std::uint16_t>(m.flags_mask | (1u << bitno));
      if (b->get()) m.flags_value = static_cast<std::uint16_t>(m.flags_value | (1u << bitno));
      m.text += std::string(" ") + key + "=" + (b->get() ? "true" : "false");
      continue;
    }
    if (field != nullptr && field->kind == FieldKind::kEnum) {
      // One value of a single-valued field, as a flag "field=value" (or
      // "field=not_recorded": the field left out).
      const toml::node* one = &v;
      if (const auto* a = v.as_array(); a != nullptr && a->size() == 1) one = a->get(0);
      const auto* s = one->as_string();
      const int bitno = s ? flag_index(spec, key + "=" + s->get()) : -1;
      if (bitno < 0) {
        return std::unexpected(
            bad(what, type_name + "." + key +
                          " is tested for one value at a time (a value of the field, or \"" +
                          std::string(kNotRecorded) +
                          "\"): write one matcher per value (they can test: " + matcher_keys(spec) +
                          ")"));
      }
      m.flags_mask = static_cast<std::uint16_t>(m.flags_mask | (1u << bitno));
      m.flags_value = static_cast<std::uint16_t>(m.flags_value | (1u << bitno));
      m.text += " " + key + "=" + s->get();
      continue;
    }
    if (const auto* a = v.as_array()) {
      // Every listed value must be present: each is a flag "field=value".
      if (a->empty()) return std::unexpected(bad(what, key + " must list values"));
      std::string shown;
      for (const toml::node& item : *a) {
        const auto* s = item.as_string();
        const int bitno = s ? flag_index(spec, key + "=" + s->get()) : -1;
        if (bitno < 0) {
          return std::unexpected(
              bad(what, type_name + " matchers cannot test \"" + key +
                            "\" with those values (they can test: " + matcher_keys(spec) + ")"));
        }
        m.flags_mask = static_cast<std::uint16_t>(m.flags_mask | (1u << bitno));
        m.flags_value = static_cast<std::uint16_t>(m.flags_value | (1u << bitno));
        shown += (shown.empty() ? "" : "+") + s->get();
      }
      m.text += " " + key + "=" + shown;
      continue;
    }
    return std::unexpected(bad(what, type_name + " matchers cannot test \"" + key +
                                         "\" (they can test: " + matcher_keys(spec) + ")"));
  }
  return m;
}

Result<Requirement> parse_requirement(const EventTypeSpec& type, std::string_view field,
                                      const toml::node& value, const std::string& what) {
  const FieldSpec* spec = find_field(type, field);
  if (spec == nullptr) {
    return std::unexpected(
        bad(what, std::string(type.id) + " has no field \"" + std::string(field) + "\""));
  }
  Requirement r;
  r.field = std::string(field);
  if (const auto* b = value.as_boolean()) {
    if (spec->kind != FieldKind::kBool) {
      return std::unexpected(bad(what, r.field + " is not true/false in " + std::string(type.id)));
    }
    r.kind = Requirement::Kind::kBool;
    r.boolean = b->get();
    return r;
  }
  if (const auto* s = value.as_string(); s != nullptr && s->get() == "present") {
    r.kind = Requirement::Kind::kPresent;
    return r;
  }
  const auto* a = value.as_array();
  if (a == nullptr || a->empty() || spec->kind != FieldKind::kEnum) {
    return std::unexpected(
        bad(what, r.field + " must be a list of allowed values, true, false or \"present\""));
  }
  r.kind = Requirement::Kind::kOneOf;
  for (const toml::node& item : *a) {
    const auto* s = item.as_string();
    if (s == nullptr || enum_index(*spec, s->get()) < 0) {
      return std::unexpected(bad(what, "a value listed for " + r.field + " is not one of " +
                                           std::string(type.id) + "." + r.field + "'s values"));
    }
    r.allowed.push_back(s->get());
  }
  return r;
}

}  // namespace cinplan
