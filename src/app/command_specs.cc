// The table of commands: one entry a step of the CIN process. Most take the
// fields of one event; the builders below make the commands that write
// several events, or fill in who did it from the caller.
#include <algorithm>

#include "app/command_rules.h"
#include "app/commands.h"

#include "app/census_details.h"
#include "app/service.h"
#include "app/wording.h"
#include "core/calendar/date.h"
#include "core/casefile/corrections.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;
using V = std::string_view;

Result<json> one(std::string_view type, const json& body, Date today,
                 std::span<const V> extra = {}) {
  return event_from(type, body, today, extra);
}

Result<json> object_field(const json& body, const char* name, bool required) {
  auto it = body.find(name);
  if (it == body.end()) {
    if (required)
      return std::unexpected(Error::bad_input(std::string("\"") + name + "\" is required."));
    return json::object();
  }
  if (!it->is_object())
    return std::unexpected(Error::bad_input(std::string("\"") + name + "\" must be an object."));
  return *it;
}

Result<std::vector<json>> array_field(const json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end()) return std::vector<json>{};
  if (!it->is_array())
    return std::unexpected(Error::bad_input(std::string("\"") + name + "\" must be a list."));
  std::vector<json> out;
  for (const json& x : *it) {
    if (!x.is_object())
      return std::unexpected(
          Error::bad_input(std::string("each of \"") + name + "\" must be an object."));
    out.push_back(x);
  }
  return out;
}

// The body with `field` set to the caller's own value, refusing another.
Result<json> as_caller(json body, const char* field, const std::string& value) {
  auto it = body.find(field);
  if (it != body.end() && (!it->is_string() || it->get<std::string>() != value))
    return std::unexpected(
        Error::bad_input(std::string("\"") + field + "\" is who records it: leave it out."));
  body[field] = value;
  return body;
}

// --- builders ---------------------------------------------------------------------

Result<Events> register_child(const CommandContext& ctx, const json& body) {
  static constexpr V kTop[] = {"child", "referral", "profile", "case_id"};
  for (auto& [k, v] : body.items())
    if (std::find(std::begin(kTop), std::end(kTop), k) == std::end(kTop))
      return std::unexpected(Error::bad_input("\"" + k +
                                              "\" is not part of a registration (child, "
                                              "referral, profile, case_id)."));
  auto child = object_field(body, "child", true);
  if (!child) return std::unexpected(child.error());
  Events out;
  auto c = one("child_registered", *child, ctx.today);
  if (!c) return std::unexpected(c.error());
  out.push_back(std::move(*c));
  if (body.contains("referral")) {
    auto referral = object_field(body, "referral", true);
    if (!referral) return std::unexpected(referral.error());
    auto r = one("referral_received", *referral, ctx.today);
    if (!r) return std::unexpected(r.error());
    out.push_back(std::move(*r));
  }
  return out;
}

Result<Events> allocate(const CommandContext& ctx, const json& body, bool iro) {
  auto username = body.find("username");
  if (username == body.end() || !username->is_string())
    return std::unexpected(Error::bad_input("\"username\" names the account to allocate."));
  auto account = ctx.service.accounts().find_account(username->get<std::string>());
  if (!account) return std::unexpected(account.error());
  if (!*account || (*account)->disabled)
    return std::unexpected(
        Error::not_found("There is no active account " + username->get<std::string>() + "."));
  const store::Account& a = **account;
  json fields = json::object();
  for (auto& [k, v] : body.items())
    if (k != "username") fields[k] = v;
  if (iro) {
    if (a.role != "independent_reviewing_officer")
      return std::unexpected(
          Error::bad_input(a.display_name + " is not an independent reviewing officer."));
    fields["iro"] = a.display_name;
  } else {
    static constexpr V kWorkers[] = {"social_worker", "advanced_social_worker",
                                     "first_line_manager"};
    if (std::find(std::begin(kWorkers), std::end(kWorkers), a.role) == std::end(kWorkers))
      return std::unexpected(
          Error::bad_input(a.display_name + " cannot hold a caseload in their role."));
    if (ctx.caller.role == "first_line_manager" && a.team != ctx.caller.team)
      return std::unexpected(Error{ErrorCode::kDenied,
                                   "A first-line manager allocates to the workers of their own "
                                   "team; " +
                                       a.display_name + " is in another.",
                                   {}});
    fields["worker"] = a.display_name;
    const std::string team = a.team.empty() ? std::string() : ctx.service.team_name(a.team);
    fields["team"] = team.empty() ? std::string("unassigned") : team;
    fields["role"] = a.role;
  }
  fields["username"] = a.username;
  auto e = one(iro ? "iro_allocated" : "worker_allocated", fields, ctx.today);
  if (!e) return std::unexpected(e.error());
  return Events{std::move(*e)};
}
Result<Events> allocate_worker(const CommandContext& c, const json& b) {
  return allocate(c, b, false);
}
Result<Events> allocate_iro(const CommandContext& c, const json& b) {
  return allocate(c, b, true);
}

// The event of the spec's type with `field` set to the caller's role.
template <const char* Type, const char* Field>
Result<Events> by_role(const CommandContext& ctx, const json& body) {
  auto filled = as_caller(body, Field, ctx.caller.role);
  if (!filled) return std::unexpected(filled.error());
  auto e = one(Type, *filled, ctx.today);
  if (!e) return std::unexpected(e.error());
  return Events{std::move(*e)};
}
constexpr char kPlanDecided[] = "plan_decided", kDecidedByRole[] = "decided_by_role";
constexpr char kPathway[] = "pathway", kByRole[] = "by_role";
constexpr char kSoDecided[] = "supervision_order_decided";
constexpr char kIroResponded[] = "iro_recommendations_responded";
constexpr char kOversight[] = "management_oversight_recorded";
constexpr char kPanel[] = "panel_decided", kRecordedByRole[] = "recorded_by_role";
constexpr char kExcluded[] = "family_member_excluded", kEndorsedByRole[] = "endorsed_by_role";

Result<Events> arrange_meeting(const CommandContext& ctx, const json& body) {
  static constexpr V kExtra[] = {"invitees", "invitations_date"};
  auto meeting = one("meeting_scheduled", body, ctx.today, kExtra);
  if (!meeting) return std::unexpected(meeting.error());
  Events out{*meeting};
  if (body.contains("invitees")) {
    json inv{{"type", "invitations_sent"},
             {"date", body.value("invitations_date", (*meeting)["date"].get<std::string>())},
             {"meeting_date", (*meeting)["meeting_date"]},
             {"distribution_list", true},
             {"invitees", body["invitees"]}};
    out.push_back(std::move(inv));
  }
  return out;
}

// A correction as event_corrected has it, or, given a "corrected_date"
// instead of a replacement, the entry as the record now says it with only
// its date changed (what the page's correction form sends).
Result<Events> correct_event(const CommandContext& ctx, const json& body) {
  json b = body;
  if (b.contains("corrected_date")) {
    if (b.contains("replacement"))
      return std::unexpected(
          Error::bad_input("Give a replacement or a corrected date, not both (corrected_date)."));
    const auto n = b.value("corrects", std::int64_t{0});
    if (!ctx.record || n < 1 || n > static_cast<std::int64_t>(ctx.record->history.events.size()))
      return std::unexpected(Error::bad_input("There is no entry " + std::to_string(n) +
                                              " on this record (corrects)."));
    const auto& events = ctx.record->history.events;
    const auto at = static_cast<std::size_t>(n - 1);
    if (events[at].type_id() == "event_corrected")
      return std::unexpected(Error::bad_input(
          "A correction is not corrected itself: correct the entry it corrects (corrects)."));
    // The entry as the record now says it (its latest correction's
    // replacement); none when it is struck out.
    auto record = CorrectedRecord::of(ctx.record->history);
    if (!record) return std::unexpected(record.error());
    const auto entries = record->entries();
    const auto entry = std::find_if(entries.begin(), entries.end(),
                                    [&](const CorrectedRecord::Entry& x) { return x.index == at; });
    if (entry == entries.end())
      return std::unexpected(Error::bad_input("Entry " + std::to_string(n) +
                                              " is struck out: there is no date to correct "
                                              "(corrects)."));
    json base = entry->event->body;
    const std::string text =
        b["corrected_date"].is_string() ? b["corrected_date"].get<std::string>() : "";
    auto day = parse_date(text);
    if (!day)
      return std::unexpected(
          Error::bad_input("The corrected date is not a date (corrected_date)."));
    if (*day > ctx.today)
      return std::unexpected(Error::bad_input("The corrected date, " + date_words(*day) +
                                              ", is after today: record only what has happened "
                                              "(corrected_date)."));
    if (auto born = ctx.record->history.child.date_of_birth; born && *day < *born)
      return std::unexpected(Error::bad_input("The corrected date, " + date_words(*day) +
                                              ", is before the child was born (" +
                                              date_words(*born) +
                                              "): check the year "
                                              "(corrected_date)."));
    base["date"] = day->to_string();
    b.erase("corrected_date");
    b["replacement"] = std::move(base);
  }
  auto e = one("event_corrected", b, ctx.today);
  if (!e) return std::unexpected(e.error());
  return Events{*e};
}

Result<Events> record_visit(const CommandContext& ctx, const json& body) {
  auto visit = one("visit", body, ctx.today);
  if (!visit) return std::unexpected(visit.error());
  Events out{*visit};
  const bool announced = visit->value("announced", false);
  const bool seen = visit->value("child_seen", true);
  if (announced && !seen) {
    // "If an announced visit is unsuccessful, this should be recorded as a
    // Case Note and also added to the child's chronology."
    out.push_back(json{{"type", "case_note_added"},
                       {"date", (*visit)["date"]},
                       {"heading", "Unsuccessful announced visit"},
                       {"text", visit->value("reason_not_seen", "The child was not seen.")}});
  }
  return out;
}

Result<Events> record_meeting(const CommandContext& ctx, const json& body) {
  static constexpr V kExtra[] = {"attendance", "scaling", "exclusions"};
  auto meeting = one("meeting", body, ctx.today, kExtra);
  if (!meeting) return std::unexpected(meeting.error());
  const std::string date = (*meeting)["date"];
  Events out{*meeting};
  if (body.contains("attendance")) {
    auto att = object_field(body, "attendance", true);
    if (!att) return std::unexpected(att.error());
    json a = *att;
    a["meeting_date"] = date;
    auto e = one("attendance_recorded", a, ctx.today);
    if (!e) return std::unexpected(e.error());
    (*e)["date"] = date;
    out.push_back(std::move(*e));
  }
  for (const char* list : {"scaling", "exclusions"}) {
    auto items = array_field(body, list);
    if (!items) return std::unexpected(items.error());
    for (json item : *items) {
      const bool scaling = std::string_view(list) == "scaling";
      if (scaling) item["meeting_date"] = date;
      auto e = one(scaling ? "scaling_recorded" : "family_member_excluded", item, ctx.today);
      if (!e) return std::unexpected(e.error().within(std::string(list)));
      (*e)["date"] = date;
      out.push_back(std::move(*e));
    }
  }
  out.push_back(json{{"type", "meeting_recorded"}, {"date", date}, {"meeting_date", date}});
  return out;
}

Result<Events> update_plan(const CommandContext& ctx, const json& body) {
  static constexpr V kExtra[] = {"outcomes", "actions", "outcomes_removed", "actions_removed"};
  auto plan = one("plan_updated", body, ctx.today, kExtra);
  if (!plan) return std::unexpected(plan.error());
  Events out;
  // What the new version takes out of the plan, before what it agrees.
  for (const char* list : {"outcomes_removed", "actions_removed"}) {
    auto items = array_field(body, list);
    if (!items) return std::unexpected(items.error());
    for (json item : *items) {
      item["date"] = (*plan)["date"];
      auto e = one(std::string_view(list) == "outcomes_removed" ? "plan_outcome_removed"
                                                                : "plan_action_removed",
                   item, ctx.today);
      if (!e) return std::unexpected(e.error().within(list));
      out.push_back(std::move(*e));
    }
  }
  for (const char* list : {"outcomes", "actions"}) {
    auto items = array_field(body, list);
    if (!items) return std::unexpected(items.error());
    for (json item : *items) {
      item["date"] = (*plan)["date"];
      auto e =
          one(std::string_view(list) == "outcomes" ? "plan_outcome_agreed" : "plan_action_agreed",
              item, ctx.today);
      if (!e) return std::unexpected(e.error().within(list));
      out.push_back(std::move(*e));
    }
  }
  out.push_back(std::move(*plan));
  return out;
}

Result<Events> partner_update(const CommandContext& ctx, const json& body) {
  json filled = body;
  if (ctx.caller.role == "partner_professional") {
    auto a = as_caller(filled, "agency", ctx.caller.agency);
    if (!a) return std::unexpected(a.error());
    auto b = as_caller(*a, "by", ctx.caller.display_name);
    if (!b) return std::unexpected(b.error());
    filled = std::move(*b);
  }
  auto e = one("written_update_added", filled, ctx.today);
  if (!e) return std::unexpected(e.error());
  return Events{std::move(*e)};
}

// The attachment's event: what the sender says of it (kind, title, date) and
// what the file is (its name, type, size and checksum, from the file). The
// same file twice on one case is refused, naming when it was attached.
Result<Events> attachment(const CommandContext& ctx, const json& body) {
  if (ctx.files.size() != 1)
    return std::unexpected(Error::bad_input(ctx.files.empty() ? "Choose the file to attach."
                                                              : "Attach one file at a time."));
  const AttachmentFile& f = ctx.files.front();
  if (const Event* e = ctx.record ? find_attachment(ctx.record->history, f.sha256) : nullptr)
    return std::unexpected(Error::bad_input(
        f.file_name + " is already attached to the case, as \"" + e->string_field("title") +
        "\" on " + date_words(e->date) + ": the same file is kept once."));
  json filled = body;
  for (const char* field : {"file_name", "media_type", "size", "sha256"})
    if (filled.contains(field))
      return std::unexpected(
          Error::bad_input(std::string("\"") + field + "\" is read from the file: leave it out."));
  filled["file_name"] = f.file_name;
  filled["media_type"] = f.media_type;
  filled["size"] = f.size;
  filled["sha256"] = f.sha256;
  auto e = one("attachment_added", filled, ctx.today);
  if (!e) return std::unexpected(e.error());
  return Events{std::move(*e)};
}

Result<Events> scaling(const CommandContext& ctx, const json& body) {
  json filled = body;
  if (ctx.caller.role == "partner_professional") {
    auto a = as_caller(filled, "by", ctx.caller.display_name);
    if (!a) return std::unexpected(a.error());
    filled = std::move(*a);
  }
  auto e = one("scaling_recorded", filled, ctx.today);
  if (!e) return std::unexpected(e.error());
  return Events{std::move(*e)};
}

namespace r = rules;

// What the commands with builders take beyond their event's fields, and fill.
constexpr V kRegisterExtra[] = {"child", "referral", "profile", "case_id"};
constexpr V kArrangeExtra[] = {"invitees", "invitations_date"};
constexpr V kMeetingExtra[] = {"attendance", "scaling", "exclusions"};
constexpr V kPlanExtra[] = {"outcomes", "actions", "outcomes_removed", "actions_removed"};
constexpr V kAllocationExtra[] = {"username"};
constexpr V kCensusDetailFields[] = {"referral_source", "primary_need", "factors", "upn_unknown"};
constexpr V kFilledWorker[] = {"worker", "team", "role", "username"};
constexpr V kFilledIro[] = {"iro", "username"};
constexpr V kFilledDecided[] = {"decided_by_role"};
constexpr V kFilledBy[] = {"by_role"};
constexpr V kFilledRecorded[] = {"recorded_by_role"};
constexpr V kFilledEndorsed[] = {"endorsed_by_role"};
constexpr V kFilledPartner[] = {"by", "agency"};
constexpr V kFilledFile[] = {"file_name", "media_type", "size", "sha256"};

constexpr CommandSpec kCommands[] = {
    {"register_child", "cases.register", "register a child (and the referral)", "child_registered",
     register_child, nullptr, kRegisterExtra},
    {"add_person", "case.record", "add a family member or someone important to the child",
     "person_added"},
    {"add_professional", "case.record", "add a professional to the network", "professional_added"},
    {"change_details", "case.record", "change a person's (or the child's) details",
     "person_details_changed"},
    {"withhold_address", "case.record", "keep a person's address from named others",
     "address_withheld"},
    {"record_referral", "case.record", "record a referral (and see the team it goes to)",
     "referral_received", nullptr, r::check_referral},
    {"record_assessment", "case.record", "record the completed assessment", "assessment_completed"},
    {"allocate_worker", "manager.decide", "allocate the case to a worker", "worker_allocated",
     allocate_worker, nullptr, kAllocationExtra, kFilledWorker},
    {"allocate_iro", "manager.decide", "allocate an independent reviewing officer", "iro_allocated",
     allocate_iro, nullptr, kAllocationExtra, kFilledIro},
    {"decide_plan",
     "manager.decide",
     "decide that a Child in Need plan is needed",
     "plan_decided",
     by_role<kPlanDecided, kDecidedByRole>,
     nullptr,
     {},
     kFilledDecided},
    {"change_pathway",
     "manager.decide",
     "change the case's pathway (disability, direct payments)",
     "pathway",
     by_role<kPathway, kDecidedByRole>,
     nullptr,
     {},
     kFilledDecided},
    {"record_consent", "case.record", "record consent to the plan or to sharing with an agency",
     "consent", nullptr, r::check_consent},
    {"withdraw_consent", "case.record", "record that consent was withdrawn", "consent_withdrawn",
     nullptr, r::check_consent},
    {"cancel_meeting", "meeting.record", "cancel a meeting arranged", "meeting_cancelled", nullptr,
     r::check_cancelled},
    {"arrange_meeting", "meeting.record", "arrange a meeting and invite people",
     "meeting_scheduled", arrange_meeting, r::check_invitations, kArrangeExtra},
    {"send_invitations", "meeting.record", "send invitations to a meeting", "invitations_sent",
     nullptr, r::check_invitations},
    {"record_meeting", "meeting.record", "record a meeting held", "meeting", record_meeting,
     r::check_meeting, kMeetingExtra},
    {"endorse_exclusion",
     "manager.decide",
     "endorse excluding a family member from a meeting (the manager's decision)",
     "family_member_excluded",
     by_role<kExcluded, kEndorsedByRole>,
     r::check_meeting,
     {},
     kFilledEndorsed},
    {"distribute_minutes", "meeting.record", "record that minutes were distributed",
     "minutes_distributed"},
    {"update_plan", "plan.record", "a new version of the plan", "plan_updated", update_plan,
     r::check_plan, kPlanExtra},
    {"circulate_plan", "plan.record", "record that the plan was circulated", "plan_circulated"},
    {"sign_plan", "plan.record", "record the plan signed (family, child or manager)", "plan_signed",
     nullptr, r::check_plan_signed},
    {"complete_action", "plan.record", "record a plan action done", "plan_action_completed",
     nullptr, r::check_action_completed},
    {"record_visit", "visit.record", "record a visit to the child", "visit", record_visit,
     r::check_visit},
    {"add_case_note", "case.record", "add a case note", "case_note_added"},
    {"correct_event", "case.record", "correct an earlier event", "event_corrected", correct_event,
     r::check_correction},
    {"record_census_details", "case.record",
     "the census details of the latest referral and assessment (as corrections)", "event_corrected",
     record_census_details, r::check_correction, kCensusDetailFields},
    {"record_supervision_order", "supervision_order.record", "record a supervision order made",
     "supervision_order"},
    {"extend_supervision_order", "supervision_order.record", "record a supervision order extended",
     "supervision_order_extended"},
    {"decide_supervision_order",
     "manager.decide",
     "decide to let the order expire, extend it or return to court",
     "supervision_order_decided",
     by_role<kSoDecided, kByRole>,
     nullptr,
     {},
     kFilledBy},
    {"share_so_assessment", "supervision_order.record",
     "record the assessment shared with the family", "supervision_order_assessment_shared"},
    {"send_review_form", "supervision_order.record", "record the review form sent to the reviewer",
     "review_form_sent"},
    {"make_iro_recommendations", "iro.recommend", "the IRO's recommendations after a review",
     "iro_recommendations_made"},
    {"respond_to_iro",
     "iro.respond",
     "the manager's agreement or disagreement with the IRO",
     "iro_recommendations_responded",
     by_role<kIroResponded, kByRole>,
     r::check_iro_response,
     {},
     kFilledBy},
    {"escalate", "escalation.record", "escalate a disagreement", "escalated", nullptr,
     r::check_escalation},
    {"record_discussion", "manager.decide", "record a discussion with a manager",
     "manager_discussion_held"},
    {"record_oversight",
     "oversight.record",
     "record management oversight",
     "management_oversight_recorded",
     by_role<kOversight, kByRole>,
     nullptr,
     {},
     kFilledBy},
    {"record_service_manager_decision", "oversight.record", "the service manager's review decision",
     "service_manager_decided", nullptr, r::check_service_manager},
    {"record_panel_decision",
     "panel.decide",
     "the CIN panel's decision",
     "panel_decided",
     by_role<kPanel, kRecordedByRole>,
     nullptr,
     {},
     kFilledRecorded},
    {"transfer_out", "case.transfer", "transfer the case to another authority", "transferred_out",
     nullptr, r::check_transfer_out},
    {"record_move_in", "case.transfer", "the family moved into the area", "moved_in"},
    {"step_up", "manager.decide", "step up to child protection or care", "stepped_up"},
    {"step_down", "manager.decide", "the plan follows a step down", "stepped_down"},
    {"close_case", "manager.decide", "close the case, with the closing summary", "closed", nullptr,
     r::check_closure},
    // The child protection process, as the census counts it.
    {"start_section47", "case.record", "record a section 47 enquiry started", "section47_started"},
    {"conclude_section47", "case.record",
     "record a section 47 enquiry concluded, and whether a conference is needed",
     "section47_concluded"},
    {"record_initial_conference", "case.record", "record an initial child protection conference",
     "initial_conference_held"},
    {"start_protection_plan", "case.record", "record a child protection plan started",
     "child_protection_plan_started"},
    {"review_protection_plan", "case.record", "record a child protection plan reviewed",
     "child_protection_plan_reviewed"},
    {"end_protection_plan", "case.record", "record a child protection plan ended",
     "child_protection_plan_ended"},
    {"restrict_case", "case.restrict", "restrict the record", "case_restricted"},
    {"lift_restriction", "case.restrict", "lift the record's restriction", "restriction_lifted"},
    {"add_written_update",
     "partner.contribute",
     "a partner's written update",
     "written_update_added",
     partner_update,
     nullptr,
     {},
     kFilledPartner},
    {"record_scaling",
     "partner.contribute",
     "a 0-10 scaling score with its rationale",
     "scaling_recorded",
     scaling,
     nullptr,
     {},
     kFilledPartner},
    {"add_attachment",
     "case.record",
     "attach a document to the case (a partner's report, a court order, a signed plan)",
     "attachment_added",
     attachment,
     nullptr,
     {},
     kFilledFile,
     true},
};

}  // namespace

std::span<const CommandSpec> command_specs() {
  return kCommands;
}

const CommandSpec* find_command(std::string_view name) {
  for (const CommandSpec& c : kCommands)
    if (c.name == name) return &c;
  return nullptr;
}

}  // namespace cinplan::app
