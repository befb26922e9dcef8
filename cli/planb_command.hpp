#pragma once
// `cityfin planb CASE`: the Plan B chain (models/plans/plan_chain.hpp) as a memo or JSON.

#include <ostream>
#include <string>
#include <vector>

namespace cityfin::cli {

int runPlanB(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace cityfin::cli
