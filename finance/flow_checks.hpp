#pragma once
// Argument checks shared by the metrics (metrics.cpp, irr.cpp, payback.cpp, annuity.cpp). Each throws
// cityfin::InputError naming the argument, e.g. "flows[2]: got NaN, expected a finite number".

#include <ql/time/date.hpp>

#include "finance/errors.hpp"

#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace cityfin::finance::detail {

// The checks run on every call of a metric, so they build no string unless they throw.

[[noreturn]] void throwEmpty(const char* field);
[[noreturn]] void throwSizeMismatch(const char* field, std::size_t size, std::size_t flowCount,
                                    const char* unit);

/// Throws unless values has at least one element.
inline void requireNonEmpty(const char* field, std::span<const double> values) {
    if (values.empty()) throwEmpty(field);
}

/// Throws naming the first non-finite element as "field[i]".
inline void requireAllFinite(const char* field, std::span<const double> values) {
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!std::isfinite(values[i])) requireFinite(indexedField(field, i), values[i]);
}

/// Throws unless a vector of `size` elements has one per flow.
inline void requireSameSize(const char* field, std::size_t size, std::size_t flowCount, const char* unit) {
    if (size != flowCount) throwSizeMismatch(field, size, flowCount, unit);
}

/// cityfin::requireRate without building the field name when the rate is fine.
inline void requireRateFast(const char* field, double rate) {
    if (!(std::isfinite(rate) && rate > -1.0)) requireRate(field, rate);
}

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
