#pragma once
// Shared steps of the structures where the city builds, buys or operates the asset itself
// (traditional procurement, build-transfer, pay-as-you-go): booking the project's operation on
// whichever party runs it and the city's benefits. Shared booking steps: booking.hpp.
// Formulas: docs/methodology/structures/{traditional,build_transfer,pay_as_you_go}.md.

#include "models/ledger.hpp"
#include "models/outcome.hpp"
#include "models/project.hpp"
#include "models/structure.hpp"
#include "models/structures/booking.hpp"

#include <span>
#include <vector>

namespace cityfin::models {

/// amounts[t] * weight[t] * sign, per period.
std::vector<double> weighted(std::span<const double> amounts, std::span<const double> weight, double sign = 1.0);

/// Books on `party` the share weight[t] of the project's operation in period t, as real lines:
/// opex and lifecycle out, market revenue in; and residualShare of the residual value.
void bookOperation(Ledger& ledger, Party party, const ProjectFlows& flows, std::span<const double> weight,
                   double residualShare);

/// Books the city's benefits of the share weight[t] of the asset in service: user charges
/// (a transfer from the users) and the energy cost saved.
void bookCityBenefits(Ledger& ledger, const ProjectFlows& flows, std::span<const double> weight);

} // namespace cityfin::models
