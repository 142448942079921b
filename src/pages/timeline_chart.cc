#include "pages/timeline_chart.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/calendar/date.h"
#include "pages/scaling_chart.h"
#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

constexpr int kWidth = 640, kHeight = 150;
constexpr int kLeft = 80, kRight = 16;
constexpr int kVisitLane = 40, kMeetingLane = 96, kAxis = 128;
constexpr const char* kOnTime = "#00703c";
constexpr const char* kLate = "#d4351c";
constexpr const char* kHeld = "#1d70b8";
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

struct Scale {
  int from = 0, to = 1;
  double x(const std::string& day) const {
    const auto d = parse_date(day);
    const int at = d ? d->days() : from;
    const double share = static_cast<double>(at - from) / static_cast<double>(to - from);
    return kLeft + (kWidth - kLeft - kRight) * std::clamp(share, 0.0, 1.0);
  }
};

std::string lane(const char* label, int y) {
  return "<text x=\"" + std::to_string(kLeft - 10) + "\" y=\"" + std::to_string(y + 4) +
         "\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">" + label +
         "</text><line x1=\"" + std::to_string(kLeft) + "\" x2=\"" +
         std::to_string(kWidth - kRight) + "\" y1=\"" + std::to_string(y) + "\" y2=\"" +
         std::to_string(y) + "\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>";
}

std::string axis(const Scale& s, Date from, Date today) {
  std::string out;
  // The first of each month in the year shown.
  const YearMonthDay f = from.ymd();
  Date m = Date::from_ymd(f.year, f.month, 1).value_or(from);
  if (m < from) m = add_months(m, 1);
  for (; m <= today; m = add_months(m, 1)) {
    const YearMonthDay at = m.ymd();
    const double x = s.x(m.to_string());
    out += "<line x1=\"" + number(x) + "\" x2=\"" + number(x) + "\" y1=\"" +
           std::to_string(kVisitLane - 14) + "\" y2=\"" + std::to_string(kAxis - 10) +
           "\" stroke=\"#f3f2f1\" stroke-width=\"1\"/>";
    std::string label = kMonths[at.month - 1];
    if (at.month == 1) label += " " + std::to_string(at.year);
    out += "<text x=\"" + number(x) + "\" y=\"" + std::to_string(kAxis + 4) +
           "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#0b0c0c\">" + label + "</text>";
  }
  return out;
}

std::string result_words(const json& d) {
  if (d["done"].is_null()) return "Not done";
  if (d.value("on_time", false)) return "On time";
  const auto due = parse_date(text_at(d, "due"));
  const auto done = parse_date(text_at(d, "done"));
  const int late = due && done ? done->days() - due->days() : 0;
  return "Late, by " + std::to_string(late) + (late == 1 ? " day" : " days");
}

}  // namespace

json timeline_chart(const json& t, std::string_view child_name) {
  json v;
  const json due = t.value("due", json::array());
  const json visits = t.value("visits", json::array());
  const json meetings = t.value("meetings", json::array());
  v["has_chart"] = !(due.empty() && visits.empty() && meetings.empty());
  if (!v["has_chart"].get<bool>()) return v;
  const auto from = parse_date(text_at(t, "from"));
  const auto today = parse_date(text_at(t, "today"));
  if (!from || !today || !(*from < *today)) {
    v["has_chart"] = false;
    return v;
  }
  const Scale s{from->days(), today->days()};
  std::string svg =
      "<svg class=\"cinplan-chart cinplan-timeline\" viewBox=\"0 0 " + std::to_string(kWidth) +
      " " + std::to_string(kHeight) +
      "\" role=\"img\" aria-labelledby=\"timeline-title\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title id=\"timeline-title\">" +
      xml_escaped("Visits and meetings of " + std::string(child_name) +
                  " against their due dates, " + date_in_words(text_at(t, "from")) + " to " +
                  date_in_words(text_at(t, "today")) + "; the table below gives the same dates") +
      "</title>";
  svg += axis(s, *from, *today);
  svg += lane("Visits", kVisitLane) + lane("Meetings", kMeetingLane);
  auto dot = [&](const json& e, const char* kind, int y, bool filled) {
    const std::string date = text_at(e, "date");
    svg += "<circle cx=\"" + number(s.x(date)) + "\" cy=\"" + std::to_string(y) +
           "\" r=\"5\" fill=\"" + (filled ? kHeld : "#ffffff") + "\" stroke=\"" + kHeld +
           "\" stroke-width=\"2\" data-kind=\"" + kind + "\" data-date=\"" + date + "\"/>";
  };
  for (const json& e : visits) dot(e, "visit", kVisitLane, e.value("seen", false));
  for (const json& e : meetings) dot(e, "meeting", kMeetingLane, true);
  json rows = json::array();
  int on_time = 0;
  for (const json& d : due) {
    const bool visit = text_at(d, "kind") == "visit";
    const int y = visit ? kVisitLane : kMeetingLane;
    const bool ok = d.value("on_time", false);
    on_time += ok;
    const double x = s.x(text_at(d, "due"));
    const char* colour = ok ? kOnTime : kLate;
    // Late: a red line on to the day it was done; not done: on to today,
    // dashed.
    if (!ok) {
      const bool done = !d["done"].is_null();
      svg += "<line x1=\"" + number(x) + "\" x2=\"" +
             number(done ? s.x(text_at(d, "done")) : s.x(text_at(t, "today"))) + "\" y1=\"" +
             std::to_string(y + 10) + "\" y2=\"" + std::to_string(y + 10) + "\" stroke=\"" + kLate +
             "\" stroke-width=\"3\"" + (done ? "" : " stroke-dasharray=\"4 3\"") + "/>";
    }
    svg += "<path d=\"M" + number(x) + " " + std::to_string(y + 4) + " l-6 11 h12 z\" fill=\"" +
           colour + "\" data-kind=\"" + (visit ? "visit" : "meeting") + "\" data-due=\"" +
           text_at(d, "due") + "\" data-done=\"" +
           (d["done"].is_null() ? std::string() : text_at(d, "done")) + "\" data-on-time=\"" +
           (ok ? "true" : "false") + "\"/>";
    rows.push_back({{"title", text_at(d, "title")},
                    {"kind_words", visit ? "Visit" : "Meeting"},
                    {"due_words", date_in_words(text_at(d, "due"))},
                    {"done_words", d["done"].is_null() ? std::string("Not done")
                                                       : date_in_words(text_at(d, "done"))},
                    {"result_words", result_words(d)},
                    {"late", !ok}});
  }
  v["svg"] = svg + "</svg>";
  v["rows"] = std::move(rows);
  v["has_rows"] = !due.empty();
  v["on_time_words"] = due.empty() ? std::string("Nothing fell due in the last 12 months.")
                                   : std::to_string(on_time) + " of " + std::to_string(due.size()) +
                                         " done by their due date in the last 12 months.";
  return v;
}

}  // namespace cinplan::pages
