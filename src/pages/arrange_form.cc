#include "pages/arrange_form.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "pages/case_network.h"
#include "pages/form_fields.h"
#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

// "London CYPS: Invitations must be sent out 3 to 4 weeks before the
// meeting." or empty.
std::string rule_hint(const json& rule) {
  if (!rule.is_object()) return {};
  std::string s = rule.value("document", "") + ": ";
  if (rule.contains("quote") && rule["quote"].is_string())
    return s + rule["quote"].get<std::string>();
  return s + rule.value("title", "") + ", " + rule.value("timescale", "") + ".";
}

// The hint for a rule before the meeting (`key`: "invitations_rule" or
// "pre_meeting_rule"): the rule of the kind of meeting, and when the kinds
// offered differ, each kind's, so that a review is never told the first
// meeting's notice. Empty when no kind has one.
std::string rule_hint_by_kind(const json& choices, const char* key) {
  if (!choices.contains("rules_by_kind")) return rule_hint(choices.value(key, json()));
  const json& by_kind = choices["rules_by_kind"];
  // Each hint once, with the kinds it is for.
  std::vector<std::pair<std::string, std::vector<std::string>>> hints;  // hint, kinds
  std::vector<std::string> none;
  for (const json& k : choices.value("meeting_kinds", json::array())) {
    const std::string kind = k.value("value", "");
    const json rules = by_kind.contains(kind) ? by_kind[kind] : json::object();
    const std::string hint = rule_hint(rules.value(key, json()));
    const std::string label = k.value("label", kind);
    if (hint.empty()) {
      none.push_back(label);
      continue;
    }
    auto it =
        std::find_if(hints.begin(), hints.end(), [&](const auto& h) { return h.first == hint; });
    if (it == hints.end())
      hints.push_back({hint, {label}});
    else
      it->second.push_back(label);
  }
  if (hints.empty()) return {};
  if (hints.size() == 1 && none.empty()) return hints.front().first;
  auto joined = [](const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i)
      out += (i == 0 ? "" : i + 1 == words.size() ? " and " : ", ") + words[i];
    return out;
  };
  std::string out;
  for (const auto& [hint, kinds] : hints)
    out += (out.empty() ? "" : " ") + std::string("For the ") + joined(kinds) + ": " + hint;
  // The kinds with none are named too, so that a worker arranging one of
  // them is not left reading another kind's rule as theirs.
  if (!none.empty()) out += " For the " + joined(none) + ", the procedure sets nothing here.";
  return out;
}

// Who may be invited: the child first (the procedures invite the child and
// their parents with the professionals), then the network.
std::vector<NetworkMember> invitable(const json& cv) {
  std::vector<NetworkMember> out;
  const json child = cv.value("child", json::object());
  if (child.is_object() && !text_at(child, "name").empty())
    out.push_back({"child", text_at(child, "name"), "the child", {}, true});
  for (NetworkMember& m : network_of(cv)) out.push_back(std::move(m));
  return out;
}

}  // namespace

FormReading read_arrange(const Form& form, const json& cv) {
  FormReading r;
  json& b = r.body;
  auto& p = r.problems;
  const std::string kind = typed(form, "kind");
  if (kind.empty())
    p.push_back({"kind", "Choose which meeting is being arranged", {}});
  else if (!offers(choice_list(cv, "meeting_kinds"), kind))
    p.push_back({"kind", "Choose one of the meetings offered", {}});
  else
    b["kind"] = kind;
  if (auto d = read_date(form, "meeting_date", "the date of the meeting", true, p))
    b["meeting_date"] = *d;
  if (auto venue = read_text(form, "venue")) b["venue"] = *venue;
  json invitees = json::array();
  for (const NetworkMember& m : invitable(cv))
    if (typed(form, "invite-" + m.id) == "yes") invitees.push_back(m.words());
  for (const std::string& other : read_lines(form, "other_invitees")) invitees.push_back(other);
  if (invitees.empty())
    p.push_back({"invite",
                 "Choose who is invited, or name them under \"Anyone else invited\": the "
                 "invitations and the distribution list go to them",
                 {}});
  const auto sent = read_date(form, "invitations_date", "the date the invitations went out",
                              !invitees.empty(), p);
  if (!invitees.empty()) {
    b["invitees"] = std::move(invitees);
    if (sent) b["invitations_date"] = *sent;
  }
  if (auto d = read_date(form, "date", "the date it was arranged", false, p)) b["date"] = *d;
  return r;
}

const std::map<std::string, std::string>& arrange_inputs() {
  static const std::map<std::string, std::string> inputs = {
      {"kind", "kind"},
      {"meeting_date", "meeting_date-day"},
      {"venue", "venue"},
      {"invitees", "invite"},
      {"distribution_list", "invite"},
      {"invitations_date", "invitations_date-day"},
  };
  return inputs;
}

json arrange_form_view(const json& cv, const Form& t, const std::vector<FieldProblem>& p,
                       std::string_view today, std::int64_t version) {
  json v = form_view_head(cv, p, version);
  const bool fresh = typed(t, "version").empty();
  const std::vector<Option> kinds = options_of(choice_list(cv, "meeting_kinds"));
  std::string kind = typed(t, "kind");
  if (fresh && kind.empty())
    kind = cv.contains("meetings") && !cv["meetings"].empty() ? "review" : "initial";
  v["kind"] = radios("kind", "Which meeting is it?", "", kinds, kind, p);
  v["meeting_date"] =
      date_input("meeting_date", "When is the meeting?", "For example, 27 3 2026", t, "", p);
  v["venue"] = text_input("venue", "Where is it?", "For example, the family centre, or online",
                          typed(t, "venue"), p);
  // Everyone in the network is invited unless the worker says otherwise.
  Form ticked = t;
  std::vector<Option> people;
  const std::vector<NetworkMember> network = invitable(cv);
  std::vector<std::string> words, values;
  words.reserve(network.size());
  values.reserve(network.size());
  // Someone a manager excluded from the meeting is not ticked: the
  // distribution list would reach them.
  std::vector<FieldProblem> unread;  // the date's own problems are shown beside it
  const std::string on = read_date(t, "meeting_date", "", false, unread).value_or("");
  const json out = exclusions_from(cv, on.empty() ? std::string(today) : on, on.empty());
  for (const NetworkMember& m : network) {
    words.push_back(m.words());
    values.push_back(m.id);
    if (fresh && !excluded(out, m)) ticked["invite-" + m.id] = "yes";
  }
  json shown = json::array();
  for (const json& x : out)
    shown.push_back(
        {{"person", x.value("person", "")},
         {"reason", x.value("reason", "")},
         {"meeting_words", x.contains("meeting_date")
                               ? "the meeting on " + date_in_words(x.value("meeting_date", ""))
                               : std::string("the next meeting")},
         {"endorsed_words", date_in_words(x.value("date", ""))}});
  v["has_exclusions"] = !shown.empty();
  v["exclusions"] = std::move(shown);
  for (std::size_t i = 0; i < network.size(); ++i) people.push_back({values[i], words[i]});
  v["has_network"] = !people.empty();
  v["invitees"] = checkboxes("invite", "Who is invited?",
                             "Everyone invited gets the distribution list: the names of everyone "
                             "else invited",
                             people, ticked, p);
  v["other_invitees"] =
      textarea("other_invitees", people.empty() ? "Who is invited?" : "Anyone else invited",
               "One on each line, with who they are, for example: Sam Lee, youth worker",
               typed(t, "other_invitees"), 3, p);
  const std::string notice = rule_hint_by_kind(choices_of(cv), "invitations_rule");
  v["invitations_date"] = date_input(
      "invitations_date", "When did the invitations go out?",
      notice.empty() ? "Leave it as it is if they go out today" : notice, t, std::string(today), p);
  const std::string visit = rule_hint_by_kind(choices_of(cv), "pre_meeting_rule");
  v["pre_meeting"] = visit.empty() ? json(false) : json(visit);
  return v;
}

}  // namespace cinplan::pages
