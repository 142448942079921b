#include "core/obligations/routing.h"

namespace cinplan {

std::optional<RoutingDecision> route_referral(const Profile& profile, const CaseHistory& history) {
  if (!profile.routing) return std::nullopt;
  const Event* referral = nullptr;
  for (const Event& e : history.events) {
    if (e.type_id() == "referral_received" && (referral == nullptr || e.date >= referral->date))
      referral = &e;
  }
  if (referral == nullptr) return std::nullopt;
  const Routing& r = *profile.routing;
  const auto closed = referral->date_field("previous_closure_date");
  if (!closed) return RoutingDecision{r.new_team, "a new referral"};
  const bool recent = apply(*closed, r.recent_closure, *profile.calendar) > referral->date;
  if (!recent) {
    return RoutingDecision{r.new_team, "closed " + closed->to_string() + ", more than " +
                                           r.recent_closure.describe() + " before the referral"};
  }
  if (referral->bool_field("new_safeguarding_concern")) {
    return RoutingDecision{r.new_team, "closed " + closed->to_string() + ", less than " +
                                           r.recent_closure.describe() +
                                           " before, with a new safeguarding concern"};
  }
  return RoutingDecision{r.recent_team, "closed " + closed->to_string() + ", less than " +
                                            r.recent_closure.describe() +
                                            " before, with no new safeguarding concern"};
}

}  // namespace cinplan
