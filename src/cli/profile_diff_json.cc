// `cinplan profile diff A B --json`: the comparison as data, each row with
// both sides (null where a profile has none) and whether they differ, the
// stable ids beside the words.
#include <nlohmann/json.hpp>

#include "cli/profile_diff.h"

namespace cinplan::cli {
namespace {

using Json = nlohmann::ordered_json;

Json optional_text(const std::optional<std::string>& s) {
  return s ? Json(*s) : Json(nullptr);
}

Json text_or_null(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

Json duration(const std::optional<Duration>& d) {
  if (!d) return nullptr;
  return std::to_string(d->amount) + " " + std::string(to_string(d->unit));
}

Json pathway_ids(PathwaySet set) {
  Json out = Json::array();
  for (Pathway pw : {Pathway::kStandard, Pathway::kDisability, Pathway::kDirectPayments,
                     Pathway::kSupervisionOrder}) {
    if (set & bit(pw)) out.push_back(std::string(to_string(pw)));
  }
  return out;
}

Json profile_json(const Profile& p) {
  return {{"id", p.id}, {"name", p.name}, {"source", p.source}};
}

Json rule_json(const RuleWords& w) {
  if (w.rule == nullptr) return nullptr;
  const Rule& r = *w.rule;
  Json overrides = Json::array();
  for (std::size_t i = 0; i < r.overrides.size(); ++i) {
    const RuleOverride& o = r.overrides[i];
    overrides.push_back({{"pathways", pathway_ids(o.pathways)},
                         {"due", duration(o.due)},
                         {"target", duration(o.target)},
                         {"words", w.overrides[i]}});
  }
  return {{"title", w.title},
          {"strength", std::string(to_string(r.strength))},
          {"strength_words", w.strength},
          {"kind", std::string(to_string(r.kind))},
          {"due", duration(r.due)},
          {"target", duration(r.target)},
          {"timescale", w.timescale},
          {"who", text_or_null(r.who)},
          {"who_words", text_or_null(w.who)},
          {"pathways", pathway_ids(r.pathways)},
          {"except_pathways", pathway_ids(r.except_pathways)},
          {"pathway_words", w.pathways},
          {"overrides", overrides},
          {"done_by", w.done_by},
          {"reading", text_or_null(r.reading)}};
}

Json differs_in(const RuleRow& row) {
  Json out = Json::array();
  for (RuleAspect a : row.differs) out.push_back(std::string(to_string(a)));
  return out;
}

Json timescale_row(const RuleRow& row) {
  return {{"rule", row.id},
          {"meaning", row.meaning ? Json(std::string(row.meaning->meaning)) : Json(nullptr)},
          {"differs", !row.differs.empty()},
          {"differs_in", differs_in(row)},
          {"a", rule_json(row.a)},
          {"b", rule_json(row.b)}};
}

Json requirement_json(const Requirement& r) {
  switch (r.kind) {
    case Requirement::Kind::kOneOf:
      return r.allowed;
    case Requirement::Kind::kBool:
      return r.boolean;
    case Requirement::Kind::kPresent:
      return "present";
  }
  return "present";
}

Json constraint_side(const std::vector<ConstraintWords>& side) {
  Json out = Json::array();
  for (const ConstraintWords& w : side) {
    out.push_back({{"constraint", w.constraint->id},
                   {"strength", std::string(to_string(w.constraint->strength))},
                   {"requires", requirement_json(*w.requirement)},
                   {"asks", w.asks},
                   {"condition", text_or_null(w.condition)},
                   {"message", w.constraint->message},
                   {"reading", text_or_null(w.constraint->reading)}});
  }
  return out;
}

Json label_rows(const std::vector<LabelRow>& rows, const char* id_key, const char* kind) {
  Json out = Json::array();
  for (const LabelRow& r : rows) {
    Json row;
    if (kind != nullptr) row["kind"] = kind;
    row[id_key] = r.id;
    row["a"] = optional_text(r.a);
    row["b"] = optional_text(r.b);
    row["differs"] = r.differs;
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

std::string diff_json_text(const ProfileDiff& d) {
  Json out;
  out["a"] = profile_json(*d.a);
  out["b"] = profile_json(*d.b);
  Json timescales = Json::array();
  for (const RuleRow& row : d.timescales) timescales.push_back(timescale_row(row));
  out["timescales"] = std::move(timescales);
  Json related = Json::array();
  for (const RelatedGroup& g : d.related) {
    Json duties = Json::array();
    for (std::size_t ix : g.rows) duties.push_back(timescale_row(d.timescales[ix]));
    related.push_back({{"group", std::string(g.group->id)},
                       {"title", std::string(g.group->title)},
                       {"duties", std::move(duties)}});
  }
  out["related"] = std::move(related);
  Json constraints = Json::array();
  for (const ConstraintRow& row : d.constraints) {
    constraints.push_back({{"topic", row.topic},
                           {"event", row.event},
                           {"meeting_kind", text_or_null(row.meeting_kind)},
                           {"field", row.field},
                           {"differs", row.differs},
                           {"a", constraint_side(row.a)},
                           {"b", constraint_side(row.b)}});
  }
  out["constraints"] = std::move(constraints);
  out["pathways"] = label_rows(d.pathways, "pathway", nullptr);
  out["outcomes"] = label_rows(d.outcomes, "outcome", nullptr);
  Json words = label_rows(d.roles, "id", "role");
  for (Json& row : label_rows(d.meetings, "id", "meeting")) words.push_back(std::move(row));
  out["words"] = std::move(words);
  out["summary"] = {{"timescale_rules", d.timescales.size()},
                    {"timescale_rules_differing", d.timescales_differing()},
                    {"constraints", d.constraints.size()},
                    {"constraints_differing", d.constraints_differing()}};
  return out.dump(2);
}

}  // namespace cinplan::cli
