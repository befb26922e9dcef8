#pragma once
// Argument checks shared by the metrics (metrics.cpp, irr.cpp, payback.cpp, annuity.cpp). Each throws
// cityfin::InputError naming the argument, e.g. "flows[2]: got NaN, expected a finite number".

#include <ql/time/date.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace cityfin::finance::detail {

/// Throws unless flows has at least one element.
void requireNonEmpty(const std::string& field, std::span<const double> values);

/// Throws naming the first non-finite element as "field[i]".
void requireAllFinite(const std::string& field, std::span<const double> values);

/// Throws unless `values` has as many elements as the flows.
void requireSameSize(const std::string& field, std::size_t size, std::size_t flowCount,
                     const std::string& unit);

/// Called when a result came out non-finite: blames the first non-finite flow if there is one,
/// otherwise the rate (the discount factors overflowed), and throws.
[[noreturn]] void throwNonFiniteResult(std::span<const double> flows, double rate);

/// "2008-01-01" for a valid date, "a null date" otherwise.
std::string formatDate(const QuantLib::Date& date);

/// Year fractions (d_i - d_0) / 365 on whole days, the spreadsheet XNPV/XIRR rule, after checking
/// that the dates match the flows in number, are valid and none precedes dates[0].
std::vector<double> spreadsheetYearFractions(std::span<const QuantLib::Date> dates,
                                             std::size_t flowCount);

} // namespace cityfin::finance::detail
