#pragma once
// Steps shared by the structures whose private party is a project-financed SPV that pays the
// project's capex (PPP availability payment, concession): its hurdle, its private-finance inputs
// (actual cash for tax and equity, the forecast for debt sizing), and the ledger lines of its
// financing and support. Formulas: docs/methodology/private-finance.md and the structures' docs.

#include "models/ledger.hpp"
#include "models/outcome.hpp"
#include "models/private_finance.hpp"
#include "models/project.hpp"
#include "models/structure.hpp"

#include <optional>
#include <span>
#include <vector>

namespace cityfin::models {

/// The SPV's required equity return: the terms' hurdle, else the project's private rate.
/// Throws InputError "terms.equity_hurdle" when given and not a rate above -1.
double spvEquityHurdle(const std::optional<double>& hurdle, const Project& project);

/// Throws InputError "flows" unless the flows have the project's construction and operating years.
void requireFlowsOfProject(const ProjectFlows& flows, const Project& project);

/// The tax life of the capex: project.depreciationYears, or the operating years when it is 0.
int assetTaxLife(const Project& project);

/// Inputs for financePrivateParty of an SPV that pays the project's capex: actual capex, forecast capex
/// for sizing, upfront support (grants to the SPV, construction subsidy), tax, credit guarantee.
/// The caller fills operatingCash (actual) and sizingCash (forecast).
PrivateFinanceInputs spvFinanceInputs(const Project& project, const ProjectFlows& actual,
                                      const ProjectFlows& forecast, const DebtFinancing& debt,
                                      const SupportTerms& support, int depreciationYears);

/// Net flows of the crowdfunding tranche to the SPV (raised at t0, serviced after), per period.
std::vector<double> crowdfundingToSpv(const SupportTerms& support, const ProjectFlows& flows);

/// Ledger lines that skip an all-zero series; `sign` turns positive magnitudes into the holder's view.
void addRealLine(Ledger& ledger, Party party, LineKind kind, std::span<const double> magnitudes, double sign);
void addTransferLine(Ledger& ledger, Party payer, Party payee, LineKind kind, std::span<const double> amounts);

/// Books the SPV's project costs (capex, opex, lifecycle) as real outflows.
void bookSpvCosts(Ledger& ledger, const ProjectFlows& flows);

/// Books the financing: drawdowns (lenders -> SPV), interest and principal (SPV -> lenders), tax and
/// the credit guarantee fee (SPV -> city).
void bookPrivateFinance(Ledger& ledger, const PrivateFinance& finance);

/// Books grants and the construction subsidy on the SPV's capex, tax increment financing (city) and
/// crowdfunding (borrower: the SPV).
void bookSpvSupport(Ledger& ledger, const SupportTerms& support, const ProjectFlows& flows);

/// Last step: the public co-investment on the SPV's equity flows, the debt outcome, and notes (the
/// financing's own notes; equity IRR below the hurdle).
void finishSpvOutcome(StructureOutcome& outcome, const SupportTerms& support, PrivateFinance&& finance,
                      double hurdle);

} // namespace cityfin::models
