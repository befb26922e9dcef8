#pragma once
// `cityfin solve CASE --structure ID --target METRIC=VALUE --vary INPUT [--range LO:HI]`: break-even
// (models/plans/break_even.hpp).

#include <ostream>
#include <string>
#include <vector>

namespace cityfin::cli {

int runSolve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace cityfin::cli
