#pragma once
// Cover ratios of a debt schedule against CFADS (cash flow available for debt service): DSCR per
// period, min and average DSCR, LLCR and PLCR per period and at the start of repayment.
// Formulas and references: docs/methodology/debt.md.

#include "finance/debt.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace cityfin::finance {

/// A ratio that is undefined (no debt service, no debt outstanding) is absent (std::nullopt),
/// never NaN or infinite. Vectors have one entry per schedule period.
struct CoverRatios {
    /// CFADS_t / debtService_t where debtService_t > 0. Negative when CFADS_t < 0.
    std::vector<std::optional<double>> dscr;
    std::optional<double> minDscr;
    std::optional<double> averageDscr;  ///< arithmetic mean of the defined DSCRs

    /// PV at the loan rate, to the start of period t, of CFADS from t to the loan's final maturity
    /// (LLCR) or to the end of cfads, the project life (PLCR), over the balance outstanding at the
    /// start of t (opening balance + drawdown). Only in repayment periods with a balance > 0.
    std::vector<std::optional<double>> llcr;
    std::vector<std::optional<double>> plcr;
    /// At the start of the first repayment period: at financial close for a loan drawn at close;
    /// at the end of construction (commercial operation) for a construction loan.
    std::optional<double> llcrAtRepaymentStart;
    std::optional<double> plcrAtRepaymentStart;

    /// Every period of cfads (project life) whose CFADS is negative: reported, never hidden.
    std::vector<std::size_t> negativeCfadsPeriods;
};

/// `cfads`: one value per period on the schedule's timeline (period 0 = the schedule's period 0),
/// at least schedule.size() of them, each finite; values beyond the schedule are the rest of the
/// project life, used by the PLCR. Discounts at schedule.periodRate.
/// Throws InputError: "cfads", "cfads[i]", "schedule" (columns of unequal length).
CoverRatios coverRatios(const DebtSchedule& schedule, std::span<const double> cfads);

/// coverRatios written into `out`, every field replaced, its vectors' storage reused (the Monte
/// Carlo's per-thread buffers). Same checks and arithmetic.
void coverRatiosInto(const DebtSchedule& schedule, std::span<const double> cfads, CoverRatios& out);

} // namespace cityfin::finance
