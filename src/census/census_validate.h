// cinplan census validate: a census XML file, ours or another system's,
// checked against every DfE rule of the 2025-26 collection a child at a
// time. Findings are handed on as they are found, never all kept, so a
// return of any size is checked in bounded memory.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>

#include "core/census/census_check.h"
#include "core/error.h"

namespace cinplan::census {

// The shipped code sets (config/census/code_sets.toml), or `path`'s; refused
// naming the file and the problem when they do not load.
std::filesystem::path default_code_sets_file();
Result<CodeSets> load_code_sets(const std::filesystem::path& path = default_code_sets_file());

struct ValidationSummary {
  std::string file;
  CensusHeader header;
  int year = 0;  // the collection year the rules ran for
  CensusPeriod period;
  std::size_t children = 0;
  std::size_t errors = 0;
  std::size_t queries = 0;
  // Findings per rule code, as the DfE validator counts them.
  std::map<std::string, std::size_t> counts;
  // Elements the 2025-26 layout does not have, skipped, with how often.
  std::map<std::string, std::size_t> skipped;
};

using FindingSink = std::function<void(const ValidationSummary& so_far, const Finding&)>;

// Checks `path`, handing each child's findings to `on_finding` in file
// order, then those of the whole return. An error reading the file is
// returned; the findings handed on before it stand for the children read.
Result<ValidationSummary> validate_census_file(const std::string& path, const CodeSets& codes,
                                               ReturnSettings settings,
                                               const FindingSink& on_finding);

}  // namespace cinplan::census
