#include "app/command_rules.h"

#include <algorithm>
#include <map>
#include <vector>

#include "app/service.h"
#include "app/wording.h"
#include "core/casefile/corrections.h"
#include "core/casefile/plan_fold.h"
#include "core/obligations/routing.h"

namespace cinplan::app::rules {
namespace {

using json = nlohmann::ordered_json;

Error refuse(std::string message, std::string rule) {
  return Error::rule_violation(std::move(message), std::move(rule));
}

// Days a duration spans at most (a working week is 7 days for 5 working days;
// a month 31 days).
int max_days(const Duration& d) {
  switch (d.unit) {
    case TimeUnit::kDays:
      return d.amount;
    case TimeUnit::kWeeks:
      return 7 * d.amount;
    case TimeUnit::kMonths:
      return 31 * d.amount;
    case TimeUnit::kWorkingDays:
      return (d.amount * 7 + 4) / 5;
  }
  return d.amount;
}

std::span<const Event> new_events(const CaseHistory& h, std::size_t first_new) {
  return std::span<const Event>(h.events).subspan(first_new);
}

}  // namespace

bool is_manager(std::string_view role) {
  return role == "first_line_manager" || role == "service_manager" || role == "group_manager" ||
         role == "head_of_service";
}

std::string quote_containing(const Profile& profile, std::string_view words) {
  auto look = [&](const std::vector<Citation>& cites) -> std::string {
    for (const Citation& c : cites)
      if (c.quote.find(words) != std::string::npos) return profile.id + ": " + citation_words(c);
    return {};
  };
  for (const Rule& r : profile.rules)
    if (auto q = look(r.cite); !q.empty()) return q;
  for (const Constraint& c : profile.constraints)
    if (auto q = look(c.cite); !q.empty()) return q;
  return {};
}

Result<void> check_visit(const CommandContext& ctx, const CaseHistory& h, std::size_t first_new,
                         CommandResult&) {
  std::vector<Error> problems;
  auto problem = [&](std::string message, std::string_view words) {
    problems.push_back(Error::bad_input(std::move(message), quote_containing(ctx.profile, words)));
  };
  for (const Event& e : new_events(h, first_new)) {
    if (e.type_id() != "visit") continue;
    const bool seen = e.bool_field("child_seen");
    const std::string where = e.string_field("location");
    if (!seen && e.string_field("reason_not_seen").empty())
      problem("Say why the child was not seen (reason_not_seen).", "whether the child");
    if (!seen && e.body.contains("seen_alone") && e.bool_field("seen_alone"))
      problem("The child was not seen, so they cannot have been seen alone (seen_alone).",
              "seen alone");
    if (seen && e.body.contains("seen_alone") && !e.bool_field("seen_alone") &&
        e.string_field("reason_not_seen").empty() && !e.body.contains("others_present"))
      problem(
          "Say who was present or why the child was not seen alone (others_present or "
          "reason_not_seen).",
          "seen alone");
    if (seen && !where.empty() && where != "home" && e.string_field("reason_outside_home").empty())
      problem("Say why the child was seen away from home (reason_outside_home).",
              "outside of the home");
  }
  if (problems.empty()) return {};
  Error first = std::move(problems.front());
  first.also.assign(std::make_move_iterator(problems.begin() + 1),
                    std::make_move_iterator(problems.end()));
  return std::unexpected(std::move(first));
}

Result<void> check_meeting(const CommandContext& ctx, const CaseHistory& h, std::size_t first_new,
                           CommandResult& result) {
  for (const Event& e : new_events(h, first_new)) {
    if (e.type_id() == "meeting") {
      if (e.string_field("chair_role").empty())
        return std::unexpected(Error::bad_input("Say who chaired the meeting (chair_role)."));
      const std::string outcome = e.string_field("outcome");
      const auto& outcomes = ctx.profile.outcomes;
      if (!outcome.empty() && !outcomes.empty() &&
          std::none_of(outcomes.begin(), outcomes.end(),
                       [&](const Labelled& o) { return o.id == outcome; })) {
        std::string ids;
        for (const Labelled& o : outcomes) ids += (ids.empty() ? "" : ", ") + o.id;
        return std::unexpected(refuse("\"" + outcome + "\" is not one of " + ctx.profile.name +
                                          "'s meeting outcomes (" + ids + ").",
                                      ctx.profile.id + ": outcomes"));
      }
    } else if (e.type_id() == "family_member_excluded") {
      // Where the authority's procedure says it (Brighton and Hove), its
      // sentence is cited and an exclusion without another way to hear the
      // person is refused; elsewhere that is flagged. Excluding a family
      // member is a manager's decision everywhere.
      const std::string said = quote_containing(ctx.profile, "exclude a family member");
      const std::string rule =
          said.empty() ? "cinplan, for every authority: excluding a family member from a meeting "
                         "is a manager's decision"
                       : said;
      if (!is_manager(e.string_field("endorsed_by_role")))
        return std::unexpected(refuse("Excluding " + e.string_field("person") +
                                          " needs a first-line manager's endorsement "
                                          "(endorsed_by_role).",
                                      rule));
      if (e.string_field("alternative").empty()) {
        const std::string ask =
            "Say how " + e.string_field("person") + "'s views will be heard instead (alternative).";
        if (!said.empty()) return std::unexpected(refuse(ask, said));
        result.warnings.push_back("No other way for " + e.string_field("person") +
                                  "'s views to be heard is recorded.");
      }
    }
  }
  return {};
}

Result<void> check_plan(const CommandContext& ctx, const CaseHistory& h, std::size_t first_new,
                        CommandResult& result) {
  // The plan before this version: actions done or taken out are final.
  const PlanFold plan = fold_plan(h, first_new);
  const std::optional<Date> in_force = plan.in_force();
  auto closed = [](const PlanItem* item, PlanItemState state) -> std::optional<Date> {
    return item && item->state == state ? item->closed_on : std::nullopt;
  };
  auto in_plan = [](const PlanItem* item) {
    return item && item->agreed && item->state == PlanItemState::kOpen;
  };
  // What this version takes out: on the plan now, and no action still to
  // do serving an outcome taken out.
  const std::string record_kept = "cinplan, for every authority: a plan's record is kept";
  std::vector<std::string> actions_out;
  for (const Event& e : new_events(h, first_new))
    if (e.type_id() == "plan_action_removed") actions_out.push_back(e.string_field("action_id"));
  for (const Event& e : new_events(h, first_new)) {
    if (e.type_id() == "plan_action_removed") {
      const std::string id = e.string_field("action_id");
      if (auto d = closed(plan.action(id), PlanItemState::kDone))
        return std::unexpected(refuse("Action " + id + " was done on " + date_words(*d) +
                                          ": it stays on the record as done (actions_removed).",
                                      record_kept));
      if (!in_plan(plan.action(id)))
        return std::unexpected(
            Error::not_found("The plan has no action " + id + " to take out (actions_removed)."));
    } else if (e.type_id() == "plan_outcome_removed") {
      const std::string id = e.string_field("outcome_id");
      if (!in_plan(plan.outcome(id)))
        return std::unexpected(
            Error::not_found("The plan has no outcome " + id + " to take out (outcomes_removed)."));
      for (const PlanItem& a : plan.actions())
        if (in_plan(&a) && a.agreed->string_field("outcome_id") == id &&
            std::find(actions_out.begin(), actions_out.end(), a.id) == actions_out.end())
          return std::unexpected(
              refuse("Outcome " + id + " is served by action " + a.id +
                         ", still to do: take the action out too, or mark it done first "
                         "(outcomes_removed).",
                     record_kept));
    }
  }
  const std::string kept = "cinplan, for every authority: a plan's versions follow one another";
  for (const Event& e : new_events(h, first_new)) {
    if (e.type_id() == "plan_updated" && in_force && e.date < *in_force)
      return std::unexpected(refuse("The plan in force was made on " + date_words(*in_force) +
                                        ": a new version of it cannot be dated before that, " +
                                        date_words(e.date) + " (date).",
                                    kept));
    if (e.type_id() == "plan_action_agreed") {
      if (auto by = e.date_field("by_date"); by && *by < e.date)
        return std::unexpected(refuse("Action " + e.string_field("action_id") + " (\"" +
                                          e.string_field("text") + "\") is to be done by " +
                                          date_words(*by) + ", before this version of " +
                                          "the plan agrees it on " + date_words(e.date) +
                                          ": give a date from then on (by_date).",
                                      quote_containing(ctx.profile, "who")));
      const std::string id = e.string_field("action_id");
      if (auto d = closed(plan.action(id), PlanItemState::kDone))
        return std::unexpected(
            refuse("Action " + id + " was done on " + date_words(*d) +
                       ": a new action needs an id of its own (action_id).",
                   "cinplan, for every authority: a plan's record of what was done is kept"));
      if (auto d = closed(plan.action(id), PlanItemState::kRemoved))
        return std::unexpected(refuse("Action " + id + " was taken out of the plan on " +
                                          date_words(*d) +
                                          ": a new action needs an id of its own (action_id).",
                                      record_kept));
      for (const char* f : {"owner", "by_date", "why"}) {
        if (!e.body.contains(f)) {
          return std::unexpected(
              refuse("Action " + e.string_field("action_id") + " (\"" + e.string_field("text") +
                         "\") needs " +
                         (std::string_view(f) == "owner"     ? "a named owner"
                          : std::string_view(f) == "by_date" ? "a date to be done by"
                                                             : "a reason (why)") +
                         ": a plan's actions say who does what, by when and why.",
                     quote_containing(ctx.profile, "who")));
        }
      }
    } else if (auto gone =
                   e.type_id() == "plan_outcome_agreed"
                       ? closed(plan.outcome(e.string_field("outcome_id")), PlanItemState::kRemoved)
                       : std::nullopt) {
      return std::unexpected(refuse("Outcome " + e.string_field("outcome_id") +
                                        " was taken out of the plan on " + date_words(*gone) +
                                        ": a new outcome needs an id of its own (outcome_id).",
                                    record_kept));
    } else if (e.type_id() == "plan_outcome_agreed" && e.string_field("measure").empty()) {
      result.warnings.push_back("Outcome " + e.string_field("outcome_id") +
                                " has nothing to measure it by (measure): outcomes should be "
                                "SMART.");
    } else if (e.type_id() == "plan_updated" && e.body.contains("visiting_frequency_days")) {
      const int every = e.body["visiting_frequency_days"].get<int>();
      const EventTypeId visit = *find_event_type("visit");
      for (const Rule& r : ctx.profile.rules) {
        if (r.kind != RuleKind::kRecurring || !r.due) continue;
        const bool visits = std::any_of(r.met_by.begin(), r.met_by.end(),
                                        [&](const EventMatcher& m) { return m.type == visit; });
        if (!visits) continue;
        if (every > max_days(*r.due)) {
          return std::unexpected(
              refuse("Visiting every " + std::to_string(every) + " days is less often than " +
                         ctx.profile.name + " allows: " + r.title + " at least every " +
                         r.due->describe() + ".",
                     ctx.profile.id + ": " + r.id +
                         (r.cite.empty() ? "" : ": " + citation_words(r.cite.front()))));
        }
      }
    }
  }
  return {};
}

Result<void> check_plan_signed(const CommandContext& ctx, const CaseHistory& h,
                               std::size_t first_new, CommandResult&) {
  // The plan signed is the version in force: one signed before that version
  // was made would be a signature of an earlier plan.
  std::optional<Date> latest;
  for (std::size_t i = 0; i < first_new && i < h.events.size(); ++i)
    if (h.events[i].type_id() == "plan_updated") latest = h.events[i].date;
  for (const Event& e : new_events(h, first_new)) {
    if (e.string_field("by") == "first_line_manager" && !is_manager(ctx.caller.role))
      return std::unexpected(
          Error{ErrorCode::kDenied, "Only a manager may sign the plan as the manager.", {}});
    if (!latest) return std::unexpected(Error::bad_input("There is no plan to sign yet (date)."));
    if (e.date < *latest)
      return std::unexpected(
          Error::bad_input("The plan in force was made on " + date_words(*latest) +
                           ": a signature of it cannot be dated before that (date)."));
  }
  return {};
}

Result<void> check_action_completed(const CommandContext&, const CaseHistory& h,
                                    std::size_t first_new, CommandResult&) {
  for (const Event& e : new_events(h, first_new)) {
    const std::string id = e.string_field("action_id");
    const bool known = std::any_of(
        h.events.begin(), h.events.begin() + static_cast<long>(first_new), [&](const Event& x) {
          return x.type_id() == "plan_action_agreed" && x.string_field("action_id") == id;
        });
    if (!known) return std::unexpected(Error::not_found("The plan has no action " + id + "."));
  }
  return {};
}

Result<void> check_iro_response(const CommandContext& ctx, const CaseHistory& h,
                                std::size_t first_new, CommandResult&) {
  for (const Event& e : new_events(h, first_new)) {
    if (e.type_id() != "iro_recommendations_responded" || e.bool_field("agrees")) continue;
    if (!e.string_field("reason").empty()) continue;
    std::string rule = quote_containing(ctx.profile, "Should there be a disagreement");
    if (rule.empty()) rule = "a disagreement with the IRO is discussed by the IRO and the manager";
    return std::unexpected(
        refuse("Say why you disagree with the IRO's recommendations (reason): the IRO and the "
               "manager discuss the disagreement next.",
               std::move(rule)));
  }
  return {};
}

Result<void> check_escalation(const CommandContext& ctx, const CaseHistory& h,
                              std::size_t first_new, CommandResult&) {
  // The chain: team manager, then group manager, then head of service, each
  // step after the one before was not resolved.
  static constexpr std::string_view kChain[] = {"first_line_manager", "group_manager",
                                                "head_of_service"};
  std::size_t next = 0;
  for (std::size_t i = 0; i < h.events.size(); ++i) {
    const Event& e = h.events[i];
    if (e.type_id() == "iro_recommendations_responded" && e.bool_field("agrees")) next = 0;
    if (e.type_id() != "escalated") continue;
    const std::string to = e.string_field("to_role");
    if (i >= first_new) {
      if (next >= std::size(kChain))
        return std::unexpected(
            refuse("The matter has reached the head of service: it cannot be "
                   "escalated further.",
                   "escalation: team manager, group manager, head of service"));
      if (to != kChain[next])
        return std::unexpected(refuse("The next step of the escalation (to_role) is " +
                                          role_words(ctx.profile, kChain[next]) + ", not " +
                                          role_words(ctx.profile, to) + ".",
                                      "escalation: team manager, group manager, head of service"));
    }
    auto at = std::find(std::begin(kChain), std::end(kChain), to);
    next = e.bool_field("resolved") ? 0 : static_cast<std::size_t>(at - std::begin(kChain)) + 1;
  }
  return {};
}

Result<void> check_transfer_out(const CommandContext& ctx, const CaseHistory& h,
                                std::size_t first_new, CommandResult& result) {
  int moves = 0;
  for (const Event& e : h.events)
    if (e.type_id() == "moved_in" || e.type_id() == "transferred_out") ++moves;
  for (const Event& e : new_events(h, first_new)) {
    if (e.type_id() != "transferred_out") continue;
    if (!e.bool_field("parental_consent") && e.string_field("override_rationale").empty()) {
      return std::unexpected(refuse(
          "The parents' consent to the transfer (parental_consent) or the reason it goes ahead "
          "without it (override_rationale) must be recorded.",
          quote_containing(ctx.profile, "consent")));
    }
    if (moves > 1) {
      result.warnings.push_back(
          "The family has moved more than once: consider whether the child may be at risk "
          "(trafficking), as the procedure asks assessments to.");
      result.info["repeat_move"] = true;
    }
  }
  return {};
}

Result<void> check_closure(const CommandContext& ctx, const CaseHistory& h, std::size_t first_new,
                           CommandResult&) {
  for (const Event& e : new_events(h, first_new)) {
    if (e.type_id() != "closed") continue;
    if (e.string_field("endorsed_at").empty()) {
      std::string rule = quote_containing(ctx.profile, "clos");
      return std::unexpected(
          refuse("A case closes only when its closure was endorsed at a "
                 "review or a panel (endorsed_at).",
                 rule.empty() ? ctx.profile.id + ": closure" : rule));
    }
    std::string missing;
    for (const char* f : {"summary", "views_child", "views_parents", "views_professionals"})
      if (e.string_field(f).empty()) missing += (missing.empty() ? "" : ", ") + std::string(f);
    if (!missing.empty())
      return std::unexpected(refuse(
          "The closing summary records a summary and the views of the child, the parents and "
          "the professionals; missing: " +
              missing + ".",
          "closure: the closing summary, with the views of the child, parents and "
          "professionals"));
  }
  return {};
}

Result<void> check_consent(const CommandContext&, const CaseHistory& h, std::size_t first_new,
                           CommandResult&) {
  for (const Event& e : new_events(h, first_new))
    if (e.string_field("scope") == "information_sharing" && e.string_field("agency").empty())
      return std::unexpected(Error::bad_input(
          "Consent to share information names the agency it is shared with (agency)."));
  return {};
}

Result<void> check_referral(const CommandContext& ctx, const CaseHistory& h, std::size_t,
                            CommandResult& result) {
  if (auto route = route_referral(ctx.profile, h)) {
    result.info["route_to"] = route->team;
    result.info["route_reason"] = route->reason;
  }
  return {};
}

Result<void> check_cancelled(const CommandContext&, const CaseHistory& h, std::size_t first_new,
                             CommandResult&) {
  for (const Event& e : new_events(h, first_new)) {
    if (e.type_id() != "meeting_cancelled") continue;
    const std::string on = e.string_field("meeting_date"), kind = e.string_field("kind");
    bool arranged = false, held = false, cancelled = false;
    for (std::size_t i = 0; i < first_new && i < h.events.size(); ++i) {
      const Event& x = h.events[i];
      const bool same_kind = x.string_field("kind") == kind;
      if (x.type_id() == "meeting_scheduled" && same_kind && x.string_field("meeting_date") == on)
        arranged = true, cancelled = false;
      else if (x.type_id() == "meeting_cancelled" && same_kind &&
               x.string_field("meeting_date") == on)
        cancelled = true;
      else if (x.type_id() == "meeting" && same_kind && x.date.to_string() == on)
        held = true;
    }
    const auto day = parse_date(on);
    const std::string when = day ? date_words(*day) : on;
    if (!arranged || cancelled)
      return std::unexpected(Error::not_found("No such meeting is arranged for " + when +
                                              (cancelled ? ": it was cancelled already" : "") +
                                              " (meeting_date)."));
    if (held)
      return std::unexpected(Error::bad_input("The meeting of " + when +
                                              " is recorded as held: correct that entry "
                                              "instead (meeting_date)."));
  }
  return {};
}

Result<void> check_invitations(const CommandContext& ctx, const CaseHistory& h,
                               std::size_t first_new, CommandResult& result) {
  for (const Event& e : new_events(h, first_new)) {
    if (e.type_id() == "meeting_scheduled") {
      // A meeting arranged is still to come, and within the year: a date
      // years ahead is a typing slip, a date gone is a meeting to record.
      const auto on = parse_date(e.string_field("meeting_date"));
      if (on && *on < e.date)
        return std::unexpected(Error::bad_input(
            "The meeting on " + date_words(*on) + " is before the day it is arranged, " +
            date_words(e.date) + ": record a meeting already held as held (meeting_date)."));
      if (on && *on > add_days(e.date, 366))
        return std::unexpected(Error::bad_input("The meeting on " + date_words(*on) +
                                                " is more than a year after the day it is "
                                                "arranged, " +
                                                date_words(e.date) +
                                                ": check the year (meeting_date)."));
      continue;
    }
    if (e.type_id() != "invitations_sent") continue;
    if (e.body.contains("distribution_list") && !e.bool_field("distribution_list"))
      return std::unexpected(Error::bad_input("Every invitation carries the distribution list."));
    const std::string meeting = e.string_field("meeting_date");
    if (auto on = parse_date(meeting); on && e.date > *on)
      return std::unexpected(Error::bad_input("The invitations are dated " + date_words(e.date) +
                                              ", after the meeting on " + date_words(*on) +
                                              ": they go out before it (invitations_date)."));
    if (auto notice = short_notice(ctx.profile, h, e)) result.warnings.push_back(*notice);
    // Someone a manager excluded from this meeting, invited all the same:
    // excluded from it by date, or from "the next meeting" with none held
    // since the exclusion.
    std::vector<const Event*> in_force;
    for (std::size_t i = 0; i < first_new && i < h.events.size(); ++i) {
      const Event& x = h.events[i];
      if (x.type_id() == "meeting")
        std::erase_if(in_force, [&](const Event* y) {
          return y->string_field("meeting_date").empty() && y->date < x.date;
        });
      else if (x.type_id() == "family_member_excluded")
        in_force.push_back(&x);
    }
    for (const Event* x : in_force) {
      const std::string from = x->string_field("meeting_date");
      if (!from.empty() && from != meeting) continue;
      const std::string who = x->string_field("person");
      for (const auto& invited : e.body.value("invitees", nlohmann::ordered_json::array()))
        if (invited.is_string() && invited.get<std::string>().starts_with(who))
          result.warnings.push_back(who + " is excluded from this meeting (endorsed on " +
                                    date_words(x->date) +
                                    ") but is invited: the distribution "
                                    "list will reach them.");
    }
  }
  return {};
}

std::optional<std::string> short_notice(const Profile& profile, const CaseHistory& h,
                                        const Event& invitations) {
  auto meeting = parse_date(invitations.string_field("meeting_date"));
  if (!meeting || !profile.calendar) return std::nullopt;
  // The kind of meeting invited to: the arrangement for that date.
  std::string kind;
  for (const Event& e : h.events)
    if (e.type_id() == "meeting_scheduled" &&
        e.string_field("meeting_date") == invitations.string_field("meeting_date"))
      kind = e.string_field("kind");
  const auto kinds = meeting_kind_values();
  const auto at = std::find(kinds.begin(), kinds.end(), kind);
  if (at == kinds.end()) return std::nullopt;
  const auto bit = static_cast<unsigned>(at - kinds.begin());
  const EventTypeId sent = *find_event_type("invitations_sent");
  const EventTypeId held = *find_event_type("meeting");
  for (const Rule& r : profile.rules) {
    if (r.kind != RuleKind::kBefore || !r.due) continue;
    if (std::none_of(r.met_by.begin(), r.met_by.end(),
                     [&](const EventMatcher& m) { return m.type == sent; }))
      continue;
    const bool before_this =
        std::any_of(r.before_meeting.begin(), r.before_meeting.end(), [&](std::uint16_t i) {
          const Rule& m = profile.rules[i];
          return std::any_of(m.met_by.begin(), m.met_by.end(), [&](const EventMatcher& x) {
            return x.type == held && (x.subtypes == 0 || ((x.subtypes >> bit) & 1u) != 0);
          });
        });
    if (!before_this) continue;
    Date latest = apply(*meeting, *r.due, *profile.calendar, -1);
    // An initial meeting due sooner than the notice (two timescales that
    // clash): the notice cannot start before the decision it follows.
    for (const Event& e : h.events)
      if (e.type_id() == "plan_decided" && e.date > latest && e.date <= *meeting) latest = e.date;
    if (invitations.date <= latest) continue;
    return "Short notice: invitations sent on " + date_words(invitations.date) +
           " for the meeting on " + date_words(*meeting) + "; " + profile.name + " asks for them " +
           r.due->describe() + " before, by " + date_words(latest) +
           (r.cite.empty() ? "." : ": " + citation_words(r.cite.front()));
  }
  return std::nullopt;
}

Result<void> check_correction(const CommandContext& ctx, const CaseHistory& h,
                              std::size_t first_new, CommandResult&) {
  for (const Event& e : new_events(h, first_new)) {
    if (e.type_id() != "event_corrected") continue;
    const std::string_view corrected = h.events[corrected_index(e)].type_id();
    for (const CommandSpec& spec : command_specs()) {
      if (spec.event != corrected || spec.action == "case.record") continue;
      auto decision = ctx.service.authorize(ctx.caller, spec.action, h.case_id);
      if (!decision) return std::unexpected(decision.error());
      if (!decision->allowed)
        return std::unexpected(Error{ErrorCode::kDenied,
                                     "Correcting " + std::string(corrected) +
                                         " is for whoever may record it: " + decision->reason,
                                     {}});
      break;
    }
  }
  return {};
}

Result<void> check_service_manager(const CommandContext& ctx, const CaseHistory&, std::size_t,
                                   CommandResult&) {
  if (ctx.caller.role != "service_manager" && ctx.caller.role != "group_manager" &&
      ctx.caller.role != "head_of_service")
    return std::unexpected(
        Error{ErrorCode::kDenied, "Only a service manager (or above) records this decision.", {}});
  return {};
}

}  // namespace cinplan::app::rules
