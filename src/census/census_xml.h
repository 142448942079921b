// Reading a CIN census XML file (the DfE's layout: Message, Header,
// Children, Child ...) a child at a time, with libxml2's streaming reader, so
// that a file of any size is read in bounded memory. Elements the 2025-26
// schema does not have (an older file's GenderCurrent, the 2026-27
// pre-proceedings block) are skipped and counted, not refused; a file that is
// not well-formed XML, or whose root is not an un-namespaced Message, is
// refused naming the line.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "core/census/census_return.h"
#include "core/error.h"

namespace cinplan::census {

struct ReadLimits {
  // The most CIN episodes, assessments, plans, enquiries, CP plans, reviews
  // or codes one child may carry: a child past it is refused, naming them.
  std::size_t most_items_per_child = 10000;
};

struct ReadSummary {
  std::size_t children = 0;
  // Elements skipped because the 2025-26 layout has no such element there,
  // by name, with how many times each was seen.
  std::map<std::string, std::size_t> skipped;
};

// Reads `path`: `on_header` once the header is read (before the first
// child), then `on_child` for each child in file order; an error from either
// stops the reading and is returned. kBadInput naming the file and line when
// the XML is not well-formed, its root is wrong, or a child is past the
// limits; kNotFound when the file cannot be opened.
Result<ReadSummary> read_census_file(
    const std::string& path, const std::function<Result<void>(const CensusHeader&)>& on_header,
    const std::function<Result<void>(CensusChild&&)>& on_child, const ReadLimits& limits = {});

}  // namespace cinplan::census
