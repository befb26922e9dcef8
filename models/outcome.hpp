#pragma once
// What a structure's mechanics produce: the ledger, and the financing facts behind it (debt
// schedule, bond figures, the terms it had to solve for). Every structure returns one of these; the
// evaluation turns it into metrics the same way for all of them.

#include "finance/bond.hpp"
#include "finance/coverage.hpp"
#include "finance/debt.hpp"
#include "models/ledger.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cityfin::models {

/// A term the structure derived rather than took from the case (the PPP unitary charge, ...).
struct SolvedTerm {
    std::string id;       ///< e.g. "unitary_charge"
    std::string label;    ///< e.g. "Unitary charge, first operating year"
    double value = 0.0;
    std::string unit;     ///< "CNY per year", "share", "years"
};

/// Borrowing by one party, on the project timeline.
struct DebtOutcome {
    std::string borrower;             ///< "private", "government"
    double amount = 0.0;              ///< total drawn
    finance::DebtSchedule schedule;   ///< on the project timeline
    std::optional<finance::CoverRatios> cover;  ///< when a CFADS exists (project finance)
    std::optional<std::string> sizingConstraint;  ///< "gearing" or "dscr"
    std::optional<double> targetDscr;             ///< the lenders' covenant, when sized on CFADS
    double floatingShare = 0.0;                   ///< share whose rate moves with Scenario::interestRateShift
};

/// The rate the lenders' flows are discounted at in a scenario whose rates moved by `rateShift`
/// after close: the debt's rate with its floating share moved (floored at 0, as the debt's own), so
/// that a floating loan is worth par to its lenders whatever the shift (their funding cost moved
/// alike) and only its fixed share changes value with the rates (docs/methodology/risk.md).
inline double lendersRate(double rate, double floatingShare, double rateShift) {
    const double moved = floatingShare * rateShift;
    return moved < -rate ? 0.0 : rate + moved;
}
inline double lendersRate(const DebtOutcome& d, double rateShift) {
    return lendersRate(d.schedule.periodRate, d.floatingShare, rateShift);
}

struct BondOutcome {
    double face = 0.0;
    double proceeds = 0.0;
    finance::BondFigures green;
    finance::BondFigures conventional;
    double greeniumSavingPv = 0.0;    ///< PV at the city's rate of the coupons saved net of green costs
    double tonnesCo2PerMillion = 0.0; ///< filled by the value assessment when outcomes exist
};

struct StructureOutcome {
    explicit StructureOutcome(std::size_t periods) : ledger(periods) {}

    Ledger ledger;
    double privateRate = 0.0;               ///< the private party's discount rate (its hurdle)
    std::optional<DebtOutcome> debt;
    std::optional<BondOutcome> bond;
    std::vector<SolvedTerm> solved;
    std::vector<std::string> notes;         ///< facts for the user, in plain words
    /// Share of the project's service delivered per period, 0 to 1, when the structure delivers
    /// less than the whole project (capital phasing); empty: the whole project once it operates.
    std::vector<double> serviceShare;
};

} // namespace cityfin::models
