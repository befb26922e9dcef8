#include "finance/flow_checks.hpp"

#include "finance/errors.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace cityfin::finance::detail {

void throwEmpty(const char* field) { throw InputError(field, "an empty list", "at least one value"); }

void throwSizeMismatch(const char* field, std::size_t size, std::size_t flowCount, const char* unit) {
    throw InputError(field, std::to_string(size) + " " + unit,
                     "one per flow (" + std::to_string(flowCount) + ")");
}

void throwNonFiniteResult(std::span<const double> flows, double rate) {
    requireAllFinite("flows", flows);
    throw InputError("rate", formatValue(rate), "a rate at which the discounted flows stay finite");
}

std::string formatDate(const QuantLib::Date& date) {
    if (date == QuantLib::Date()) return "a null date";
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), "%04d-%02d-%02d", static_cast<int>(date.year()),
                  static_cast<int>(date.month()), static_cast<int>(date.dayOfMonth()));
    return text.data();
}

std::vector<double> spreadsheetYearFractions(std::span<const QuantLib::Date> dates,
                                             std::size_t flowCount) {
    requireSameSize("dates", dates.size(), flowCount, "dates");
    if (dates.empty()) return {};
    for (std::size_t i = 0; i < dates.size(); ++i)
        if (dates[i] == QuantLib::Date())
            throw InputError(indexedField("dates", i), "a null date", "a valid date");
    // Whole days only: with QuantLib's intraday dates a time of day must not move a flow.
    const auto first = dates.front().serialNumber();
    std::vector<double> years(dates.size());
    for (std::size_t i = 0; i < dates.size(); ++i) {
        const auto days = dates[i].serialNumber() - first;
        if (days < 0)
            throw InputError(indexedField("dates", i), formatDate(dates[i]),
                             "a date no earlier than dates[0] (" + formatDate(dates.front()) + ")");
        years[i] = static_cast<double>(days) / 365.0;
    }
    return years;
}

} // namespace cityfin::finance::detail
