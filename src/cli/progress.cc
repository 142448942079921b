#include "cli/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <iostream>

namespace cinplan::cli {
namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(100);

// 1234567 -> "1,234,567".
std::string grouped(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

}  // namespace

std::string describe_duration(double seconds) {
  if (!(seconds >= 0)) seconds = 0;
  const auto s = static_cast<std::int64_t>(std::llround(seconds));
  if (s < 60) return fmt::format("{}s", s);
  if (s < 3600) return fmt::format("{}m {:02}s", s / 60, s % 60);
  return fmt::format("{}h {:02}m", s / 3600, (s % 3600) / 60);
}

Progress::Progress(std::int64_t total, std::string noun)
    : Progress(total, std::move(noun), std::cerr, isatty(STDERR_FILENO) == 1) {}

Progress::Progress(std::int64_t total, std::string noun, std::ostream& out, bool draw)
    : total_(total),
      noun_(std::move(noun)),
      out_(out),
      enabled_(draw),
      start_(SteadyClock::now()),
      last_draw_(start_) {}

Progress::~Progress() {
  if (shown_ && !finished_) {
    out_ << "\n";
    out_.flush();
  }
}

void Progress::tick(std::int64_t n) {
  count_ += n;
  if (!enabled_ || finished_) return;
  const auto now = SteadyClock::now();
  if (now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  draw(false);
}

void Progress::line(std::string_view text) {
  clear();
  out_ << text << "\n";
  if (shown_ && !finished_) draw(false);
  out_.flush();
}

void Progress::done() {
  if (finished_) return;
  finished_ = true;
  if (!shown_) return;
  draw(true);
  out_ << "\n";
  out_.flush();
}

void Progress::clear() {
  if (shown_ && enabled_) out_ << "\r\033[K";
}

void Progress::draw(bool final) {
  const double elapsed = std::chrono::duration<double>(SteadyClock::now() - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(count_) / elapsed : 0;
  std::string text = grouped(count_);
  if (total_ > 0) text += "/" + grouped(total_);
  text += " " + noun_;
  if (final) {
    const std::string took =
        elapsed < 10 ? fmt::format("{:.1f}s", elapsed) : describe_duration(elapsed);
    text += fmt::format(" in {} ({}/s)", took, grouped(static_cast<std::int64_t>(rate)));
  } else {
    if (total_ > 0) text += fmt::format(" ({}%)", count_ * 100 / total_);
    text += fmt::format(", {}/s", grouped(static_cast<std::int64_t>(rate)));
    if (total_ > 0 && rate > 0 && count_ < total_) {
      // Rounded up: "about 0s left" would be wrong while work remains.
      const double left = std::ceil(static_cast<double>(total_ - count_) / rate);
      text += ", about " + describe_duration(left) + " left";
    }
  }
  out_ << "\r" << text << "\033[K";
  out_.flush();
  shown_ = true;
}

}  // namespace cinplan::cli
