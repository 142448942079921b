#include "core/casefile/event_types.h"

#include <array>

namespace cinplan {
namespace {

using V = std::string_view;
constexpr FieldKind kDate = FieldKind::kDate;
constexpr FieldKind kBool = FieldKind::kBool;
constexpr FieldKind kString = FieldKind::kString;
constexpr FieldKind kEnum = FieldKind::kEnum;
constexpr FieldKind kInteger = FieldKind::kInteger;
constexpr FieldKind kStrings = FieldKind::kStrings;
constexpr FieldKind kEnums = FieldKind::kEnums;
constexpr FieldKind kObjects = FieldKind::kObjects;
constexpr FieldKind kObject = FieldKind::kObject;

// --- value lists ---------------------------------------------------------
constexpr std::array<V, 9> kRoles = {"social_worker",
                                     "advanced_social_worker",
                                     "first_line_manager",
                                     "service_manager",
                                     "group_manager",
                                     "head_of_service",
                                     "independent_reviewing_officer",
                                     "partner_professional",
                                     "administrator"};
constexpr std::array<V, 10> kMeetingKinds = {"initial",
                                             "review",
                                             "midpoint",
                                             "family_network",
                                             "supervision_order_review",
                                             "supervision_order_final_review",
                                             "panel",
                                             "service_manager_review",
                                             "twelve_month_review",
                                             "transfer_in"};
constexpr std::array<V, 6> kOutcomes = {"close",
                                        "step_down_early_help",
                                        "continue",
                                        "update_assessment",
                                        "step_up_child_protection",
                                        "looked_after"};
constexpr std::array<V, 3> kPathways = {"standard", "disability", "direct_payments"};
constexpr std::array<V, 4> kLocations = {"home", "school", "office", "other"};
constexpr std::array<V, 5> kRooms = {"bathroom", "kitchen", "bedroom", "living_room", "garden"};
constexpr std::array<V, 5> kVisitPurposes = {"routine", "prepare_for_meeting", "after_meeting",
                                             "unannounced_check", "other"};
constexpr std::array<V, 3> kSigners = {"family", "first_line_manager", "child"};
constexpr std::array<V, 9> kClosureReasons = {"close",
                                              "step_down_early_help",
                                              "step_up_child_protection",
                                              "looked_after",
                                              "transferred_out",
                                              "supervision_order_expired",
                                              "consent_withdrawn",
                                              "moved_away",
                                              "other"};
constexpr std::array<V, 5> kEndorsedAt = {"review", "panel", "service_manager",
                                          "first_line_manager", "supervision_order_review"};
constexpr std::array<V, 6> kTopics = {"consent_withdrawn", "unresolved_issues",
                                      "iro_disagreement",  "supervision_order_expiry",
                                      "transfer_dispute",  "other"};
constexpr std::array<V, 5> kSmDecisions = {"continue", "extend_beyond_12_months", "close",
                                           "step_down_early_help", "other"};
constexpr std::array<V, 2> kStepUpTo = {"child_protection", "looked_after"};
constexpr std::array<V, 2> kStepDownFrom = {"child_protection", "looked_after"};
constexpr std::array<V, 2> kReviewers = {"independent_reviewing_officer", "first_line_manager"};
constexpr std::array<V, 4> kSoDecisions = {"expire", "extend", "return_to_court", "other"};

// --- fields, one array per event type ---------------------------------------
#define FIELDS(name, ...) constexpr FieldSpec name[] = {__VA_ARGS__}
#define VALUES(list) std::span<const V>(list)

FIELDS(kReferral, {"source", kString, false, {}, 0, 0, "who referred"},
       {"previous_closure_date", kDate, false, {}, 0, 0, "when a previous episode closed, if any"},
       {"new_safeguarding_concern",
        kBool,
        false,
        {},
        0,
        0,
        "the referral raises a new safeguarding concern"},
       {"referral_source", kString, false, {}, 0, 0, "who referred, as a census code (e.g. 2A)"},
       {"primary_need", kString, false, {}, 0, 0, "the primary need, as a census code (N0-N9)"},
       {"no_further_action",
        kBool,
        false,
        {},
        0,
        0,
        "a referral with no further action (the census's ReferralNFA)"});
FIELDS(kAssessment, {"s17_need", kBool, true, {}, 0, 0, "a need under s.17 was identified"},
       {"team", kString, false, {}, 0, 0, "the team that completed it"},
       {"started", kDate, false, {}, 0, 0, "the day the assessment started"},
       {"factors",
        kStrings,
        false,
        {},
        0,
        0,
        "the factors identified at the end of the assessment (census codes, e.g. 3A)"});
FIELDS(kPlanDecided, {"decided_by_role", kEnum, false, VALUES(kRoles), 0, 0, "who decided"});
FIELDS(kAllocated, {"worker", kString, true, {}, 0, 0, "the allocated worker"},
       {"team", kString, true, {}, 0, 0, "their team"},
       {"role", kEnum, false, VALUES(kRoles), 0, 0, "the worker's role"},
       {"username", kString, false, {}, 0, 0, "the worker's cinplan account"});
FIELDS(kConsent, {"given", kBool, true, {}, 0, 0, "consent given (false: refused)"},
       {"agency",
        kString,
        false,
        {},
        0,
        0,
        "with scope information_sharing: the agency it is shared with"},
       {"scope", kString, false, {}, 0, 0, "what it covers, e.g. plan, information_sharing"});
FIELDS(kConsentWithdrawn, {"by", kString, false, {}, 0, 0, "who withdrew it"},
       {"agency", kString, false, {}, 0, 0, "with scope information_sharing: the agency"},
       {"scope", kString, false, {}, 0, 0, "what it covered"});
FIELDS(kInvitations, {"meeting_date", kDate, true, {}, 0, 0, "the meeting invited to"},
       {"distribution_list", kBool, false, {}, 0, 0, "the invitation carried a distribution list"},
       {"invitees", kStrings, false, {}, 0, 0, "who was invited"});
FIELDS(kMeeting, {"kind", kEnum, true, VALUES(kMeetingKinds), 0, 0, "which meeting"},
       {"chair_role", kEnum, false, VALUES(kRoles), 0, 0, "who chaired"},
       {"outcome", kEnum, false, VALUES(kOutcomes), 0, 0, "the meeting's outcome"},
       {"next_meeting", kDate, false, {}, 0, 0, "the date agreed for the next meeting"},
       {"complex", kBool, false, {}, 0, 0, "the case was considered complex"},
       {"working_well", kStrings, false, {}, 0, 0, "what is working well"},
       {"worries", kStrings, false, {}, 0, 0, "what we are worried about"},
       {"complicating_factors", kStrings, false, {}, 0, 0, "complicating factors"},
       {"danger_statements", kStrings, false, {}, 0, 0, "danger statements"},
       {"safety_goals", kStrings, false, {}, 0, 0, "safety goals"},
       {"departure_reason",
        kString,
        false,
        {},
        0,
        0,
        "why the procedure was not followed, where it was not (a meeting recorded as held)"});
FIELDS(kAttendance, {"meeting_date", kDate, true, {}, 0, 0, "the meeting"},
       {"present", kObjects, false, {}, 0, 0, "people present: name, role or agency, contact"},
       {"apologies", kObjects, false, {}, 0, 0, "apologies: name, agency, written_update"},
       {"absent",
        kObjects,
        false,
        {},
        0,
        0,
        "invited, and neither came nor sent apologies: name, role or agency"});
FIELDS(kScaling, {"meeting_date", kDate, false, {}, 0, 0, "the meeting it was given at"},
       {"by", kString, true, {}, 0, 0, "who scaled"},
       {"score", kInteger, true, {}, 0, 10, "0 (worst) to 10 (safe)"},
       {"rationale", kString, false, {}, 0, 0, "why that number"});
FIELDS(kMinutes, {"meeting_date", kDate, true, {}, 0, 0, "the meeting the minutes are of"});
FIELDS(kPlanUpdated, {"meeting_date", kDate, false, {}, 0, 0, "the meeting that agreed the change"},
       {"summary", kString, false, {}, 0, 0, "what changed"},
       {"significant", kBool, false, {}, 0, 0, "a significant change to the plan"},
       {"contingency", kString, false, {}, 0, 0, "what happens if the plan does not work"},
       {"lead_professional", kString, false, {}, 0, 0, "the lead professional"},
       {"visiting_frequency_days",
        kInteger,
        false,
        {},
        1,
        366,
        "the child is visited at least every this many days"});
FIELDS(kPlanCirculated, {"meeting_date", kDate, false, {}, 0, 0, "the meeting the plan follows"},
       {"to", kStrings, false, {}, 0, 0, "who received it"});
FIELDS(kPlanSigned, {"by", kEnum, true, VALUES(kSigners), 0, 0, "who signed"},
       {"meeting_date", kDate, false, {}, 0, 0, "the meeting the plan follows"},
       {"name", kString, false, {}, 0, 0, "the name of the person who signed"});
FIELDS(kOutcomeAgreed, {"outcome_id", kString, true, {}, 0, 0, "stable id of the plan outcome"},
       {"text", kString, true, {}, 0, 0, "what we want to achieve"},
       {"measure", kString, false, {}, 0, 0, "how we will know it is achieved"});
FIELDS(kActionAgreed, {"action_id", kString, true, {}, 0, 0, "stable id of the action"},
       {"outcome_id", kString, false, {}, 0, 0, "the outcome it serves"},
       {"text", kString, true, {}, 0, 0, "what will be done"},
       {"owner", kString, true, {}, 0, 0, "who will do it"},
       {"by_date", kDate, true, {}, 0, 0, "by when"},
       {"why", kString, false, {}, 0, 0, "why it will help"});
FIELDS(kActionCompleted, {"action_id", kString, true, {}, 0, 0, "the action"});
FIELDS(kOutcomeRemoved, {"outcome_id", kString, true, {}, 0, 0, "the outcome"},
       {"reason", kString, false, {}, 0, 0, "why it is no longer part of the plan"});
FIELDS(kActionRemoved, {"action_id", kString, true, {}, 0, 0, "the action"},
       {"reason", kString, false, {}, 0, 0, "why it is no longer part of the plan"});
FIELDS(kVisit, {"child_seen", kBool, true, {}, 0, 0, "the child was seen"},
       {"seen_alone", kBool, false, {}, 0, 0, "the child was seen alone"},
       {"location", kEnum, false, VALUES(kLocations), 0, 0, "where"},
       {"announced", kBool, false, {}, 0, 0, "announced (false: unannounced)"},
       {"rooms_seen", kEnums, false, VALUES(kRooms), 0, 0, "rooms of the home seen"},
       {"reason_not_seen", kString, false, {}, 0, 0, "why not seen, or not seen alone"},
       {"others_present", kStrings, false, {}, 0, 0, "who else was present"},
       {"reason_outside_home", kString, false, {}, 0, 0, "why the child was seen away from home"},
       {"purpose", kEnum, false, VALUES(kVisitPurposes), 0, 0,
        "why the visit was made: routine, to prepare for a meeting, after a meeting, an "
        "unannounced check, or other"},
       {"notes",
        kString,
        false,
        {},
        0,
        0,
        "what was seen and heard on the visit, and the child's own words"});
FIELDS(kMeetingRecorded, {"meeting_date", kDate, true, {}, 0, 0, "the meeting recorded"});
FIELDS(kCaseNote, {"heading", kString, true, {}, 0, 0, "case note heading"},
       {"text", kString, true, {}, 0, 0, "the note"});
FIELDS(kPanelDecided, {"decision", kEnum, true, VALUES(kOutcomes), 0, 0, "the panel's decision"},
       {"recorded_by_role", kEnum, false, VALUES(kRoles), 0, 0, "who recorded it"},
       {"rationale", kString, false, {}, 0, 0, "why"});
FIELDS(kSmDecided, {"decision", kEnum, true, VALUES(kSmDecisions), 0, 0, "the decision"},
       {"rationale", kString, false, {}, 0, 0, "why"});
FIELDS(kIroRecs, {"meeting_date", kDate, true, {}, 0, 0, "the review"},
       {"recommendations", kString, true, {}, 0, 0, "what the IRO recommends"});
FIELDS(kIroResponse, {"meeting_date", kDate, true, {}, 0, 0, "the review"},
       {"agrees", kBool, true, {}, 0, 0, "the manager agrees with the recommendations"},
       {"by_role", kEnum, false, VALUES(kRoles), 0, 0, "who responded"},
       {"reason", kString, false, {}, 0, 0, "why the manager disagrees, or what they add"});
FIELDS(kEscalated, {"to_role", kEnum, true, VALUES(kRoles), 0, 0, "escalated to"},
       {"reason", kString, true, {}, 0, 0, "why"},
       {"resolved", kBool, false, {}, 0, 0, "the matter was resolved at this level"});
FIELDS(kDiscussion, {"topic", kEnum, true, VALUES(kTopics), 0, 0, "what was discussed"},
       {"with_role", kEnum, false, VALUES(kRoles), 0, 0, "with whom"},
       {"outcome", kString, false, {}, 0, 0, "what was agreed"});
FIELDS(kOversight, {"by_role", kEnum, true, VALUES(kRoles), 0, 0, "who recorded it"},
       {"decision", kString, true, {}, 0, 0, "the decision"});
FIELDS(kPathway, {"pathway", kEnum, true, VALUES(kPathways), 0, 0, "the pathway from this date"},
       {"decided_by_role", kEnum, false, VALUES(kRoles), 0, 0, "who decided"});
FIELDS(kSupervisionOrder, {"end", kDate, true, {}, 0, 0, "the last day the order is in force"},
       {"previously_looked_after", kBool, false, {}, 0, 0, "the child was looked after before"},
       {"iro", kString, false, {}, 0, 0, "the IRO allocated during proceedings"});
FIELDS(kSoExtended, {"end", kDate, true, {}, 0, 0, "the new last day"});
FIELDS(kSoDecision,
       {"decision", kEnum, true, VALUES(kSoDecisions), 0, 0, "expire, extend or court"},
       {"by_role", kEnum, true, VALUES(kRoles), 0, 0, "who made the decision"});
FIELDS(kSoAssessment, {"meeting_date", kDate, true, {}, 0, 0, "the final review it is for"});
FIELDS(kFormSent, {"meeting_date", kDate, true, {}, 0, 0, "the review it is for"},
       {"to_role", kEnum, true, VALUES(kReviewers), 0, 0, "the reviewer"});
FIELDS(kMovedIn, {"from_authority", kString, false, {}, 0, 0, "the authority moved from"});
FIELDS(kTransferredOut, {"to_authority", kString, true, {}, 0, 0, "the receiving authority"},
       {"information_shared", kStrings, false, {}, 0, 0, "what was sent"},
       {"parental_consent", kBool, false, {}, 0, 0, "the parents consented to the transfer"},
       {"override_rationale", kString, false, {}, 0, 0, "why it went ahead without consent"},
       {"repeat_move", kBool, false, {}, 0, 0, "the family moved more than once in a short time"});
FIELDS(kSteppedUp, {"to", kEnum, true, VALUES(kStepUpTo), 0, 0, "child protection or looked after"},
       {"reason", kString, false, {}, 0, 0, "why, as the manager decided it"});
FIELDS(kSteppedDown, {"from", kEnum, true, VALUES(kStepDownFrom), 0, 0, "what the plan follows"},
       {"reason", kString, false, {}, 0, 0, "why, as the manager decided it"});
FIELDS(kClosed, {"reason", kEnum, true, VALUES(kClosureReasons), 0, 0, "why"},
       {"endorsed_at", kEnum, false, VALUES(kEndorsedAt), 0, 0, "where closure was endorsed"},
       {"summary", kString, false, {}, 0, 0, "the closing summary"},
       {"views_child", kString, false, {}, 0, 0, "the child's views"},
       {"views_parents", kString, false, {}, 0, 0, "the parents' views"},
       {"views_professionals", kString, false, {}, 0, 0, "the professionals' views"},
       {"census_reason",
        kString,
        false,
        {},
        0,
        0,
        "the census's reason for closure (RC1-RC9); left out, it follows from the reason"});
FIELDS(kExcluded, {"person", kString, true, {}, 0, 0, "who was excluded"},
       {"meeting_date", kDate, false, {}, 0, 0, "the meeting they are excluded from"},
       {"endorsed_by_role", kEnum, false, VALUES(kRoles), 0, 0, "who endorsed it"},
       {"reason", kString, true, {}, 0, 0, "why"},
       {"alternative", kString, false, {}, 0, 0, "how their views will be heard instead"});

FIELDS(kCorrected,
       {"corrects",
        kInteger,
        true,
        {},
        1,
        60000,
        "the event corrected: its position in the case's events, counting from 1 (its "
        "stream version); an earlier event dated on or before the correction, not itself a "
        "correction"},
       {"reason", kString, true, {}, 0, 0, "why the record was wrong"},
       {"replacement",
        kObject,
        false,
        {},
        0,
        0,
        "the event as it should have been, complete with type and date (not after the "
        "correction); left out, the event was recorded in error and is struck out"});

// --- the child, their network and who may see the record ---------------------
constexpr std::array<V, 4> kSexes = {"male", "female", "indeterminate", "not_known"};
FIELDS(kChildRegistered, {"name", kString, true, {}, 0, 0, "the child's name"},
       {"date_of_birth", kDate, false, {}, 0, 0, "date of birth"},
       {"expected_date", kDate, false, {}, 0, 0, "expected date of birth (unborn child)"},
       {"sex", kEnum, false, VALUES(kSexes), 0, 0, "sex"},
       {"ethnicity", kString, false, {}, 0, 0, "ethnicity (census code, e.g. WBRI)"},
       {"disabilities", kStrings, false, {}, 0, 0, "disabilities (census codes)"},
       {"address", kString, false, {}, 0, 0, "where the child lives"},
       {"language", kString, false, {}, 0, 0, "first language"},
       {"communication_needs", kString, false, {}, 0, 0, "language and communication needs"},
       {"nhs_number", kString, false, {}, 0, 0, "NHS number (10 digits, check digit valid)"},
       {"upn", kString, false, {}, 0, 0, "unique pupil number (13 characters, check letter valid)"},
       {"upn_unknown", kString, false, {}, 0, 0, "why there is no UPN, as a census code (UN1-UN7)"},
       {"date_of_death", kDate, false, {}, 0, 0, "the day the child died"});
FIELDS(kPersonAdded, {"person_id", kString, true, {}, 0, 0, "the person's id within the case"},
       {"name", kString, true, {}, 0, 0, "name"},
       {"relationship", kString, true, {}, 0, 0, "relationship to the child, e.g. mother"},
       {"parental_responsibility", kBool, false, {}, 0, 0, "holds parental responsibility"},
       {"date_of_birth", kDate, false, {}, 0, 0, "date of birth"},
       {"address", kString, false, {}, 0, 0, "address"},
       {"contact", kString, false, {}, 0, 0, "telephone or email"});
FIELDS(kProfessionalAdded,
       {"person_id", kString, true, {}, 0, 0, "the person's id within the case"},
       {"name", kString, true, {}, 0, 0, "name"},
       {"agency", kString, true, {}, 0, 0, "agency, e.g. school, health, police"},
       {"role", kString, false, {}, 0, 0, "their role, e.g. designated safeguarding lead"},
       {"contact", kString, false, {}, 0, 0, "telephone or email"});
FIELDS(kPersonChanged,
       {"person_id", kString, true, {}, 0, 0, "whose details changed (\"child\": the child)"},
       {"changes", kObject, true, {}, 0, 0, "the fields as they are now, e.g. {\"address\": ...}"});
FIELDS(kAddressWithheld,
       {"person_id", kString, true, {}, 0, 0, "whose address is kept confidential"},
       {"from", kStrings, true, {}, 0, 0, "the person ids it is kept from"},
       {"reason", kString, true, {}, 0, 0, "why"});
FIELDS(kIroAllocated, {"iro", kString, true, {}, 0, 0, "the independent reviewing officer"},
       {"username", kString, false, {}, 0, 0, "their cinplan account"});
FIELDS(kSection47Started,
       {"conference_target", kDate, false, {}, 0, 0, "the target date of the initial conference"});
FIELDS(kSection47Concluded, {"conference_needed",
                             kBool,
                             true,
                             {},
                             0,
                             0,
                             "an initial child protection conference is needed"});
FIELDS(kConferenceHeld,
       {"plan_needed", kBool, true, {}, 0, 0, "the conference decided a child protection plan"});
FIELDS(kCppStarted,
       {"category", kString, true, {}, 0, 0, "the category of abuse (census code: NEG, PHY, ...)"},
       {"previous_plans", kInteger, false, {}, 0, 0, "how many child protection plans before"});
FIELDS(kCppReviewed, {"category",
                      kString,
                      false,
                      {},
                      0,
                      0,
                      "the category of abuse from this review, when it changed"});
FIELDS(kCppEnded, {"reason", kString, false, {}, 0, 0, "why the plan ended"});
FIELDS(kRestricted, {"reason", kString, true, {}, 0, 0, "why the record is restricted"});
FIELDS(kRestrictionLifted, {"reason", kString, true, {}, 0, 0, "why the restriction ends"});
FIELDS(kWrittenUpdate, {"meeting_date", kDate, false, {}, 0, 0, "the meeting it is for"},
       {"by", kString, true, {}, 0, 0, "who wrote it"},
       {"agency", kString, true, {}, 0, 0, "their agency"},
       {"text", kString, true, {}, 0, 0, "the update"});
FIELDS(kMeetingScheduled, {"meeting_date", kDate, true, {}, 0, 0, "the day of the meeting"},
       {"kind", kEnum, true, VALUES(kMeetingKinds), 0, 0, "which meeting"},
       {"venue", kString, false, {}, 0, 0, "where"});
FIELDS(kMeetingCancelled, {"meeting_date", kDate, true, {}, 0, 0, "the day it was arranged for"},
       {"kind", kEnum, true, VALUES(kMeetingKinds), 0, 0, "which meeting"},
       {"reason", kString, true, {}, 0, 0, "why it is not going ahead"});

constexpr V kAttachmentKinds[] = {"partner_report", "court_order", "signed_plan", "assessment",
                                  "other"};
FIELDS(
    kAttachment, {"kind", kEnum, true, VALUES(kAttachmentKinds), 0, 0, "what the document is"},
    {"title", kString, true, {}, 0, 0, "what it is called, as the chronology lists it"},
    {"file_name", kString, true, {}, 0, 0, "the name of the file uploaded"},
    {"media_type", kString, true, {}, 0, 0, "its type, from its content: application/pdf ..."},
    {"size", kInteger, true, {}, 1, 2147483647, "its length in bytes"},
    {"sha256", kString, true, {}, 0, 0, "the SHA-256 of its bytes, in hex: its key in the store"});

#undef FIELDS
#undef VALUES

// A "field=value" flag of an enum field is set when the field holds that
// value; "field=not_recorded" when the field is left out.
constexpr V kVisitFlags[] = {"child_seen",
                             "seen_alone",
                             "announced",
                             "rooms_seen=bathroom",
                             "rooms_seen=kitchen",
                             "rooms_seen=bedroom",
                             "purpose=routine",
                             "purpose=prepare_for_meeting",
                             "purpose=after_meeting",
                             "purpose=unannounced_check",
                             "purpose=other",
                             "purpose=not_recorded"};
constexpr V kConsentFlags[] = {"given"};
constexpr V kAssessmentFlags[] = {"s17_need"};
constexpr V kInvitationFlags[] = {"distribution_list"};
constexpr V kIroResponseFlags[] = {"agrees"};
constexpr V kEscalatedFlags[] = {"resolved"};
constexpr V kSoFlags[] = {"previously_looked_after"};
constexpr V kPlanUpdatedFlags[] = {"significant"};

#include "core/casefile/event_examples.inc"

constexpr EventTypeSpec kTypes[] = {
    {"referral_received",
     "A referral reached the service (with the facts that route it to a team).",
     kReferral,
     {},
     kExReferral},
    {"assessment_completed",
     "The social work assessment was completed.",
     kAssessment,
     {"", "", kAssessmentFlags},
     kExAssessment},
    {"plan_decided",
     "The decision that a Child in Need plan is needed: the plan starts.",
     kPlanDecided,
     {},
     kExPlanDecided},
    {"worker_allocated",
     "The case was allocated to a worker and team.",
     kAllocated,
     {},
     kExAllocated},
    {"consent",
     "The family gave (or refused) consent.",
     kConsent,
     {"", "", kConsentFlags},
     kExConsent},
    {"consent_withdrawn",
     "The family withdrew consent to the plan.",
     kConsentWithdrawn,
     {},
     kExConsentWithdrawn},
    {"invitations_sent",
     "Invitations to a meeting were sent.",
     kInvitations,
     {"", "meeting_date", kInvitationFlags},
     kExInvitations},
    {"meeting", "A meeting was held.", kMeeting, {"kind", "next_meeting", {}}, kExMeeting},
    {"attendance_recorded",
     "Who attended a meeting, who sent apologies and who did not attend.",
     kAttendance,
     {"", "meeting_date", {}},
     kExAttendance},
    {"scaling_recorded",
     "A Signs of Safety scaling score (0-10).",
     kScaling,
     {"", "meeting_date", {}},
     kExScaling},
    {"minutes_distributed",
     "Minutes of a meeting were distributed.",
     kMinutes,
     {"", "meeting_date", {}},
     kExMinutes},
    {"plan_updated",
     "The plan was updated.",
     kPlanUpdated,
     {"", "meeting_date", kPlanUpdatedFlags, "visiting_frequency_days"},
     kExPlanUpdated},
    {"plan_circulated",
     "The plan was sent to the family and professionals.",
     kPlanCirculated,
     {"", "meeting_date", {}},
     kExPlanCirculated},
    {"plan_signed", "The plan was signed.", kPlanSigned, {"by", "meeting_date", {}}, kExPlanSigned},
    {"plan_outcome_agreed", "An outcome of the plan was agreed.", kOutcomeAgreed, {}, kExOutcome},
    {"plan_action_agreed",
     "An action of the plan was agreed: who, what, by when.",
     kActionAgreed,
     {},
     kExAction},
    {"plan_action_completed",
     "An action of the plan was completed.",
     kActionCompleted,
     {},
     kExActionCompleted},
    {"visit", "A visit to the child.", kVisit, {"location", "", kVisitFlags}, kExVisit},
    {"meeting_recorded",
     "A meeting was recorded on the case record.",
     kMeetingRecorded,
     {"", "meeting_date", {}},
     kExMeetingRecorded},
    {"case_note_added", "A case note.", kCaseNote, {}, kExCaseNote},
    {"panel_decided",
     "A Child in Need panel's decision.",
     kPanelDecided,
     {"decision", "", {}},
     kExPanel},
    {"service_manager_decided",
     "A service manager's decision on the case.",
     kSmDecided,
     {"decision", "", {}},
     kExSmDecided},
    {"iro_recommendations_made",
     "An IRO's recommendations after a review.",
     kIroRecs,
     {"", "meeting_date", {}},
     kExIroRecs},
    {"iro_recommendations_responded",
     "The manager's response to an IRO's recommendations.",
     kIroResponse,
     {"", "meeting_date", kIroResponseFlags},
     kExIroResponse},
    {"escalated",
     "A matter was escalated.",
     kEscalated,
     {"to_role", "", kEscalatedFlags},
     kExEscalated},
    {"manager_discussion_held",
     "A discussion with a manager about the case.",
     kDiscussion,
     {"topic", "", {}},
     kExDiscussion},
    {"management_oversight_recorded",
     "A manager recorded a decision on the case.",
     kOversight,
     {"by_role", "", {}},
     kExOversight},
    {"pathway", "The case's pathway from this date.", kPathway, {"pathway", "", {}}, kExPathway},
    {"supervision_order",
     "A supervision order was made.",
     kSupervisionOrder,
     {"", "end", kSoFlags},
     kExSupervisionOrder},
    {"supervision_order_extended",
     "A supervision order was extended.",
     kSoExtended,
     {"", "end", {}},
     kExSoExtended},
    {"supervision_order_decided",
     "The decision to let an order expire, extend it or return to court.",
     kSoDecision,
     {"decision", "", {}},
     kExSoDecision},
    {"supervision_order_assessment_shared",
     "The updated assessment was shared with the family.",
     kSoAssessment,
     {"", "meeting_date", {}},
     kExSoAssessment},
    {"review_form_sent",
     "The review form was passed to the reviewer.",
     kFormSent,
     {"to_role", "meeting_date", {}},
     kExFormSent},
    {"moved_in", "The family became resident in this authority's area.", kMovedIn, {}, kExMovedIn},
    {"transferred_out",
     "The case was transferred to another authority.",
     kTransferredOut,
     {},
     kExTransferredOut},
    {"stepped_up",
     "The case stepped up to child protection or care.",
     kSteppedUp,
     {"to", "", {}},
     kExSteppedUp},
    {"stepped_down",
     "The plan follows a step down from child protection or care.",
     kSteppedDown,
     {"from", "", {}},
     kExSteppedDown},
    {"closed", "The case was closed.", kClosed, {"reason", "", {}}, kExClosed},
    {"family_member_excluded",
     "A family member was excluded from a meeting.",
     kExcluded,
     {},
     kExExcluded},
    {"event_corrected",
     "A correction of an earlier event, made on this date: what the record should have said, "
     "or that the event is struck out, and why. The original stays in the record as written; "
     "obligations read the record as corrected, and the latest correction of an event wins.",
     kCorrected,
     {},
     kExCorrected},
    {"child_registered",
     "The child's details, as first recorded for this episode.",
     kChildRegistered,
     {},
     kExChildRegistered},
    {"person_added",
     "A family member or someone important to the child joined the record.",
     kPersonAdded,
     {},
     kExPersonAdded},
    {"professional_added",
     "A professional joined the child's network.",
     kProfessionalAdded,
     {},
     kExProfessionalAdded},
    {"person_details_changed",
     "A person's details changed (the child's when person_id is \"child\").",
     kPersonChanged,
     {},
     kExPersonChanged},
    {"address_withheld",
     "A person's address is kept confidential from named others (a protected parent).",
     kAddressWithheld,
     {},
     kExAddressWithheld},
    {"iro_allocated",
     "An independent reviewing officer was allocated to the case.",
     kIroAllocated,
     {},
     kExIroAllocated},
    {"case_restricted",
     "The record was restricted: only people granted access may see it.",
     kRestricted,
     {},
     kExRestricted},
    {"restriction_lifted",
     "The record is no longer restricted.",
     kRestrictionLifted,
     {},
     kExRestrictionLifted},
    {"written_update_added",
     "A partner professional's written update, e.g. before a meeting they cannot attend.",
     kWrittenUpdate,
     {"", "meeting_date", {}},
     kExWrittenUpdate},
    {"meeting_scheduled",
     "A meeting was arranged for a date.",
     kMeetingScheduled,
     {"kind", "meeting_date", {}},
     kExMeetingScheduled},
    // Appended, not placed beside the plan's other events: a type's number
    // is its place here, and stored snapshots hold the numbers.
    {"plan_outcome_removed",
     "An outcome was taken out of the plan (achieved, or no longer needed).",
     kOutcomeRemoved,
     {},
     kExOutcomeRemoved},
    {"plan_action_removed",
     "An action was taken out of the plan without being done.",
     kActionRemoved,
     {},
     kExActionRemoved},
    {"meeting_cancelled",
     "A meeting arranged is not going ahead (arranging it again for another date moves it).",
     kMeetingCancelled,
     {"kind", "meeting_date", {}},
     kExMeetingCancelled},
    {"attachment_added",
     "A document was attached to the case: a partner's report, a court order, a signed plan.",
     kAttachment,
     {"kind", "", {}},
     kExAttachment},
    // The census's parts of the child protection process (section 47
    // enquiries, conferences and plans), recorded so that the return and its
    // checks come from the record.
    {"section47_started",
     "A section 47 enquiry started.",
     kSection47Started,
     {},
     kExSection47Started},
    {"section47_concluded",
     "A section 47 enquiry concluded: whether an initial conference is needed.",
     kSection47Concluded,
     {},
     kExSection47Concluded},
    {"initial_conference_held",
     "An initial child protection conference was held.",
     kConferenceHeld,
     {},
     kExConferenceHeld},
    {"child_protection_plan_started",
     "A child protection plan started.",
     kCppStarted,
     {},
     kExCppStarted},
    {"child_protection_plan_reviewed",
     "A child protection plan was reviewed (a review conference).",
     kCppReviewed,
     {},
     kExCppReviewed},
    {"child_protection_plan_ended", "A child protection plan ended.", kCppEnded, {}, kExCppEnded},
};

static_assert(std::size(kTypes) < 255);

constexpr EventTypeId kCorrectedId = [] {
  for (std::size_t i = 0; i < std::size(kTypes); ++i) {
    if (kTypes[i].id == "event_corrected") return static_cast<EventTypeId>(i);
  }
  throw "event_corrected is missing from the registry";
}();

}  // namespace

std::span<const EventTypeSpec> event_types() {
  return kTypes;
}

std::optional<EventTypeId> find_event_type(std::string_view id) {
  for (std::size_t i = 0; i < std::size(kTypes); ++i) {
    if (kTypes[i].id == id) return static_cast<EventTypeId>(i);
  }
  return std::nullopt;
}

const EventTypeSpec& event_type(EventTypeId id) {
  return kTypes[id];
}

EventTypeId corrected_event_type() {
  return kCorrectedId;
}

const FieldSpec* find_field(const EventTypeSpec& spec, std::string_view name) {
  for (const FieldSpec& f : spec.fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::span<const std::string_view> role_values() {
  return kRoles;
}
std::span<const std::string_view> meeting_kind_values() {
  return kMeetingKinds;
}
std::span<const std::string_view> meeting_outcome_values() {
  return kOutcomes;
}
std::span<const std::string_view> pathway_values() {
  return kPathways;
}

int enum_index(const FieldSpec& field, std::string_view value) {
  for (std::size_t i = 0; i < field.values.size(); ++i) {
    if (field.values[i] == value) return static_cast<int>(i);
  }
  return -1;
}

int flag_index(const EventTypeSpec& spec, std::string_view flag) {
  for (std::size_t i = 0; i < spec.fact.flags.size(); ++i) {
    if (spec.fact.flags[i] == flag) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace cinplan
