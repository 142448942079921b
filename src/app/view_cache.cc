#include "app/view_cache.h"

namespace cinplan::app {

Result<ViewCache::Text> ViewCache::get(const std::string& key,
                                       const std::function<Result<std::string>()>& make) {
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end()) {
      ++hits_;
      return it->second;
    }
    ++misses_;
  }
  auto made = make();
  if (!made) return std::unexpected(made.error());
  auto text = std::make_shared<const std::string>(std::move(*made));
  std::lock_guard lock(mutex_);
  if (bytes_ + text->size() + key.size() > max_bytes_) {
    entries_.clear();
    bytes_ = 0;
  }
  if (entries_.emplace(key, text).second) bytes_ += text->size() + key.size();
  return Text(text);
}

std::size_t ViewCache::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

std::size_t ViewCache::misses() const {
  std::lock_guard lock(mutex_);
  return misses_;
}

}  // namespace cinplan::app
