#include "core/procedure/profile_loader.h"

#include <toml++/toml.h>
#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <set>

#include "core/procedure/rule_matchers.h"
#include "core/procedure/toml_reader.h"

namespace cinplan {
namespace {

Result<void> load_labels(const profile_toml::Reader& L, const toml::table& root, Profile& p) {
  const toml::node* n = root.get("labels");
  if (n == nullptr)
    return std::unexpected(L.error(&root, "missing [labels] (the authority's own words)"));
  const auto* labels = n->as_table();
  if (labels == nullptr) return std::unexpected(L.error(n, "[labels] must be a table"));
  if (auto ok = L.only_keys(*labels, {"roles", "meetings", "terms"}, "[labels]: "); !ok) return ok;
  auto fill = [&](std::string_view key, std::span<const std::string_view> allowed,
                  std::map<std::string, std::string>& into) -> Result<void> {
    const toml::node* sub = labels->get(key);
    if (sub == nullptr) return {};
    const auto* t = sub->as_table();
    if (t == nullptr)
      return std::unexpected(L.error(sub, "[labels." + std::string(key) + "] must be a table"));
    for (auto&& [k, v] : *t) {
      const std::string name(k.str());
      if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        return std::unexpected(
            L.error(&v, "[labels." + std::string(key) + "]: unknown id \"" + name + "\""));
      }
      const auto* s = v.as_string();
      if (s == nullptr || s->get().empty()) {
        return std::unexpected(
            L.error(&v, "[labels." + std::string(key) + "] " + name + " must be text"));
      }
      into[name] = s->get();
    }
    return {};
  };
  if (auto ok = fill("roles", role_values(), p.role_labels); !ok) return ok;
  if (auto ok = fill("meetings", meeting_kind_values(), p.meeting_labels); !ok) return ok;
  return fill("terms", {}, p.terms);
}

Result<void> load_labelled_list(
    const profile_toml::Reader& L, const toml::table& root, std::string_view key,
    std::vector<Labelled>& into,
    const std::function<Result<void>(const std::string&, const toml::node&)>& check) {
  const toml::node* n = root.get(key);
  if (n == nullptr) return {};
  const auto* a = n->as_array();
  if (a == nullptr)
    return std::unexpected(L.error(n, "[[" + std::string(key) + "]] must be an array of tables"));
  for (const toml::node& item : *a) {
    const auto* t = item.as_table();
    const std::string ctx = "[[" + std::string(key) + "]] ";
    if (t == nullptr) return std::unexpected(L.error(&item, ctx + "entries must be tables"));
    if (auto ok = L.only_keys(*t, {"id", "label", "cite"}, ctx); !ok) return ok;
    auto id = L.string(*t, "id", true, ctx);
    if (!id) return std::unexpected(id.error());
    if (auto ok = check(*id, item); !ok) return ok;
    auto label = L.string(*t, "label", true, ctx + *id + ": ");
    if (!label) return std::unexpected(label.error());
    auto c = L.cites(*t, ctx + *id + ": ", true);
    if (!c) return std::unexpected(c.error());
    into.push_back({*id, *label, *c});
  }
  return {};
}

// A target is the softer, earlier aim: never later than the due limit
// (further from the meeting, for a rule counted back from one). Checked from
// every day of a leap year and the next, so that units that differ (weeks
// against months, working days over bank holidays) are compared as the
// engine will count them.
Result<void> check_target(const profile_toml::Reader& L, const toml::node& at,
                          const std::string& ctx, const Duration& due,
                          const std::optional<Duration>& target, RuleKind kind) {
  if (!target) return {};
  static const WorkingDayCalendar calendar(HolidayRegion::kEnglandAndWales);
  const int sign = kind == RuleKind::kBefore ? -1 : +1;
  const Date first = *parse_date("2024-01-01");
  for (int i = 0; i < 731; ++i) {
    const Date anchor = add_days(first, i);
    const Date d = apply(anchor, due, calendar, sign);
    const Date t = apply(anchor, *target, calendar, sign);
    if (t > d) {
      const std::string way = sign > 0 ? " after" : " before";
      return std::unexpected(L.error(
          &at, ctx + "target " + target->describe() + way + " falls later than the due limit " +
                   due.describe() + way + " (counting from " + anchor.to_string() +
                   "): a target is the earlier aim, the due date the last day"));
    }
  }
  return {};
}

Result<void> load_rules(const profile_toml::Reader& L, const toml::table& root, Profile& p) {
  const toml::node* n = root.get("rules");
  if (n == nullptr) return std::unexpected(L.error(&root, "missing [[rules]]"));
  const auto* a = n->as_array();
  if (a == nullptr || a->empty())
    return std::unexpected(L.error(n, "[[rules]] must be a non-empty array of tables"));
  if (a->size() > 200) return std::unexpected(L.error(n, "a profile holds at most 200 rules"));
  // before_meeting names are resolved after all rules are read.
  std::vector<std::pair<std::string, std::vector<std::string>>> pending;
  std::vector<const toml::node*> pending_nodes;
  for (const toml::node& item : *a) {
    const auto* t = item.as_table();
    if (t == nullptr) return std::unexpected(L.error(&item, "[[rules]] entries must be tables"));
    auto id = L.string(*t, "id", true, "[[rules]] ");
    if (!id) return std::unexpected(id.error());
    const std::string ctx = "rule " + *id + ": ";
    if (p.find_rule(*id) != nullptr) return std::unexpected(L.error(&item, ctx + "id used twice"));
    if (auto ok = L.only_keys(*t,
                              {"id", "title", "kind", "after", "before_meeting", "before_date",
                               "due", "target", "met_by", "until", "resume", "strength", "who",
                               "pathways", "except_pathways", "cite", "overrides", "reading"},
                              ctx);
        !ok) {
      return std::unexpected(ok.error());
    }
    Rule r;
    r.id = *id;
    r.line = static_cast<int>(item.source().begin.line);
    auto title = L.string(*t, "title", true, ctx);
    if (!title) return std::unexpected(title.error());
    r.title = *title;
    auto kind = L.string(*t, "kind", true, ctx);
    if (!kind) return std::unexpected(kind.error());
    if (*kind == "once")
      r.kind = RuleKind::kOnce;
    else if (*kind == "each")
      r.kind = RuleKind::kEach;
    else if (*kind == "recurring")
      r.kind = RuleKind::kRecurring;
    else if (*kind == "before")
      r.kind = RuleKind::kBefore;
    else
      return std::unexpected(L.error(
          t->get("kind"), ctx + "kind \"" + *kind + "\" is not once, each, recurring or before"));
    auto strength = L.string(*t, "strength", false, ctx);
    if (!strength) return std::unexpected(strength.error());
    if (strength->empty() || *strength == "must")
      r.strength = Strength::kMust;
    else if (*strength == "should")
      r.strength = Strength::kShould;
    else if (*strength == "consider")
      r.strength = Strength::kConsider;
    else
      return std::unexpected(
          L.error(t->get("strength"), ctx + "strength must be must, should or consider"));
    auto who = L.string(*t, "who", false, ctx);
    if (!who) return std::unexpected(who.error());
    if (!who->empty() &&
        std::find(role_values().begin(), role_values().end(), *who) == role_values().end()) {
      return std::unexpected(L.error(t->get("who"), ctx + "who: unknown role \"" + *who + "\""));
    }
    r.who = *who;
    auto due = L.duration(*t, "due", ctx);
    if (!due) return std::unexpected(due.error());
    r.due = *due;
    auto target = L.duration(*t, "target", ctx);
    if (!target) return std::unexpected(target.error());
    r.target = *target;
    if (r.target && !r.due)
      return std::unexpected(L.error(t->get("target"), ctx + "a target needs a due limit"));
    auto reading = L.string(*t, "reading", false, ctx);
    if (!reading) return std::unexpected(reading.error());
    r.reading = *reading;
    if (const toml::node* m = t->get("met_by")) {
      auto ms = L.matchers(m, ctx + "met_by");
      if (!ms) return std::unexpected(ms.error());
      r.met_by = *ms;
      for (const EventMatcher& matcher : r.met_by) {
        if (matcher.within && r.kind != RuleKind::kBefore) {
          return std::unexpected(
              L.error(m, ctx + "met_by: within (a window before the meeting) is for before rules"));
        }
      }
    } else {
      return std::unexpected(L.error(&item, ctx + "missing \"met_by\": what event meets it"));
    }
    for (const char* key : {"until", "resume"}) {
      const toml::node* m = t->get(key);
      if (m == nullptr) continue;
      if (r.kind != RuleKind::kRecurring) {
        return std::unexpected(L.error(m, ctx + std::string(key) + " is for recurring rules"));
      }
      auto ms = L.matchers(m, ctx + key);
      if (!ms) return std::unexpected(ms.error());
      (std::string(key) == "until" ? r.until : r.resume) = *ms;
    }
    if (!r.resume.empty() && r.until.empty()) {
      return std::unexpected(L.error(t->get("resume"), ctx + "resume needs until"));
    }
    const toml::node* after = t->get("after");
    const toml::node* before_meeting = t->get("before_meeting");
    const toml::node* before_date = t->get("before_date");
    if (r.kind == RuleKind::kBefore) {
      if (after != nullptr)
        return std::unexpected(
            L.error(after, ctx + "a before rule takes before_meeting or before_date, not after"));
      if ((before_meeting == nullptr) == (before_date == nullptr)) {
        return std::unexpected(L.error(
            &item, ctx + "a before rule takes exactly one of before_meeting and before_date"));
      }
      if (!r.due)
        return std::unexpected(L.error(&item, ctx + "a before rule needs due (how long before)"));
      if (before_date != nullptr) {
        const auto* s = before_date->as_string();
        if (s == nullptr || s->get() != "supervision_order_end") {
          return std::unexpected(
              L.error(before_date, ctx + "before_date must be \"supervision_order_end\""));
        }
        r.before_date = DateAnchor::kSupervisionOrderEnd;
      } else {
        auto names = L.strings(before_meeting, ctx + "before_meeting");
        if (!names) return std::unexpected(names.error());
        pending.emplace_back(r.id, *names);
        pending_nodes.push_back(before_meeting);
      }
    } else {
      if (before_meeting != nullptr || before_date != nullptr) {
        return std::unexpected(
            L.error(&item, ctx + "before_meeting and before_date are for kind = \"before\""));
      }
      if (after == nullptr)
        return std::unexpected(L.error(&item, ctx + "missing \"after\": the event it counts from"));
      auto ms = L.matchers(after, ctx + "after");
      if (!ms) return std::unexpected(ms.error());
      r.after = *ms;
      if (r.kind == RuleKind::kRecurring && (!r.due || r.due->amount == 0)) {
        return std::unexpected(
            L.error(&item, ctx + "a recurring rule needs due (its interval, more than 0)"));
      }
    }
    if (const toml::node* pw = t->get("pathways")) {
      auto set = L.pathways(pw, p.known_pathways, ctx + "pathways");
      if (!set) return std::unexpected(set.error());
      r.pathways = *set;
    }
    if (const toml::node* pw = t->get("except_pathways")) {
      auto set = L.pathways(pw, p.known_pathways, ctx + "except_pathways");
      if (!set) return std::unexpected(set.error());
      r.except_pathways = *set;
    }
    auto c = L.cites(*t, ctx, true);
    if (!c) return std::unexpected(c.error());
    r.cite = *c;
    if (r.due) {
      if (auto ok = check_target(L, item, ctx, *r.due, r.target, r.kind); !ok)
        return std::unexpected(ok.error());
    }
    if (const toml::node* ov = t->get("overrides")) {
      const auto* arr = ov->as_array();
      if (arr == nullptr)
        return std::unexpected(L.error(ov, ctx + "overrides must be [[rules.overrides]] tables"));
      for (const toml::node& o : *arr) {
        const auto* ot = o.as_table();
        if (ot == nullptr) return std::unexpected(L.error(&o, ctx + "overrides must be tables"));
        const std::string octx = ctx + "override: ";
        if (auto ok = L.only_keys(*ot, {"pathways", "due", "target", "strength", "cite"}, octx);
            !ok)
          return std::unexpected(ok.error());
        RuleOverride ro;
        const toml::node* pw = ot->get("pathways");
        if (pw == nullptr) return std::unexpected(L.error(&o, octx + "missing pathways"));
        auto set = L.pathways(pw, p.known_pathways, octx + "pathways");
        if (!set) return std::unexpected(set.error());
        ro.pathways = *set;
        auto od = L.duration(*ot, "due", octx);
        if (!od) return std::unexpected(od.error());
        ro.due = *od;
        auto otg = L.duration(*ot, "target", octx);
        if (!otg) return std::unexpected(otg.error());
        ro.target = *otg;
        if (!ro.due) return std::unexpected(L.error(&o, octx + "an override needs due"));
        auto ostrength = L.string(*ot, "strength", false, octx);
        if (!ostrength) return std::unexpected(ostrength.error());
        if (*ostrength == "must") {
          ro.strength = Strength::kMust;
        } else if (*ostrength == "should") {
          ro.strength = Strength::kShould;
        } else if (*ostrength == "consider") {
          ro.strength = Strength::kConsider;
        } else if (!ostrength->empty()) {
          return std::unexpected(
              L.error(ot->get("strength"), octx + "strength must be must, should or consider"));
        }
        const auto& override_target = ro.target ? ro.target : r.target;
        if (auto ok = check_target(L, o, octx, *ro.due, override_target, r.kind); !ok)
          return std::unexpected(ok.error());
        auto oc = L.cites(*ot, octx, true);
        if (!oc) return std::unexpected(oc.error());
        ro.cite = *oc;
        r.overrides.push_back(std::move(ro));
      }
    }
    p.rules.push_back(std::move(r));
  }
  // Rules are ordered so that each comes after the rules it names: before
  // rules last, those with before_meeting after those with before_date.
  // Then before_meeting names resolve to indexes.
  std::stable_partition(p.rules.begin(), p.rules.end(),
                        [](const Rule& r) { return r.kind != RuleKind::kBefore; });
  std::stable_partition(p.rules.begin(), p.rules.end(), [](const Rule& r) {
    return r.kind != RuleKind::kBefore || r.before_date != DateAnchor::kNone;
  });
  const auto meeting = find_event_type("meeting");
  for (std::size_t i = 0; i < pending.size(); ++i) {
    const auto& [rule_id, names] = pending[i];
    Rule& rule = *std::find_if(p.rules.begin(), p.rules.end(),
                               [&](const Rule& r) { return r.id == rule_id; });
    const std::string ctx = "rule " + rule_id + ": before_meeting: ";
    for (const std::string& name : names) {
      const Rule* target = p.find_rule(name);
      if (target == nullptr) {
        return std::unexpected(
            L.error(pending_nodes[i], ctx + "no rule \"" + name + "\" in this profile"));
      }
      const bool dated =
          target->kind == RuleKind::kBefore && target->before_date != DateAnchor::kNone;
      if (target->kind != RuleKind::kOnce && target->kind != RuleKind::kRecurring && !dated) {
        return std::unexpected(
            L.error(pending_nodes[i],
                    ctx + "\"" + name + "\" must be a once, recurring or before_date rule"));
      }
      for (const EventMatcher& m : target->met_by) {
        if (m.type != *meeting) {
          return std::unexpected(
              L.error(pending_nodes[i], ctx + "\"" + name + "\" is not met by meetings"));
        }
      }
      rule.before_meeting.push_back(static_cast<std::uint16_t>(target - p.rules.data()));
    }
  }
  return {};
}

Result<void> load_constraints(const profile_toml::Reader& L, const toml::table& root, Profile& p) {
  const toml::node* n = root.get("constraints");
  if (n == nullptr) return {};
  const auto* a = n->as_array();
  if (a == nullptr)
    return std::unexpected(L.error(n, "[[constraints]] must be an array of tables"));
  for (const toml::node& item : *a) {
    const auto* t = item.as_table();
    if (t == nullptr)
      return std::unexpected(L.error(&item, "[[constraints]] entries must be tables"));
    auto id = L.string(*t, "id", true, "[[constraints]] ");
    if (!id) return std::unexpected(id.error());
    const std::string ctx = "constraint " + *id + ": ";
    if (auto ok = L.only_keys(*t,
                              {"id", "applies_to", "except_after", "require", "strength", "message",
                               "cite", "reading"},
                              ctx);
        !ok) {
      return std::unexpected(ok.error());
    }
    for (const Constraint& c : p.constraints) {
      if (c.id == *id) return std::unexpected(L.error(&item, ctx + "id used twice"));
    }
    Constraint c;
    c.id = *id;
    c.line = static_cast<int>(item.source().begin.line);
    const toml::node* applies = t->get("applies_to");
    if (applies == nullptr) return std::unexpected(L.error(&item, ctx + "missing applies_to"));
    auto m = parse_matcher(*applies, ctx + "applies_to");
    if (!m) return std::unexpected(L.error(applies, m.error().message));
    c.applies_to = *m;
    if (const toml::node* except = t->get("except_after")) {
      auto ms = L.matchers(except, ctx + "except_after");
      if (!ms) return std::unexpected(ms.error());
      c.except_after = *ms;
    }
    const toml::node* req = t->get("require");
    const auto* rt = req ? req->as_table() : nullptr;
    if (rt == nullptr || rt->empty()) {
      return std::unexpected(
          L.error(req ? req : &item, ctx + "require must be a table of field = allowed"));
    }
    for (auto&& [k, v] : *rt) {
      auto r = parse_requirement(event_type(c.applies_to.type), k.str(), v, ctx + "require");
      if (!r) return std::unexpected(L.error(&v, r.error().message));
      c.require.push_back(*r);
    }
    auto strength = L.string(*t, "strength", false, ctx);
    if (!strength) return std::unexpected(strength.error());
    if (*strength == "should")
      c.strength = Strength::kShould;
    else if (*strength == "consider")
      c.strength = Strength::kConsider;
    else if (!strength->empty() && *strength != "must") {
      return std::unexpected(
          L.error(t->get("strength"), ctx + "strength must be must, should or consider"));
    }
    auto message = L.string(*t, "message", true, ctx);
    if (!message) return std::unexpected(message.error());
    c.message = *message;
    auto cite = L.cites(*t, ctx, true);
    if (!cite) return std::unexpected(cite.error());
    c.cite = *cite;
    auto reading = L.string(*t, "reading", false, ctx);
    if (!reading) return std::unexpected(reading.error());
    c.reading = *reading;
    p.constraints.push_back(std::move(c));
  }
  return {};
}

Result<void> load_routing(const profile_toml::Reader& L, const toml::table& root, Profile& p) {
  const toml::node* n = root.get("routing");
  if (n == nullptr) return {};
  const auto* t = n->as_table();
  if (t == nullptr) return std::unexpected(L.error(n, "[routing] must be a table"));
  const std::string ctx = "[routing] ";
  if (auto ok = L.only_keys(*t, {"recent_closure", "new_team", "recent_team", "cite"}, ctx); !ok)
    return ok;
  Routing r;
  auto d = L.duration(*t, "recent_closure", ctx);
  if (!d) return std::unexpected(d.error());
  if (!*d) return std::unexpected(L.error(n, ctx + "missing recent_closure"));
  r.recent_closure = **d;
  auto a = L.string(*t, "new_team", true, ctx);
  if (!a) return std::unexpected(a.error());
  auto b = L.string(*t, "recent_team", true, ctx);
  if (!b) return std::unexpected(b.error());
  auto c = L.cites(*t, ctx, true);
  if (!c) return std::unexpected(c.error());
  r.new_team = *a;
  r.recent_team = *b;
  r.cite = *c;
  p.routing = std::move(r);
  return {};
}

std::string_view base_name(std::string_view path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

Result<Duration> parse_duration(std::string_view text) {
  const auto space = text.find(' ');
  auto bad = [&] {
    return std::unexpected(
        Error::bad_input("\"" + std::string(text) +
                         "\" is not a duration like \"15 working_days\" or \"3 months\""));
  };
  if (space == std::string_view::npos || space == 0) return bad();
  int amount = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + space, amount);
  if (ec != std::errc{} || ptr != text.data() + space || amount < 0 || amount > 1000) return bad();
  auto unit = parse_time_unit(text.substr(space + 1));
  if (!unit) return std::unexpected(unit.error());
  return Duration{amount, *unit};
}

}  // namespace cinplan

namespace cinplan {

Result<Profile> load_profile(std::string_view toml_text, std::string_view file_name) {
  profile_toml::Reader L(file_name);
  toml::table root;
  try {
    root = toml::parse(toml_text, file_name);
  } catch (const toml::parse_error& e) {
    return std::unexpected(Error::bad_input(std::string(file_name) + ":" +
                                            std::to_string(e.source().begin.line) + ": " +
                                            std::string(e.description())));
  }
  if (auto ok = L.only_keys(
          root,
          {"id", "name", "source", "bank_holidays", "due_soon_days", "labels", "pathways",
           "outcomes", "rules", "constraints", "routing", "readings", "family_plan"},
          "");
      !ok) {
    return std::unexpected(ok.error());
  }
  Profile p;
  auto id = L.string(root, "id", true, "");
  if (!id) return std::unexpected(id.error());
  p.id = *id;
  if (base_name(file_name) != p.id + ".toml") {
    return std::unexpected(
        L.error(root.get("id"),
                "id \"" + p.id + "\" does not match the file name (expected " + p.id + ".toml)"));
  }
  auto name = L.string(root, "name", true, "");
  if (!name) return std::unexpected(name.error());
  p.name = *name;
  auto source = L.string(root, "source", true, "");
  if (!source) return std::unexpected(source.error());
  p.source = *source;
  auto region_text = L.string(root, "bank_holidays", true, "");
  if (!region_text) return std::unexpected(region_text.error());
  auto region = parse_holiday_region(*region_text);
  if (!region) return std::unexpected(L.error(root.get("bank_holidays"), region.error().message));
  p.holiday_region = *region;
  if (const toml::node* ds = root.get("due_soon_days")) {
    const auto* i = ds->as_integer();
    if (i == nullptr || i->get() < 0 || i->get() > 60) {
      return std::unexpected(L.error(ds, "due_soon_days must be a whole number from 0 to 60"));
    }
    p.due_soon_days = static_cast<int>(i->get());
  }
  if (auto ok = load_labels(L, root, p); !ok) return std::unexpected(ok.error());
  if (const toml::node* readings = root.get("readings")) {
    auto list = L.strings(readings, "readings");
    if (!list) return std::unexpected(list.error());
    for (const std::string& text : *list) {
      if (text.empty())
        return std::unexpected(L.error(readings, "readings must be non-empty sentences"));
    }
    p.readings = *list;
  }
  auto check_pathway = [&](const std::string& pid, const toml::node& at) -> Result<void> {
    auto pw = parse_pathway(pid);
    if (!pw || *pw == Pathway::kStandard) {
      return std::unexpected(
          L.error(&at, "[[pathways]] id \"" + pid +
                           "\" must be disability, direct_payments or supervision_order"));
    }
    if (p.known_pathways & bit(*pw))
      return std::unexpected(L.error(&at, "pathway \"" + pid + "\" listed twice"));
    p.known_pathways = static_cast<PathwaySet>(p.known_pathways | bit(*pw));
    return {};
  };
  if (auto ok = load_labelled_list(L, root, "pathways", p.pathways, check_pathway); !ok) {
    return std::unexpected(ok.error());
  }
  std::set<std::string> seen_outcomes;
  auto check_outcome = [&](const std::string& oid, const toml::node& at) -> Result<void> {
    const auto values = meeting_outcome_values();
    if (std::find(values.begin(), values.end(), oid) == values.end()) {
      return std::unexpected(
          L.error(&at, "[[outcomes]] id \"" + oid + "\" is not a meeting outcome"));
    }
    if (!seen_outcomes.insert(oid).second)
      return std::unexpected(L.error(&at, "outcome \"" + oid + "\" listed twice"));
    return {};
  };
  if (auto ok = load_labelled_list(L, root, "outcomes", p.outcomes, check_outcome); !ok) {
    return std::unexpected(ok.error());
  }
  if (p.outcomes.empty())
    return std::unexpected(
        L.error(&root, "missing [[outcomes]]: the outcomes a meeting may record"));
  std::set<std::string> seen_parts;
  auto check_part = [&](const std::string& part, const toml::node& at) -> Result<void> {
    const auto parts = family_plan_parts();
    if (std::find(parts.begin(), parts.end(), part) == parts.end()) {
      std::string known;
      for (std::string_view k : parts) known += (known.empty() ? "" : ", ") + std::string(k);
      return std::unexpected(L.error(
          &at, "[[family_plan]] id \"" + part + "\" is not a part of the plan (" + known + ")"));
    }
    if (!seen_parts.insert(part).second)
      return std::unexpected(L.error(&at, "family plan part \"" + part + "\" listed twice"));
    return {};
  };
  if (auto ok = load_labelled_list(L, root, "family_plan", p.family_plan, check_part); !ok) {
    return std::unexpected(ok.error());
  }
  for (const Labelled& section : p.family_plan) {
    if (section.label.empty())
      return std::unexpected(L.error(
          &root, "[[family_plan]] \"" + section.id + "\" needs a label: the plan's heading"));
  }
  if (auto ok = load_rules(L, root, p); !ok) return std::unexpected(ok.error());
  if (auto ok = load_constraints(L, root, p); !ok) return std::unexpected(ok.error());
  if (auto ok = load_routing(L, root, p); !ok) return std::unexpected(ok.error());
  p.calendar = std::make_shared<const WorkingDayCalendar>(p.holiday_region);
  return p;
}

}  // namespace cinplan
