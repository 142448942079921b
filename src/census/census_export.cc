#include "census/census_export.h"

#include <cctype>

#include "app/case_export.h"
#include "app/census_child.h"
#include "census/census_xml_writer.h"

namespace cinplan::census {

Result<ExportSummary> export_census(store::EventStore& store, const ExportOptions& options,
                                    std::ostream& out) {
  if (options.year < 2000 || options.year > 2100)
    return std::unexpected(
        Error::bad_input("--year: " + std::to_string(options.year) +
                         " is not a collection year (the year the collection ends, e.g. 2026)"));
  const bool three_digits =
      options.la.size() == 3 && std::all_of(options.la.begin(), options.la.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      });
  if (!three_digits)
    return std::unexpected(
        Error::bad_input("--la: \"" + options.la + "\" is not an authority's three-digit number"));
  const Date reference = *Date::from_ymd(options.year, 3, 31);
  const CensusPeriod period = period_ending(reference);
  CensusHeader h;
  h.collection = "CIN";
  h.year = std::to_string(options.year);
  h.reference_date = reference.to_string();
  h.source_level = "L";
  h.lea = options.la;
  h.software_code = "cinplan";
  if (!options.release.empty()) h.release = options.release;
  h.serial_no = "001";
  if (!options.made_at.empty()) h.date_time = options.made_at;

  auto streams = store.list_streams();
  if (!streams) return std::unexpected(streams.error());
  ExportSummary summary;
  write_census_start(out, h);
  for (const store::StreamInfo& s : *streams) {
    auto stored = app::load_case(store, s.id);
    if (!stored) return std::unexpected(stored.error());
    ++summary.cases;
    CensusChild child = app::census_year_of(app::census_child(s.id, stored->history), period);
    if (child.episodes.empty()) continue;
    write_census_child(out, child);
    ++summary.children;
  }
  write_census_end(out);
  return summary;
}

}  // namespace cinplan::census
