#pragma once
// Steps shared by the structures whose private party is a project-financed SPV that pays the
// project's capex (PPP availability payment, concession): its hurdle, its private-finance inputs
// (actual cash for tax and equity, the forecast for debt sizing), its costs and support in the
// ledger. Shared booking steps (the financing's lines, crowdfunding, tax life): booking.hpp.
// Formulas: docs/methodology/private-finance.md and the structures' docs.

#include "models/ledger.hpp"
#include "models/outcome.hpp"
#include "models/private_finance.hpp"
#include "models/project.hpp"
#include "models/structure.hpp"
#include "models/structures/booking.hpp"

#include <optional>
#include <vector>

namespace cityfin::models {

/// The SPV's required equity return: the terms' hurdle, else the project's private rate.
/// Throws InputError "terms.equity_hurdle" when given and not a rate above -1.
double spvEquityHurdle(const std::optional<double>& hurdle, const Project& project);

/// Throws InputError "flows" unless the flows have the project's construction and operating years.
void requireFlowsOfProject(const ProjectFlows& flows, const Project& project);

/// Inputs for financePrivateParty of an SPV that pays the project's capex: actual capex, forecast capex
/// for sizing, upfront support (grants to the SPV, construction subsidy), tax, credit guarantee.
/// The caller fills operatingCash (actual) and sizingCash (forecast).
PrivateFinanceInputs spvFinanceInputs(const Project& project, const ProjectFlows& actual,
                                      const ProjectFlows& forecast, const DebtFinancing& debt,
                                      const SupportTerms& support, int depreciationYears);

/// Books the SPV's project costs (capex, opex, lifecycle) as real outflows.
void bookSpvCosts(Ledger& ledger, const ProjectFlows& flows);

/// Books grants and the construction subsidy on the SPV's capex, tax increment financing (city) and
/// crowdfunding (borrower: the SPV).
void bookSpvSupport(Ledger& ledger, const SupportTerms& support, const ProjectFlows& flows);

/// Last step: the public co-investment on the SPV's equity flows, the debt outcome, and notes (the
/// financing's own notes; equity IRR below the hurdle).
void finishSpvOutcome(StructureOutcome& outcome, const SupportTerms& support, PrivateFinance&& finance,
                      double hurdle);

} // namespace cityfin::models
