// A file written a piece at a time that takes its name only once it is
// whole: written beside `path` as `path.partial-PID`, renamed over `path` by
// commit(), removed if not committed. For outputs too large to hold in
// memory (a census return, its findings).
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.h"

namespace cinplan::cli {

class PartialFile {
 public:
  explicit PartialFile(std::filesystem::path path);
  ~PartialFile();
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;

  // Whether the partial file could be opened.
  bool is_open() const { return out_.is_open(); }
  std::ostream& out() { return out_; }
  // Flushes, closes and renames; kUnavailable naming the file when any fails
  // (the disk is full, the folder cannot be written), the partial removed.
  Result<void> commit();

 private:
  std::filesystem::path path_;
  std::filesystem::path partial_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace cinplan::cli
