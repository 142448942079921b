#include "census/census_xml.h"

#include <libxml/xmlreader.h>

#include <memory>
#include <string_view>
#include <vector>

namespace cinplan::census {
namespace {

// The longest text one element may hold: a census value is a code, a date or
// an identifier; anything longer is not a census file.
constexpr std::size_t kLongestText = 10000;

// Where a leaf element's text goes.
struct Target {
  Text* text = nullptr;                      // one value
  std::vector<std::string>* list = nullptr;  // a code of a list (Disability, AssessmentFactors)
  std::vector<Text>* dates = nullptr;        // a review date
};

struct State {
  CensusHeader header;
  CensusChild child;
  bool in_child = false;
  std::size_t items = 0;  // the current child's episodes, assessments, codes, ...
  std::size_t reviews_at_start = 0;
};

CinEpisode* episode(State& s) {
  return s.child.episodes.empty() ? nullptr : &s.child.episodes.back();
}

Target header_leaf(std::string_view parent, std::string_view name, CensusHeader& h) {
  if (parent == "CollectionDetails") {
    if (name == "Collection") return {&h.collection};
    if (name == "Year") return {&h.year};
    if (name == "ReferenceDate") return {&h.reference_date};
  } else if (parent == "Source") {
    if (name == "SourceLevel") return {&h.source_level};
    if (name == "LEA") return {&h.lea};
    if (name == "SoftwareCode") return {&h.software_code};
    if (name == "Release") return {&h.release};
    if (name == "SerialNo") return {&h.serial_no};
    if (name == "DateTime") return {&h.date_time};
  }
  return {};
}

Target child_leaf(std::string_view parent, std::string_view name, State& s) {
  CensusChild& c = s.child;
  if (parent == "ChildIdentifiers") {
    if (name == "LAchildID") return {&c.la_child_id};
    if (name == "UPN") return {&c.upn};
    if (name == "FormerUPN") return {&c.former_upn};
    if (name == "UPNunknown") return {&c.upn_unknown};
    if (name == "PersonBirthDate") return {&c.birth_date};
    if (name == "ExpectedPersonBirthDate") return {&c.expected_birth_date};
    if (name == "Sex") return {&c.sex};
    if (name == "PersonDeathDate") return {&c.death_date};
    return {};
  }
  if (parent == "ChildCharacteristics" && name == "Ethnicity") return {&c.ethnicity};
  if (parent == "Disabilities" && name == "Disability") return {nullptr, &c.disabilities};
  CinEpisode* e = episode(s);
  if (!e) return {};
  if (parent == "CINdetails") {
    if (name == "CINreferralDate") return {&e->referral_date};
    if (name == "ReferralSource") return {&e->referral_source};
    if (name == "PrimaryNeedCode") return {&e->primary_need};
    if (name == "CINclosureDate") return {&e->closure_date};
    if (name == "ReasonForClosure") return {&e->reason_for_closure};
    if (name == "DateOfInitialCPC") return {&e->date_of_initial_cpc};
    if (name == "ReferralNFA") return {&e->referral_nfa};
  } else if (parent == "Assessments" && !e->assessments.empty()) {
    Assessment& a = e->assessments.back();
    if (name == "AssessmentActualStartDate") return {&a.start};
    if (name == "AssessmentAuthorisationDate") return {&a.authorisation};
  } else if (parent == "FactorsIdentifiedAtAssessment" && !e->assessments.empty()) {
    if (name == "AssessmentFactors") return {nullptr, &e->assessments.back().factors};
  } else if (parent == "CINPlanDates" && !e->plans.empty()) {
    if (name == "CINPlanStartDate") return {&e->plans.back().start};
    if (name == "CINPlanEndDate") return {&e->plans.back().end};
  } else if (parent == "Section47" && !e->section47s.empty()) {
    Section47& x = e->section47s.back();
    if (name == "S47ActualStartDate") return {&x.start};
    if (name == "InitialCPCtarget") return {&x.icpc_target};
    if (name == "DateOfInitialCPC") return {&x.date_of_icpc};
    if (name == "ICPCnotRequired") return {&x.icpc_not_required};
  } else if (parent == "ChildProtectionPlans" && !e->protection_plans.empty()) {
    ChildProtectionPlan& p = e->protection_plans.back();
    if (name == "CPPstartDate") return {&p.start};
    if (name == "CPPendDate") return {&p.end};
    if (name == "InitialCategoryOfAbuse") return {&p.initial_category};
    if (name == "LatestCategoryOfAbuse") return {&p.latest_category};
    if (name == "NumberOfPreviousCPP") return {&p.number_of_previous};
  } else if (parent == "Reviews" && !e->protection_plans.empty()) {
    if (name == "CPPreviewDate") return {nullptr, nullptr, &e->protection_plans.back().reviews};
  }
  return {};
}

// Whether `name` under `parent` is a grouping element of the layout; one
// that starts a new item of a child's record is added to it.
bool open_group(std::string_view parent, std::string_view name, State& s) {
  if (parent == "Message") return name == "Header" || name == "Children";
  if (parent == "Header") return name == "CollectionDetails" || name == "Source";
  if (parent == "Children" && name == "Child") {
    s.child = CensusChild{};
    s.in_child = true;
    s.items = 0;
    return true;
  }
  if (!s.in_child) return false;
  if (parent == "Child")
    if (name == "ChildIdentifiers" || name == "ChildCharacteristics") return true;
  if (parent == "ChildCharacteristics" && name == "Disabilities") return true;
  if (parent == "Child" && name == "CINdetails") {
    s.child.episodes.emplace_back();
    ++s.items;
    return true;
  }
  CinEpisode* e = episode(s);
  if (!e) return false;
  if (parent == "CINdetails") {
    if (name == "Assessments")
      e->assessments.emplace_back();
    else if (name == "CINPlanDates")
      e->plans.emplace_back();
    else if (name == "Section47")
      e->section47s.emplace_back();
    else if (name == "ChildProtectionPlans")
      e->protection_plans.emplace_back();
    else
      return false;
    ++s.items;
    return true;
  }
  if (parent == "Assessments" && name == "FactorsIdentifiedAtAssessment") return true;
  if (parent == "ChildProtectionPlans" && name == "Reviews" && !e->protection_plans.empty()) {
    s.reviews_at_start = e->protection_plans.back().reviews.size();
    return true;
  }
  return false;
}

std::string trimmed(std::string_view t) {
  const auto first = t.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = t.find_last_not_of(" \t\r\n");
  return std::string(t.substr(first, last - first + 1));
}

struct ReaderDeleter {
  void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};

struct ErrorSink {
  std::string first;  // the first error libxml2 reported, with its line
};

void on_xml_error(void* arg, const char* msg, xmlParserSeverities severity,
                  xmlTextReaderLocatorPtr locator) {
  auto* sink = static_cast<ErrorSink*>(arg);
  if (!sink->first.empty() || severity == XML_PARSER_SEVERITY_WARNING) return;
  std::string text = msg ? trimmed(msg) : "not well-formed";
  sink->first = "line " + std::to_string(xmlTextReaderLocatorLineNumber(locator)) + ": " + text;
}

std::string_view as_view(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

}  // namespace

Result<ReadSummary> read_census_file(
    const std::string& path, const std::function<Result<void>(const CensusHeader&)>& on_header,
    const std::function<Result<void>(CensusChild&&)>& on_child, const ReadLimits& limits) {
  // No network, no DTD loading, no entity substitution.
  std::unique_ptr<xmlTextReader, ReaderDeleter> reader(
      xmlReaderForFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOWARNING));
  if (!reader) return std::unexpected(Error::not_found("cannot open the census file " + path));
  xmlTextReader* r = reader.get();
  ErrorSink errors;
  xmlTextReaderSetErrorHandler(r, on_xml_error, &errors);

  ReadSummary summary;
  State s;
  std::vector<std::string> open;  // the elements open, outermost first
  std::size_t skipping = 0;       // >0: inside an element skipped, at this depth + 1
  bool header_given = false;
  Target leaf;
  std::string text;
  bool in_leaf = false;
  auto bad = [&](std::string what) {
    return std::unexpected(Error::bad_input(
        path + " line " + std::to_string(xmlTextReaderGetParserLineNumber(r)) + ": " + what));
  };
  auto give_header = [&]() -> Result<void> {
    if (header_given) return {};
    header_given = true;
    return on_header(s.header);
  };
  // What ends an element: a leaf's text put in place, a child handed on.
  auto close = [&](std::string_view name) -> Result<void> {
    if (in_leaf) {
      in_leaf = false;
      if (text.size() > kLongestText)
        return std::unexpected(Error::bad_input(path + ": the " + std::string(name) +
                                                " of a child is longer than " +
                                                std::to_string(kLongestText) + " characters"));
      std::string value = trimmed(text);
      if (leaf.text) {
        if (!value.empty()) *leaf.text = std::move(value);
      } else if (leaf.list) {
        leaf.list->push_back(std::move(value));
        ++s.items;
      } else if (leaf.dates) {
        leaf.dates->push_back(value.empty() ? Text() : Text(std::move(value)));
        ++s.items;
      }
      return {};
    }
    if (name == "Reviews" && s.in_child) {
      CinEpisode* e = episode(s);
      if (e && !e->protection_plans.empty() &&
          e->protection_plans.back().reviews.size() == s.reviews_at_start)
        e->protection_plans.back().reviews.push_back(std::nullopt);
    }
    if (name == "Header") return give_header();
    if (name == "Child" && s.in_child) {
      s.in_child = false;
      ++summary.children;
      if (auto h = give_header(); !h) return h;
      return on_child(std::move(s.child));
    }
    return {};
  };

  int status = 0;
  while ((status = xmlTextReaderRead(r)) == 1) {
    const int type = xmlTextReaderNodeType(r);
    if (type == XML_READER_TYPE_ELEMENT) {
      const std::string name(as_view(xmlTextReaderConstLocalName(r)));
      const bool empty = xmlTextReaderIsEmptyElement(r) == 1;
      if (skipping > 0) {
        if (!empty) open.push_back(name);
        continue;
      }
      if (open.empty()) {
        if (name != "Message" || !as_view(xmlTextReaderConstNamespaceUri(r)).empty())
          return bad("the root element is " + std::string(as_view(xmlTextReaderConstName(r))) +
                     (as_view(xmlTextReaderConstNamespaceUri(r)).empty()
                          ? ""
                          : " in the namespace " +
                                std::string(as_view(xmlTextReaderConstNamespaceUri(r)))) +
                     ", not a census Message with no namespace");
        if (!empty) open.push_back(name);
        continue;
      }
      const std::string& parent = open.back();
      if (in_leaf) return bad("the " + parent + " element holds another element, " + name);
      if (open_group(parent, name, s)) {
        if (s.items > limits.most_items_per_child)
          return bad("the child " + s.child.la_child_id.value_or("(no LAchildID)") +
                     " has more than " + std::to_string(limits.most_items_per_child) +
                     " episodes, assessments, plans and codes");
        if (name == "Child") s.child.line = xmlTextReaderGetParserLineNumber(r);
        if (empty) {
          if (auto c = close(name); !c) return std::unexpected(c.error());
        } else {
          open.push_back(name);
        }
        continue;
      }
      Target t = s.in_child ? child_leaf(parent, name, s) : header_leaf(parent, name, s.header);
      if (t.text || t.list || t.dates) {
        leaf = t;
        text.clear();
        in_leaf = true;
        if (empty) {
          if (auto c = close(name); !c) return std::unexpected(c.error());
        } else {
          open.push_back(name);
        }
        continue;
      }
      ++summary.skipped[name];
      if (!empty) {
        open.push_back(name);
        skipping = open.size();
      }
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      if (open.empty()) continue;
      const std::string name = open.back();
      open.pop_back();
      if (skipping > 0) {
        if (open.size() < skipping) skipping = 0;
        continue;
      }
      if (auto c = close(name); !c) return std::unexpected(c.error());
    } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA) {
      if (in_leaf && skipping == 0 && text.size() <= kLongestText)
        text += as_view(xmlTextReaderConstValue(r));
    }
  }
  if (status < 0)
    return std::unexpected(
        Error::bad_input(path + " is not well-formed XML" +
                         (errors.first.empty() ? "" : " (" + errors.first + ")")));
  if (!header_given) {
    if (auto h = give_header(); !h) return std::unexpected(h.error());
  }
  return summary;
}

}  // namespace cinplan::census
