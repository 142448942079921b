#include "core/procedure/vocabulary.h"

namespace cinplan {
namespace {

constexpr DutyGroup kGroups[] = {
    {"meetings", "holding the meetings of the plan"},
    {"before_meeting", "before a meeting: inviting people and preparing the family"},
    {"after_meeting", "after a meeting: writing it up and sending it out"},
    {"plan_signed", "signing the plan"},
    {"visits", "visiting the child"},
    {"long_plans", "oversight of a plan that goes on for a long time"},
    {"supervision_order", "children on a supervision order"},
    {"consent", "when the family withdraw their consent"},
};

constexpr DutyMeaning kDuties[] = {
    // meetings
    {"initial_meeting",
     "The first meeting of the family and the professionals, which agrees the Child in Need plan.",
     "meetings"},
    {"review",
     "A later meeting that reviews the plan: whether it is working and whether it should go on, "
     "change or end.",
     "meetings"},
    {"midpoint_meeting",
     "An extra, lighter meeting between two reviews to check how the plan is going.", "meetings"},
    {"family_network_meeting",
     "A meeting with the wider family and friends soon after the first meeting, to look again at "
     "the safety plan.",
     "meetings"},
    {"transfer_in_meeting",
     "The meeting the new authority holds when a child on a plan moves into its area.", "meetings"},
    // before a meeting
    {"invitations_sent",
     "Invitations to a meeting sent to the family and the professionals, a set time before it.",
     "before_meeting"},
    {"pre_meeting_visit",
     "A visit to the child and family before a meeting, to prepare them for it and hear their "
     "views.",
     "before_meeting"},
    // after a meeting
    {"meeting_recorded",
     "The meeting written up on the child's case record (the authority's own file); nothing is "
     "sent to anyone.",
     "after_meeting"},
    {"minutes_distributed",
     "The minutes of the meeting sent to the people involved (family, child, professionals); not "
     "the entry on the case record.",
     "after_meeting"},
    {"plan_updated", "The plan itself changed to say what the meeting agreed.", "after_meeting"},
    {"plan_circulated",
     "A copy of the plan, as the meeting left it, sent to the family and the professionals.",
     "after_meeting"},
    // signing the plan
    {"plan_signed_family", "The plan shared with the family and signed by them.", "plan_signed"},
    {"plan_signed_manager", "The plan signed by the social worker's manager.", "plan_signed"},
    // visits
    {"visit", "A visit in which the social worker sees the child, wherever it takes place.",
     "visits"},
    {"visit_seen_at_home", "A visit in which the child is seen in their own home.", "visits"},
    {"home_rooms_seen",
     "A home visit in which the bathroom, the kitchen and the child's bedroom are looked at.",
     "visits"},
    // long plans
    {"service_manager_review",
     "The Service Manager looks at a plan that has run for months and decides what happens next.",
     "long_plans"},
    {"twelve_month_review",
     "A separate review, chaired by a manager, before a plan goes on beyond 12 months.",
     "long_plans"},
    {"panel",
     "The case taken to the authority's Child in Need Panel because the plan has run a long time.",
     "long_plans"},
    // supervision orders
    {"so_review",
     "A regular review of a child on a supervision order, chaired by an Independent Reviewing "
     "Officer or a manager.",
     "supervision_order"},
    {"so_form_to_reviewer",
     "The review form passed, before a supervision order review, to the person who chairs it.",
     "supervision_order"},
    {"so_final_review",
     "The last meeting before a supervision order ends, in time to decide whether to let it end "
     "or go back to court.",
     "supervision_order"},
    {"so_assessment_shared",
     "The updated assessment shared with the family before the final supervision order review.",
     "supervision_order"},
    {"iro_response",
     "The team manager records whether they agree with the Independent Reviewing Officer's "
     "recommendations.",
     "supervision_order"},
    {"iro_disagreement_resolution",
     "A manager who disagrees with the Independent Reviewing Officer's recommendations discusses "
     "it with them, or escalates it.",
     "supervision_order"},
    {"escalation_resolved",
     "A matter escalated stays open, level after level, until it is recorded as resolved.",
     "supervision_order"},
    {"so_decision",
     "The decision, after the final review, to let the supervision order end, extend it or go "
     "back to court.",
     "supervision_order"},
    // consent
    {"consent_withdrawn_discussion",
     "The social worker talks with their manager about what happens next when the family "
     "withdraw consent to the plan.",
     "consent"},
};

}  // namespace

std::span<const DutyGroup> duty_groups() {
  return kGroups;
}

std::span<const DutyMeaning> duty_meanings() {
  return kDuties;
}

const DutyMeaning* find_duty(std::string_view rule_id) {
  for (const DutyMeaning& d : kDuties) {
    if (d.id == rule_id) return &d;
  }
  return nullptr;
}

const DutyGroup* find_duty_group(std::string_view group_id) {
  for (const DutyGroup& g : kGroups) {
    if (g.id == group_id) return &g;
  }
  return nullptr;
}

}  // namespace cinplan
