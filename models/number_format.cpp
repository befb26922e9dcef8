#include "models/number_format.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace cityfin::models {
namespace {

std::string toFixed(double x, int decimals) {
    std::array<char, 64> buffer{};
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x,
                                   std::chars_format::fixed, decimals);
    if (ec != std::errc()) {  // beyond 64 characters: give the scientific form instead
        auto sci = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
        end = sci.ptr;
    }
    return std::string(buffer.data(), end);
}

// Inserts a comma every three digits of the integer part.
std::string groupThousands(const std::string& text) {
    const std::size_t sign = (!text.empty() && text[0] == '-') ? 1 : 0;
    std::size_t integerEnd = text.find_first_of(".e", sign);
    if (integerEnd == std::string::npos) integerEnd = text.size();
    std::string grouped = text.substr(0, sign);
    for (std::size_t i = sign; i < integerEnd; ++i) {
        grouped += text[i];
        const std::size_t remaining = integerEnd - i - 1;
        if (remaining > 0 && remaining % 3 == 0) grouped += ',';
    }
    return grouped + text.substr(integerEnd);
}

} // namespace

std::string formatFixed(double x, int decimals) {
    if (!std::isfinite(x)) return std::isnan(x) ? "n/a" : (x > 0 ? "inf" : "-inf");
    if (x == 0.0) x = 0.0;  // no "-0.00"
    std::string text = toFixed(x, decimals);
    if (text.find_first_not_of("-0.") == std::string::npos && text[0] == '-') text.erase(0, 1);
    return groupThousands(text);
}

std::string formatPercent(double rate, int decimals) { return formatFixed(rate * 100.0, decimals) + "%"; }

std::string formatMoney(double amount, const std::string& currency) { return currency + " " + formatFixed(amount, 0); }

} // namespace cityfin::models
