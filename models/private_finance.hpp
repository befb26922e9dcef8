#pragma once
// The financing of a private party (an SPV, a concessionaire, an ESCO, a service provider): senior
// debt drawn over construction with capitalised interest, sized to min(gearing cap, the debt the
// CFADS supports at the target DSCR) and sculpted to it; corporate tax on profit after straight-line
// depreciation and interest; and what is left for equity. Shared by every structure with a private
// party, so each financial step exists once. Formulas: docs/methodology/structures.md.

#include "models/outcome.hpp"
#include "models/structure.hpp"

#include <optional>
#include <vector>

namespace cityfin::models {

struct PrivateFinanceInputs {
    std::vector<double> capex;           ///< the party's capex per period, >= 0
    std::vector<double> upfrontSupport;  ///< grants and subsidies towards that capex, per period, >= 0
    std::vector<double> operatingCash;   ///< pre-tax cash from operations per period, signed
    int constructionYears = 1;           ///< repayment starts after these periods
    std::optional<DebtFinancing> debt;   ///< none: financed by equity alone
    double taxRate = 0.0;
    int depreciationYears = 1;
    std::optional<TaxIncentive> taxIncentive;
    double guaranteeFeeRate = 0.0;       ///< credit guarantee fee per year on debt outstanding
    double rateReduction = 0.0;          ///< credit guarantee: lower debt rate
};

struct PrivateFinance {
    std::optional<DebtOutcome> debt;
    std::vector<double> drawdown, interestPaid, principal;  ///< >= 0 magnitudes
    std::vector<double> tax;                                ///< >= 0
    std::vector<double> guaranteeFee;                       ///< >= 0
    std::vector<double> cfads;                              ///< operating cash - tax - guarantee fee
    std::vector<std::string> notes;
};

PrivateFinance financePrivateParty(const PrivateFinanceInputs& inputs);

/// Net flow to the private party's equity per period implied by a financing: support and drawdowns
/// in, capex, debt service, tax and fees out, plus operating cash.
std::vector<double> equityFlows(const PrivateFinanceInputs& inputs, const PrivateFinance& finance);

} // namespace cityfin::models
