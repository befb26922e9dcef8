#pragma once
// A figure that may not exist: no IRR, never paid back, no root in the range searched.

#include <optional>
#include <string>
#include <vector>

namespace cityfin::finance {

/// When value is empty, reason says why in words fit for a user. Never NaN, never a made-up number.
struct Answer {
    std::optional<double> value;
    std::string reason;
    std::vector<std::string> warnings;

    explicit operator bool() const noexcept { return value.has_value(); }
};

} // namespace cityfin::finance
