#include "app/name_search.h"

#include <cctype>
#include <cstdio>
#include <optional>
#include <vector>

#include "core/calendar/date.h"

namespace cinplan::app {
namespace {

// Two-byte UTF-8 Latin-1 letters (U+00C0..U+00FF) and their plain forms.
std::string_view plain_latin1(unsigned code) {
  static constexpr std::string_view kTable[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};
  return code >= 0xC0 && code <= 0xFF ? kTable[code - 0xC0] : std::string_view();
}

// Latin Extended-A (U+0100..U+017F: Polish, Czech, Turkish, Romanian,
// Baltic letters ...) and their plain forms.
std::string_view plain_extended_a(unsigned code) {
  static constexpr std::string_view kTable[128] = {
      "a", "a", "a",  "a",  "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
      "d", "d", "e",  "e",  "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
      "g", "g", "g",  "g",  "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
      "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
      "l", "l", "l",  "n",  "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
      "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
      "s", "s", "t",  "t",  "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
      "u", "u", "u",  "u",  "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s"};
  return code >= 0x100 && code <= 0x17F ? kTable[code - 0x100] : std::string_view();
}

std::string digits_only(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// "2 March 2011", "2 Mar 2011", "2/3/2011", "02/03/2011", "2-3-2011",
// "2.3.2011" (day first, as in England) as "2011-03-02"; nothing when the
// text is not a date that exists.
std::optional<std::string> day_month_year(std::string_view text) {
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  std::vector<std::string> parts;
  std::string part;
  for (const char ch : text) {
    if (ch == ' ' || ch == '/' || ch == '-' || ch == '.' || ch == ',') {
      if (!part.empty()) parts.push_back(std::move(part));
      part.clear();
    } else {
      part += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
  }
  if (!part.empty()) parts.push_back(std::move(part));
  if (parts.size() != 3 || !all_digits(parts[0]) || parts[0].size() > 2 || !all_digits(parts[2]) ||
      parts[2].size() != 4)
    return std::nullopt;
  int month = 0;
  if (all_digits(parts[1]) && parts[1].size() <= 2) {
    month = std::stoi(parts[1]);
  } else if (parts[1].size() >= 3) {
    for (int m = 0; m < 12; ++m)
      if (kMonths[m].starts_with(parts[1])) month = m + 1;
  }
  if (month < 1 || month > 12) return std::nullopt;
  char iso[11];
  std::snprintf(iso, sizeof iso, "%s-%02d-%02d", parts[2].c_str(), month, std::stoi(parts[0]));
  if (!parse_date(iso)) return std::nullopt;
  return std::string(iso);
}

}  // namespace

std::string fold_name(std::string_view name) {
  std::string out;
  auto space = [&] {
    if (!out.empty() && out.back() != ' ') out += ' ';
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) {
        out += static_cast<char>(std::tolower(c));
      } else if (c == '\'' || c == '-' || c == ' ' || c == '.' || c == ',') {
        if (c != '\'') space();
      }
      continue;
    }
    // U+00C0..U+00FF are C3 80..C3 BF; U+2019 (’) and U+2010/2011 (‐ ‑) too.
    if (c == 0xC3 && i + 1 < name.size()) {
      const unsigned code = 0xC0 + (static_cast<unsigned char>(name[i + 1]) - 0x80);
      out += plain_latin1(code);
      ++i;
    } else if ((c == 0xC4 || c == 0xC5) && i + 1 < name.size()) {
      const unsigned code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(name[i + 1]) & 0x3Fu);
      out += plain_extended_a(code);
      ++i;
    } else if (c == 0xE2 && i + 2 < name.size() &&
               static_cast<unsigned char>(name[i + 1]) == 0x80) {
      const unsigned char d = static_cast<unsigned char>(name[i + 2]);
      if (d == 0x90 || d == 0x91 || d == 0x93) space();
      i += 2;
    } else {
      out += static_cast<char>(c);  // other letters kept as written
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {

std::optional<SearchTerms> read_kind(std::string_view text) {
  SearchTerms t;
  const std::string compact = digits_only(text);
  if (compact.size() == 10 && all_digits(compact)) {
    t.kind = SearchTerms::Kind::kNhsNumber;
    t.value = compact;
    return t;
  }
  if (compact.size() == 13 && std::isalpha(static_cast<unsigned char>(compact[0])) &&
      all_digits(std::string_view(compact).substr(1))) {
    t.kind = SearchTerms::Kind::kUpn;
    t.value = compact;
    t.value[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t.value[0])));
    return t;
  }
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && all_digits(text.substr(0, 4))) {
    t.kind = SearchTerms::Kind::kDateOfBirth;
    t.value = std::string(text);
    return t;
  }
  if (auto d = day_month_year(text)) {
    t.kind = SearchTerms::Kind::kDateOfBirth;
    t.value = *d;
    return t;
  }
  if (text.size() > 2 && (text[0] == 'C' || text[0] == 'c') && text[1] == '-') {
    t.kind = SearchTerms::Kind::kCaseId;
    t.value = std::string(text);
    t.value[0] = 'C';
    return t;
  }
  t.value = fold_name(text);
  if (t.value.empty()) return std::nullopt;
  std::size_t start = 0;
  while (start < t.value.size()) {
    std::size_t end = t.value.find(' ', start);
    if (end == std::string::npos) end = t.value.size();
    t.words.push_back(t.value.substr(start, end - start));
    start = end + 1;
  }
  return t;
}

}  // namespace

std::optional<SearchTerms> read_search(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  auto t = read_kind(text);
  if (!t) return t;
  t->id_upper = std::string(text);
  for (char& ch : t->id_upper)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  t->id_start = text.find('-') != std::string_view::npos &&
                text.find_first_of("0123456789") != std::string_view::npos;
  // Letters then digits, the dash left out ("NB10019"): the same id.
  const std::size_t digit = t->id_upper.find_first_of("0123456789");
  if (!t->id_start && digit != std::string::npos && digit > 0 &&
      t->id_upper.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == digit &&
      all_digits(std::string_view(t->id_upper).substr(digit))) {
    t->id_upper.insert(digit, "-");
    t->id_start = true;
  }
  if (text.size() >= 2 && text.size() < 10 && all_digits(text)) t->number_part = std::string(text);
  return t;
}

bool case_id_matches(const SearchTerms& t, std::string_view id) {
  if (t.id_start && id.starts_with(t.id_upper)) return true;
  if (t.number_part.empty()) return false;
  const std::size_t dash = id.rfind('-');
  return id.substr(dash == std::string_view::npos ? 0 : dash + 1).find(t.number_part) !=
         std::string_view::npos;
}

bool name_matches(const SearchTerms& terms, std::string_view folded) {
  for (const std::string& w : terms.words) {
    bool found = false;
    for (std::size_t at = 0; at < folded.size() && !found; ++at) {
      if ((at == 0 || folded[at - 1] == ' ') && folded.substr(at).starts_with(w)) found = true;
    }
    if (!found) return false;
  }
  return true;
}

std::string_view kind_words(SearchTerms::Kind kind) {
  switch (kind) {
    case SearchTerms::Kind::kName:
      return "name";
    case SearchTerms::Kind::kDateOfBirth:
      return "date of birth";
    case SearchTerms::Kind::kCaseId:
      return "case id";
    case SearchTerms::Kind::kNhsNumber:
      return "NHS number";
    case SearchTerms::Kind::kUpn:
      return "UPN";
  }
  return "name";
}

}  // namespace cinplan::app
