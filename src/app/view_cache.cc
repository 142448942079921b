#include "app/view_cache.h"

namespace cinplan::app {

ViewCache::Text ViewCache::get(const std::string& key, const std::function<std::string()>& make) {
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end()) {
      ++hits_;
      return it->second;
    }
    ++misses_;
  }
  auto text = std::make_shared<const std::string>(make());
  std::lock_guard lock(mutex_);
  if (bytes_ + text->size() + key.size() > max_bytes_) {
    entries_.clear();
    bytes_ = 0;
  }
  if (entries_.emplace(key, text).second) bytes_ += text->size() + key.size();
  return text;
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
