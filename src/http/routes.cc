#include "http/routes.h"

#include "http/api_handlers.h"
#include "http/attachment_handlers.h"
#include "http/document_handlers.h"
#include "http/form_handlers.h"
#include "http/oversight_handlers.h"
#include "http/page_handlers.h"
#include "http/partner_handlers.h"
#include "http/request_parts.h"
#include "http/supervision_handlers.h"

namespace cinplan::http {
namespace {

using A = Access;

// Command routes name their command; the action is the command's.
#define COMMAND(path, name) \
  { "POST", path, "", A::kSession, "", nullptr, name }

constexpr Route kRoutes[] = {
    // The pages (HTML; forms post with the session's CSRF token).
    {"GET", "/sign-in", "", A::kPublic, "the sign-in page", page::sign_in_form, ""},
    {"POST", "/sign-in", "session.create", A::kPublic, "sign in (form)", page::sign_in, ""},
    {"POST", "/sign-out", "session.end", A::kSession, "sign out (form)", page::sign_out, ""},
    {"GET", "/", "session.read", A::kSession, "the first page: the caseload", page::home, ""},
    {"GET", "/caseload", "caseload.mine", A::kSession, "my caseload (?show=all|overdue|due)",
     page::caseload, ""},
    {"GET", "/caseload/team", "caseload.team", A::kSession,
     "a team's caseload, every worker's children (?worker=&show=)", page::team_caseload, ""},
    {"GET", "/caseload/team/on-time", "caseload.team", A::kSession,
     "the team's visits and meetings done on time over the last 12 months, per worker",
     page::on_time, ""},
    {"GET", "/cases/:id", "case.read", A::kSession, "the case", page::case_page, ""},
    {"GET", "/cases/:id/visit", "visit.record", A::kSession, "the form to record a visit",
     page::visit_form, ""},
    {"POST", "/cases/:id/visit", "visit.record", A::kSession, "record a visit (form)",
     page::record_visit, ""},
    {"GET", "/cases/:id/plan", "plan.record", A::kSession, "the form for a new version of the plan",
     page::plan_form, ""},
    {"POST", "/cases/:id/plan", "plan.record", A::kSession,
     "a new version of the plan (form; ?check runs the SMART check only)", page::update_plan, ""},
    {"GET", "/cases/:id/plan/versions", "case.read", A::kSession,
     "the plan's versions, and what changed from each to the next", page::plan_versions, ""},
    {"GET", "/cases/:id/meeting/cancel", "meeting.record", A::kSession,
     "the form to cancel a meeting arranged", page::cancel_meeting_form, ""},
    {"POST", "/cases/:id/meeting/cancel", "meeting.record", A::kSession,
     "cancel a meeting arranged (form)", page::cancel_meeting, ""},
    {"GET", "/cases/:id/plan/action-done", "plan.record", A::kSession,
     "the form to mark an action of the plan done", page::action_done_form, ""},
    {"POST", "/cases/:id/plan/action-done", "plan.record", A::kSession,
     "mark an action of the plan done (form)", page::mark_action_done, ""},
    {"GET", "/cases/:id/plan/signature", "plan.record", A::kSession,
     "the form to record a signature of the plan", page::signature_form, ""},
    {"POST", "/cases/:id/plan/signature", "plan.record", A::kSession,
     "record a signature of the plan (form)", page::sign_plan, ""},
    {"GET", "/cases/:id/meeting/arrange", "meeting.record", A::kSession,
     "the form to arrange a meeting and invite people", page::arrange_form, ""},
    {"POST", "/cases/:id/meeting/arrange", "meeting.record", A::kSession,
     "arrange a meeting (form; ?check checks the notice only)", page::arrange_meeting, ""},
    {"GET", "/cases/:id/meeting", "meeting.record", A::kSession,
     "the form to record a meeting held", page::meeting_form, ""},
    {"POST", "/cases/:id/meeting", "meeting.record", A::kSession, "record a meeting held (form)",
     page::record_meeting, ""},
    {"GET", "/cases/:id/exclusion", "manager.decide", A::kSession,
     "the form to endorse excluding a family member from a meeting", page::exclusion_form, ""},
    {"POST", "/cases/:id/exclusion", "manager.decide", A::kSession,
     "endorse excluding a family member from a meeting (form)", page::endorse_exclusion, ""},
    {"GET", "/cases/:id/correction", "case.record", A::kSession,
     "the form to correct an entry of the record (?entry=N)", page::correction_form, ""},
    {"POST", "/cases/:id/correction", "case.record", A::kSession,
     "correct an entry of the record (form)", page::correct_entry, ""},
    {"GET", "/cases/:id/note", "case.record", A::kSession, "the form to add a case note",
     page::note_form, ""},
    {"POST", "/cases/:id/note", "case.record", A::kSession, "add a case note (form)",
     page::add_note, ""},
    {"GET", "/cases/:id/closure", "manager.decide", A::kSession,
     "the form to close the case, with the closing summary", page::closure_form, ""},
    {"POST", "/cases/:id/closure", "manager.decide", A::kSession, "close the case (form)",
     page::close_case, ""},
    {"GET", "/cases/:id/step-up", "manager.decide", A::kSession,
     "the form to step up to child protection or care", page::step_up_form, ""},
    {"POST", "/cases/:id/step-up", "manager.decide", A::kSession, "step up (form)", page::step_up,
     ""},
    {"GET", "/cases/:id/step-down", "manager.decide", A::kSession,
     "the form to record that the plan follows a step down", page::step_down_form, ""},
    {"POST", "/cases/:id/step-down", "manager.decide", A::kSession, "record a step down (form)",
     page::step_down, ""},
    {"GET", "/cases/:id/transfer-out", "case.transfer", A::kSession,
     "the form to transfer the case to another authority", page::transfer_out_form, ""},
    {"POST", "/cases/:id/transfer-out", "case.transfer", A::kSession,
     "transfer the case to another authority (form)", page::transfer_out, ""},
    {"GET", "/cases/:id/moved-in", "case.transfer", A::kSession,
     "the form to record the family moving into the area", page::move_in_form, ""},
    {"POST", "/cases/:id/moved-in", "case.transfer", A::kSession,
     "record the family moving into the area (form)", page::record_move_in, ""},
    {"GET", "/cases/:id/family-plan", "case.read", A::kSession,
     "the family's copy of the plan, in plain words (?format=pdf)", page::family_plan, ""},
    {"GET", "/cases/:id/closure-letter", "case.read", A::kSession,
     "the letter to the family once the case is closed (?format=pdf)", page::closure_letter, ""},
    {"GET", "/shared", "cases.shared", A::kSession,
     "a partner's first page: the families who share their plan with the agency", page::shared_list,
     ""},
    {"GET", "/cases/:id/shared", "case.read_shared", A::kSession,
     "the plan and meeting dates, as a partner agency sees them", page::shared_case, ""},
    {"GET", "/cases/:id/written-update", "partner.contribute", A::kSession,
     "the form for a partner's written update", page::written_update_form, ""},
    {"POST", "/cases/:id/written-update", "partner.contribute", A::kSession,
     "a partner's written update (form)", page::add_written_update, ""},
    {"GET", "/cases/:id/scaling", "partner.contribute", A::kSession,
     "the form for a partner's 0-10 scaling score", page::partner_scaling_form, ""},
    {"POST", "/cases/:id/scaling", "partner.contribute", A::kSession,
     "a partner's 0-10 scaling score (form)", page::record_partner_scaling, ""},
    {"GET", "/cases/:id/supervision-order", "supervision_order.record", A::kSession,
     "the form for a supervision order made", page::order_made_form, ""},
    {"POST", "/cases/:id/supervision-order", "supervision_order.record", A::kSession,
     "a supervision order made (form)", page::record_order_made, ""},
    {"GET", "/cases/:id/supervision-order/extension", "supervision_order.record", A::kSession,
     "the form for a supervision order extended", page::order_extended_form, ""},
    {"POST", "/cases/:id/supervision-order/extension", "supervision_order.record", A::kSession,
     "a supervision order extended (form)", page::record_order_extended, ""},
    {"GET", "/cases/:id/review-form", "supervision_order.record", A::kSession,
     "the form for the review form sent to the reviewer", page::review_form_sent_form, ""},
    {"POST", "/cases/:id/review-form", "supervision_order.record", A::kSession,
     "the review form sent to the reviewer (form)", page::record_review_form_sent, ""},
    {"GET", "/cases/:id/supervision-order/assessment-shared", "supervision_order.record",
     A::kSession, "the form for the assessment shared with the family before the final review",
     page::assessment_shared_form, ""},
    {"POST", "/cases/:id/supervision-order/assessment-shared", "supervision_order.record",
     A::kSession, "the assessment shared with the family before the final review (form)",
     page::record_assessment_shared, ""},
    {"GET", "/cases/:id/iro-recommendations", "iro.recommend", A::kSession,
     "the form for the IRO's recommendations after a review", page::iro_recommendations_form, ""},
    {"POST", "/cases/:id/iro-recommendations", "iro.recommend", A::kSession,
     "the IRO's recommendations after a review (form)", page::record_iro_recommendations, ""},
    {"GET", "/cases/:id/iro-response", "iro.respond", A::kSession,
     "the form for the manager's agreement or disagreement with the IRO", page::iro_response_form,
     ""},
    {"POST", "/cases/:id/iro-response", "iro.respond", A::kSession,
     "the manager's agreement or disagreement with the IRO (form)", page::record_iro_response, ""},
    {"GET", "/cases/:id/escalations", "escalation.record", A::kSession,
     "the form for escalate a disagreement", page::escalation_form, ""},
    {"POST", "/cases/:id/escalations", "escalation.record", A::kSession,
     "escalate a disagreement (form)", page::record_escalation, ""},
    {"GET", "/cases/:id/supervision-order/decision", "manager.decide", A::kSession,
     "the form for the final review's decision on the order", page::order_decision_form, ""},
    {"POST", "/cases/:id/supervision-order/decision", "manager.decide", A::kSession,
     "the final review's decision on the order (form)", page::record_order_decision, ""},
    {"GET", "/panel", "panel.list", A::kSession,
     "the Child in Need panel for a week (?week=YYYY-MM-DD, any day of it)", page::panel, ""},
    {"GET", "/oversight", "oversight.list", A::kSession,
     "the plans open 9 or 12 months (?months=9|12)", page::oversight, ""},
    {"GET", "/cases/:id/panel-decision", "panel.decide", A::kSession,
     "the form for the panel's decision", page::panel_decision_form, ""},
    {"POST", "/cases/:id/panel-decision", "panel.decide", A::kSession,
     "the panel's decision (form)", page::record_panel_decision, ""},
    {"GET", "/cases/:id/service-manager-decision", "oversight.record", A::kSession,
     "the form for the service manager's decision", page::service_manager_decision_form, ""},
    {"POST", "/cases/:id/service-manager-decision", "oversight.record", A::kSession,
     "the service manager's decision (form)", page::record_service_manager_decision, ""},
    {"GET", "/cases/:id/attach", "case.record", A::kSession, "the form to attach a document",
     page::attachment_form, ""},
    {"POST", "/cases/:id/attach", "case.record", A::kSession, "attach a document (form)",
     page::add_attachment, "", true},
    {"GET", "/cases/:id/attachments/:file", "case.read", A::kSession,
     "an attachment's file, as uploaded (:file is its SHA-256)", page::attachment, ""},
    {"GET", "/cases/:id/oversight", "oversight.record", A::kSession,
     "the form for a management oversight note", page::oversight_note_form, ""},
    {"POST", "/cases/:id/oversight", "oversight.record", A::kSession,
     "a management oversight note (form)", page::add_oversight_note, ""},
    {"GET", "/cases/:id/minutes", "case.read", A::kSession,
     "the minutes of a meeting held (?date=, else the latest; ?format=pdf)", page::minutes, ""},
    {"GET", "/cases/:id/invitation", "case.read", A::kSession,
     "the invitation to a meeting arranged, with its distribution list (?date=; ?format=pdf)",
     page::invitation, ""},
    {"GET", "/cases/:id/chronology-document", "case.read", A::kSession,
     "the chronology of significant events, as a document (?format=pdf)", page::chronology_document,
     ""},
    {"GET", "/cases/:id/transfer-pack", "case.read", A::kSession,
     "the transfer pack for a receiving authority (?format=pdf)", page::transfer_pack, ""},
    {"GET", "/procedure", "", A::kPublic,
     "the authority's procedure as cinplan reads it (?profile=&compare=)", page::procedure, ""},
    {"GET", "/search", "cases.search", A::kSession, "find a child (?q=)", page::search, ""},
    {"GET", "/assets/*", "", A::kPublic, "the pages' stylesheets, scripts, fonts and images",
     page::asset, ""},

    {"POST", "/api/session", "session.create", A::kPublic, "sign in", api::sign_in, ""},
    {"DELETE", "/api/session", "session.end", A::kSession, "sign out", api::sign_out, ""},
    {"GET", "/api/session", "session.read", A::kSession, "who is signed in, and the CSRF token",
     api::session, ""},
    {"GET", "/api/ping", "", A::kPublic, "a trivial answer (the server is up)", api::ping, ""},
    {"GET", "/api/openapi.json", "", A::kPublic, "this API's description", api::describe_api, ""},
    {"GET", "/api/commands", "profile.read", A::kSession,
     "every command, its permission and its fields", api::commands, ""},
    {"GET", "/api/profile", "profile.read", A::kSession, "the authority's procedure profile",
     api::profile, ""},
    {"GET", "/api/caseload", "caseload.mine", A::kSession, "my caseload: overdue and due soon",
     api::my_caseload, ""},
    {"GET", "/api/caseload/team", "caseload.team", A::kSession, "a team's caseload (?team=)",
     api::team_caseload, ""},
    {"GET", "/api/search", "cases.search", A::kSession,
     "find a child (?q= name, date of birth, case id, NHS number, UPN)", api::search, ""},
    {"GET", "/api/shared", "cases.shared", A::kSession, "the families who share with my agency",
     api::shared_cases, ""},
    {"GET", "/api/panel", "panel.list", A::kSession, "the CIN panel list for a week (?week=)",
     api::panel_list, ""},
    {"GET", "/api/oversight", "oversight.list", A::kSession, "plans open 9 or 12 months (?months=)",
     api::oversight_list, ""},
    {"POST", "/api/cases", "", A::kSession, "", nullptr, "register_child"},
    {"GET", "/api/cases/:id", "case.read", A::kSession,
     "a case: child, network, plan, obligations, meetings, visits, chronology", api::case_view, ""},
    {"GET", "/api/cases/:id/obligations", "case.read", A::kSession, "what is due, and why",
     api::case_obligations, ""},
    {"GET", "/api/cases/:id/timeline", "case.read", A::kSession,
     "the visits and meetings of the last 12 months against their due dates (?today=)",
     api::case_timeline, ""},
    {"GET", "/api/cases/:id/shared", "case.read_shared", A::kSession,
     "the plan and meeting dates, as a partner agency sees them", api::case_shared, ""},
    {"GET", "/api/cases/:id/audit", "case.audit", A::kSession,
     "who saw and did what on the case (?since=)", api::case_audit, ""},
    {"GET", "/api/cases/:id/plan/versions", "case.read", A::kSession,
     "the plan's versions, and what changed (?from=&to=)", api::plan_versions, ""},
    COMMAND("/api/cases/:id/people", "add_person"),
    COMMAND("/api/cases/:id/professionals", "add_professional"),
    COMMAND("/api/cases/:id/details", "change_details"),
    COMMAND("/api/cases/:id/address-withheld", "withhold_address"),
    COMMAND("/api/cases/:id/referral", "record_referral"),
    COMMAND("/api/cases/:id/assessment", "record_assessment"),
    COMMAND("/api/cases/:id/allocation", "allocate_worker"),
    COMMAND("/api/cases/:id/iro", "allocate_iro"),
    COMMAND("/api/cases/:id/plan-decision", "decide_plan"),
    COMMAND("/api/cases/:id/pathway", "change_pathway"),
    COMMAND("/api/cases/:id/consent", "record_consent"),
    COMMAND("/api/cases/:id/consent-withdrawn", "withdraw_consent"),
    COMMAND("/api/cases/:id/meetings", "arrange_meeting"),
    COMMAND("/api/cases/:id/meetings-cancelled", "cancel_meeting"),
    COMMAND("/api/cases/:id/invitations", "send_invitations"),
    COMMAND("/api/cases/:id/meeting-records", "record_meeting"),
    COMMAND("/api/cases/:id/exclusions", "endorse_exclusion"),
    COMMAND("/api/cases/:id/minutes", "distribute_minutes"),
    COMMAND("/api/cases/:id/plan", "update_plan"),
    COMMAND("/api/cases/:id/plan/circulated", "circulate_plan"),
    COMMAND("/api/cases/:id/plan/signatures", "sign_plan"),
    COMMAND("/api/cases/:id/plan/actions-completed", "complete_action"),
    COMMAND("/api/cases/:id/visits", "record_visit"),
    COMMAND("/api/cases/:id/notes", "add_case_note"),
    COMMAND("/api/cases/:id/corrections", "correct_event"),
    COMMAND("/api/cases/:id/census-details", "record_census_details"),
    COMMAND("/api/cases/:id/supervision-order", "record_supervision_order"),
    COMMAND("/api/cases/:id/supervision-order/extension", "extend_supervision_order"),
    COMMAND("/api/cases/:id/supervision-order/decision", "decide_supervision_order"),
    COMMAND("/api/cases/:id/supervision-order/assessment-shared", "share_so_assessment"),
    COMMAND("/api/cases/:id/review-form", "send_review_form"),
    COMMAND("/api/cases/:id/iro-recommendations", "make_iro_recommendations"),
    COMMAND("/api/cases/:id/iro-response", "respond_to_iro"),
    COMMAND("/api/cases/:id/escalations", "escalate"),
    COMMAND("/api/cases/:id/discussions", "record_discussion"),
    COMMAND("/api/cases/:id/oversight", "record_oversight"),
    COMMAND("/api/cases/:id/service-manager-decision", "record_service_manager_decision"),
    COMMAND("/api/cases/:id/panel-decision", "record_panel_decision"),
    COMMAND("/api/cases/:id/transfer-out", "transfer_out"),
    COMMAND("/api/cases/:id/moved-in", "record_move_in"),
    COMMAND("/api/cases/:id/step-up", "step_up"),
    COMMAND("/api/cases/:id/section47", "start_section47"),
    COMMAND("/api/cases/:id/section47/concluded", "conclude_section47"),
    COMMAND("/api/cases/:id/initial-conference", "record_initial_conference"),
    COMMAND("/api/cases/:id/protection-plan", "start_protection_plan"),
    COMMAND("/api/cases/:id/protection-plan/reviews", "review_protection_plan"),
    COMMAND("/api/cases/:id/protection-plan/ended", "end_protection_plan"),
    COMMAND("/api/cases/:id/step-down", "step_down"),
    COMMAND("/api/cases/:id/closure", "close_case"),
    COMMAND("/api/cases/:id/restriction", "restrict_case"),
    COMMAND("/api/cases/:id/restriction-lifted", "lift_restriction"),
    COMMAND("/api/cases/:id/written-updates", "add_written_update"),
    COMMAND("/api/cases/:id/scaling", "record_scaling"),
    COMMAND("/api/cases/:id/attachments", "add_attachment"),
    {"GET", "/api/cases/:id/attachments/:file", "case.read", A::kSession,
     "an attachment's file, as uploaded (:file is its SHA-256)", api::attachment, ""},
};
#undef COMMAND

// The command routes' actions and summaries come from the command table.
std::vector<Route> resolve() {
  std::vector<Route> out;
  for (Route r : kRoutes) {
    if (!r.command.empty()) {
      const app::CommandSpec* spec = app::find_command(r.command);
      if (spec == nullptr)
        throw std::logic_error("route names no command: " + std::string(r.command));
      r.action = spec->action;
      r.summary = spec->summary;
      r.takes_file = spec->takes_files;
    }
    out.push_back(r);
  }
  return out;
}

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

}  // namespace

std::span<const Route> routes() {
  static const std::vector<Route> table = resolve();
  return table;
}

Result<Match> match(std::string_view method, std::string_view path) {
  Match m;
  if (path.empty() || path.front() != '/') return m;
  const auto parts = split(path);
  for (const Route& r : routes()) {
    const auto want = split(r.pattern);
    const bool rest = !want.empty() && want.back() == "*";
    if (rest ? parts.size() < want.size() : want.size() != parts.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (std::size_t i = 0; i < want.size() && ok; ++i) {
      if (rest && i + 1 == want.size()) {
        std::string tail;
        for (std::size_t k = i; k < parts.size(); ++k)
          tail += (k == i ? "" : "/") + std::string(parts[k]);
        params["*"] = std::move(tail);
      } else if (want[i].starts_with(':')) {
        auto value = percent_decode(parts[i], false);
        if (!value) return std::unexpected(value.error());
        if (value->empty()) ok = false;
        params[std::string(want[i].substr(1))] = std::move(*value);
      } else {
        ok = want[i] == parts[i];
      }
    }
    if (!ok) continue;
    if (r.method != method) {
      m.allowed.push_back(r.method);
      continue;
    }
    m.route = &r;
    m.params = std::move(params);
    return m;
  }
  return m;
}

}  // namespace cinplan::http
