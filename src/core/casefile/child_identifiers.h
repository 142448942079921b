// The check characters of the national identifiers a child's record holds:
// the NHS number (10 digits, the last a modulus 11 check digit) and the
// unique pupil number (13 characters, the first a modulus 23 check letter).
// Pure functions, for validating what is recorded and for making valid
// numbers (the demo authority).
#pragma once

#include <optional>
#include <string_view>

namespace cinplan {

// The check digit of the first nine digits of an NHS number: each digit is
// weighted 10 down to 2, the sum taken modulo 11, and the check digit is 11
// minus that (11 becomes 0). None when `first_nine` is not nine digits, or
// when the result is 10: no NHS number starts with those nine digits.
std::optional<char> nhs_check_digit(std::string_view first_nine);

// Ten digits, no spaces, whose last is the check digit of the first nine.
bool is_valid_nhs_number(std::string_view number);

// The check letter of a UPN's last twelve characters: the characters at
// positions 2 to 13 are weighted 2 to 13 and summed modulo 23, and the result
// is a letter of "ABCDEFGHJKLMNPQRTUVWXYZ" (I, O and S are never used). The
// twelve are eleven digits and then a digit, or (a temporary UPN) a letter of
// that alphabet, counted as its place in it (A is 0). None when `last_twelve`
// is not of that form.
std::optional<char> upn_check_letter(std::string_view last_twelve);

// Thirteen characters: the check letter of the twelve that follow it.
bool is_valid_upn(std::string_view upn);

}  // namespace cinplan
