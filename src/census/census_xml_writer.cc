#include "census/census_xml_writer.h"

#include <string_view>

namespace cinplan::census {
namespace {

void escaped(std::ostream& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out << "&amp;";
        break;
      case '<':
        out << "&lt;";
        break;
      case '>':
        out << "&gt;";
        break;
      case '"':
        out << "&quot;";
        break;
      default:
        out << c;
    }
  }
}

// <Name>value</Name> at `depth`, when there is a value.
void leaf(std::ostream& out, int depth, std::string_view name, const Text& value) {
  if (!value) return;
  out << std::string(static_cast<std::size_t>(depth) * 2, ' ') << '<' << name << '>';
  escaped(out, *value);
  out << "</" << name << ">\n";
}

void open(std::ostream& out, int depth, std::string_view name) {
  out << std::string(static_cast<std::size_t>(depth) * 2, ' ') << '<' << name << ">\n";
}

void close(std::ostream& out, int depth, std::string_view name) {
  out << std::string(static_cast<std::size_t>(depth) * 2, ' ') << "</" << name << ">\n";
}

void write_episode(std::ostream& out, const CinEpisode& e) {
  open(out, 3, "CINdetails");
  leaf(out, 4, "CINreferralDate", e.referral_date);
  leaf(out, 4, "ReferralSource", e.referral_source);
  leaf(out, 4, "PrimaryNeedCode", e.primary_need);
  leaf(out, 4, "CINclosureDate", e.closure_date);
  leaf(out, 4, "ReasonForClosure", e.reason_for_closure);
  leaf(out, 4, "DateOfInitialCPC", e.date_of_initial_cpc);
  for (const Assessment& a : e.assessments) {
    open(out, 4, "Assessments");
    leaf(out, 5, "AssessmentActualStartDate", a.start);
    leaf(out, 5, "AssessmentAuthorisationDate", a.authorisation);
    if (!a.factors.empty()) {
      open(out, 5, "FactorsIdentifiedAtAssessment");
      for (const std::string& f : a.factors) leaf(out, 6, "AssessmentFactors", f);
      close(out, 5, "FactorsIdentifiedAtAssessment");
    }
    close(out, 4, "Assessments");
  }
  for (const CinPlanDates& p : e.plans) {
    open(out, 4, "CINPlanDates");
    leaf(out, 5, "CINPlanStartDate", p.start);
    leaf(out, 5, "CINPlanEndDate", p.end);
    close(out, 4, "CINPlanDates");
  }
  for (const Section47& s : e.section47s) {
    open(out, 4, "Section47");
    leaf(out, 5, "S47ActualStartDate", s.start);
    leaf(out, 5, "InitialCPCtarget", s.icpc_target);
    leaf(out, 5, "DateOfInitialCPC", s.date_of_icpc);
    leaf(out, 5, "ICPCnotRequired", s.icpc_not_required.value_or("0"));
    close(out, 4, "Section47");
  }
  leaf(out, 4, "ReferralNFA", e.referral_nfa.value_or("0"));
  for (const ChildProtectionPlan& p : e.protection_plans) {
    open(out, 4, "ChildProtectionPlans");
    leaf(out, 5, "CPPstartDate", p.start);
    leaf(out, 5, "CPPendDate", p.end);
    leaf(out, 5, "InitialCategoryOfAbuse", p.initial_category);
    leaf(out, 5, "LatestCategoryOfAbuse", p.latest_category);
    leaf(out, 5, "NumberOfPreviousCPP", p.number_of_previous.value_or("0"));
    bool any = false;
    for (const Text& r : p.reviews) any |= r.has_value();
    if (any) {
      open(out, 5, "Reviews");
      for (const Text& r : p.reviews) leaf(out, 6, "CPPreviewDate", r);
      close(out, 5, "Reviews");
    }
    close(out, 4, "ChildProtectionPlans");
  }
  close(out, 3, "CINdetails");
}

}  // namespace

void write_census_start(std::ostream& out, const CensusHeader& h) {
  out << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Message>\n";
  open(out, 1, "Header");
  open(out, 2, "CollectionDetails");
  leaf(out, 3, "Collection", h.collection);
  leaf(out, 3, "Year", h.year);
  leaf(out, 3, "ReferenceDate", h.reference_date);
  close(out, 2, "CollectionDetails");
  open(out, 2, "Source");
  leaf(out, 3, "SourceLevel", h.source_level);
  leaf(out, 3, "LEA", h.lea);
  leaf(out, 3, "SoftwareCode", h.software_code);
  leaf(out, 3, "Release", h.release);
  leaf(out, 3, "SerialNo", h.serial_no);
  leaf(out, 3, "DateTime", h.date_time);
  close(out, 2, "Source");
  close(out, 1, "Header");
  open(out, 1, "Children");
}

void write_census_child(std::ostream& out, const CensusChild& c) {
  open(out, 2, "Child");
  open(out, 3, "ChildIdentifiers");
  leaf(out, 4, "LAchildID", c.la_child_id);
  leaf(out, 4, "UPN", c.upn);
  leaf(out, 4, "FormerUPN", c.former_upn);
  leaf(out, 4, "UPNunknown", c.upn_unknown);
  leaf(out, 4, "PersonBirthDate", c.birth_date);
  leaf(out, 4, "ExpectedPersonBirthDate", c.expected_birth_date);
  leaf(out, 4, "Sex", c.sex);
  leaf(out, 4, "PersonDeathDate", c.death_date);
  close(out, 3, "ChildIdentifiers");
  open(out, 3, "ChildCharacteristics");
  leaf(out, 4, "Ethnicity", c.ethnicity);
  if (!c.disabilities.empty()) {
    open(out, 4, "Disabilities");
    for (const std::string& d : c.disabilities) leaf(out, 5, "Disability", d);
    close(out, 4, "Disabilities");
  }
  close(out, 3, "ChildCharacteristics");
  // The schema puts the episodes after the characteristics, within Child.
  for (const CinEpisode& e : c.episodes) write_episode(out, e);
  close(out, 2, "Child");
}

void write_census_end(std::ostream& out) {
  close(out, 1, "Children");
  out << "</Message>\n";
}

}  // namespace cinplan::census
