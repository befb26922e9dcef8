#pragma once
// `cityfin assess ANSWERS.json`: the maturity ladder of the seed's annexes 1-2 from a city's answers.

#include <ostream>
#include <string>
#include <vector>

namespace cityfin::cli {

int runAssess(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace cityfin::cli
