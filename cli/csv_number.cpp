#include "cli/csv_number.hpp"

#include <charconv>
#include <cmath>

namespace cityfin::cli {

std::string csvNumber(double x) {
    if (!std::isfinite(x)) return {};
    char buffer[64];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, x).ptr;
    return std::string(buffer, end);
}

} // namespace cityfin::cli
