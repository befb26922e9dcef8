#pragma once
// Shared option parsing of `cityfin risk` and `cityfin sensitivity`: CASE plus options.

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace cityfin::cli {

struct RiskArgs {
    std::string casePath;
    std::string format;
    boost::program_options::variables_map values;
};

/// A number for CSV: shortest round-trip text, no thousands separator, locale-independent; empty
/// when not finite.
std::string csvNumber(double x);

/// Empty when --help was asked for (and printed). Throws InputError for a missing CASE or a bad --format.
std::optional<RiskArgs> parseRiskArgs(const std::string& command, const std::string& summary,
                                      const std::vector<std::string>& args,
                                      boost::program_options::options_description options, std::ostream& out);

} // namespace cityfin::cli
