#pragma once
// Numbers for people (CLI tables, the GUI, the reasons models writes): fixed decimals, thousands
// separators, percentages. Locale-independent, so a terminal's locale never changes what is printed.

#include <string>

namespace cityfin::models {

/// "1,922.06" for (1922.0561, 2).
std::string formatFixed(double x, int decimals);

/// "8.6631%" for (0.0866309, 4).
std::string formatPercent(double rate, int decimals);

/// "CNY 12,345,679" for (12345678.9, "CNY"): whole units of the currency, for sentences.
std::string formatMoney(double amount, const std::string& currency);

} // namespace cityfin::models
