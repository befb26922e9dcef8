#pragma once
// Pay-as-you-go capital funding (现收现付), the capital-phasing variant of PayAsYouGoTerms: the city
// borrows nothing and spends on capex only what its annual budget allows; the asset enters service
// in step with the works completed. Formulas: docs/methodology/structures/pay_as_you_go.md.

#include "models/outcome.hpp"
#include "models/project.hpp"
#include "models/structure.hpp"

#include <vector>

namespace cityfin::models {

/// The capex spread over the budget, per period of the project's horizon.
struct CapexPhasing {
    std::vector<double> works;      ///< capex done in the period, base-year prices
    std::vector<double> inService;  ///< share of the asset in service in the period, 0 to 1
    int yearsToComplete = 0;        ///< periods from period 0 to the last with capex
};

/// Works per period: min(budget, what the project's own schedule allows by then, what remains).
/// The asset is in service in period t for the share completed by the end of period t - 1, and
/// never before the project's own operation starts. Throws InputError("terms.annual_capex_budget")
/// for a budget <= 0 or one that cannot finish the capex within the horizon.
CapexPhasing phaseCapex(const ProjectFlows& flows, double annualBudget);

/// The ledger of capital phasing (terms.variant == CapitalPhasing); support already validated.
StructureOutcome buildCapitalPhasing(const Project& project, const ProjectFlows& flows, const PayAsYouGoTerms& terms,
                                     const SupportTerms& support);

} // namespace cityfin::models
