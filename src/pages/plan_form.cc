#include "pages/plan_form.h"

#include <algorithm>
#include <vector>

#include "pages/form_fields.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

// What the authority's procedure asks after a significant change, by its
// rules' titles, so that the worker knows what answering yes starts.
std::string significant_hint(const json& case_view) {
  const json duties =
      case_view.value("choices", json::object()).value("significant_change_duties", json::array());
  const std::string name = case_view.value("profile_name", "The procedure");
  if (duties.empty())
    return name + " asks nothing more after a significant change; the plan's versions show it.";
  std::string words;
  for (std::size_t i = 0; i < duties.size(); ++i) {
    if (i > 0) words += i + 1 == duties.size() ? " and " : ", ";
    words += duties[i].get<std::string>();
  }
  return "If it is, " + name + " asks again: " + words + ".";
}

constexpr Option kSigners[] = {{"family", "The family (a parent or carer)"},
                               {"child", "The child"},
                               {"first_line_manager", "The team manager"}};

// Who the caller may record as signing: the manager's signature only by a
// manager (check_plan_signed refuses it otherwise).
std::vector<Option> signers_for(const json& case_view) {
  std::vector<Option> out;
  const bool manager = case_view.value("caller_is_manager", false);
  for (const Option& o : kSigners)
    if (manager || std::string_view(o.value) != "first_line_manager") out.push_back(o);
  return out;
}

// How many rows of `kind` the form sent ("outcome-1-text" ...).
int rows_sent(const Form& form, std::string_view kind) {
  int n = 0;
  while (form.count(row_input(kind, n + 1, "text")) || form.count(row_input(kind, n + 1, "id")))
    ++n;
  return n;
}

const json& plan_of(const json& case_view) {
  static const json none = json::object();
  return case_view.contains("plan") && case_view["plan"].is_object() ? case_view["plan"] : none;
}

// The next free id of "O-3" form among `taken`.
std::string next_id(std::string_view prefix, std::vector<std::string>& taken) {
  for (int n = 1;; ++n) {
    std::string id = std::string(prefix) + std::to_string(n);
    if (std::find(taken.begin(), taken.end(), id) == taken.end()) {
      taken.push_back(id);
      return id;
    }
  }
}

// A row of the current plan that comes back as it was shown is not agreed
// again: only what is new or changed goes into the new version (and through
// the SMART check). `was` is the row as shown (its "-was" field).
bool unchanged(const Form& form, const std::string& was_field, const json& now) {
  const json was = json::parse(typed(form, was_field), nullptr, false);
  return was.is_object() && was == now;
}

}  // namespace

FormReading read_plan(const Form& form, const json& case_view) {
  FormReading r;
  auto& p = r.problems;
  json& b = r.body;
  if (auto d = read_date(form, "date", "the date of the plan", true, p)) b["date"] = *d;
  if (auto s = read_text(form, "summary")) b["summary"] = *s;
  if (auto sig = read_yes_no(form, "significant", "this is a significant change", false, p))
    b["significant"] = *sig;
  if (auto c = read_text(form, "contingency")) b["contingency"] = *c;
  if (auto l = read_text(form, "lead_professional")) b["lead_professional"] = *l;
  if (auto f = read_text(form, "visiting_frequency_days")) {
    int days = 0;
    bool ok = !f->empty() && f->size() < 4;
    for (char ch : *f) ok = ok && ch >= '0' && ch <= '9';
    if (ok) days = std::stoi(*f);
    if (!ok || days < 1) {
      p.push_back({"visiting_frequency_days",
                   "Visiting frequency must be a number of days, such as 10",
                   {}});
    } else {
      b["visiting_frequency_days"] = days;
    }
  }
  const int outcome_rows = rows_sent(form, "outcome"), action_rows = rows_sent(form, "action");
  // Every id the plan has used, done actions included (the form does not
  // show them), so that a new row never takes the id of one of them.
  std::vector<std::string> taken;
  const json plan =
      case_view.is_object() && case_view.contains("plan") && case_view["plan"].is_object()
          ? case_view["plan"]
          : json::object();
  auto existing = [&](const char* list, const char* key, const std::string& id) -> const json* {
    const auto items = plan.find(list);
    if (items == plan.end() || !items->is_array()) return nullptr;
    for (const json& x : *items)
      if (x.value(key, "") == id) return &x;
    return nullptr;
  };
  for (auto [list, key] : {std::pair{"outcomes", "outcome_id"}, std::pair{"actions", "action_id"},
                           std::pair{"removed", "outcome_id"}, std::pair{"removed", "action_id"}})
    for (const json& x : plan.value(list, json::array()))
      if (x.contains(key) && x[key].is_string()) taken.push_back(x[key].get<std::string>());
  // A row ticked to be taken out of the plan: why, in the version's own
  // summary of what changed.
  json outcomes_out = json::array(), actions_out = json::array();
  auto take_out = [&](const char* kind, int i, const char* key, json& list) {
    const auto id = read_text(form, row_input(kind, i, "id"));
    if (!id || typed(form, row_input(kind, i, "remove")) != "yes") return false;
    json x = {{key, *id}};
    if (auto why = read_text(form, "summary")) x["reason"] = *why;
    list.push_back(std::move(x));
    return true;
  };
  for (int i = 1; i <= outcome_rows; ++i)
    if (auto id = read_text(form, row_input("outcome", i, "id"))) taken.push_back(*id);
  for (int i = 1; i <= action_rows; ++i)
    if (auto id = read_text(form, row_input("action", i, "id"))) taken.push_back(*id);
  json outcomes = json::array(), actions = json::array();
  for (int i = 1; i <= outcome_rows; ++i) {
    if (take_out("outcome", i, "outcome_id", outcomes_out)) continue;
    auto text = read_text(form, row_input("outcome", i, "text"));
    auto measure = read_text(form, row_input("outcome", i, "measure"));
    if (!text) {
      if (measure)
        p.push_back({row_input("outcome", i, "text"),
                     "Outcome " + std::to_string(i) + ": say what the plan is to achieve",
                     {}});
      continue;
    }
    auto id = read_text(form, row_input("outcome", i, "id"));
    const json now = {{"text", *text}, {"measure", measure.value_or("")}};
    if (id && unchanged(form, row_input("outcome", i, "was"), now)) continue;
    json o = {{"outcome_id", id ? *id : next_id("O", taken)}, {"text", *text}};
    if (measure) o["measure"] = *measure;
    outcomes.push_back(std::move(o));
  }
  for (int i = 1; i <= action_rows; ++i) {
    if (take_out("action", i, "action_id", actions_out)) continue;
    const std::string n = std::to_string(i);
    auto text = read_text(form, row_input("action", i, "text"));
    auto owner = read_text(form, row_input("action", i, "owner"));
    auto why = read_text(form, row_input("action", i, "why"));
    std::vector<FieldProblem> date_problems;
    auto by = read_date(form, row_input("action", i, "by"),
                        "the date action " + n + " is to be done by", false, date_problems);
    if (!text && !owner && !why && !by && date_problems.empty()) continue;  // an empty row
    if (read_text(form, row_input("action", i, "id")) &&
        unchanged(form, row_input("action", i, "was"),
                  json{{"text", text.value_or("")},
                       {"owner", owner.value_or("")},
                       {"by_date", by.value_or("")},
                       {"why", why.value_or("")}}))
      continue;
    if (!text)
      p.push_back({row_input("action", i, "text"), "Action " + n + ": say what will be done", {}});
    // The SMART check: who does it, by when and why.
    if (!owner)
      p.push_back({row_input("action", i, "owner"), "Action " + n + " needs a named owner", {}});
    if (!date_problems.empty()) {
      p.insert(p.end(), date_problems.begin(), date_problems.end());
    } else if (!by) {
      p.push_back({row_input("action", i, "by") + "-day",
                   "Action " + n + " needs a date to be done by",
                   {}});
    }
    if (!why)
      p.push_back({row_input("action", i, "why"), "Action " + n + ": say why it will help", {}});
    if (!text || !owner || !by || !why) continue;
    auto id = read_text(form, row_input("action", i, "id"));
    json a = {{"action_id", id ? *id : next_id("A", taken)},
              {"text", *text},
              {"owner", *owner},
              {"by_date", *by},
              {"why", *why}};
    // A changed action still serves the outcome it served.
    if (const json* was = id ? existing("actions", "action_id", *id) : nullptr;
        was && was->contains("outcome_id"))
      a["outcome_id"] = (*was)["outcome_id"];
    actions.push_back(std::move(a));
  }
  // The settings as the form showed them are not changes: only what was
  // changed goes into the new version.
  const json was = json::parse(typed(form, "settings-was"), nullptr, false);
  if (was.is_object()) {
    for (const char* k : {"contingency", "lead_professional", "visiting_frequency_days"}) {
      const std::string shown = was.value(k, "");
      if (b.contains(k) &&
          (b[k].is_string() ? b[k].get<std::string>() : std::to_string(b[k].get<int>())) == shown)
        b.erase(k);
    }
  }
  const bool changed = !outcomes.empty() || !actions.empty() || !outcomes_out.empty() ||
                       !actions_out.empty() || b.contains("contingency") ||
                       b.contains("lead_professional") || b.contains("visiting_frequency_days");
  if (!changed && p.empty())
    p.push_back({"summary",
                 "Nothing in the plan has changed: change or add an outcome, an action or what "
                 "is around the plan, or go back to the case",
                 {}});
  b["outcomes"] = std::move(outcomes);
  b["actions"] = std::move(actions);
  if (!outcomes_out.empty()) b["outcomes_removed"] = std::move(outcomes_out);
  if (!actions_out.empty()) b["actions_removed"] = std::move(actions_out);
  return r;
}

std::vector<std::string> plan_flags(const Form& form) {
  std::vector<std::string> flags;
  const int rows = rows_sent(form, "outcome");
  for (int i = 1; i <= rows; ++i) {
    auto text = read_text(form, row_input("outcome", i, "text"));
    if (text && read_text(form, row_input("outcome", i, "id")) &&
        unchanged(form, row_input("outcome", i, "was"), json{{"text", *text}, {"measure", ""}}))
      continue;  // as agreed before: flagged on the case page, not here
    if (text && !read_text(form, row_input("outcome", i, "measure")))
      flags.push_back("Outcome " + std::to_string(i) + " (\"" + *text +
                      "\") has nothing to measure it by: say how everyone will know it is "
                      "achieved.");
  }
  return flags;
}

const std::map<std::string, std::string>& plan_inputs() {
  static const std::map<std::string, std::string> inputs = {
      {"date", "date-day"},
      {"summary", "summary"},
      {"contingency", "contingency"},
      {"lead_professional", "lead_professional"},
      {"visiting_frequency_days", "visiting_frequency_days"},
  };
  return inputs;
}

json plan_form_view(const json& case_view, const Form& t, const std::vector<FieldProblem>& p,
                    std::string_view today, std::int64_t version) {
  json v = form_view_head(case_view, p, version);
  const json& plan = plan_of(case_view);
  const json settings = plan.value("settings", json::object());
  // What the form shows: what was typed, else the current plan.
  const bool typed_any = t.count("date-day") > 0;
  auto shown = [&](const std::string& name, std::string current) {
    return typed_any ? typed(t, name) : current;
  };
  v["has_plan"] = !plan.empty();
  v["plan_version"] = plan.value("version", 0);
  v["next_version"] = plan.value("version", 0) + 1;
  v["date"] = date_input("date", "Date of this version", "For example, 27 3 2026", t,
                         std::string(today), p);
  v["summary"] = textarea("summary", "What changed, and why",
                          "For example: agreed at the review meeting", shown("summary", ""), 3, p);
  v["significant"] =
      radios("significant", "Is this a significant change to the plan?",
             significant_hint(case_view), yes_no_options(), typed(t, "significant"), p, true);
  v["lead_professional"] =
      text_input("lead_professional", "Lead professional", "",
                 shown("lead_professional", settings.value("lead_professional", "")), p);
  const std::string every = settings.contains("visiting_frequency_days")
                                ? std::to_string(settings["visiting_frequency_days"].get<int>())
                                : "";
  v["visiting_frequency_days"] =
      text_input("visiting_frequency_days", "Visit the child every (days)",
                 "The procedure's limit still applies", shown("visiting_frequency_days", every), p);
  v["contingency"] = textarea("contingency", "Contingency: what happens if the plan does not work",
                              "", shown("contingency", settings.value("contingency", "")), 4, p);
  v["settings_was"] = typed_any
                          ? typed(t, "settings-was")
                          : json{{"contingency", settings.value("contingency", "")},
                                 {"lead_professional", settings.value("lead_professional", "")},
                                 {"visiting_frequency_days", every}}
                                .dump();

  json outcomes = json::array();
  const json current_outcomes = plan.value("outcomes", json::array());
  const int outcome_rows = typed_any ? std::max(rows_sent(t, "outcome"), 1)
                                     : static_cast<int>(current_outcomes.size()) + kNewOutcomeRows;
  for (int i = 1; i <= outcome_rows; ++i) {
    const json* cur = !typed_any && i <= static_cast<int>(current_outcomes.size())
                          ? &current_outcomes[static_cast<std::size_t>(i - 1)]
                          : nullptr;
    const std::string n = std::to_string(i);
    json o;
    o["number"] = i;
    o["row_id"] = typed_any ? typed(t, row_input("outcome", i, "id"))
                            : (cur ? cur->value("outcome_id", "") : "");
    o["has_row_id"] = !o["row_id"].get<std::string>().empty();
    o["was_name"] = row_input("outcome", i, "was");
    o["was"] =
        typed_any ? typed(t, row_input("outcome", i, "was"))
        : cur
            ? json{{"text", cur->value("text", "")}, {"measure", cur->value("measure", "")}}.dump()
            : "";
    o["id_name"] = row_input("outcome", i, "id");
    o["remove_name"] = row_input("outcome", i, "remove");
    o["remove_checked"] = typed(t, row_input("outcome", i, "remove")) == "yes";
    o["text"] = textarea(
        row_input("outcome", i, "text"), "Outcome " + n + ": what we want to achieve", "",
        typed_any ? typed(t, row_input("outcome", i, "text")) : (cur ? cur->value("text", "") : ""),
        2, p);
    o["measure"] =
        textarea(row_input("outcome", i, "measure"), "How we will know it is achieved", "",
                 typed_any ? typed(t, row_input("outcome", i, "measure"))
                           : (cur ? cur->value("measure", "") : ""),
                 2, p);
    outcomes.push_back(std::move(o));
  }
  v["outcome_rows"] = std::move(outcomes);

  json actions = json::array();
  json current_actions = json::array();
  for (const json& a : plan.value("actions", json::array()))
    if (!a.value("completed", false)) current_actions.push_back(a);
  const int action_rows = typed_any ? std::max(rows_sent(t, "action"), 1)
                                    : static_cast<int>(current_actions.size()) + kNewActionRows;
  for (int i = 1; i <= action_rows; ++i) {
    const json* cur = !typed_any && i <= static_cast<int>(current_actions.size())
                          ? &current_actions[static_cast<std::size_t>(i - 1)]
                          : nullptr;
    const std::string n = std::to_string(i);
    auto value = [&](const char* part, const char* key) {
      return typed_any ? typed(t, row_input("action", i, part)) : (cur ? cur->value(key, "") : "");
    };
    json a;
    a["number"] = i;
    a["row_id"] = value("id", "action_id");
    a["has_row_id"] = !a["row_id"].get<std::string>().empty();
    a["was_name"] = row_input("action", i, "was");
    a["was"] = typed_any ? typed(t, row_input("action", i, "was"))
               : cur     ? json{{"text", cur->value("text", "")},
                            {"owner", cur->value("owner", "")},
                            {"by_date", cur->value("by_date", "")},
                            {"why", cur->value("why", "")}}
                           .dump()
                     : "";
    a["id_name"] = row_input("action", i, "id");
    a["remove_name"] = row_input("action", i, "remove");
    a["remove_checked"] = typed(t, row_input("action", i, "remove")) == "yes";
    a["text"] = textarea(row_input("action", i, "text"), "Action " + n + ": what will be done", "",
                         value("text", "text"), 2, p);
    a["owner"] = text_input(row_input("action", i, "owner"), "Who will do it", "",
                            value("owner", "owner"), p);
    a["by"] = date_input(row_input("action", i, "by"), "By when", "", t,
                         typed_any || cur == nullptr ? "" : cur->value("by_date", ""), p);
    a["why"] =
        textarea(row_input("action", i, "why"), "Why it will help", "", value("why", "why"), 2, p);
    actions.push_back(std::move(a));
  }
  v["action_rows"] = std::move(actions);
  return v;
}

FormReading read_signature(const Form& form, const json& case_view) {
  FormReading r;
  if (auto d = read_date(form, "date", "the date it was signed", true, r.problems))
    r.body["date"] = *d;
  const std::string by = typed(form, "by");
  const auto offered = signers_for(case_view);
  if (std::none_of(offered.begin(), offered.end(),
                   [&](const Option& o) { return o.value == by; })) {
    const bool manager_only = by == "first_line_manager";
    r.problems.push_back(
        {"by",
         manager_only ? "Only a manager may record the manager's signature: choose who signed"
                      : "Choose who signed the plan",
         {}});
  } else {
    r.body["by"] = by;
  }
  if (auto name = read_text(form, "name")) r.body["name"] = *name;
  return r;
}

const std::map<std::string, std::string>& signature_inputs() {
  static const std::map<std::string, std::string> inputs = {
      {"date", "date-day"}, {"by", "by"}, {"name", "name"}};
  return inputs;
}

json signature_form_view(const json& case_view, const Form& t, const std::vector<FieldProblem>& p,
                         std::string_view today, std::int64_t version) {
  json v = form_view_head(case_view, p, version);
  v["plan_version"] = plan_of(case_view).value("version", 0);
  v["date"] =
      date_input("date", "When was it signed?", "For example, 27 3 2026", t, std::string(today), p);
  v["by"] = radios("by", "Who signed the plan?",
                   case_view.value("caller_is_manager", false)
                       ? ""
                       : "A manager records their own signature when they sign.",
                   signers_for(case_view), typed(t, "by"), p);
  v["name"] = text_input("name", "Their name (optional)",
                         "Who signed for the family, for example the child's mother, Sarah Jones",
                         typed(t, "name"), p);
  return v;
}

}  // namespace cinplan::pages
