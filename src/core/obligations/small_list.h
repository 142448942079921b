// A list that keeps its first N items in place and grows on the heap past
// them, so that the usual case allocates nothing and no case is cut short,
// however long its history. Internal to the obligations engine.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

namespace cinplan {

template <typename T, std::size_t N>
class SmallList {
 public:
  void push(T item) {
    if (n_ < inline_.size()) {
      inline_[n_++] = item;
      return;
    }
    if (heap_.empty()) heap_.assign(inline_.begin(), inline_.end());
    heap_.push_back(item);
    ++n_;
  }
  T* begin() { return heap_.empty() ? inline_.data() : heap_.data(); }
  T* end() { return begin() + n_; }
  std::size_t size() const { return n_; }
  T operator[](std::size_t i) { return begin()[i]; }
  // Keeps the first `n` (n <= size()).
  void shrink(std::size_t n) {
    n_ = n;
    if (!heap_.empty()) heap_.resize(n);
  }

 private:
  std::array<T, N> inline_;  // the first n_ are set while heap_ is empty
  std::vector<T> heap_;
  std::size_t n_ = 0;
};

}  // namespace cinplan
