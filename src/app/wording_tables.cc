#include "app/wording_tables.h"

#include "app/wording.h"
#include "core/access/permissions.h"

#include <algorithm>
#include <array>

namespace cinplan::app {
namespace {

using V = std::string_view;

struct Pair {
  V key;
  V words;
};

constexpr Pair kTypes[] = {
    {"referral_received", "the referral"},
    {"assessment_completed", "the completion of the {assessment}"},
    {"plan_decided", "the decision that a {plan} is needed"},
    {"worker_allocated", "the allocation of the case to a worker"},
    {"consent", "the family's consent"},
    {"consent_withdrawn", "the family's withdrawal of consent"},
    {"invitations_sent", "the sending of invitations"},
    {"meeting", "a meeting"},
    {"attendance_recorded", "the record of who attended"},
    {"scaling_recorded", "a scaling score"},
    {"minutes_distributed", "the distribution of the minutes"},
    {"plan_updated", "an update of the plan"},
    {"plan_circulated", "the circulation of the plan"},
    {"plan_signed", "the signing of the plan"},
    {"plan_outcome_agreed", "the agreement of an outcome of the plan"},
    {"plan_action_agreed", "the agreement of an action of the plan"},
    {"plan_action_completed", "the completion of an action of the plan"},
    {"plan_outcome_removed", "an outcome taken out of the plan"},
    {"plan_action_removed", "an action taken out of the plan"},
    {"visit", "a visit to the child"},
    {"meeting_recorded", "the meeting's record written up"},
    {"case_note_added", "a case note"},
    {"panel_decided", "the panel's decision"},
    {"service_manager_decided", "the Service Manager's decision"},
    {"iro_recommendations_made", "the IRO's recommendations"},
    {"iro_recommendations_responded", "the response to the IRO's recommendations"},
    {"escalated", "an escalation"},
    {"manager_discussion_held", "a discussion with a manager"},
    {"management_oversight_recorded", "a record of management oversight"},
    {"pathway", "the case's pathway"},
    {"supervision_order", "the making of the supervision order"},
    {"supervision_order_extended", "the extension of the supervision order"},
    {"supervision_order_decided", "the decision on the supervision order"},
    {"supervision_order_assessment_shared",
     "the sharing of the updated assessment with the family"},
    {"review_form_sent", "the passing of the review form to the reviewer"},
    {"moved_in", "the family becoming resident in the area"},
    {"transferred_out", "the transfer of the case to another authority"},
    {"stepped_up", "the step up"},
    {"stepped_down", "the step down"},
    {"closed", "the closure of the case"},
    {"family_member_excluded", "the exclusion of a family member from a meeting"},
    {"event_corrected", "a correction of the record"},
    {"child_registered", "the child's registration"},
    {"person_added", "a family member added to the record"},
    {"professional_added", "a professional added to the network"},
    {"person_details_changed", "a change of a person's details"},
    {"address_withheld", "an address kept confidential"},
    {"iro_allocated", "the allocation of an independent reviewing officer"},
    {"case_restricted", "the restriction of the record"},
    {"restriction_lifted", "the lifting of the record's restriction"},
    {"written_update_added", "a written update from a professional"},
    {"meeting_scheduled", "a meeting arranged"},
    {"meeting_cancelled", "a meeting cancelled"},
    {"attachment_added", "a document attached"},
    {"section47_started", "the start of a section 47 enquiry"},
    {"section47_concluded", "the conclusion of a section 47 enquiry"},
    {"initial_conference_held", "an initial child protection conference"},
    {"child_protection_plan_started", "the start of a child protection plan"},
    {"child_protection_plan_reviewed", "a review of the child protection plan"},
    {"child_protection_plan_ended", "the end of the child protection plan"},
};

constexpr Pair kJoiners[] = {
    {"closed", "for"},
    {"panel_decided", "to"},
    {"service_manager_decided", "to"},
    {"supervision_order_decided", "to"},
    {"manager_discussion_held", "about"},
    {"plan_signed", "by"},
    {"visit", "at"},
    {"pathway", "on"},
    {"stepped_up", "to"},
    {"stepped_down", "from"},
    {"escalated", "to"},
    {"management_oversight_recorded", "by"},
    {"review_form_sent", "to"},
};

struct Flag {
  V type;
  V flag;
  V when_true;
  V when_false;
};

constexpr Flag kFlags[] = {
    {"visit", "child_seen", "where the child was seen", "where the child was not seen"},
    {"visit", "seen_alone", "where the child was seen alone", "where the child was not seen alone"},
    {"visit", "announced", "that was announced", "that was unannounced"},
    {"visit", "rooms_seen=bathroom", "where the bathroom was seen",
     "where the bathroom was not seen"},
    {"visit", "rooms_seen=kitchen", "where the kitchen was seen", "where the kitchen was not seen"},
    {"visit", "rooms_seen=bedroom", "where the child's bedroom was seen",
     "where the child's bedroom was not seen"},
    {"visit", "purpose=routine", "made as a routine visit", "not made as a routine visit"},
    {"visit", "purpose=prepare_for_meeting", "made to prepare for the meeting",
     "not made to prepare for the meeting"},
    {"visit", "purpose=after_meeting", "made after a meeting", "not made after a meeting"},
    {"visit", "purpose=unannounced_check", "made as an unannounced check",
     "not made as an unannounced check"},
    {"visit", "purpose=other", "made for another purpose", "not made for another purpose"},
    {"visit", "purpose=not_recorded", "with no purpose recorded", "with its purpose recorded"},
    {"consent", "given", "that was given", "that was refused"},
    {"assessment_completed", "s17_need", "that found a need under section 17",
     "that found no need under section 17"},
    {"invitations_sent", "distribution_list", "with a distribution list",
     "without a distribution list"},
    {"iro_recommendations_responded", "agrees", "agreeing with them", "disagreeing with them"},
    {"escalated", "resolved", "resolved at that level", "not resolved"},
    {"supervision_order", "previously_looked_after", "for a child looked after before",
     "for a child not looked after before"},
    {"plan_updated", "significant", "that was a significant change to the plan",
     "that was not a significant change"},
};

constexpr Pair kOutcomes[] = {
    {"close", "closing the plan"},
    {"step_down_early_help", "stepping down to early help"},
    {"continue", "continuing the plan"},
    {"update_assessment", "updating the assessment"},
    {"step_up_child_protection", "stepping up to child protection"},
    {"looked_after", "the child becoming looked after"},
};

constexpr Pair kClosureReasons[] = {
    {"close", "closing the plan"},
    {"step_down_early_help", "a step down to early help"},
    {"step_up_child_protection", "a step up to child protection"},
    {"looked_after", "the child becoming looked after"},
    {"transferred_out", "a transfer to another authority"},
    {"supervision_order_expired", "the supervision order expiring"},
    {"consent_withdrawn", "the family withdrawing consent"},
    {"moved_away", "the family moving away"},
    {"other", "another reason"},
};

constexpr Pair kEndorsements[] = {
    {"review", "at a review"},
    {"panel", "at a panel"},
    {"service_manager", "by the Service Manager"},
    {"first_line_manager", "by the first-line manager"},
    {"supervision_order_review", "at a supervision order review"},
};

// What a constraint asks of a field, what was recorded instead, and what it
// says when nothing was: {must} is the strength, {values} the allowed values
// and {value} the recorded one, in words.
struct FieldWords {
  V field;
  V ask;
  V recorded;
  V missing;
};

constexpr FieldWords kFields[] = {
    {"chair_role", "{must} be chaired by {values}", "it was chaired by {value}",
     "who chaired it was not recorded"},
    {"endorsed_by_role", "{must} be endorsed by {values}", "it was endorsed by {value}",
     "who endorsed it was not recorded"},
    {"decided_by_role", "{must} be decided by {values}", "it was decided by {value}",
     "who decided it was not recorded"},
    {"recorded_by_role", "{must} be recorded by {values}", "it was recorded by {value}",
     "who recorded it was not recorded"},
    {"by_role", "{must} be made by {values}", "it was made by {value}",
     "who made it was not recorded"},
    {"outcome", "{must} record its outcome as {values}", "its outcome was recorded as {value}",
     "no outcome was recorded"},
    {"endorsed_at", "{must} be endorsed {values}", "it was endorsed {value}",
     "where it was endorsed was not recorded"},
    {"next_meeting", "{must} record the date agreed for the next meeting", "",
     "no date was recorded for the next meeting"},
    {"seen_alone", "{must} record whether the child was seen alone", "",
     "whether the child was seen alone was not recorded"},
    {"reason_not_seen", "{must} record why the child was not seen, or not seen alone", "",
     "no reason was recorded"},
    {"others_present", "{must} record who else was present", "",
     "who else was present was not recorded"},
    {"information_shared", "{must} record what was sent to the receiving authority", "",
     "what was sent was not recorded"},
    {"rationale", "{must} record the reasons for it", "", "no reasons were recorded"},
    {"announced", "{must} record whether the visit was announced", "",
     "whether it was announced was not recorded"},
    {"distribution_list", "{must} carry a distribution list", "", "it did not carry one"},
};

V find(std::span<const Pair> table, V key) {
  for (const Pair& p : table) {
    if (p.key == key) return p.words;
  }
  return {};
}

std::string plain(V id) {
  std::string out(id);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string replace_all(std::string text, V from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

const FieldWords* field_words(V field) {
  for (const FieldWords& f : kFields) {
    if (f.field == field) return &f;
  }
  return nullptr;
}

}  // namespace

std::string join_words(const std::vector<std::string>& parts, std::string_view last_join) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += (i + 1 == parts.size()) ? std::string(last_join) : std::string(", ");
    out += parts[i];
  }
  return out;
}

std::string_view type_phrase(std::string_view type_id) {
  return find(kTypes, type_id);
}

std::string fill_terms(const Profile& p, std::string_view phrase) {
  auto term = [&](const std::string& key, const std::string& fallback) {
    auto it = p.terms.find(key);
    return it == p.terms.end() ? fallback : it->second;
  };
  std::string out(phrase);
  if (out == "the decision that a {plan} is needed" && p.terms.contains("plan_decided"))
    return "the " + p.terms.at("plan_decided");
  out = replace_all(out, "{plan}", term("plan", "Child in Need plan"));
  out = replace_all(out, "{assessment}", term("assessment", "assessment"));
  out = replace_all(out, "{record}", term("record_system", "the case record"));
  return out;
}

std::string subtype_joiner(std::string_view type_id) {
  const V joiner = find(kJoiners, type_id);
  return joiner.empty() ? "for" : std::string(joiner);
}

std::string flag_phrase(std::string_view type_id, std::string_view flag, bool value) {
  for (const Flag& f : kFlags) {
    if (f.type == type_id && f.flag == flag) return std::string(value ? f.when_true : f.when_false);
  }
  return std::string(value ? "with " : "without ") + plain(flag);
}

std::string value_phrase(const Profile& p, const FieldSpec& field, std::string_view value) {
  const auto roles = role_values();
  if (field.values.data() == roles.data()) {
    return role_words(p, value);
  }
  if (V w = find(kOutcomes, value);
      !w.empty() && field.values.data() == meeting_outcome_values().data())
    return std::string(w);
  if (field.name == "reason") {
    if (V w = find(kClosureReasons, value); !w.empty()) return std::string(w);
  }
  if (field.name == "endorsed_at") {
    // A manager in the authority's own words ("by the Practice Lead").
    if (value == "first_line_manager" || value == "service_manager")
      return "by " + role_words(p, value);
    if (V w = find(kEndorsements, value); !w.empty()) return std::string(w);
  }
  if (field.name == "kind") return "the " + p.meeting_label(value);
  return plain(value);
}

std::string default_role_words(std::string_view role) {
  // The permission table's words, but for the first-line manager, whom
  // procedures most often call the team manager.
  if (role == "first_line_manager") return "team manager";
  const std::string_view w = access::role_words(role);
  return w.empty() ? plain(role) : std::string(w);
}

std::string strip_article(const std::string& phrase) {
  for (V article : {V("a "), V("an "), V("the ")}) {
    if (phrase.starts_with(article)) return phrase.substr(article.size());
  }
  return phrase;
}

std::string requirement_phrase(const Profile& p, const EventTypeSpec& type, const Requirement& r,
                               const std::string& must) {
  const FieldWords* words = field_words(r.field);
  std::vector<std::string> values;
  if (const FieldSpec* spec = find_field(type, r.field)) {
    for (const std::string& v : r.allowed) values.push_back(value_phrase(p, *spec, v));
  }
  std::string ask;
  if (words != nullptr) {
    ask = std::string(words->ask);
  } else if (r.kind == Requirement::Kind::kPresent) {
    ask = "{must} record " + plain(r.field);
  } else if (r.kind == Requirement::Kind::kBool) {
    ask = std::string("{must} have ") + plain(r.field) + (r.boolean ? "" : " false");
  } else {
    ask = "{must} have " + plain(r.field) + " {values}";
  }
  ask = replace_all(ask, "{must}", must);
  return replace_all(ask, "{values}", join_words(values, " or "));
}

std::string recorded_phrase(const Profile& p, const EventTypeSpec& type, const Requirement& r,
                            bool recorded, const std::string& value) {
  const FieldWords* words = field_words(r.field);
  if (!recorded || r.kind == Requirement::Kind::kPresent) {
    return words != nullptr ? std::string(words->missing) : plain(r.field) + " was not recorded";
  }
  if (r.kind == Requirement::Kind::kBool) {
    return words != nullptr ? std::string(words->missing)
                            : plain(r.field) + " was recorded as " + value;
  }
  std::string shown = value;
  if (const FieldSpec* spec = find_field(type, r.field)) shown = value_phrase(p, *spec, value);
  if (words == nullptr || words->recorded.empty())
    return plain(r.field) + " was recorded as " + shown;
  return replace_all(std::string(words->recorded), "{value}", shown);
}

}  // namespace cinplan::app
