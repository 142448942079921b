// Answers already worked out, kept as the text sent (DESIGN.md section 12:
// queries never replay on a request; this keeps them from re-rendering an
// unchanged case). A key names everything the answer depends on: the case
// and its version, the day it is worked out as at, and for lists the
// (case, version) of every case on it, so a changed case is a different key
// and nothing is ever invalidated by hand. Bounded: past `max_bytes` the
// cache is emptied and fills again.
//
// Thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/error.h"

namespace cinplan::app {

class ViewCache {
 public:
  using Text = std::shared_ptr<const std::string>;

  explicit ViewCache(std::size_t max_bytes = std::size_t{256} << 20) : max_bytes_(max_bytes) {}

  // The text under `key`, made by `make` (outside the lock) when absent. An
  // error of `make` is returned and nothing is kept.
  Result<Text> get(const std::string& key, const std::function<Result<std::string>()>& make);

  std::size_t hits() const;
  std::size_t misses() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Text> entries_;
  std::size_t bytes_ = 0;
  std::size_t max_bytes_;
  std::size_t hits_ = 0;
  std::size_t misses_ = 0;
};

}  // namespace cinplan::app
