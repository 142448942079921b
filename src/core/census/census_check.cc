#include "core/census/census_check.h"

#include <charconv>

#include "core/census/census_words.h"

namespace cinplan::census {
namespace {

int year_of(const CensusHeader& header, int wanted) {
  if (wanted > 0) return wanted;
  int y = 0;
  if (header.year) {
    const std::string& t = *header.year;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), y);
    if (ec == std::errc() && end == t.data() + t.size() && y >= 1900 && y <= 2199) return y;
  }
  return 2026;
}

CensusPeriod period_of(const CensusHeader& header, int year) {
  if (auto ref = date_of(header.reference_date)) return period_ending(*ref);
  return period_ending(*Date::from_ymd(year, 3, 31));
}

Finding whole_return(std::string_view code, std::string where, std::string values) {
  return {find_rule(code), "", 0, {std::move(where), std::move(values)}};
}

}  // namespace

std::vector<Finding> check_child(const CensusContext& ctx, const CensusChild& child) {
  std::vector<Finding> out;
  for (const CensusRule& rule : census_rules()) {
    if (!rule.check) continue;
    Failures failures;
    rule.check(ctx, child, failures);
    for (Failure& f : failures)
      out.push_back({&rule, child.la_child_id.value_or(""), child.line, std::move(f)});
  }
  return out;
}

ReturnCheck::ReturnCheck(const CodeSets& codes, const WorkingDayCalendar& calendar,
                         const CensusHeader& header, ReturnSettings settings)
    : header_(header),
      year_(year_of(header, settings.year)),
      ctx_{period_of(header, year_), codes, calendar} {}

std::vector<Finding> ReturnCheck::check(const CensusChild& child) {
  ++children_;
  // 2886Q counts a child with no sex, or U, who is not unborn (has no
  // expected date of birth).
  if ((!child.sex || *child.sex == "U") && !child.expected_birth_date) ++without_sex_;
  std::size_t disabilities = 0;
  for (const std::string& d : child.disabilities)
    if (d != "NONE") {
      disability_codes_.insert(d);
      ++disabilities;
    }
  some_disabled_ |= disabilities > 0;
  several_ |= disabilities > 1;
  conferences_.add(ctx_, child);
  if (child.upn) ++upns_[*child.upn];
  if (child.la_child_id) ++child_ids_[*child.la_child_id];
  return check_child(ctx_, child);
}

std::vector<Finding> ReturnCheck::finish() const {
  std::vector<Finding> out;
  // 100: the reference date is 31 March of the collection year.
  const std::string wanted = std::to_string(year_) + "-03-31";
  if (!header_.reference_date || *header_.reference_date != wanted)
    out.push_back(whole_return("100", "Header",
                               value_words("ReferenceDate", header_.reference_date) +
                                   " (the collection year " + std::to_string(year_) + " needs " +
                                   wanted + ")"));
  // 1520 and 8510: a UPN, or an LA child ID, on more than one child.
  std::string repeated;
  std::size_t n = 0;
  for (const auto& [upn, count] : upns_)
    if (count > 1) repeated += (n++ ? ", " : "") + upn + " (" + std::to_string(count) + ")";
  if (n > 0) out.push_back(whole_return("1520", "ChildIdentifiers", "UPN " + repeated));
  // 2883: more child protection plans started than initial conferences held.
  if (auto f = conferences_.failure()) out.push_back({find_rule("2883"), "", 0, *f});
  // 2886Q: more than 2% of the children (not unborn) with no sex recorded.
  if (children_ > 0 && without_sex_ * 50 > children_)
    out.push_back(whole_return("2886Q", "ChildIdentifiers",
                               std::to_string(without_sex_) + " of " + std::to_string(children_) +
                                   " children have no sex recorded"));
  // 2887Q: fewer than 8 different disability codes (NONE aside) in the return.
  if (disability_codes_.size() < 8) {
    std::string used;
    for (const std::string& d : disability_codes_) used += (used.empty() ? "" : ", ") + d;
    out.push_back(whole_return("2887Q", "Disabilities",
                               std::to_string(disability_codes_.size()) + " codes used" +
                                   (used.empty() ? "" : ": " + used)));
  }
  // 2888Q: children with disabilities, but none with more than one code.
  if (some_disabled_ && !several_)
    out.push_back(
        whole_return("2888Q", "Disabilities", "no child has more than one disability code"));
  // 8510: each child record with an LA child ID another child has too.
  for (const auto& [id, count] : child_ids_)
    if (count > 1)
      out.push_back(
          {find_rule("8510"),
           id,
           0,
           {"ChildIdentifiers", "LAchildID " + id + " on " + std::to_string(count) + " children"}});
  return out;
}

}  // namespace cinplan::census
