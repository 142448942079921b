#include "core/casefile/fact_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace cinplan {
namespace {

namespace od = simdjson::ondemand;

// What a top-level key of an event means to the fold.
enum class Role : std::uint8_t {
  kDate,         // "date"
  kSubtype,      // the FactShape's subtype field (an enum)
  kRefDate,      // the FactShape's reference date field
  kBoolFlag,     // a "field" flag
  kArrayFlags,   // the kEnums field of one or more "field=value" flags
  kEnumFlags,    // the kEnum field of one or more "field=value" flags
  kCorrects,     // event_corrected: the position corrected
  kReplacement,  // event_corrected: the replacement event
  kNumber,       // the FactShape's number field
};

struct Key {
  std::string_view name;
  Role role = Role::kDate;
  std::uint16_t bit = 0;  // kBoolFlag
};

struct ArrayFlag {
  std::string_view field;
  std::string_view value;  // kNotRecorded: set when the field is left out
  std::uint16_t bit = 0;
};

// The keys the fold reads for one event type, from its FactShape.
struct Plan {
  std::array<Key, 24> keys{};
  std::size_t key_count = 0;
  std::array<ArrayFlag, 16> array_flags{};
  std::size_t array_flag_count = 0;
  std::span<const std::string_view> subtype_values;

  void add(std::string_view name, Role role, std::uint16_t bit = 0) {
    for (std::size_t i = 0; i < key_count; ++i) {
      if (keys[i].name == name) return;  // several "field=value" flags of one field
    }
    keys[key_count++] = {name, role, bit};
  }
};

Plan make_plan(EventTypeId id) {
  const EventTypeSpec& spec = event_type(id);
  Plan plan;
  plan.add("date", Role::kDate);
  if (!spec.fact.subtype_field.empty()) {
    plan.add(spec.fact.subtype_field, Role::kSubtype);
    plan.subtype_values = find_field(spec, spec.fact.subtype_field)->values;
  }
  if (!spec.fact.ref_date_field.empty()) plan.add(spec.fact.ref_date_field, Role::kRefDate);
  for (std::size_t bit = 0; bit < spec.fact.flags.size(); ++bit) {
    const std::string_view flag = spec.fact.flags[bit];
    const auto eq = flag.find('=');
    if (eq == std::string_view::npos) {
      plan.add(flag, Role::kBoolFlag, static_cast<std::uint16_t>(bit));
    } else {
      const FieldSpec* field = find_field(spec, flag.substr(0, eq));
      plan.add(flag.substr(0, eq),
               field->kind == FieldKind::kEnum ? Role::kEnumFlags : Role::kArrayFlags);
      plan.array_flags[plan.array_flag_count++] = {flag.substr(0, eq), flag.substr(eq + 1),
                                                   static_cast<std::uint16_t>(bit)};
    }
  }
  if (!spec.fact.number_field.empty()) plan.add(spec.fact.number_field, Role::kNumber);
  if (id == corrected_event_type()) {
    plan.add("corrects", Role::kCorrects);
    plan.add("replacement", Role::kReplacement);
  }
  return plan;
}

constexpr std::size_t kSlots = 128;

std::size_t slot_of(std::string_view s) {
  std::size_t h = 1469598103934665603ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h & (kSlots - 1);
}

bool read_date(std::string_view text, std::int32_t& days) {
  auto d = parse_date(text);
  if (!d) return false;
  days = d->days();
  return true;
}

}  // namespace

struct FactReader::Impl {
  od::parser parser;
  std::unique_ptr<char[]> buffer;
  std::size_t capacity = 0;
  std::vector<Plan> plans;
  // Open addressing over the type ids: kSlots entries, 0xFF empty.
  std::array<EventTypeId, kSlots> slots{};

  Impl() {
    const auto types = event_types();
    static_assert(kSlots >= 2 * CaseState::kMaxTypes);  // short probes
    plans.reserve(types.size());
    slots.fill(0xFF);
    for (std::size_t t = 0; t < types.size(); ++t) {
      plans.push_back(make_plan(static_cast<EventTypeId>(t)));
      std::size_t s = slot_of(types[t].id);
      while (slots[s] != 0xFF) s = (s + 1) & (kSlots - 1);
      slots[s] = static_cast<EventTypeId>(t);
    }
  }

  std::optional<EventTypeId> find_type(std::string_view id) const {
    for (std::size_t s = slot_of(id);; s = (s + 1) & (kSlots - 1)) {
      if (slots[s] == 0xFF) return std::nullopt;
      if (event_type(slots[s]).id == id) return slots[s];
    }
  }

  static Error broken(std::uint32_t index, std::string_view type, const std::string& what) {
    return {ErrorCode::kInternal,
            "stored event " + std::to_string(index + 1) + " (" + std::string(type) + "): " + what,
            {}};
  }

  // A correction's fields: `corrects`, and the fact of its replacement.
  struct Correction {
    std::int64_t corrects = 0;
    bool has_replacement = false;
    Fact replacement;
  };

  // Reads the fact of an object of `type` whose fields the iteration has not
  // yet consumed; for a correction (`correction` not null) also its own
  // fields. Fields the fold does not read are skipped unparsed.
  simdjson::error_code read_object(od::object& object, EventTypeId type, Fact& fact, bool& has_date,
                                   Correction* correction) {
    const Plan& plan = plans[type];
    fact.type = type;
    std::uint32_t seen = 0;  // bit per plan key read with a non-null value
    for (auto field_result : object) {
      od::field field;
      if (auto err = std::move(field_result).get(field)) return err;
      std::string_view key;
      if (auto err = field.unescaped_key().get(key)) return err;
      const Key* k = nullptr;
      for (std::size_t i = 0; i < plan.key_count; ++i) {
        if (plan.keys[i].name == key) {
          k = &plan.keys[i];
          break;
        }
      }
      if (k == nullptr) continue;  // not read by the fold: skipped unparsed
      od::value value = field.value();
      od::json_type kind;
      if (auto err = value.type().get(kind)) return err;
      if (kind != od::json_type::null) seen |= 1u << (k - plan.keys.data());
      switch (k->role) {
        case Role::kDate: {
          std::string_view text;
          if (kind != od::json_type::string || value.get_string().get(text) ||
              !read_date(text, fact.date)) {
            return simdjson::INCORRECT_TYPE;
          }
          has_date = true;
          break;
        }
        case Role::kSubtype: {
          std::string_view text;
          if (kind != od::json_type::string) break;
          if (auto err = value.get_string().get(text)) return err;
          for (std::size_t i = 0; i < plan.subtype_values.size(); ++i) {
            if (plan.subtype_values[i] == text) {
              fact.subtype = static_cast<std::uint8_t>(i);
              break;
            }
          }
          break;
        }
        case Role::kRefDate: {
          std::string_view text;
          if (kind != od::json_type::string) break;
          if (auto err = value.get_string().get(text)) return err;
          std::int32_t days = 0;
          if (read_date(text, days)) fact.ref_date = days;
          break;
        }
        case Role::kBoolFlag: {
          bool set = false;
          if (kind != od::json_type::boolean) break;
          if (auto err = value.get_bool().get(set)) return err;
          if (set) fact.flags = static_cast<std::uint16_t>(fact.flags | (1u << k->bit));
          break;
        }
        case Role::kArrayFlags: {
          if (kind != od::json_type::array) break;
          od::array items;
          if (auto err = value.get_array().get(items)) return err;
          for (auto item_result : items) {
            od::value item;
            if (auto err = std::move(item_result).get(item)) return err;
            od::json_type item_kind;
            if (auto err = item.type().get(item_kind)) return err;
            if (item_kind != od::json_type::string) continue;
            std::string_view text;
            if (auto err = item.get_string().get(text)) return err;
            for (std::size_t i = 0; i < plan.array_flag_count; ++i) {
              const ArrayFlag& f = plan.array_flags[i];
              if (f.field == k->name && f.value == text) {
                fact.flags = static_cast<std::uint16_t>(fact.flags | (1u << f.bit));
              }
            }
          }
          break;
        }
        case Role::kEnumFlags: {
          if (kind != od::json_type::string) break;
          std::string_view text;
          if (auto err = value.get_string().get(text)) return err;
          for (std::size_t i = 0; i < plan.array_flag_count; ++i) {
            const ArrayFlag& f = plan.array_flags[i];
            if (f.field == k->name && f.value == text) {
              fact.flags = static_cast<std::uint16_t>(fact.flags | (1u << f.bit));
            }
          }
          break;
        }
        case Role::kNumber: {
          std::int64_t n = 0;
          if (kind != od::json_type::number || value.get_int64().get(n)) break;
          if (n > 0 && n <= kFactNumberMax)
            fact.flags = static_cast<std::uint16_t>(fact.flags | (n << kFactNumberShift));
          break;
        }
        case Role::kCorrects:
          if (correction == nullptr) break;
          if (auto err = value.get_int64().get(correction->corrects)) return err;
          break;
        case Role::kReplacement: {
          if (kind == od::json_type::null || correction == nullptr) break;
          od::object replacement;
          if (auto err = value.get_object().get(replacement)) return err;
          if (auto err = read_replacement(replacement, correction->replacement)) return err;
          correction->has_replacement = true;
          break;
        }
      }
    }
    for (std::size_t i = 0; i < plan.array_flag_count; ++i) {
      const ArrayFlag& f = plan.array_flags[i];
      if (f.value != kNotRecorded) continue;
      bool read = false;
      for (std::size_t k = 0; k < plan.key_count; ++k) {
        if (plan.keys[k].name == f.field) read = (seen >> k) & 1u;
      }
      if (!read) fact.flags = static_cast<std::uint16_t>(fact.flags | (1u << f.bit));
    }
    return simdjson::SUCCESS;
  }

  Result<FactUpdate> read(std::string_view type_id, std::string_view payload, std::uint32_t index) {
    auto type = find_type(type_id);
    if (!type) return std::unexpected(broken(index, type_id, "unknown event type"));
    const std::size_t needed = payload.size() + simdjson::SIMDJSON_PADDING;
    if (needed > capacity) {
      capacity = std::max(needed, capacity * 2);
      buffer = std::make_unique<char[]>(capacity);
    }
    std::memcpy(buffer.get(), payload.data(), payload.size());
    std::memset(buffer.get() + payload.size(), 0, simdjson::SIMDJSON_PADDING);

    od::document doc;
    od::object object;
    if (parser.iterate(buffer.get(), payload.size(), capacity).get(doc) ||
        doc.get_object().get(object)) {
      return std::unexpected(broken(index, type_id, "the payload is not a JSON object"));
    }
    FactUpdate update;
    update.target = index;
    update.fact.event = index;
    bool has_date = false;
    const bool is_correction = *type == corrected_event_type();
    Correction correction;
    if (read_object(object, *type, update.fact, has_date, is_correction ? &correction : nullptr)) {
      return std::unexpected(broken(index, type_id, "the payload cannot be read"));
    }
    if (!has_date) return std::unexpected(broken(index, type_id, "the payload has no date"));
    if (!is_correction) return update;
    if (correction.corrects < 1 || correction.corrects > static_cast<std::int64_t>(index)) {
      return std::unexpected(broken(index, type_id, "it corrects no earlier event"));
    }
    update.target = static_cast<std::uint32_t>(correction.corrects - 1);
    if (!correction.has_replacement) {
      update.kind = FactUpdate::Kind::kStrike;
      update.fact = Fact{};
      return update;
    }
    update.kind = FactUpdate::Kind::kReplace;
    update.fact = correction.replacement;
    update.fact.event = update.target;
    return update;
  }

  // The fact of a correction's replacement: its type first (wherever it is
  // written), then its fields from the start.
  simdjson::error_code read_replacement(od::object& replacement, Fact& fact) {
    od::value type_value;
    std::string_view type_id;
    if (auto err = replacement.find_field_unordered("type").get(type_value)) return err;
    if (auto err = type_value.get_string().get(type_id)) return err;
    auto type = find_type(type_id);
    if (!type || *type == corrected_event_type()) return simdjson::INCORRECT_TYPE;
    bool rewound = false;
    if (auto err = replacement.reset().get(rewound)) return err;
    bool has_date = false;
    if (auto err = read_object(replacement, *type, fact, has_date, nullptr)) return err;
    return has_date ? simdjson::SUCCESS : simdjson::NO_SUCH_FIELD;
  }
};

FactReader::FactReader() : impl_(std::make_unique<Impl>()) {}
FactReader::~FactReader() = default;
FactReader::FactReader(FactReader&&) noexcept = default;
FactReader& FactReader::operator=(FactReader&&) noexcept = default;

Result<FactUpdate> FactReader::read(std::string_view type, std::string_view payload,
                                    std::uint32_t event_index) {
  return impl_->read(type, payload, event_index);
}

CaseState apply_updates(const CaseState& state, std::span<const FactUpdate> updates) {
  std::vector<Fact> facts(state.all_facts().begin(), state.all_facts().end());
  facts.reserve(facts.size() + updates.size());
  for (const FactUpdate& u : updates) {
    if (u.kind != FactUpdate::Kind::kAdd) {
      // At most one fact per event: remove it, order restored by from_facts.
      auto it = std::find_if(facts.begin(), facts.end(),
                             [&](const Fact& f) { return f.event == u.target; });
      if (it != facts.end()) {
        *it = facts.back();
        facts.pop_back();
      }
    }
    if (u.kind != FactUpdate::Kind::kStrike) facts.push_back(u.fact);
  }
  return CaseState::from_facts(std::move(facts));
}

}  // namespace cinplan
