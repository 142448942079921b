// cinplan census validate: a census XML file, ours or another system's,
// checked against every DfE rule of the 2025-26 collection, a child at a time.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/census/census_check.h"
#include "core/error.h"

namespace cinplan::census {

// The shipped code sets (config/census/code_sets.toml), or `path`'s; refused
// naming the file and the problem when they do not load.
std::filesystem::path default_code_sets_file();
Result<CodeSets> load_code_sets(const std::filesystem::path& path = default_code_sets_file());

struct ValidationReport {
  std::string file;
  CensusHeader header;
  int year = 0;  // the collection year the rules ran for
  CensusPeriod period;
  std::size_t children = 0;
  // Each child's findings in file order, then those of the whole return.
  std::vector<Finding> findings;
  // Elements the 2025-26 layout does not have, skipped, with how often.
  std::map<std::string, std::size_t> skipped;

  std::size_t errors() const;
  std::size_t queries() const;
  // Findings per rule code, as the DfE validator counts them.
  std::map<std::string, std::size_t> counts() const;
};

Result<ValidationReport> validate_census_file(const std::string& path, const CodeSets& codes,
                                              ReturnSettings settings = {});

}  // namespace cinplan::census
