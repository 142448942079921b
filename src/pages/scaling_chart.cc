#include "pages/scaling_chart.h"

#include <algorithm>
#include <map>
#include <vector>

#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

// GOV.UK's colours, one a person, in order.
constexpr const char* kColours[] = {"#1d70b8", "#d4351c", "#00703c", "#4c2c92",
                                    "#f47738", "#28a197", "#b58840", "#912b88"};

constexpr int kWidth = 640, kHeight = 260;
constexpr int kLeft = 64, kRight = 170, kTop = 16, kBottom = 40;

struct Series {
  std::string by;
  std::vector<int> scores;  // by meeting; -1 where none was given
};

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

std::string svg_of(const std::vector<std::string>& dates, const std::vector<Series>& people,
                   const std::string& child) {
  const int plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  const double columns = static_cast<double>(dates.size() < 2 ? 1 : dates.size() - 1);
  auto at = [&](std::size_t i) {
    return kLeft + (dates.size() < 2 ? plot_w / 2.0 : plot_w * static_cast<double>(i) / columns);
  };
  auto y = [&](int score) { return kTop + plot_h * (10 - score) / 10.0; };
  std::string s = "<svg class=\"cinplan-chart\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
                  std::to_string(kHeight) +
                  "\" role=\"img\" aria-labelledby=\"scaling-title\" xmlns=\"http://www.w3.org/"
                  "2000/svg\"><title id=\"scaling-title\">Scaling scores for " +
                  xml_escaped(child) +
                  " at each meeting, 0 (the worst) to 10 (safe); the table below gives the "
                  "same numbers</title>";
  for (int g : {0, 5, 10}) {
    s += "<line x1=\"" + std::to_string(kLeft) + "\" x2=\"" + std::to_string(kLeft + plot_w) +
         "\" y1=\"" + number(y(g)) + "\" y2=\"" + number(y(g)) +
         "\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>";
    s += "<text x=\"" + std::to_string(kLeft - 8) + "\" y=\"" + number(y(g) + 4) +
         "\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">" + std::to_string(g) +
         "</text>";
  }
  for (std::size_t i = 0; i < dates.size(); ++i)
    s += "<text x=\"" + number(at(i)) + "\" y=\"" + std::to_string(kHeight - kBottom + 18) +
         "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#0b0c0c\">" + xml_escaped(dates[i]) +
         "</text>";
  for (std::size_t p = 0; p < people.size(); ++p) {
    const char* colour = kColours[p % std::size(kColours)];
    // Each person's points a little apart, so that equal scores stay seen.
    const double shift =
        (static_cast<double>(p) - static_cast<double>(people.size() - 1) / 2.0) * 4.0;
    auto x = [&](std::size_t i) { return at(i) + shift; };
    std::string points;
    for (std::size_t i = 0; i < dates.size(); ++i)
      if (people[p].scores[i] >= 0)
        points += (points.empty() ? "" : " ") + number(x(i)) + "," + number(y(people[p].scores[i]));
    s += "<polyline fill=\"none\" stroke=\"" + std::string(colour) +
         "\" stroke-width=\"2\" points=\"" + points + "\"/>";
    for (std::size_t i = 0; i < dates.size(); ++i) {
      const int score = people[p].scores[i];
      if (score < 0) continue;
      s += "<circle cx=\"" + number(x(i)) + "\" cy=\"" + number(y(score)) + "\" r=\"4\" fill=\"" +
           colour + "\" data-by=\"" + xml_escaped(people[p].by) + "\" data-date=\"" +
           xml_escaped(dates[i]) + "\" data-score=\"" + std::to_string(score) + "\"/>";
    }
    s += "<text x=\"" + std::to_string(kWidth - kRight + 12) + "\" y=\"" +
         std::to_string(kTop + 14 + 18 * static_cast<int>(p)) + "\" font-size=\"12\" fill=\"" +
         colour + "\">" + xml_escaped(people[p].by) + "</text>";
  }
  return s + "</svg>";
}

std::string trend_of(const std::vector<int>& scores) {
  int first = -1, last = -1, given = 0;
  for (int v : scores) {
    if (v < 0) continue;
    if (first < 0) first = v;
    last = v;
    ++given;
  }
  if (given < 2) return "one score so far";
  if (last > first) return "better (" + std::to_string(first) + " to " + std::to_string(last) + ")";
  if (last < first) return "worse (" + std::to_string(first) + " to " + std::to_string(last) + ")";
  return "the same (" + std::to_string(last) + ")";
}

}  // namespace

std::string xml_escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

json scaling_chart(const json& cv) {
  std::vector<std::string> dates;
  std::vector<Series> people;
  std::map<std::string, std::size_t> index;
  const json meetings = cv.value("meetings", json::array());
  for (const json& m : meetings) {
    const json scores = m.value("scaling", json::array());
    if (scores.empty()) continue;
    const std::size_t at = dates.size();
    dates.push_back(date_in_words(text_at(m, "date")));
    for (Series& s : people) s.scores.push_back(-1);
    for (const json& sc : scores) {
      const std::string by = text_at(sc, "by");
      if (by.empty() || !sc.contains("score") || !sc["score"].is_number_integer()) continue;
      auto [it, added] = index.emplace(by, people.size());
      if (added) people.push_back({by, std::vector<int>(at + 1, -1)});
      people[it->second].scores[at] = std::clamp(sc["score"].get<int>(), 0, 10);
    }
  }
  json v;
  v["has_chart"] = !dates.empty();
  if (dates.empty()) return v;
  const json child = cv.value("child", json::object());
  v["svg"] = svg_of(dates, people, text_at(child, "name"));
  v["dates"] = dates;
  json rows = json::array();
  for (const Series& s : people) {
    json scores = json::array();
    for (int n : s.scores) scores.push_back(n < 0 ? json("-") : json(n));
    rows.push_back({{"by", s.by}, {"scores", std::move(scores)}, {"trend", trend_of(s.scores)}});
  }
  v["rows"] = std::move(rows);
  // Who disagrees: the latest meeting's scores 3 or more apart.
  const Series* low = nullptr;
  const Series* high = nullptr;
  for (const Series& s : people) {
    const int n = s.scores.back();
    if (n < 0) continue;
    if (!low || n < low->scores.back()) low = &s;
    if (!high || n > high->scores.back()) high = &s;
  }
  v["spread_words"] = false;
  if (low && high && high->scores.back() - low->scores.back() >= 3)
    v["spread_words"] = "At the meeting of " + dates.back() + " the scores are " +
                        std::to_string(high->scores.back() - low->scores.back()) +
                        " points apart: " + low->by + " gave " +
                        std::to_string(low->scores.back()) + ", " + high->by + " gave " +
                        std::to_string(high->scores.back()) + ".";
  return v;
}

}  // namespace cinplan::pages
