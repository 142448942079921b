#include "pages/on_time_view.h"

#include <algorithm>
#include <string>
#include <vector>

#include "pages/caseload_sort.h"
#include "pages/scaling_chart.h"
#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

constexpr int kWidth = 640, kLabel = 180, kBar = 14, kGap = 4, kRow = 2 * kBar + kGap + 14;

// "9 of 12 (75%)", or "none fell due".
std::string share_words(int on_time, int due) {
  if (due == 0) return "none fell due";
  return std::to_string(on_time) + " of " + std::to_string(due) + " (" +
         std::to_string((on_time * 100 + due / 2) / due) + "%)";
}

std::string bar(const std::string& worker, const char* kind, int on_time, int due, int y,
                const char* colour) {
  const int full = kWidth - kLabel - 60;
  const int w = due == 0 ? 0 : full * on_time / due;
  const std::string share = due == 0 ? "-" : std::to_string((on_time * 100 + due / 2) / due) + "%";
  return "<rect x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
         std::to_string(full) + "\" height=\"" + std::to_string(kBar) +
         "\" fill=\"#f3f2f1\"/><rect x=\"" + std::to_string(kLabel) + "\" y=\"" +
         std::to_string(y) + "\" width=\"" + std::to_string(w) + "\" height=\"" +
         std::to_string(kBar) + "\" fill=\"" + colour + "\" data-worker=\"" + xml_escaped(worker) +
         "\" data-kind=\"" + kind + "\" data-on-time=\"" + std::to_string(on_time) +
         "\" data-due=\"" + std::to_string(due) + "\"/><text x=\"" +
         std::to_string(kLabel + full + 6) + "\" y=\"" + std::to_string(y + kBar - 3) +
         "\" font-size=\"12\" fill=\"#0b0c0c\">" + share + "</text>";
}

}  // namespace

json on_time_view(const json& on_time) {
  std::vector<json> workers;
  for (const json& w : on_time.value("workers", json::array())) workers.push_back(w);
  std::stable_sort(workers.begin(), workers.end(), [](const json& a, const json& b) {
    return name_sort_key(text_at(a, "worker")) < name_sort_key(text_at(b, "worker"));
  });
  json v;
  v["team"] = text_at(on_time, "team");
  v["has_workers"] = !workers.empty();
  const int height = 30 + kRow * static_cast<int>(workers.size());
  std::string svg = "<svg class=\"cinplan-chart\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
                    std::to_string(height) +
                    "\" role=\"img\" aria-labelledby=\"on-time-title\" "
                    "xmlns=\"http://www.w3.org/2000/svg\"><title id=\"on-time-title\">The "
                    "share of visits (blue) and meetings (green) done on time over the last 12 "
                    "months, a pair of bars a worker; the table below gives the same "
                    "numbers</title>"
                    "<rect x=\"" +
                    std::to_string(kLabel) +
                    "\" y=\"4\" width=\"12\" height=\"12\" "
                    "fill=\"#1d70b8\"/><text x=\"" +
                    std::to_string(kLabel + 16) +
                    "\" y=\"14\" font-size=\"12\" fill=\"#0b0c0c\">Visits</text><rect x=\"" +
                    std::to_string(kLabel + 80) +
                    "\" y=\"4\" width=\"12\" height=\"12\" "
                    "fill=\"#00703c\"/><text x=\"" +
                    std::to_string(kLabel + 96) +
                    "\" y=\"14\" font-size=\"12\" fill=\"#0b0c0c\">Meetings</text>";
  json rows = json::array();
  int y = 30;
  for (const json& w : workers) {
    const std::string name = text_at(w, "worker");
    const int vd = w.value("visits_due", 0), vo = w.value("visits_on_time", 0);
    const int md = w.value("meetings_due", 0), mo = w.value("meetings_on_time", 0);
    svg += "<text x=\"0\" y=\"" + std::to_string(y + kBar + 2) +
           "\" font-size=\"13\" fill=\"#0b0c0c\">" + xml_escaped(name) + "</text>";
    svg += bar(name, "visits", vo, vd, y, "#1d70b8");
    svg += bar(name, "meetings", mo, md, y + kBar + kGap, "#00703c");
    y += kRow;
    rows.push_back({{"worker", name},
                    {"cases", w.value("cases", 0)},
                    {"visits_words", share_words(vo, vd)},
                    {"meetings_words", share_words(mo, md)}});
  }
  v["svg"] = svg + "</svg>";
  v["rows"] = std::move(rows);
  return v;
}

}  // namespace cinplan::pages
