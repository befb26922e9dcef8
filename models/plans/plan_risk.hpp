#pragma once
// The "under risk" rule wired to the risk module: P(every deterministic rule of the plan holds) over
// the Monte Carlo of the plan's scoped project and structure, with the case's risk register.

#include "models/plans/feasibility.hpp"
#include "models/risk/risk_run.hpp"

namespace cityfin::models::plans {

/// A RiskProbability for the case: empty estimates when the case has no risk register, or when the plan
/// has none of the rules a scenario can breach. Each call runs options.paths scenarios of the plan's
/// structure on the plan's scoped project (terms fixed at close). A path counts when min DSCR >=
/// covenant, peak outlay <= cap and the 10% ceiling hold in it (an undefined metric counts as failing).
/// The equity hurdle is reported (its share of paths) but not counted: it is the condition of the
/// investors' bid, judged on the base case (docs/methodology/plan-b.md, "Under risk"). Funds secured
/// does not vary with risk.
RiskProbability riskProbabilityFor(const Case& c, const RiskOptions& options);

} // namespace cityfin::models::plans
