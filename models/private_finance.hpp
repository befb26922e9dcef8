#pragma once
// The financing of a private party (an SPV, a concessionaire, an ESCO, a service provider): senior
// debt drawn over construction with capitalised interest, sized to min(gearing cap, the debt the
// CFADS supports at the target DSCR) and sculpted to it; corporate tax on profit after straight-line
// depreciation and interest; and what is left for equity. Shared by every structure with a private
// party, so each financial step exists once. Formulas: docs/methodology/private-finance.md.
//
// Lenders size the debt at financial close on the FORECAST (sizingCash, sizingCapex); a scenario that
// changes the actual cash (operatingCash, capex) leaves the debt and its sculpted debt service as
// sized, and the actual CFADS then gives the DSCR actually achieved (below target, even below 1:
// reported, never hidden; the sponsors are assumed to fund any shortfall).

#include "models/outcome.hpp"
#include "models/structure.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cityfin::models {

struct PrivateFinanceInputs {
    std::vector<double> capex;           ///< the party's actual capex per period, >= 0
    std::vector<double> upfrontSupport;  ///< grants and subsidies towards that capex, per period, >= 0
    std::vector<double> operatingCash;   ///< actual pre-tax cash from operations per period, signed
    /// Forecast operating cash at financial close, on which the debt is sized and sculpted (tax and
    /// guarantee fee of the forecast deducted). Absent: operatingCash.
    std::optional<std::vector<double>> sizingCash;
    /// Forecast capex at financial close: sets the gearing limit and the planned drawdowns. Absent: capex.
    std::optional<std::vector<double>> sizingCapex;
    /// Forecast upfront support at financial close (the base case's grants and subsidy, e.g. a share
    /// of the forecast capex): what the debt is sized on. The actual support (upfrontSupport) changes
    /// the sources of funds (equity fills a gap or takes a surplus), never the debt sized at close.
    /// Absent: upfrontSupport.
    std::optional<std::vector<double>> sizingUpfrontSupport;
    int constructionYears = 1;           ///< repayment starts after these periods
    std::optional<DebtFinancing> debt;   ///< none: financed by equity alone
    double taxRate = 0.0;
    int depreciationYears = 1;           ///< tax life of the capex net of upfront support, >= 1
    std::optional<TaxIncentive> taxIncentive;
    double guaranteeFeeRate = 0.0;       ///< credit guarantee fee per year on debt outstanding
    double rateReduction = 0.0;          ///< credit guarantee: lower debt rate
    /// The scenario's interest rate shift (Scenario::interestRateShift): the debt's floating share of
    /// it is added to the rate of each repayment period after the sizing (finance::addFloatingInterest).
    double rateShift = 0.0;
};

struct PrivateFinance {
    std::optional<DebtOutcome> debt;
    std::vector<double> drawdown, interestPaid, principal;  ///< >= 0 magnitudes
    std::vector<double> tax;                                ///< >= 0, on the actual cash
    std::vector<double> guaranteeFee;                       ///< >= 0
    std::vector<double> cfads;                              ///< actual operating cash - tax - guarantee fee
    std::vector<double> sizingCfads;                        ///< the forecast CFADS the debt was sized on
    int rounds = 0;                                         ///< tax/debt fixed-point rounds used
    std::vector<std::string> notes;
};

/// While one of these is alive on a thread, financePrivateParty on that thread reuses the forecast
/// sizing (the tax/debt fixed point of 10-15 rounds) of earlier inputs equal to the new ones in
/// every field the sizing reads (sizing cash, capex and upfront support, construction years, debt
/// terms, tax terms, credit guarantee), instead of solving it again. The sizing is a function of
/// those fields alone, so results are identical; the Monte Carlo's scenarios share their forecast.
/// Keeps the last few sizings per thread (bounded memory); nests.
class ForecastSizingMemo {
public:
    ForecastSizingMemo();
    ~ForecastSizingMemo();
    ForecastSizingMemo(const ForecastSizingMemo&) = delete;
    ForecastSizingMemo& operator=(const ForecastSizingMemo&) = delete;
};

/// Throws InputError for invalid inputs: "private_finance.<field>" (lengths, values, tax terms) and,
/// through validateDebtFinancing, "private_finance.debt.<field>".
PrivateFinance financePrivateParty(const PrivateFinanceInputs& inputs);

/// financePrivateParty written into `out`, every field replaced and its vectors' storage reused, so
/// that a per-thread `out` makes a scenario's financing allocation-free once warm (the Monte Carlo's
/// kernels). withNotes false: out.notes left empty (the kernels read no notes); every figure is
/// the same either way.
void financePrivatePartyInto(const PrivateFinanceInputs& inputs, PrivateFinance& out, bool withNotes = true);

/// Net flow to the private party's equity per period implied by a financing: support and drawdowns
/// in, capex, debt service, tax and fees out, plus operating cash (all actual).
std::vector<double> equityFlows(const PrivateFinanceInputs& inputs, const PrivateFinance& finance);

/// equityFlows into `equity` (resized, storage reused).
void equityFlowsInto(const PrivateFinanceInputs& inputs, const PrivateFinance& finance, std::vector<double>& equity);

/// Checks senior-debt terms against the operating years, naming fields under `at` (e.g.
/// "terms.debt"): gearing_cap 0-1, rate >= 0, tenor_years 1 to the operating years, target_dscr > 0,
/// grace_years 0 to tenor - 1, floating_share 0-1.
void validateDebtFinancing(const DebtFinancing& debt, int operatingYears, const std::string& at);

} // namespace cityfin::models
