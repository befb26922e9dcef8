#pragma once
// `cityfin sensitivity CASE --structure ID --metric M [--low-high p10-p90 | --swing 0.1]`: a tornado.

#include <ostream>
#include <string>
#include <vector>

namespace cityfin::cli {

int runSensitivity(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace cityfin::cli
