#include "core/casefile/history_rules.h"

#include "core/casefile/case_history.h"
#include "core/casefile/corrections.h"

namespace cinplan {
namespace {

constexpr const char* kScheduleThree =
    "Children Act 1989, Schedule 3, paragraph 6: a supervision order may be extended, but not "
    "beyond three years from the date on which it was made";
constexpr const char* kScheduleThreeFirstYear =
    "Children Act 1989, Schedule 3, paragraph 6(1): a supervision order ceases to have effect at "
    "the end of the period of one year beginning with the date on which it was made (it may "
    "then be extended, to three years in all)";
constexpr const char* kSection31 =
    "Children Act 1989, s.31(3): no supervision order may be made for a child who has reached "
    "seventeen (sixteen if married)";

Error at(const CaseHistory& h, const CorrectedRecord::Entry& entry, const std::string& what,
         const std::string& rule = {}) {
  return Error::rule_violation(CorrectedRecord::describe(h, entry) + ": " + what, rule);
}

}  // namespace

Result<void> check_history_rules(const CaseHistory& h) {
  auto record = CorrectedRecord::of(h);
  if (!record) return std::unexpected(record.error());
  return check_history_rules(h, *record);
}

Result<void> check_history_rules(const CaseHistory& h, const CorrectedRecord& record) {
  std::optional<Date> order_start;
  std::optional<Date> order_end;
  for (const CorrectedRecord::Entry& i : record.entries()) {
    const Event& e = *i.event;
    if (h.child.date_of_birth && e.date < *h.child.date_of_birth &&
        e.type_id() != "referral_received") {  // a pre-birth referral is possible
      return std::unexpected(at(
          h, i, "is dated before the child's date of birth " + h.child.date_of_birth->to_string()));
    }
    const std::string_view type = e.type_id();
    // Recommendations come from a review held, and are answered after it.
    if (type == "iro_recommendations_made" || type == "iro_recommendations_responded") {
      if (auto review = e.date_field("meeting_date"); review && e.date < *review) {
        return std::unexpected(
            at(h, i,
               std::string(type == "iro_recommendations_made" ? "the recommendations are dated "
                                                              : "the response is dated ") +
                   "before the review they are from (" + review->to_string() + ")"));
      }
    }
    if (type == "meeting") {
      if (auto next = e.date_field("next_meeting"); next && *next <= e.date) {
        return std::unexpected(
            at(h, i, "next_meeting " + next->to_string() + " is not after the meeting"));
      }
    } else if (type == "supervision_order") {
      const Date end = *e.date_field("end");
      if (end <= e.date) {
        return std::unexpected(
            at(h, i, "end " + end.to_string() + " is not after the order was made"));
      }
      if (h.child.date_of_birth && add_months(*h.child.date_of_birth, 17 * 12) <= e.date) {
        return std::unexpected(
            at(h, i, "the child had reached seventeen when the order was made", kSection31));
      }
      // The last day of the year beginning with the day it was made (one
      // made on 29 February ends on 28 February).
      const Date last = add_months(add_days(e.date, -1), 12);
      if (end > last) {
        return std::unexpected(at(h, i,
                                  "an order made on " + e.date.to_string() + " ends by " +
                                      last.to_string() +
                                      ", one year from the day it was made; to run longer it is "
                                      "extended by the court (end " +
                                      end.to_string() + " is later)",
                                  kScheduleThreeFirstYear));
      }
      order_start = e.date;
      order_end = end;
    } else if (type == "supervision_order_extended") {
      const Date end = *e.date_field("end");
      if (!order_start || e.date > *order_end || e.date < *order_start) {
        return std::unexpected(at(h, i, "extends no supervision order in force on that day"));
      }
      if (end <= *order_end) {
        return std::unexpected(at(h, i,
                                  "new end " + end.to_string() +
                                      " is not later than the current end " +
                                      order_end->to_string()));
      }
      if (add_months(*order_start, 36) <= end) {
        return std::unexpected(at(h, i,
                                  "the extension would run beyond three years from " +
                                      order_start->to_string() + " (the last possible day is " +
                                      add_days(add_months(*order_start, 36), -1).to_string() + ")",
                                  kScheduleThree));
      }
      order_end = end;
    }
  }
  return {};
}

}  // namespace cinplan
