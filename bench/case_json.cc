#include "bench/case_json.h"

namespace cinplan::bench::detail {

using json = nlohmann::ordered_json;

std::string day(std::int32_t d) {
  return Date::from_days(d).to_string();
}

// Detail written only to the JSON: what a real record would hold.
constexpr V kSources[] = {"school", "health visitor", "police", "family"};
constexpr V kWorkers[] = {"Alex Morgan", "Sam Okafor", "Jo Patel",    "Chris Byrne",
                          "Ali Hassan",  "Kim Nowak",  "Pat O'Neill", "Lee Evans"};
constexpr V kScalers[] = {"mother", "school", "social worker"};
constexpr V kActions[] = {"Walk to school every day", "Attend parenting group",
                          "GP appointment for the child", "Weekly call with the school"};
constexpr V kVisitNotes[] = {"No answer at the door; card left.",
                             "Child seen at home; play and conversation about school.",
                             "Child seen; wishes and feelings recorded."};

json event_json(const Ev& e) {
  const KindSpec& ks = kKinds[e.kind];
  json o;
  o["type"] = ks.type_id;
  o["date"] = day(e.date);
  if (e.value != kNone) o[std::string(ks.value_field)] = ks.values[e.value];
  if (e.ref != kNoDate) o[std::string(ks.ref_field)] = day(e.ref);
  for (std::size_t b = 0; b < ks.bits.size(); ++b) {
    const V name = ks.bits[b];
    const bool set = ((e.bits >> b) & 1u) != 0;
    const auto eq = name.find('=');
    if (eq == V::npos) {
      o[std::string(name)] = set;
    } else if (set) {
      o[std::string(name.substr(0, eq))].push_back(json(name.substr(eq + 1)));
    }
  }
  switch (e.kind) {
    case kReferral:
      o["source"] = kSources[e.extra % std::size(kSources)];
      break;
    case kAssessment:
      o["team"] = "Assessment Team";
      break;
    case kAllocated:
      o["worker"] = kWorkers[e.extra % std::size(kWorkers)];
      o["team"] = e.extra % 2 == 0 ? "Locality Team North" : "Locality Team South";
      break;
    case kConsent:
      o["scope"] = "plan";
      break;
    case kConsentWithdrawn:
      o["by"] = "mother";
      o["scope"] = "plan";
      break;
    case kInvitations:
      o["invitees"] = {"mother", "school", "health visitor"};
      break;
    case kMeeting: {
      const auto kind = static_cast<MK>(e.value);
      o["chair_role"] = kind == kSoReview || kind == kSoFinalReview
                            ? "independent_reviewing_officer"
                        : kind == kPanel    ? "group_manager"
                        : kind == kSmReview ? "service_manager"
                                            : "first_line_manager";
      o["outcome"] = kOutcomes[e.extra];
      break;
    }
    case kAttendance:
      o["present"] = json::array({json{{"name", "Jo Example"}, {"role", "mother"}},
                                  json{{"name", "R. Patel"}, {"agency", "school"}}});
      if (e.aux > 1) {
        o["apologies"] =
            json::array({json{{"name", "Dr Okafor"}, {"agency", "GP"}, {"written_update", true}}});
      }
      break;
    case kScaling:
      o["by"] = kScalers[e.aux % std::size(kScalers)];
      o["score"] = static_cast<int>(e.extra);
      o["rationale"] = "school attendance has improved";
      break;
    case kPlanUpdated:
      o["summary"] = "actions reviewed and updated";
      break;
    case kPlanCirculated:
      o["to"] = {"family", "school", "health visitor"};
      break;
    case kOutcomeAgreed:
      o["outcome_id"] = "O" + std::to_string(e.aux);
      o["text"] = e.aux == 1 ? "Sam attends school every day" : "Sam's health needs are met";
      break;
    case kActionAgreed:
      o["action_id"] = "A" + std::to_string(e.aux);
      o["outcome_id"] = e.extra % 2 == 0 ? "O1" : "O2";
      o["text"] = kActions[e.extra % std::size(kActions)];
      o["owner"] = e.extra % 2 == 0 ? "mother" : "social worker";
      break;
    case kActionCompleted:
      o["action_id"] = "A" + std::to_string(e.aux);
      break;
    case kVisit:
      if ((e.bits & kSeen) == 0) {
        o["reason_not_seen"] = "no answer at the door";
      } else if ((e.bits & kAlone) == 0) {
        o["reason_not_seen"] = "seen with mother present";
        o["others_present"] = {"mother"};
      }
      break;
    case kCaseNote:
      o["heading"] = e.extra == 0 ? "Unsuccessful visit" : "Home visit";
      o["text"] = kVisitNotes[e.extra % std::size(kVisitNotes)];
      break;
    case kPanelDecided:
      o["recorded_by_role"] = "group_manager";
      o["rationale"] = "progress made; plan to continue";
      break;
    case kSmDecided:
      o["rationale"] = "reviewed at the 9 month milestone";
      break;
    case kIroRecs:
      o["recommendations"] = "refer to family therapy";
      break;
    case kDiscussion:
      o["with_role"] = "first_line_manager";
      o["outcome"] = "step down to early help offered";
      break;
    case kOversight:
      o["decision"] = "plan to continue; visits as agreed";
      break;
    case kPathway:
      o["decided_by_role"] = "first_line_manager";
      break;
    case kSupervisionOrder:
      o["iro"] = "Pat Reviewer";
      break;
    case kSoDecided:
      o["by_role"] = e.value == 1 ? "head_of_service" : "group_manager";
      break;
    case kMovedIn:
      o["from_authority"] = "Another Council";
      break;
    case kTransferredOut:
      o["to_authority"] = "Another Council";
      o["information_shared"] = {"assessment", "plan", "latest review minutes"};
      break;
    case kClosed:
      o["endorsed_at"] = kEndorsedAt[e.extra % std::size(kEndorsedAt)];
      break;
    default:
      break;
  }
  return o;
}

}  // namespace cinplan::bench::detail
