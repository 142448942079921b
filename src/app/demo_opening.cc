#include "app/demo_opening.h"

#include <array>

#include "app/demo_names.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

constexpr std::array<std::string_view, 6> kSources = {"school", "health visitor",    "police", "GP",
                                                      "mother", "early help service"};
constexpr std::array<std::string_view, 4> kDisabilities = {"AUT", "LD", "COMM", "MOB"};
// Census primary needs other than disability: abuse or neglect, parental
// illness, acute stress, family dysfunction, socially unacceptable behaviour.
constexpr std::array<std::string_view, 5> kNeeds = {"N1", "N3", "N4", "N5", "N6"};
// Factors identified at assessment, among the commonest in the census.
constexpr std::array<std::string_view, 10> kFactors = {"3A",  "4A",  "2A",  "6A",  "8B",
                                                       "11A", "16A", "18B", "19B", "22A"};

// The census's code for who referred (ReferralSource).
std::string_view census_source(std::string_view source) {
  if (source == "school") return "2A";
  if (source == "health visitor") return "3B";
  if (source == "police") return "6";
  if (source == "GP") return "3A";
  if (source == "mother") return "1A";
  if (source == "early help service") return "5B";
  return "5C";  // another authority
}

std::string email_of(const std::string& name, std::string_view domain) {
  std::string out;
  for (char ch : name) {
    if (ch == ' ')
      out += '.';
    else if (ch != '.' && ch != '\'')
      out += static_cast<char>(std::tolower(ch));
  }
  return out + "@" + std::string(domain);
}

Result<void> add(DemoDraft& d, json e) {
  return d.add(std::move(e));
}

// The child, the family and the professionals, as first recorded.
Result<void> register_network(DemoDraft& d, DemoCase& c, const std::string& address) {
  const DemoCasePlan& p = c.plan;
  const DemoFamily& f = p.family;
  DemoRandom& r = c.random;
  const int age = age_on(p.date_of_birth, p.referral);
  c.child_name = f.child_first + " " + f.surname;
  c.mother = f.mother_first + " " + f.surname;
  c.father = f.father_first + " " + f.father_surname;
  c.father_at_home = p.story != DemoStory::kAddressWithheld && r.chance(0.55);

  json child = demo_event("child_registered", p.referral);
  child["name"] = c.child_name;
  child["date_of_birth"] = p.date_of_birth.to_string();
  child["sex"] = f.sex;
  child["ethnicity"] = f.heritage.ethnicity;
  const bool disabled = p.story == DemoStory::kDisability || p.story == DemoStory::kDirectPayments;
  child["disabilities"] = json::array();
  if (disabled) child["disabilities"].push_back(std::string(r.pick(kDisabilities)));
  child["address"] = address;
  child["language"] = age < 3 || r.chance(0.7) ? std::string("English") : f.heritage.language;
  if (disabled)
    child["communication_needs"] = "uses Makaton and a picture timetable";
  else if (f.heritage.language != "English")
    child["communication_needs"] = "mother prefers an interpreter (" + f.heritage.language + ")";
  child["nhs_number"] = demo_nhs_number(r);
  if (age >= 4)
    child["upn"] = demo_upn(r, p.date_of_birth.ymd().year + 5);
  else
    child["upn_unknown"] = "UN1";  // under school age, not yet in school
  if (auto ok = add(d, child); !ok) return ok;

  json mother = demo_event("person_added", p.referral);
  mother["person_id"] = "P1";
  mother["name"] = c.mother;
  mother["relationship"] = "mother";
  mother["parental_responsibility"] = true;
  mother["address"] = address;
  mother["contact"] = demo_phone(r);
  if (auto ok = add(d, mother); !ok) return ok;
  json father = demo_event("person_added", p.referral);
  father["person_id"] = "P2";
  father["name"] = c.father;
  father["relationship"] = "father";
  father["parental_responsibility"] = c.father_at_home || r.chance(0.6);
  father["address"] = c.father_at_home ? address : demo_address(r);
  father["contact"] = demo_phone(r);
  if (auto ok = add(d, father); !ok) return ok;
  // A grandmother who would share a parent's whole name is left out: two
  // people of one name in a family is a muddle no record should show.
  const std::string grandparent = f.grandparent_first + " " + f.surname;
  if (r.chance(0.3) && grandparent != c.mother && grandparent != c.father) {
    c.grandparent = grandparent;
    json nan = demo_event("person_added", p.referral);
    nan["person_id"] = "P3";
    nan["name"] = c.grandparent;
    nan["relationship"] = "maternal grandmother";
    nan["parental_responsibility"] = false;
    nan["contact"] = demo_phone(r);
    if (auto ok = add(d, nan); !ok) return ok;
  }

  const Date told = working_day_after(add_days(p.referral, 2));
  if (age >= 4) {
    c.school = demo_school(r, age);
    c.school_contact =
        p.shares_with_school && c.school == kDemoPartnerSchool
            ? std::string(
                  demo_person_in_role("partner_professional", {}, kDemoPartnerSchool).display_name)
            : demo_professional_name(r);
    json school = demo_event("professional_added", told);
    school["person_id"] = "N1";
    school["name"] = c.school_contact;
    school["agency"] = "school";
    school["role"] = "designated safeguarding lead, " + c.school;
    school["contact"] = email_of(c.school_contact, "school.example");
    if (auto ok = add(d, school); !ok) return ok;
  }
  c.health_role = age < 5 ? "health visitor" : "school nurse";
  c.health_contact =
      p.shares_with_health && r.chance(0.5)
          ? std::string(
                demo_person_in_role("partner_professional", {}, kDemoHealthService).display_name)
          : demo_professional_name(r);
  json health = demo_event("professional_added", told);
  health["person_id"] = "N2";
  health["name"] = c.health_contact;
  health["agency"] = "health";
  health["role"] = c.health_role;
  health["contact"] = email_of(c.health_contact, "nhs.example");
  if (auto ok = add(d, health); !ok) return ok;
  json gp = demo_event("professional_added", told);
  gp["person_id"] = "N3";
  gp["name"] = "Dr " + demo_professional_name(r).substr(3);
  gp["agency"] = "health";
  gp["role"] = "GP, " + demo_surgery(r);
  return add(d, gp);
}

Result<void> allocate(DemoDraft& d, const DemoPerson& worker, Date day) {
  json e = demo_event("worker_allocated", day);
  e["worker"] = std::string(worker.display_name);
  e["team"] = std::string(worker.team);
  e["role"] = std::string(worker.role);
  e["username"] = std::string(worker.username);
  return add(d, e);
}

}  // namespace

Result<void> write_opening(DemoDraft& d, DemoCase& c) {
  const DemoCasePlan& p = c.plan;
  DemoRandom& r = c.random;
  const std::string address = demo_address(r);
  if (auto ok = register_network(d, c, address); !ok) return ok;
  if (p.story == DemoStory::kTransferIn) {
    json moved = demo_event("moved_in", p.referral);
    moved["from_authority"] = "Eastshire County Council";
    if (auto ok = add(d, moved); !ok) return ok;
  }
  json referral = demo_event("referral_received", p.referral);
  const std::string_view source =
      p.story == DemoStory::kTransferIn ? std::string_view("another authority") : r.pick(kSources);
  referral["source"] = p.story == DemoStory::kTransferIn
                           ? std::string("Eastshire County Council children's services")
                           : std::string(source);
  // The census's codes for who referred and the need, from what the demo
  // already chose (no more draws: the demo's children stay as they were).
  referral["referral_source"] = std::string(census_source(source));
  const int day = p.date_of_birth.ymd().day;
  referral["primary_need"] =
      p.story == DemoStory::kDisability || p.story == DemoStory::kDirectPayments
          ? std::string("N2")
          : std::string(kNeeds[static_cast<std::size_t>(day) % kNeeds.size()]);
  referral["new_safeguarding_concern"] = r.chance(0.3);
  if (auto ok = add(d, referral); !ok) return ok;
  if (auto ok = allocate(d, *p.assessor, p.referral); !ok) return ok;
  if (p.story == DemoStory::kRestricted) {
    json e = demo_event("case_restricted", p.referral);
    e["reason"] = "a parent works in the service";
    if (auto ok = add(d, e); !ok) return ok;
  }
  if (p.story == DemoStory::kAddressWithheld) {
    json e = demo_event("address_withheld", working_day_after(add_days(p.referral, 1)));
    e["person_id"] = "P1";
    e["from"] = json::array({"P2"});
    e["reason"] = "a non-molestation order against the father";
    if (auto ok = add(d, e); !ok) return ok;
  }
  if (p.story == DemoStory::kSupervisionOrder) {
    const DemoPerson& iro = demo_person_in_role("independent_reviewing_officer");
    c.iro = std::string(iro.display_name);
    json down = demo_event("stepped_down", p.order_made);
    down["from"] = "looked_after";
    json order = demo_event("supervision_order", p.order_made);
    order["end"] = p.order_end.to_string();
    order["previously_looked_after"] = true;
    order["iro"] = c.iro;
    json allocated = demo_event("iro_allocated", p.order_made);
    allocated["iro"] = c.iro;
    allocated["username"] = std::string(iro.username);
    for (json* e : {&down, &order, &allocated})
      if (auto ok = add(d, *e); !ok) return ok;
  }

  const Date assessed = working_day_before(add_days(p.plan_start, -r.range(0, 2)));
  json assessment = demo_event("assessment_completed", std::max(assessed, p.referral));
  assessment["s17_need"] = true;
  assessment["team"] = std::string(find_demo_team(p.assessor->team)->name);
  assessment["started"] =
      working_day_after(p.referral).to_string() <= assessment["date"].get<std::string>()
          ? working_day_after(p.referral).to_string()
          : p.referral.to_string();
  assessment["factors"] = json::array();
  for (std::size_t i = 0; i < 2; ++i)
    assessment["factors"].push_back(
        std::string(kFactors[(static_cast<std::size_t>(day) + 5 * i) % kFactors.size()]));
  json decided = demo_event("plan_decided", p.plan_start);
  decided["decided_by_role"] = "first_line_manager";
  for (json* e : {&assessment, &decided})
    if (auto ok = add(d, *e); !ok) return ok;
  if (auto ok = allocate(d, *p.worker, p.plan_start); !ok) return ok;
  if (p.story == DemoStory::kDisability || p.story == DemoStory::kDirectPayments) {
    json e = demo_event("pathway", p.plan_start);
    e["pathway"] = p.story == DemoStory::kDisability ? "disability" : "direct_payments";
    e["decided_by_role"] = "first_line_manager";
    if (auto ok = add(d, e); !ok) return ok;
  }

  const Date agreed = working_day_after(add_days(p.plan_start, r.range(0, 2)));
  json consent = demo_event("consent", agreed);
  consent["given"] = true;
  consent["scope"] = "plan";
  if (auto ok = add(d, consent); !ok) return ok;
  for (const auto& [shares, agency] :
       {std::pair{p.shares_with_school && !c.school.empty(), c.school},
        std::pair{p.shares_with_health, std::string(kDemoHealthService)}}) {
    if (!shares) continue;
    json e = demo_event("consent", agreed);
    e["given"] = true;
    e["scope"] = "information_sharing";
    e["agency"] = agency;
    if (auto ok = add(d, e); !ok) return ok;
  }

  if (p.story == DemoStory::kConsentWithdrawn) {
    const Date withdrawn = working_day_after(*p.close_from);
    json e = demo_event("consent_withdrawn", withdrawn);
    e["by"] = "mother";
    e["scope"] = "plan";
    if (auto ok = add(d, e); !ok) return ok;
    if (p.manager_discussion) {
      json talk = demo_event("manager_discussion_held", working_day_after(add_days(withdrawn, 2)));
      talk["topic"] = "consent_withdrawn";
      talk["with_role"] = "first_line_manager";
      talk["outcome"] = "step down to early help offered; the family accepted";
      if (auto ok = add(d, talk); !ok) return ok;
    }
    c.closing_on = working_day_after(add_days(withdrawn, r.range(10, 20)));
    c.closing_reason = "consent_withdrawn";
  }
  return {};
}

}  // namespace cinplan::app
