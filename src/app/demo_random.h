// The demo authority's source of chance: std::mt19937 seeded from the demo's
// seed and the child's number only (never the clock), with its own mapping
// of the raw numbers to ranges, so the same options give the same authority
// on every platform (the standard distributions differ between libraries).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <random>

namespace cinplan::app {

class DemoRandom {
 public:
  DemoRandom(unsigned seed, std::size_t stream) {
    std::seed_seq seq{seed, static_cast<unsigned>(stream), static_cast<unsigned>(stream >> 32),
                      0xC1A7u};
    engine_.seed(seq);
  }

  // Uniform in [lo, hi]; lo when hi < lo.
  int range(int lo, int hi) {
    if (hi <= lo) return lo;
    const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
    return lo + static_cast<int>((static_cast<std::uint64_t>(engine_()) * span) >> 32);
  }
  // True with probability p.
  bool chance(double p) { return static_cast<double>(engine_()) < p * 4294967296.0; }
  // One element of a non-empty array, span or vector.
  template <typename Container>
  const auto& pick(const Container& from) {
    return from[static_cast<std::size_t>(range(0, static_cast<int>(std::size(from)) - 1))];
  }

 private:
  std::mt19937 engine_;
};

}  // namespace cinplan::app
