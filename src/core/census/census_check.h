// Checking a census return against every DfE rule (census_rules.h), a child
// at a time so that a return of any size is checked in bounded memory: each
// child's findings as it is read, then the findings of the whole return (the
// header, the same UPN or LA child ID twice, the share of children with no
// sex recorded, how many disability codes are used) at the end. The same
// check_child runs on one child's record as it stands, for the case page.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/census/census_rules.h"
#include "core/census/rules_protection_plans.h"

namespace cinplan::census {

struct Finding {
  const CensusRule* rule = nullptr;
  std::string child;  // the LA child ID; empty for a finding of the whole return
  int line = 0;       // the child's line in the file; 0 for the whole return
  Failure failure;
};

// The context the rules of a return run in. The census period ends on the
// header's reference date, as the DfE validator reads it; when that is not a
// date, on 31 March of `year` (the collection year: --year, else the
// header's Year, else 2026).
struct ReturnSettings {
  int year = 0;  // the collection year; 0 for the header's Year
};

// Every child rule's failures in `child`, in rule order.
std::vector<Finding> check_child(const CensusContext& ctx, const CensusChild& child);

class ReturnCheck {
 public:
  ReturnCheck(const CodeSets& codes, const WorkingDayCalendar& calendar, const CensusHeader& header,
              ReturnSettings settings = {});

  const CensusContext& context() const { return ctx_; }
  int year() const { return year_; }

  // The child's findings; what the whole-return rules need is kept.
  std::vector<Finding> check(const CensusChild& child);
  // The findings of the whole return, once every child has been checked.
  std::vector<Finding> finish() const;
  std::size_t children() const { return children_; }

 private:
  CensusHeader header_;
  int year_ = 0;
  CensusContext ctx_;
  std::size_t children_ = 0;
  std::size_t without_sex_ = 0;                          // no sex or U, and not unborn
  std::set<std::string, std::less<>> disability_codes_;  // other than NONE
  bool some_disabled_ = false;                    // a child has a disability code other than NONE
  bool several_ = false;                          // a child has two or more of them
  ConferenceTally conferences_;                   // 2883
  std::map<std::string, int, std::less<>> upns_;  // UPN -> how many children have it
  std::map<std::string, int, std::less<>> child_ids_;  // LA child ID -> how many
};

}  // namespace cinplan::census
