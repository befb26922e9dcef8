#pragma once
// Escalation (indexation) of amounts on the model's period grid: index factors from a constant annual
// rate or from one rate per year, per-line escalation (CPI, CPI + spread, own rate, fixed), and
// real <-> nominal conversion of flows and of discount rates (Fisher).
// Formulas and references: docs/methodology/escalation-tax-solver.md.
//
// Timeline: period k (0-based) starts at time k / periodsPerYear years from the start of the grid;
// timeline year y holds periods [y * periodsPerYear, (y + 1) * periodsPerYear). Amounts given "in base
// prices" are in the money of the base period, whose factor is exactly 1. Escalation runs from the base
// period, whatever the start of operation: to escalate from the start of operation, make that period
// the base; periods before the base get factors below 1 (for a positive rate).

#include <cstddef>
#include <span>
#include <vector>

namespace cityfin::finance {

/// How the index moves within a year.
enum class EscalationStep {
    EveryPeriod,  ///< compounds each period: (1 + g)^t, t the period's time in years since the base
    Yearly        ///< steps once a year, on each anniversary of the base period: (1 + g)^floor(t)
};

struct EscalationGrid {
    int periodsPerYear = 1;        ///< 1, 2, 4 or 12
    std::size_t periods = 0;       ///< length of the timeline, at least 1
    std::size_t basePeriod = 0;    ///< the period whose factor is 1; below `periods`
    EscalationStep step = EscalationStep::EveryPeriod;
};

/// Number of timeline years the grid touches: ceil(periods / periodsPerYear).
std::size_t timelineYears(const EscalationGrid& grid);

/// Index factor per period for a constant annual rate (e.g. CPI 2%: 0.02).
std::vector<double> escalationFactors(double annualRate, const EscalationGrid& grid);

/// Index factor per period for one annual rate per timeline year: annualRates[y] is the growth over
/// timeline year y. Needs at least timelineYears(grid) rates (extra ones are ignored).
std::vector<double> escalationFactors(std::span<const double> annualRates, const EscalationGrid& grid);

/// How one line (an opex item, a tariff, an energy price) is indexed.
struct LineIndexation {
    enum class Basis {
        Cpi,      ///< follows CPI, plus `spread` (additive: energy at CPI + 1% has spread 0.01)
        OwnRate,  ///< its own constant annual rate, `ownRate`, whatever CPI does
        Fixed     ///< not indexed (a fixed-price contract): factor 1 throughout
    };
    Basis basis = Basis::Cpi;
    double spread = 0.0;   ///< only with Basis::Cpi; must be 0 otherwise
    double ownRate = 0.0;  ///< only with Basis::OwnRate
};

/// The line's annual rates per timeline year: cpiRates[y] + spread, ownRate, or 0. Each must stay
/// above -100%. cpiRates needs at least timelineYears(grid) values for Basis::Cpi.
std::vector<double> lineAnnualRates(std::span<const double> cpiRates, const LineIndexation& line,
                                    const EscalationGrid& grid);

/// The line's amounts in base-period prices, escalated: amounts[k] * factor_k of the line.
/// amounts has one value per period (grid.periods).
std::vector<double> escalateLine(std::span<const double> amountsInBasePrices,
                                 std::span<const double> cpiRates, const LineIndexation& line,
                                 const EscalationGrid& grid);

/// Nominal flows from real flows (money of the base period): real[k] * cpiFactors[k].
std::vector<double> realToNominal(std::span<const double> realFlows,
                                  std::span<const double> cpiFactors);

/// Real flows (money of the base period) from nominal flows: nominal[k] / cpiFactors[k].
std::vector<double> nominalToReal(std::span<const double> nominalFlows,
                                  std::span<const double> cpiFactors);

/// Fisher: (1 + nominal) = (1 + real)(1 + inflation), all rates for the same period length.
double nominalRateFromReal(double realRate, double inflation);
double realRateFromNominal(double nominalRate, double inflation);

} // namespace cityfin::finance
