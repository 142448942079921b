#include "cli/partial_file.h"

#include <unistd.h>

namespace cinplan::cli {

PartialFile::PartialFile(std::filesystem::path path)
    : path_(std::move(path)),
      partial_(path_.string() + ".partial-" + std::to_string(::getpid())),
      out_(partial_, std::ios::binary | std::ios::trunc) {}

PartialFile::~PartialFile() {
  if (committed_) return;
  std::error_code ec;
  out_.close();
  std::filesystem::remove(partial_, ec);
}

Result<void> PartialFile::commit() {
  out_.flush();
  out_.close();
  std::error_code ec;
  if (!out_) {
    std::filesystem::remove(partial_, ec);
    return std::unexpected(
        Error::unavailable("cannot write " + path_.string() + " (is the disk full?)"));
  }
  std::filesystem::rename(partial_, path_, ec);
  if (ec) {
    std::filesystem::remove(partial_, ec);
    return std::unexpected(
        Error::unavailable("cannot write " + path_.string() + ": " + ec.message()));
  }
  committed_ = true;
  return {};
}

}  // namespace cinplan::cli
