#pragma once
// The "under risk" rule wired to the risk module: P(every deterministic rule of the plan holds) over
// the Monte Carlo of the plan's scoped project and structure, with the case's risk register.

#include "models/plans/feasibility.hpp"
#include "models/risk/risk_run.hpp"

namespace cityfin::models::plans {

/// A RiskProbability for the case: empty estimates when the case has no risk register. Each call runs
/// options.paths scenarios of the plan's structure on the plan's scoped project (terms fixed at close).
/// A path counts when equity IRR >= hurdle, min DSCR >= covenant, peak outlay <= cap and the 10%
/// ceiling hold in it (an undefined metric counts as failing); funds secured does not vary with risk.
RiskProbability riskProbabilityFor(const Case& c, const RiskOptions& options);

} // namespace cityfin::models::plans
