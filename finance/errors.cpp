#include "finance/errors.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace cityfin {

InputError::InputError(std::string field, std::string value, std::string expected)
    : std::invalid_argument(field + ": got " + value + ", expected " + expected),
      field_(std::move(field)), value_(std::move(value)), expected_(std::move(expected)) {}

std::string formatValue(double x) {
    if (std::isnan(x)) return "NaN";
    if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
    std::array<char, 32> buffer{};
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
    return ec == std::errc() ? std::string(buffer.data(), end) : std::string("?");
}

std::string formatAmount(double x) {
    if (!std::isfinite(x)) return formatValue(x);
    const double magnitude = std::abs(x);
    if (magnitude >= 1e15) return formatValue(x);  // beyond any budget; keep the exact figure
    if (magnitude < 100.0) return formatValue(std::round(x * 100.0) / 100.0 + 0.0);  // + 0.0: no "-0"
    const std::string digits = std::to_string(std::llround(magnitude));
    std::string text = x < 0.0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) text += ',';
        text += digits[i];
    }
    return text;
}

std::string indexedField(const std::string& field, std::size_t i) {
    return field + "[" + std::to_string(i) + "]";
}

void requireFinite(const std::string& field, double x) {
    if (!std::isfinite(x)) throw InputError(field, formatValue(x), "a finite number");
}

void requireRate(const std::string& field, double x) {
    if (!std::isfinite(x) || x <= -1.0)
        throw InputError(field, formatValue(x), "a finite rate above -1 (-100%)");
}

} // namespace cityfin
