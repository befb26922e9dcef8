#pragma once
// Text to engine values, locale-independent (std::from_chars), with errors that name the field.
// Shared by the CLI and the case-file reader.

#include <ql/time/date.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cityfin {

/// A decimal number such as "0.08", "-40000" or "1e6"; the whole text must be the number.
double parseNumber(const std::string& field, std::string_view text);

/// A whole number such as "30".
int parseInteger(const std::string& field, std::string_view text);

/// An ISO date YYYY-MM-DD within QuantLib's range (1901-01-01 to 2199-12-31).
QuantLib::Date parseIsoDate(const std::string& field, std::string_view text);

/// A comma-separated list of ISO dates; element i is reported as "field[i]".
std::vector<QuantLib::Date> parseIsoDateList(const std::string& field, std::string_view text);

} // namespace cityfin
