// The synthetic caseload's vocabulary: the kinds of event the generator
// writes, the registry type and fields each is written to, and the compact
// event it builds cases from. Internal to bench/ (case_builder, case_json).
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>

#include "core/casefile/case_state.h"

namespace cinplan::bench::detail {

using V = std::string_view;
inline constexpr std::int32_t kNever = std::numeric_limits<std::int32_t>::max();
inline constexpr std::uint8_t kNone = 0xFF;

// --- the events the generator writes, in its own words ----------------------
// Each kind names its registry type, the enum field its `value` is written to,
// the date field its `ref` is written to, and what each of its `bits` means:
// "field" (a boolean written true or false) or "field=value" (value listed in
// the array field). Whether any of these becomes part of the fact is decided
// by the registry's FactShape, looked up once, as fold() does.

enum K : std::uint8_t {
  kReferral,
  kAssessment,
  kPlanDecided,
  kAllocated,
  kConsent,
  kConsentWithdrawn,
  kInvitations,
  kMeeting,
  kAttendance,
  kScaling,
  kMinutes,
  kPlanUpdated,
  kPlanCirculated,
  kPlanSigned,
  kOutcomeAgreed,
  kActionAgreed,
  kActionCompleted,
  kVisit,
  kMeetingRecorded,
  kCaseNote,
  kPanelDecided,
  kSmDecided,
  kIroRecs,
  kIroResponse,
  kDiscussion,
  kOversight,
  kPathway,
  kSupervisionOrder,
  kSoExtended,
  kSoDecided,
  kSoAssessment,
  kFormSent,
  kMovedIn,
  kTransferredOut,
  kSteppedUp,
  kSteppedDown,
  kClosed,
  kKindCount
};

// Meeting kinds.
enum MK : std::uint8_t {
  kInitial,
  kReview,
  kMidpoint,
  kFamilyNetwork,
  kSoReview,
  kSoFinalReview,
  kPanel,
  kSmReview,
  kTwelveMonthReview,
  kTransferIn
};
inline constexpr V kMeetingKinds[] = {"initial",
                                      "review",
                                      "midpoint",
                                      "family_network",
                                      "supervision_order_review",
                                      "supervision_order_final_review",
                                      "panel",
                                      "service_manager_review",
                                      "twelve_month_review",
                                      "transfer_in"};

// Meeting outcomes and panel decisions.
enum Outcome : std::uint8_t {
  kClose,
  kStepDownEarlyHelp,
  kContinue,
  kUpdateAssessment,
  kStepUpCp,
  kLookedAfter
};
inline constexpr V kOutcomes[] = {"close",
                                  "step_down_early_help",
                                  "continue",
                                  "update_assessment",
                                  "step_up_child_protection",
                                  "looked_after"};

enum Role : std::uint8_t {
  kSocialWorker,
  kAdvancedSocialWorker,
  kFirstLineManager,
  kServiceManager,
  kGroupManager,
  kHeadOfService,
  kIro
};
inline constexpr V kRoles[] = {
    "social_worker", "advanced_social_worker", "first_line_manager",           "service_manager",
    "group_manager", "head_of_service",        "independent_reviewing_officer"};

enum Location : std::uint8_t { kHome, kSchool, kOffice, kOther };
inline constexpr V kLocations[] = {"home", "school", "office", "other"};
inline constexpr V kSigners[] = {"family", "first_line_manager", "child"};
inline constexpr V kPathways[] = {"standard", "disability", "direct_payments"};
inline constexpr V kSmDecisions[] = {"continue", "extend_beyond_12_months", "close",
                                     "step_down_early_help"};
inline constexpr V kTopics[] = {"consent_withdrawn", "unresolved_issues"};
inline constexpr V kSoDecisions[] = {"expire", "extend", "return_to_court"};
inline constexpr V kReviewers[] = {"independent_reviewing_officer", "first_line_manager"};
inline constexpr V kStepTo[] = {"child_protection", "looked_after"};

enum Reason : std::uint8_t {
  kReasonClose,
  kReasonStepDown,
  kReasonStepUp,
  kReasonLookedAfter,
  kReasonTransferredOut,
  kReasonSoExpired,
  kReasonConsentWithdrawn,
  kReasonMovedAway,
  kReasonOther
};
inline constexpr V kReasons[] = {"close",
                                 "step_down_early_help",
                                 "step_up_child_protection",
                                 "looked_after",
                                 "transferred_out",
                                 "supervision_order_expired",
                                 "consent_withdrawn",
                                 "moved_away",
                                 "other"};
inline constexpr V kEndorsedAt[] = {"review", "first_line_manager", "service_manager"};

// Bits.
inline constexpr std::uint16_t kSeen = 1u << 0, kAlone = 1u << 1, kAnnounced = 1u << 2,
                               kBathroom = 1u << 3, kKitchen = 1u << 4, kBedroom = 1u << 5,
                               kLivingRoom = 1u << 6, kGarden = 1u << 7;
inline constexpr V kVisitBits[] = {"child_seen",
                                   "seen_alone",
                                   "announced",
                                   "rooms_seen=bathroom",
                                   "rooms_seen=kitchen",
                                   "rooms_seen=bedroom",
                                   "rooms_seen=living_room",
                                   "rooms_seen=garden"};
inline constexpr V kAssessmentBits[] = {"s17_need"};
inline constexpr V kConsentBits[] = {"given"};
inline constexpr V kInvitationBits[] = {"distribution_list"};
inline constexpr V kMeetingBits[] = {"complex"};  // not a flag: must not reach the fact
inline constexpr V kReferralBits[] = {"new_safeguarding_concern"};
inline constexpr V kPlanUpdatedBits[] = {"significant"};
inline constexpr V kIroResponseBits[] = {"agrees"};
inline constexpr V kOrderBits[] = {"previously_looked_after"};

struct KindSpec {
  V type_id;
  V value_field;  // enum field `value` is written to (may not be the subtype)
  std::span<const V> values;
  V ref_field;  // date field `ref` is written to (may not be the fact's ref_date)
  std::span<const V> bits;
};

// clang-format off
inline constexpr KindSpec kKinds[kKindCount] = {
    {"referral_received", "", {}, "", kReferralBits},
    {"assessment_completed", "", {}, "", kAssessmentBits},
    {"plan_decided", "decided_by_role", kRoles, "", {}},
    {"worker_allocated", "role", kRoles, "", {}},
    {"consent", "", {}, "", kConsentBits},
    {"consent_withdrawn", "", {}, "", {}},
    {"invitations_sent", "", {}, "meeting_date", kInvitationBits},
    {"meeting", "kind", kMeetingKinds, "next_meeting", kMeetingBits},
    {"attendance_recorded", "", {}, "meeting_date", {}},
    {"scaling_recorded", "", {}, "meeting_date", {}},
    {"minutes_distributed", "", {}, "meeting_date", {}},
    {"plan_updated", "", {}, "meeting_date", kPlanUpdatedBits},
    {"plan_circulated", "", {}, "meeting_date", {}},
    {"plan_signed", "by", kSigners, "meeting_date", {}},
    {"plan_outcome_agreed", "", {}, "", {}},
    {"plan_action_agreed", "", {}, "by_date", {}},
    {"plan_action_completed", "", {}, "", {}},
    {"visit", "location", kLocations, "", kVisitBits},
    {"meeting_recorded", "", {}, "meeting_date", {}},
    {"case_note_added", "", {}, "", {}},
    {"panel_decided", "decision", kOutcomes, "", {}},
    {"service_manager_decided", "decision", kSmDecisions, "", {}},
    {"iro_recommendations_made", "", {}, "meeting_date", {}},
    {"iro_recommendations_responded", "by_role", kRoles, "meeting_date", kIroResponseBits},
    {"manager_discussion_held", "topic", kTopics, "", {}},
    {"management_oversight_recorded", "by_role", kRoles, "", {}},
    {"pathway", "pathway", kPathways, "", {}},
    {"supervision_order", "", {}, "end", kOrderBits},
    {"supervision_order_extended", "", {}, "end", {}},
    {"supervision_order_decided", "decision", kSoDecisions, "", {}},
    {"supervision_order_assessment_shared", "", {}, "meeting_date", {}},
    {"review_form_sent", "to_role", kReviewers, "meeting_date", {}},
    {"moved_in", "", {}, "", {}},
    {"transferred_out", "", {}, "", {}},
    {"stepped_up", "to", kStepTo, "", {}},
    {"stepped_down", "from", kStepTo, "", {}},
    {"closed", "reason", kReasons, "", {}},
};
// clang-format on

struct Ev {
  std::int32_t date = 0;
  std::int32_t ref = kNoDate;
  K kind = kReferral;
  std::uint8_t value = kNone;  // index into the kind's values
  std::uint8_t extra = 0;      // kind-specific detail written only to JSON
  std::uint8_t pad = 0;
  std::uint16_t bits = 0;
  std::uint16_t aux = 0;  // kind-specific detail written only to JSON
};
static_assert(sizeof(Ev) == 16);

}  // namespace cinplan::bench::detail
