#include "app/demo_names.h"

#include <array>
#include <numeric>
#include <span>
#include <string_view>

#include "core/casefile/child_identifiers.h"

namespace cinplan::app {
namespace {

using Names = std::span<const std::string_view>;

struct Heritage {
  std::string_view ethnicity, language;
  Names boys, girls, women, men, surnames;
};

// Names as families of each heritage in an English town might carry them.
constexpr std::array<std::string_view, 10> kWbriBoys = {
    "Oliver", "Jack", "Harry", "George", "Charlie", "Alfie", "Leo", "Freddie", "Archie", "Noah"};
constexpr std::array<std::string_view, 10> kWbriGirls = {
    "Amelia", "Isla", "Poppy", "Ava", "Lily", "Ella", "Freya", "Evie", "Grace", "Sophie"};
constexpr std::array<std::string_view, 8> kWbriWomen = {"Emma",  "Kelly",  "Laura",   "Gemma",
                                                        "Sarah", "Claire", "Rebecca", "Danielle"};
constexpr std::array<std::string_view, 8> kWbriMen = {"James",  "Lee",  "Craig", "Mark",
                                                      "Darren", "Ryan", "Scott", "Paul"};
constexpr std::array<std::string_view, 12> kWbriSurnames = {"Smith",  "Jones",  "Taylor", "Brown",
                                                            "Wilson", "Walker", "Wright", "Hughes",
                                                            "Turner", "Price",  "Barker", "Holmes"};

constexpr std::array<std::string_view, 6> kApknBoys = {"Muhammad", "Ayaan", "Zayn",
                                                       "Ibrahim",  "Hamza", "Yusuf"};
constexpr std::array<std::string_view, 6> kApknGirls = {"Zara",  "Aisha", "Maryam",
                                                        "Hafsa", "Inaya", "Amira"};
constexpr std::array<std::string_view, 5> kApknWomen = {"Sadia", "Nazia", "Rubina", "Shazia",
                                                        "Farah"};
constexpr std::array<std::string_view, 5> kApknMen = {"Imran", "Tariq", "Asif", "Kamran", "Naveed"};
constexpr std::array<std::string_view, 6> kApknSurnames = {"Khan",  "Hussain", "Ahmed",
                                                           "Iqbal", "Akhtar",  "Mahmood"};

constexpr std::array<std::string_view, 6> kBafrBoys = {"Kwame", "David",    "Chidi",
                                                       "Tobi",  "Emmanuel", "Kofi"};
constexpr std::array<std::string_view, 6> kBafrGirls = {"Adaeze", "Grace", "Blessing",
                                                        "Amara",  "Esi",   "Precious"};
constexpr std::array<std::string_view, 5> kBafrWomen = {"Ngozi", "Abena", "Funmi", "Chioma",
                                                        "Comfort"};
constexpr std::array<std::string_view, 5> kBafrMen = {"Samuel", "Kwabena", "Olu", "Joseph", "Femi"};
constexpr std::array<std::string_view, 6> kBafrSurnames = {"Okafor", "Mensah",  "Adeyemi",
                                                           "Osei",   "Boateng", "Eze"};

constexpr std::array<std::string_view, 6> kMixedBoys = {"Tyler",  "Kai",    "Jayden",
                                                        "Elijah", "Reuben", "Marley"};
constexpr std::array<std::string_view, 6> kMixedGirls = {"Mia",     "Leah", "Nevaeh",
                                                         "Aaliyah", "Skye", "Jade"};
constexpr std::array<std::string_view, 5> kMixedWomen = {"Stacey", "Leanne", "Nicole", "Jodie",
                                                         "Chantelle"};
constexpr std::array<std::string_view, 5> kMixedMen = {"Dwayne", "Marcus", "Andre", "Jerome",
                                                       "Delroy"};
constexpr std::array<std::string_view, 6> kMixedSurnames = {"Campbell", "Francis", "Grant",
                                                            "Clarke",   "Lewis",   "Morgan"};

constexpr std::array<std::string_view, 6> kPolishBoys = {"Jakub",  "Szymon", "Filip",
                                                         "Antoni", "Kacper", "Mikolaj"};
constexpr std::array<std::string_view, 6> kPolishGirls = {"Zuzanna", "Julia", "Lena",
                                                          "Maja",    "Hanna", "Alicja"};
constexpr std::array<std::string_view, 5> kPolishWomen = {"Agnieszka", "Katarzyna", "Magdalena",
                                                          "Anna", "Ewa"};
constexpr std::array<std::string_view, 5> kPolishMen = {"Tomasz", "Piotr", "Marcin", "Pawel",
                                                        "Krzysztof"};
constexpr std::array<std::string_view, 6> kPolishSurnames = {"Nowak",  "Kowalski", "Wisniewski",
                                                             "Wojcik", "Kaminski", "Lewandowski"};

constexpr std::array<std::string_view, 6> kBangladeshiBoys = {"Rayan", "Arif",  "Tahmid",
                                                              "Sami",  "Zakir", "Imtiaz"};
constexpr std::array<std::string_view, 6> kBangladeshiGirls = {"Nusrat", "Tasnim", "Ruqayyah",
                                                               "Sumaya", "Anika",  "Jannat"};
constexpr std::array<std::string_view, 5> kBangladeshiWomen = {"Rahima", "Shirin", "Nasima",
                                                               "Fahmida", "Rokeya"};
constexpr std::array<std::string_view, 5> kBangladeshiMen = {"Abdul", "Jamal", "Shahid", "Rafiq",
                                                             "Anwar"};
constexpr std::array<std::string_view, 6> kBangladeshiSurnames = {"Rahman", "Begum", "Uddin",
                                                                  "Miah",   "Islam", "Chowdhury"};

constexpr std::array<std::string_view, 6> kCaribbeanBoys = {"Jaden", "Malachi", "Isaiah",
                                                            "Joel",  "Nathan",  "Josiah"};
constexpr std::array<std::string_view, 6> kCaribbeanGirls = {"Kiara", "Naomi",   "Imani",
                                                             "Tia",   "Shanice", "Keisha"};
constexpr std::array<std::string_view, 5> kCaribbeanWomen = {"Marcia", "Janice", "Sonia",
                                                             "Paulette", "Yvonne"};
constexpr std::array<std::string_view, 5> kCaribbeanMen = {"Winston", "Clive", "Errol", "Leon",
                                                           "Carlton"};
constexpr std::array<std::string_view, 6> kCaribbeanSurnames = {"Thomas", "Henry", "Bailey",
                                                                "Reid",   "Ellis", "Douglas"};

constexpr std::array<std::string_view, 6> kSomaliBoys = {"Abdi",   "Mahad", "Liban",
                                                         "Hassan", "Yahye", "Omar"};
constexpr std::array<std::string_view, 6> kSomaliGirls = {"Hodan", "Ayan",  "Sagal",
                                                          "Nimco", "Ifrah", "Hibo"};
constexpr std::array<std::string_view, 5> kSomaliWomen = {"Fadumo", "Amina", "Sahra", "Khadra",
                                                          "Ubah"};
constexpr std::array<std::string_view, 5> kSomaliMen = {"Abdirahman", "Mohamed", "Ahmed", "Ali",
                                                        "Farah"};
constexpr std::array<std::string_view, 6> kSomaliSurnames = {"Warsame", "Mohamud", "Jama",
                                                             "Abdi",    "Farah",   "Ismail"};

constexpr std::array<Heritage, 8> kHeritages = {{
    {"WBRI", "English", kWbriBoys, kWbriGirls, kWbriWomen, kWbriMen, kWbriSurnames},
    {"APKN", "Urdu", kApknBoys, kApknGirls, kApknWomen, kApknMen, kApknSurnames},
    {"BAFR", "English", kBafrBoys, kBafrGirls, kBafrWomen, kBafrMen, kBafrSurnames},
    {"MWBC", "English", kMixedBoys, kMixedGirls, kMixedWomen, kMixedMen, kMixedSurnames},
    {"WOTH", "Polish", kPolishBoys, kPolishGirls, kPolishWomen, kPolishMen, kPolishSurnames},
    {"ABAN", "Bengali", kBangladeshiBoys, kBangladeshiGirls, kBangladeshiWomen, kBangladeshiMen,
     kBangladeshiSurnames},
    {"BCRB", "English", kCaribbeanBoys, kCaribbeanGirls, kCaribbeanWomen, kCaribbeanMen,
     kCaribbeanSurnames},
    {"BAFR", "Somali", kSomaliBoys, kSomaliGirls, kSomaliWomen, kSomaliMen, kSomaliSurnames},
}};
// Out of 100: how often each heritage is drawn.
constexpr std::array<int, 8> kHeritageWeights = {52, 10, 8, 9, 7, 5, 5, 4};

constexpr std::array<std::string_view, 16> kStreets = {
    "Mill Lane",      "Station Road",   "Elm Grove",    "Church Street",
    "Victoria Road",  "Oakfield Close", "Canal Walk",   "Park View",
    "Queens Avenue",  "Brook Street",   "Willow Court", "Hillside Crescent",
    "Albert Terrace", "Foundry Way",    "Meadow Rise",  "Chapel Row"};
constexpr std::array<std::string_view, 5> kPrimaries = {
    "Northbridge Primary School", "St Anne's CE Primary School", "Riverside Academy",
    "Hollins Park Primary School", "Canal Side Infant School"};
constexpr std::array<std::string_view, 3> kSecondaries = {
    "Northbridge High School", "Oakfield Academy", "St Thomas More Catholic High School"};
constexpr std::array<std::string_view, 4> kSurgeries = {"Elm Tree Surgery", "Canal Street Practice",
                                                        "Northbridge Health Centre",
                                                        "Hillside Medical Practice"};
constexpr std::string_view kInitials = "ABCDEGHJKLMNPRST";
constexpr std::string_view kPostcodeLetters = "ABDEFGHJLNPQRSTUWXYZ";

std::string text(std::string_view s) {
  return std::string(s);
}

// The heritage of child `index`: the weights laid over the children in a
// fixed scattered order, so how many children before it share it is known.
std::size_t heritage_of(unsigned seed, std::size_t index) {
  int slot = static_cast<int>((index * 37 + seed * 11) % 100);
  std::size_t h = 0;
  while (slot >= kHeritageWeights[h]) slot -= kHeritageWeights[h++];
  return h;
}

// A step through first name and surname pairs that visits every pair
// once: coprime to the number of pairs.
std::size_t stride(std::size_t pairs) {
  for (std::size_t p : {7u, 11u, 13u, 17u, 19u, 23u})
    if (std::gcd(p, pairs) == 1) return p;
  return 1;
}

}  // namespace

DemoFamily demo_family(DemoRandom& random, unsigned seed, std::size_t index) {
  const std::size_t h = heritage_of(seed, index);
  std::size_t before = 0;  // children before this one of the same heritage
  for (std::size_t i = 0; i < index; ++i) before += heritage_of(seed, i) == h;
  const Heritage& heritage = kHeritages[h];
  DemoFamily f;
  f.heritage = {text(heritage.ethnicity), text(heritage.language)};
  f.sex = (before + seed) % 2 == 0 ? "male" : "female";
  // Each boy (girl) of a heritage has a name no earlier one has, until the
  // pairs run out.
  const Names firsts = f.sex == "male" ? heritage.boys : heritage.girls;
  const std::size_t pairs = firsts.size() * heritage.surnames.size();
  const std::size_t pair = (before / 2 * stride(pairs) + seed) % pairs;
  f.child_first = text(firsts[pair % firsts.size()]);
  f.surname = text(heritage.surnames[pair / firsts.size()]);
  f.mother_first = text(random.pick(heritage.women));
  f.father_first = text(random.pick(heritage.men));
  // Some children carry their mother's name and not their father's.
  f.father_surname = random.chance(0.3) ? text(random.pick(heritage.surnames)) : f.surname;
  f.grandparent_first = text(random.pick(heritage.women));
  return f;
}

std::string demo_address(DemoRandom& random) {
  std::string out = std::to_string(random.range(1, 140)) + " " + text(random.pick(kStreets));
  out += ", Northbridge NB" + std::to_string(random.range(1, 9)) + " ";
  out += std::to_string(random.range(1, 9));
  out += kPostcodeLetters[static_cast<std::size_t>(random.range(0, 19))];
  out += kPostcodeLetters[static_cast<std::size_t>(random.range(0, 19))];
  return out;
}

std::string demo_phone(DemoRandom& random) {
  const int n = random.range(0, 999);
  std::string digits = std::to_string(n);
  return "07700 900" + std::string(3 - digits.size(), '0') + digits;
}

std::string demo_school(DemoRandom& random, int age) {
  return text(age < 11 ? random.pick(kPrimaries) : random.pick(kSecondaries));
}

std::string demo_surgery(DemoRandom& random) {
  return text(random.pick(kSurgeries));
}

std::string demo_professional_name(DemoRandom& random) {
  const Heritage& heritage = kHeritages[static_cast<std::size_t>(random.range(0, 7))];
  return std::string(1, kInitials[static_cast<std::size_t>(random.range(0, 15))]) + ". " +
         text(random.pick(heritage.surnames));
}

std::string demo_nhs_number(DemoRandom& random) {
  for (;;) {
    std::string nine = "999";
    for (int i = 0; i < 6; ++i) nine += static_cast<char>('0' + random.range(0, 9));
    if (auto check = nhs_check_digit(nine)) return nine + *check;
  }
}

std::string demo_upn(DemoRandom& random, int issue_year) {
  // A local authority's number, as UPN characters 2-4 carry it (one the DfE
  // recognises: census rule 1530).
  static constexpr std::string_view kAuthorities[] = {
      "800", "801", "802", "803", "805", "806", "807", "808", "810", "811", "812", "813",
      "815", "816", "820", "821", "822", "823", "825", "826", "830", "831", "835", "836",
      "837", "838", "839", "840", "841", "845", "846", "850", "851", "852", "855", "856",
      "857", "860", "861", "865", "866", "867", "868", "869", "870", "871", "872", "873",
      "874", "875", "876", "877", "878", "879", "880", "881", "882", "883", "884", "885",
      "886", "887", "888", "889", "890", "891", "892", "893", "894", "895", "896"};
  const auto drawn = static_cast<std::size_t>(random.range(800, 899) - 800);
  std::string twelve(kAuthorities[drawn % std::size(kAuthorities)]);
  twelve += std::to_string(random.range(2000, 2999));  // the school
  const int yy = issue_year % 100;
  twelve += static_cast<char>('0' + yy / 10);
  twelve += static_cast<char>('0' + yy % 10);
  for (int i = 0; i < 3; ++i) twelve += static_cast<char>('0' + random.range(0, 9));
  return *upn_check_letter(twelve) + twelve;
}

}  // namespace cinplan::app
