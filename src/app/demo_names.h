// Names, places and numbers for the demo's children and families: realistic
// and diverse, fictional (a made-up town, postcodes of an area that does not
// exist, telephone numbers from Ofcom's range for drama, NHS numbers from the
// range kept for testing), and deterministic given the random source.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "app/demo_random.h"

namespace cinplan::app {

// The organisations the demo's partner professionals work for: consent to
// share names the organisation, so a partner sees only the families who
// agreed to share with it (the school a child attends; the area's one
// community health service).
inline constexpr std::string_view kDemoPartnerSchool = "Oakfield Academy";
inline constexpr std::string_view kDemoHealthService = "Northbridge Community Health";

// A family's heritage: the census ethnicity code of its children and the
// names and first language that go with it.
struct DemoHeritage {
  std::string ethnicity;  // census code, e.g. "WBRI"
  std::string language;   // the family's first language
};

struct DemoFamily {
  DemoHeritage heritage;
  std::string surname;  // the child's and the mother's
  std::string child_first;
  std::string sex;  // "male" or "female"
  std::string mother_first;
  std::string father_first;
  std::string father_surname;  // may differ from the child's
  std::string grandparent_first;
};

// The family of child `index` of the demo of `seed`: the child's heritage,
// sex and name are laid out by the index so that no two children of a demo
// of up to several hundred share a name; the rest is drawn from `random`.
DemoFamily demo_family(DemoRandom& random, unsigned seed, std::size_t index);

// "14 Mill Lane, Northbridge NB3 7QT".
std::string demo_address(DemoRandom& random);
// "07700 900123".
std::string demo_phone(DemoRandom& random);
// A primary or secondary school of the town, by the child's age in years.
std::string demo_school(DemoRandom& random, int age);
// "Elm Tree Surgery".
std::string demo_surgery(DemoRandom& random);
// A professional's name: "R. Patel" style, from any heritage.
std::string demo_professional_name(DemoRandom& random);

// Ten digits starting 999 (the NHS's range for testing) with a valid check
// digit.
std::string demo_nhs_number(DemoRandom& random);
// Thirteen characters with a valid check letter: an LA code, a school, the
// year of issue (two digits) and a serial.
std::string demo_upn(DemoRandom& random, int issue_year);

}  // namespace cinplan::app
