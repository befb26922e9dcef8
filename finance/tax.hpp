#pragma once
// Straight-line tax depreciation of a capex schedule, and corporate income tax per period with loss
// carry-forward (optional carry limit) and optional tax holidays / reduced-rate years.
// Formulas and references: docs/methodology/escalation-tax-solver.md.
//
// Amounts: capex is given as positive costs; taxable profit is signed (a loss is negative); tax paid
// is returned as a positive amount (the caller books it as money out). The tax rules of a country are
// parameters, not code: carry-forward limit, holiday steps and rate are data.

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace cityfin::finance {

/// When an asset starts to be depreciated (IAS 16.55: when it is available for use).
enum class DepreciationStart {
    Commissioning,    ///< each period's capex from the period it is spent (commissioned)
    StartOfOperation  ///< capex before operationStartPeriod waits for it; later capex from its period
};

struct DepreciationTerms {
    int periodsPerYear = 1;           ///< 1, 2, 4 or 12
    double usefulLifeYears = 0.0;     ///< above 0; may be a part-year (the last period is partial)
    double salvageFraction = 0.0;     ///< residual value as a fraction of cost, 0 to 1
    DepreciationStart start = DepreciationStart::Commissioning;
    std::size_t operationStartPeriod = 0;  ///< used with StartOfOperation; below capex.size()
};

struct DepreciationSchedule {
    std::vector<double> depreciation;  ///< charge per period (>= 0)
    std::vector<double> netBookValue;  ///< end of period: capex to date - depreciation to date
    double salvageValue = 0.0;         ///< sum over capex of cost x salvageFraction (never depreciated)
    double undepreciatedAtEnd = 0.0;   ///< depreciable cost left when the timeline ends before the life
};

/// Each period's capex is a vintage depreciated by (cost - salvage) / life per period, full charge in
/// its first period, until the depreciable cost is used up; never more than cost - salvage.
DepreciationSchedule straightLineDepreciation(std::span<const double> capex,
                                              const DepreciationTerms& terms);

/// The `depreciation` column of straightLineDepreciation alone, written into `depreciation` (resized
/// to capex; its storage reused): for loops that depreciate once per scenario. Same checks, same
/// arithmetic.
void straightLineDepreciationInto(std::span<const double> capex, const DepreciationTerms& terms,
                                  std::vector<double>& depreciation);

/// A run of tax years at a fraction of the statutory rate (0 exempt, 0.5 half rate).
struct RateRelief {
    int years = 0;                 ///< at least 1
    double fractionOfRate = 1.0;   ///< 0 to 1
};

/// Consecutive relief steps from startPeriod (e.g. the first period with revenue); afterwards the
/// full rate. A tax year here is periodsPerYear periods from startPeriod.
struct TaxHoliday {
    std::size_t startPeriod = 0;
    std::vector<RateRelief> steps;
};

/// China's incentive for public infrastructure projects (Enterprise Income Tax Law art. 27(2),
/// implementing rules art. 87): exempt for 3 years, then half the rate for 3 years, counted from the
/// first tax year with production or operating revenue.
TaxHoliday threeYearsExemptThreeYearsHalf(std::size_t firstRevenuePeriod);

/// First period with a positive amount (e.g. revenue), or empty when there is none.
std::optional<std::size_t> firstPositivePeriod(std::span<const double> amounts);

struct CorporateTaxTerms {
    double rate = 0.0;                         ///< statutory rate, 0 to 1 (China EIT 0.25)
    int periodsPerYear = 1;                    ///< 1, 2, 4 or 12
    std::optional<int> lossCarryForwardYears;  ///< empty: no limit; 0: losses expire at once
    std::optional<TaxHoliday> holiday;         ///< empty: full rate throughout
};

/// Per period. A loss is carried forward and used, oldest first, against later profits; a loss from
/// period j is last usable in period j + years x periodsPerYear and expires at its end.
struct TaxSchedule {
    std::vector<double> taxableIncome;       ///< profit before loss relief (the input)
    std::vector<double> lossesUsed;          ///< carried losses set against this period's profit
    std::vector<double> taxableAfterLosses;  ///< max(income, 0) - lossesUsed
    std::vector<double> rateApplied;         ///< rate x the holiday fraction in force
    std::vector<double> taxPaid;             ///< taxableAfterLosses x rateApplied, never negative
    std::vector<double> lossesExpired;       ///< losses that reach their carry limit this period
    std::vector<double> lossBalance;         ///< end of period: losses available to later periods
};

/// Corporate tax on a signed taxable-profit vector (EBITDA - tax depreciation - interest, as the
/// caller defines it). Tax is assessed per period: no refund of tax for a later loss (no carry-back).
TaxSchedule corporateTax(std::span<const double> taxableProfit, const CorporateTaxTerms& terms);

/// corporateTax(taxableProfit, terms).taxPaid written into taxPaid (same size), without building the
/// rest of the schedule and without allocating once the thread has taxed a timeline this long: the
/// form the private-finance fixed point and the Monte Carlo call. Same checks, same arithmetic.
void corporateTaxPaid(std::span<const double> taxableProfit, const CorporateTaxTerms& terms,
                      std::span<double> taxPaid);

} // namespace cityfin::finance
