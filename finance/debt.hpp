#pragma once
// Loan schedules for project finance on flat arrays, one entry per period: annuity, level principal,
// bullet and DSCR sculpting; interest-only grace periods; drawdowns over construction with the
// interest capitalised. Formulas, timing and references: docs/methodology/debt.md.
//
// Timeline: period t runs from time t to t+1 (in periods). Drawdowns happen at the start of a period,
// interest accrues over the whole period on (opening balance + drawdown), debt service and CFADS fall
// at the end of the period. Construction periods come first, then the tenor (grace included).

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cityfin::finance {

enum class RepaymentProfile {
    Annuity,         ///< level debt service, as a spreadsheet PMT
    LevelPrincipal,  ///< equal principal instalments, interest on the declining balance
    Bullet,          ///< interest only, all principal in the last period
    Sculpted,        ///< debt service proportional to CFADS (see loanSchedule)
};

/// When a drawdown happens within its period. StartOfPeriod: interest accrues on it over the period
/// it is drawn. EndOfPeriod: it is drawn at the end of the period, with that period's debt service,
/// and earns interest from the next period on: the timing of an annual model whose period-t flows all
/// fall at time t (a drawdown with the capex of year t, the first debt service with the first
/// operating year's cash), so the lenders earn exactly the loan rate on the model's timeline.
enum class DrawdownTiming { StartOfPeriod, EndOfPeriod };

struct DebtTerms {
    /// Nominal annual rate, decimal, >= 0. The rate per period is annualRate / periodsPerYear
    /// (a nominal rate, as a spreadsheet's PMT(rate/12, ...)), not an effective-rate conversion.
    double annualRate = 0.0;
    int periodsPerYear = 1;   ///< 1, 2, 4 or 12
    int tenorPeriods = 1;     ///< periods of the repayment phase, grace included; 1 to 100 years
    int gracePeriods = 0;     ///< interest-only periods at the start of the tenor, 0 <= grace < tenor
    RepaymentProfile profile = RepaymentProfile::Annuity;
    DrawdownTiming drawdownTiming = DrawdownTiming::StartOfPeriod;  ///< construction drawdowns only
    /// false: the schedule's warnings are not written (a caller iterating to a fixed point builds
    /// the text only for the schedule it keeps); the figures are the same.
    bool warnings = true;
};

/// The per-period rate annualRate / periodsPerYear, after validating both ("rate",
/// "periodsPerYear").
double periodRate(double annualRate, int periodsPerYear);

/// A debt corkscrew, one entry per period (construction periods, then the tenor). Per period:
///   closingBalance = openingBalance + drawdown + capitalisedInterest - principal
///   interest = periodRate * (openingBalance + drawdown) = interestPaid + capitalisedInterest
///     (periodRate * openingBalance for an EndOfPeriod construction drawdown)
///   debtService = interestPaid + principal
/// All amounts are positive magnitudes owed by (or lent to) the borrower.
struct DebtSchedule {
    double periodRate = 0.0;
    int periodsPerYear = 1;
    std::size_t constructionPeriods = 0;  ///< index of the first repayment period
    std::size_t gracePeriods = 0;
    RepaymentProfile profile = RepaymentProfile::Annuity;

    std::vector<double> openingBalance;
    std::vector<double> drawdown;
    std::vector<double> interest;             ///< accrued in the period
    std::vector<double> capitalisedInterest;  ///< added to the balance instead of being paid
    std::vector<double> interestPaid;
    std::vector<double> principal;
    std::vector<double> debtService;
    std::vector<double> closingBalance;

    /// Sculpted profile only: the DSCR the sculpting achieves in every period with debt service,
    /// PV(positive CFADS over the sculpted periods) / balance at the start of amortisation.
    /// Absent for other profiles and when nothing is owed.
    std::optional<double> sculptingDscr;
    /// Facts a user should see, e.g. a sculpted period with negative CFADS and no debt service.
    std::vector<std::string> warnings;

    std::size_t size() const noexcept { return debtService.size(); }
};

/// A loan of `principal` (>= 0) drawn in full at the start of period 0 (financial close) and repaid
/// over terms.tenorPeriods. `cfads` is read only by the Sculpted profile: one value per period from
/// period 0, at least tenorPeriods of them (more are allowed and ignored).
///
/// Sculpted: after grace, debt service_t = max(CFADS_t, 0) * B / PV, where B is the balance to
/// amortise and PV the present value at the loan rate of max(CFADS, 0) over the amortising periods;
/// so the loan repays exactly at maturity and DSCR_t = sculptingDscr wherever debt service > 0. When
/// B is the debt capacity sized at a target DSCR (sizeDebt), debt service_t = CFADS_t / target.
/// A period with CFADS <= 0 has no debt service: its interest is capitalised (and a warning says so).
DebtSchedule loanSchedule(double principal, const DebtTerms& terms,
                          std::span<const double> cfads = {});

/// A loan drawn over construction: drawdowns[i] (>= 0) at the start of construction period i, the
/// interest of every construction period capitalised; then repayment over the tenor of the balance
/// at the end of construction. The schedule has drawdowns.size() + tenorPeriods periods; `cfads`
/// (Sculpted only) is on the same timeline, from construction period 0.
DebtSchedule constructionLoanSchedule(std::span<const double> drawdowns, const DebtTerms& terms,
                                      std::span<const double> cfads = {});

/// A floating share of a loan after close: adds rateShift (annual, decimal; the change of the
/// floating part of the rate, already multiplied by the floating share) / periodsPerYear x the
/// opening balance to the interest paid and the debt service of every repayment period (from
/// constructionPeriods on). The balances and the principal stay as scheduled at close; the rate of
/// a period never goes below 0 (a shift below -periodRate is floored there). Interest during
/// construction stays as capitalised at close. A repayment period without debt service (a sculpted
/// period whose interest was capitalised) pays no extra: its extra is carried, at the shifted rate,
/// to the next period with debt service (the last period at the latest); the interest paid of a
/// period never goes below 0. A shift of 0 leaves the schedule unchanged.
void addFloatingInterest(DebtSchedule& schedule, double rateShift);

} // namespace cityfin::finance
