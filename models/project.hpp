#pragma once
// The project: what is built and run, independent of who pays for it. Revenue streams belong to the
// project, never to a structure, so every financing structure and support instrument works with all
// of them. Periods are years: period 0 is the first construction year and its flows fall at t0
// (financial close); construction years come first, then the operating years.
//
// Costs are given (and returned in ProjectFlows) as positive magnitudes; the ledger gives them signs.

#include <memory>
#include <string>
#include <vector>

namespace cityfin::models {

/// Whether the case's money is in nominal terms (escalated with inflation, discounted at nominal
/// rates) or real terms (base-year prices, real rates). Never mixed.
enum class PriceBasis { Nominal, Real };

/// A priced volume per operating year: parking hours x fee, tourist Wi-Fi sessions x price, ...
struct RevenueStream {
    enum class Payer {
        Users,  ///< user charges: a transfer from the users to whoever collects them
        Market  ///< sold outside the parties (advertising, data, value-added services)
    };
    std::string name;
    Payer payer = Payer::Users;
    double annualVolume = 0.0;     ///< units in the first full operating year
    double unitPrice = 0.0;        ///< per unit, base-year prices
    double volumeGrowth = 0.0;     ///< per year
    double priceEscalation = 0.0;  ///< real, per year (on top of inflation in nominal cases)
    int rampUpYears = 0;           ///< operating year k <= rampUpYears earns k / (rampUpYears + 1)
};

/// Energy saved by a retrofit: baseline consumption x saving fraction x price.
struct EnergySaving {
    std::string name;
    double baselineKwh = 0.0;      ///< per year before the retrofit
    double savingFraction = 0.0;   ///< 0 to 1 (Nansha: about 0.30)
    double pricePerKwh = 0.0;      ///< base-year price
    double priceEscalation = 0.0;  ///< real, per year
    double degradation = 0.0;      ///< loss of saving per year after the first, 0 to 1
};

struct LifecycleCost {
    int operatingYear = 1;  ///< 1-based
    double amount = 0.0;    ///< base-year prices
};

struct DiscountRates {
    double publicRate = 0.04;   ///< the city's rate (cost of public funds)
    double privateRate = 0.10;  ///< the private side's required equity return
    double socialRate = 0.035;  ///< for social value (used by the value assessment)
};

struct Project {
    std::string name;
    std::string currency = "CNY";
    PriceBasis basis = PriceBasis::Real;
    double inflation = 0.0;        ///< per year; escalates every amount in a nominal case
    int startYear = 2026;          ///< calendar year of period 0
    int constructionYears = 1;
    int operatingYears = 10;
    std::vector<double> capex;     ///< per construction year, base-year prices
    double annualOpex = 0.0;
    double opexEscalation = 0.0;   ///< real, per year
    std::vector<LifecycleCost> lifecycle;
    std::vector<RevenueStream> revenues;
    std::vector<EnergySaving> energySavings;
    double residualValue = 0.0;    ///< value of the asset at the end of operation, base-year prices
    DiscountRates rates;
    double taxRate = 0.25;         ///< corporate income tax on a private party's profit
    int depreciationYears = 0;     ///< tax life of the capex; 0 = the operating years

    int periods() const noexcept { return constructionYears + operatingYears; }
    double totalCapex() const noexcept;
};

/// What a scenario changes, as multipliers on the forecast (all 1 and no delay in the base case).
/// The risk analysis draws these; a deterministic evaluation uses the defaults.
struct Scenario {
    double capexFactor = 1.0;
    double opexFactor = 1.0;
    double demandFactor = 1.0;     ///< on revenue volumes
    double savingsFactor = 1.0;    ///< on energy savings
    double priceFactor = 1.0;      ///< on tariffs and energy prices
    int delayYears = 0;            ///< operation starts this many years late; the horizon stays
    /// Added to the rate of every debt's floating share (DebtFinancing::floatingShare and the city's
    /// loans' floating shares) in each repayment period; decimal per year, 0 in the base case. Debt
    /// is sized at close on the forecast rate. Docs: docs/methodology/risk.md ("Interest rate").
    double interestRateShift = 0.0;
    /// Added to the case's inflation in a nominal case (0 in the base case; refused in a real case):
    /// every escalated amount moves with the actual price index, fixed nominal amounts (debt service,
    /// bond coupons, the un-indexed share of a charge, what was fixed on the forecast at close) do
    /// not. Discount rates stay as given. Docs: docs/methodology/risk.md ("Inflation").
    double inflationShift = 0.0;
    /// Share of the service unavailable beyond what was expected at close, 0 to 1 (0 in the base
    /// case): revenue and savings are lost in proportion in every operating year, social outcomes
    /// scale with the service delivered, and contracts that pay for availability deduct it
    /// (PPP availability charge, service fee). Docs: docs/methodology/risk.md ("Availability").
    double availabilityShortfall = 0.0;
    /// Share of the city's contractual payments to the private party it does not pay, 0 to 1 (0 in
    /// the base case): the unitary charge, service fee, ESCO fee or savings share, build-transfer
    /// instalments, revenue guarantee payments. The private party bears it; the money stays with the
    /// city. Docs: docs/methodology/risk.md ("Counterparty default").
    double paymentShortfall = 0.0;
};

/// The project's own flows per period, positive magnitudes, in the case's price basis.
struct ProjectFlows {
    int constructionYears = 0;
    int operatingYears = 0;
    std::vector<int> calendarYears;
    std::vector<double> priceIndex;      ///< 1 in period 0; (1 + inflation + shift)^t in a nominal case
    /// The price index of the forecast at close, (1 + inflation)^t (without the scenario's inflation
    /// shift): what amounts fixed in nominal terms at close were priced on, and what the forecast
    /// user charges and savings (on which guarantees are written) are escalated by.
    std::vector<double> forecastPriceIndex;
    std::vector<double> capex, opex, lifecycle;
    std::vector<double> userCharges;     ///< revenue collected from users
    std::vector<double> marketRevenue;   ///< revenue from outside the parties
    std::vector<double> energySavings;
    std::vector<double> residualValue;   ///< in the last period
    std::vector<double> forecastUserCharges;   ///< before the scenario's demand, price and inflation
    std::vector<double> forecastEnergySavings; ///< before the scenario's savings, price and inflation
    std::vector<bool> operating;         ///< the asset is in service (after construction and delay)
    double interestRateShift = 0.0;      ///< the scenario's shift of floating rates (Scenario)
    double availabilityShortfall = 0.0;  ///< the scenario's service unavailable beyond the expected (Scenario)
    double paymentShortfall = 0.0;       ///< the scenario's share of the city's payments not paid (Scenario)
    /// The forecast of the same project (projectFlows(project) with no scenario), when the caller
    /// computed it once for many scenarios (the Monte Carlo); empty otherwise. Structures that size
    /// on the forecast take it from here through forecastFlows() instead of recomputing it.
    std::shared_ptr<const ProjectFlows> forecast;

    std::size_t periods() const noexcept { return capex.size(); }
    /// Revenue + savings - opex - lifecycle, per period (before financing and tax).
    std::vector<double> operatingCashFlow() const;
    /// -capex + operating cash flow + residual value: the project's own cash flow before financing.
    std::vector<double> preFinancingCashFlow() const;
};

/// Validates the project (InputError naming the field, e.g. "project.capex[1]") and builds its flows.
ProjectFlows projectFlows(const Project& project, const Scenario& scenario = {});

/// projectFlows into `flows`, its vectors' storage reused (the Monte Carlo's per-thread flows): every
/// field replaced but `forecast`, which the caller sets.
void projectFlowsInto(const Project& project, const Scenario& scenario, ProjectFlows& flows);

/// The project's forecast flows: flows.forecast when set, else projectFlows(project).
std::shared_ptr<const ProjectFlows> forecastFlows(const Project& project, const ProjectFlows& flows);

/// Throws InputError for an invalid project; field names are JSON paths under "project".
void validateProject(const Project& project);

} // namespace cityfin::models
