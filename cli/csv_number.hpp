#pragma once
// Numbers in the CSV output of `cityfin risk` and `cityfin sensitivity`.

#include <string>

namespace cityfin::cli {

/// A number for CSV: shortest round-trip text, no thousands separator, locale-independent; empty
/// when not finite.
std::string csvNumber(double x);

} // namespace cityfin::cli
