#pragma once
// Debt sizing: the smaller of the gearing limit (gearingCap x total cost) and the debt capacity that
// a target DSCR allows (PV at the loan rate of CFADS_t / targetDscr over the tenor), with guard
// rails: never negative, never above cost, never negative equity. Formulas: docs/methodology/debt.md.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace cityfin::finance {

struct SizingTerms {
    double totalCost = 0.0;     ///< ">= 0", same point in time as the debt (see below)
    double gearingCap = 0.0;    ///< maximum debt / total cost, from 0 to 1
    double targetDscr = 0.0;    ///< > 0, e.g. 1.30
    double annualRate = 0.0;    ///< nominal annual loan rate, per period annualRate / periodsPerYear
    int periodsPerYear = 1;     ///< 1, 2, 4 or 12
    int tenorPeriods = 1;       ///< amortising periods sized on
    /// Index into cfads of the first amortising period: construction (and grace) periods before it
    /// are skipped. The capacity is the balance at the start of that period.
    std::size_t firstRepaymentPeriod = 0;
    /// false: the sizing's warnings are not written (as DebtTerms::warnings); the figures are the same.
    bool warnings = true;
};

enum class SizingConstraint {
    Gearing,  ///< gearingCap x totalCost <= DSCR capacity (ties go to gearing)
    Dscr,     ///< the DSCR capacity is the smaller
};

struct DebtSizing {
    double debt = 0.0;           ///< min(gearingLimit, dscrCapacity), 0 <= debt <= totalCost
    double equity = 0.0;         ///< totalCost - debt, >= 0
    double gearingLimit = 0.0;   ///< gearingCap x totalCost
    double dscrCapacity = 0.0;   ///< PV of max(CFADS_t, 0) / targetDscr over the tenor, >= 0
    double gearing = 0.0;        ///< debt / totalCost; 0 when totalCost is 0
    SizingConstraint binding = SizingConstraint::Gearing;
    std::vector<std::string> warnings;  ///< e.g. no positive CFADS: capacity 0
};

/// `cfads` is one value per period on the project timeline, at least
/// firstRepaymentPeriod + tenorPeriods of them, each finite. Periods with CFADS <= 0 add nothing to
/// the capacity (a sculpted schedule pays no debt service there) and are named in the warnings.
/// Throws InputError: "totalCost", "gearingCap", "targetDscr", "rate", "periodsPerYear", "tenor",
/// "cfads", "cfads[i]".
DebtSizing sizeDebt(const SizingTerms& terms, std::span<const double> cfads);

} // namespace cityfin::finance
