#pragma once
// Numbers for people: fixed decimals, thousands separators, percentages. Locale-independent, so a
// terminal's locale never changes what cityfin prints.

#include <string>

namespace cityfin::cli {

/// "1,922.06" for (1922.0561, 2).
std::string formatFixed(double x, int decimals);

/// "8.6631%" for (0.0866309, 4).
std::string formatPercent(double rate, int decimals);

} // namespace cityfin::cli
