#pragma once
// Errors of the engine. Bad input is always an InputError that names the field (an argument name
// or a JSON path), the value it got and what was expected, so every front end can report it as is.

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>

namespace cityfin {

class InputError : public std::invalid_argument {
public:
    InputError(std::string field, std::string value, std::string expected);

    const std::string& field() const noexcept { return field_; }
    const std::string& value() const noexcept { return value_; }
    const std::string& expected() const noexcept { return expected_; }

private:
    std::string field_;
    std::string value_;
    std::string expected_;
};

/// A number as it appears in an error message: shortest round-trip form, "NaN", "inf", "-inf".
std::string formatValue(double x);

/// An amount of money as a warning shows it to a reader: whole units with thousands separators
/// ("-2,260,323") from 100 up, two decimals at most below ("0.25", "-10"); non-finite as formatValue.
std::string formatAmount(double x);

/// Field name of element i of a vector argument: "flows[3]".
std::string indexedField(const std::string& field, std::size_t i);

/// Throws unless x is finite.
void requireFinite(const std::string& field, double x);

/// Throws unless x is a finite rate above -100% (a discount factor must stay positive).
void requireRate(const std::string& field, double x);

} // namespace cityfin
