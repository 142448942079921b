// A validation report the way its readers want it, written as the findings
// come: lines for a person at a terminal, JSON for programs, CSV for an
// authority's data team (one finding a row, openable in a spreadsheet
// without a cell read as a formula).
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "census/census_validate.h"

namespace cinplan::census {

class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  virtual void finding(const Finding& f) = 0;
  // After the last finding: the totals.
  virtual void end(const ValidationSummary& summary) = 0;
};

// Each finding on two lines (what and where; the DfE message), then the
// totals by rule and what was not read.
class TextReport : public ReportWriter {
 public:
  explicit TextReport(std::ostream& out) : out_(out) {}
  void finding(const Finding& f) override;
  void end(const ValidationSummary& summary) override;

 private:
  std::ostream& out_;
};

// {"findings": [...], "summary": {...}}.
class JsonReport : public ReportWriter {
 public:
  explicit JsonReport(std::ostream& out);
  void finding(const Finding& f) override;
  void end(const ValidationSummary& summary) override;

 private:
  std::ostream& out_;
  bool first_ = true;
};

// Columns: LAchildID, Line, Rule, Type, Module, Message, Fields, Where, Values.
class CsvReport : public ReportWriter {
 public:
  explicit CsvReport(std::ostream& out);
  void finding(const Finding& f) override;
  void end(const ValidationSummary&) override {}

 private:
  std::ostream& out_;
};

// One CSV cell: quoted when it must be, and a leading = + - @ (or tab, CR)
// made inert with an apostrophe so a spreadsheet shows it as text.
std::string csv_cell(std::string_view value);

}  // namespace cinplan::census
