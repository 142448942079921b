#include "core/casefile/child_identifiers.h"

namespace cinplan {
namespace {

// The letters a UPN's check letter (and a temporary UPN's last character)
// may be, in the order of their values 0 to 22.
constexpr std::string_view kUpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::optional<char> nhs_check_digit(std::string_view first_nine) {
  if (first_nine.size() != 9) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < 9; ++i) {
    if (!is_digit(first_nine[i])) return std::nullopt;
    sum += (first_nine[i] - '0') * static_cast<int>(10 - i);
  }
  const int check = 11 - sum % 11;
  if (check == 10) return std::nullopt;
  return static_cast<char>('0' + (check == 11 ? 0 : check));
}

bool is_valid_nhs_number(std::string_view number) {
  if (number.size() != 10) return false;
  const auto check = nhs_check_digit(number.substr(0, 9));
  return check && *check == number[9];
}

std::optional<char> upn_check_letter(std::string_view last_twelve) {
  if (last_twelve.size() != 12) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < 12; ++i) {
    const char c = last_twelve[i];
    int value = 0;
    if (is_digit(c)) {
      value = c - '0';
    } else if (i == 11 && kUpnLetters.find(c) != std::string_view::npos) {
      value = static_cast<int>(kUpnLetters.find(c));
    } else {
      return std::nullopt;
    }
    sum += value * static_cast<int>(i + 2);
  }
  return kUpnLetters[static_cast<std::size_t>(sum % 23)];
}

bool is_valid_upn(std::string_view upn) {
  if (upn.size() != 13) return false;
  const auto check = upn_check_letter(upn.substr(1));
  return check && *check == upn[0];
}

}  // namespace cinplan
