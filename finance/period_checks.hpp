#pragma once
// Small argument checks shared by the units that work on the period grid (escalation, tax): the
// wording of their InputError messages lives here once.

#include "finance/errors.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace cityfin::finance::detail {

/// "an empty vector", "1 value", "3 values": how a vector's length reads in an error message.
inline std::string describeCount(std::size_t n) {
    if (n == 0) return "an empty vector";
    return std::to_string(n) + (n == 1 ? " value" : " values");
}

/// Throws unless periodsPerYear is 1, 2, 4 or 12.
inline void requirePeriodsPerYear(std::string_view field, int periodsPerYear) {
    const int p = periodsPerYear;
    if (p != 1 && p != 2 && p != 4 && p != 12)
        throw InputError(std::string(field), std::to_string(p), "1, 2, 4 or 12");
}

/// Throws unless index < periods.
inline void requirePeriodIndex(std::string_view field, std::size_t index, std::size_t periods) {
    if (index >= periods)
        throw InputError(std::string(field), std::to_string(index),
                         "a period index below " + std::to_string(periods) +
                             " (the number of periods)");
}

} // namespace cityfin::finance::detail
