#pragma once
// A case evaluated as the CLI and the GUI show it: every structure (or the ones chosen) on the
// case's project and scenario, with the social return of the case's outcomes attached.

#include "models/case_file.hpp"
#include "models/evaluation.hpp"

#include <vector>

namespace cityfin::models {

std::vector<Evaluation> evaluateCase(const Case& c, const std::vector<Structure>& structures);
inline std::vector<Evaluation> evaluateCase(const Case& c) { return evaluateCase(c, c.structures); }

} // namespace cityfin::models
