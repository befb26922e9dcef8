#pragma once
// Support instruments that combine with any structure: grants, construction subsidy, minimum
// revenue guarantee with clawback, credit guarantee, tax incentives, tax increment financing,
// a crowdfunding tranche and a public co-investment fund. Each is computed here once; a structure
// says which party plays which role and books the lines. Formulas: docs/methodology/support.md.

#include "models/ledger.hpp"
#include "models/project.hpp"
#include "models/structure.hpp"

#include <vector>

namespace cityfin::models {

/// Throws InputError naming the field under "support" for invalid terms.
void validateSupport(const SupportTerms& support, const Project& project);

/// Grants to the private party and the construction subsidy, per period: what reduces the private
/// party's own funding of its capex. privateCapex is the capex the private party pays.
std::vector<double> privateUpfrontSupport(const SupportTerms& support, std::span<const double> privateCapex,
                                          std::size_t periods);
/// privateUpfrontSupport into `out` (resized, storage reused).
void privateUpfrontSupportInto(const SupportTerms& support, std::span<const double> privateCapex, std::size_t periods,
                               std::vector<double>& out);

/// Minimum revenue guarantee and clawback per period, from actual and forecast user charges.
/// payment: city -> private; clawback: private -> city. Both >= 0.
struct GuaranteeFlows {
    std::vector<double> payment;
    std::vector<double> clawback;
};
GuaranteeFlows revenueGuarantee(const MinimumRevenueGuarantee& mrg, const ProjectFlows& flows,
                                int lastOperatingPeriod);

/// Books the grants (funders -> city, or -> private when toPrivate) and the construction subsidy
/// (city -> private, share of privateCapex).
void bookGrantsAndSubsidy(Ledger& ledger, const SupportTerms& support, std::span<const double> privateCapex);

/// Books tax increment financing (a real inflow to the city), and the crowdfunding tranche (lenders
/// -> borrower at period 0, repaid as an annuity).
void bookTaxIncrementAndCrowdfunding(Ledger& ledger, const SupportTerms& support, const ProjectFlows& flows,
                                     Party borrower);

/// Books the city's stake in the private equity: its share of every equity flow (injections paid
/// by the city, distributions received by it).
void bookCoInvestment(Ledger& ledger, const SupportTerms& support, std::span<const double> privateEquity);

} // namespace cityfin::models
