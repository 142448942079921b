// Progress of a long command (import, replay) on a terminal: a line on
// stderr with the count, the rate and the time left, redrawn at most about
// ten times a second. Silent when stderr is not a terminal, so scripts and
// logs see only the command's own output. Nothing is drawn in the first tenth
// of a second, so quick runs stay quiet too.
//
//   Progress progress(files.size(), "cases");
//   for (...) { ...; progress.tick(); }
//   progress.done();
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace cinplan::cli {

class Progress {
 public:
  // `total` items are expected (0: not known); `noun` names them ("events").
  Progress(std::int64_t total, std::string noun);
  // Draws on `out` when `draw` is true (tests use this form).
  Progress(std::int64_t total, std::string noun, std::ostream& out, bool draw);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  // Ends the line if one was drawn and done() was not called.
  ~Progress();

  // `n` more items are finished.
  void tick(std::int64_t n = 1);
  // Prints `text` as a line of its own (always, terminal or not), keeping the
  // progress line below it. For per-item messages such as a failed file.
  void line(std::string_view text);
  // Finished: on a terminal, when something was drawn, leaves a final line
  // with the count and the time taken.
  void done();

  std::int64_t count() const { return count_; }

 private:
  using SteadyClock = std::chrono::steady_clock;
  void draw(bool final);
  void clear();

  std::int64_t total_;
  std::string noun_;
  std::ostream& out_;
  bool enabled_;
  bool shown_ = false;
  bool finished_ = false;
  std::int64_t count_ = 0;
  SteadyClock::time_point start_;
  SteadyClock::time_point last_draw_;
};

// "4s", "3m 05s", "1h 02m".
std::string describe_duration(double seconds);

}  // namespace cinplan::cli
