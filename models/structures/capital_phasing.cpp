#include "models/structures/capital_phasing.hpp"

#include "finance/errors.hpp"
#include "finance/metrics.hpp"
#include "models/number_format.hpp"
#include "models/structures/city_operation.hpp"
#include "models/support.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace cityfin::models {
namespace {

constexpr double kRelativeTolerance = 1e-12;  // a remainder this small (x total) is rounding, not a year

double plannedWorks(const ProjectFlows& flows, std::size_t t) {
    return t < flows.periods() && flows.priceIndex[t] > 0.0 ? flows.capex[t] / flows.priceIndex[t] : 0.0;
}

[[noreturn]] void throwTooSmall(double budget, double total, std::size_t periods, double remaining) {
    const double years = static_cast<double>(periods) + std::ceil(remaining / budget * (1.0 - kRelativeTolerance));
    throw InputError("terms.annual_capex_budget", formatValue(budget),
                     "a budget that completes the capex of " + formatValue(total) + " within the " +
                         std::to_string(periods) + " years of the project (at " + formatValue(budget) +
                         " per year it takes " + formatValue(years) + " years)");
}

} // namespace

CapexPhasing phaseCapex(const ProjectFlows& flows, double budget) {
    if (!std::isfinite(budget) || budget <= 0.0)
        throw InputError("terms.annual_capex_budget", formatValue(budget), "a budget > 0 per year");
    const std::size_t n = flows.periods();
    double total = 0.0;
    for (std::size_t t = 0; t < n; ++t) total += plannedWorks(flows, t);
    CapexPhasing p{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0), 0};
    double planned = 0.0, done = 0.0;
    for (std::size_t t = 0; t < n; ++t) {
        // Nothing to build (a scenario's capex factor of 0): all of it is in service from the start.
        if (flows.operating[t]) p.inService[t] = total > 0.0 ? std::min(1.0, done / total) : 1.0;
        planned += plannedWorks(flows, t);
        const double allowed = planned - done;  // the project's own schedule caps the pace
        p.works[t] = allowed <= budget * (1.0 + kRelativeTolerance) ? std::max(0.0, allowed) : budget;
        done += p.works[t];
        if (p.works[t] > 0.0) p.yearsToComplete = static_cast<int>(t) + 1;
    }
    if (total - done > kRelativeTolerance * total) throwTooSmall(budget, total, n, total - done);
    return p;
}

namespace {

struct PhasingCost {
    double benefitsDelayed = 0.0;  ///< PV of the operating net benefits that come later or never
    double capexDeferred = 0.0;    ///< PV saved by spending the capex later
};

PhasingCost phasingCost(const ProjectFlows& flows, const CapexPhasing& p, const std::vector<double>& phasedCapex,
                        double rate) {
    const std::vector<double> operating = flows.operatingCashFlow();
    std::vector<double> delayed(operating.size());
    for (std::size_t t = 0; t < delayed.size(); ++t) delayed[t] = (1.0 - p.inService[t]) * operating[t];
    const double capexDeferred = finance::npv(rate, flows.capex) - finance::npv(rate, phasedCapex);
    return {finance::npv(rate, delayed), capexDeferred};
}

void notePhasing(StructureOutcome& outcome, const Project& project, const ProjectFlows& flows, const CapexPhasing& p,
                 const PhasingCost& cost, double budget) {
    const double net = cost.benefitsDelayed - cost.capexDeferred;
    outcome.notes.push_back(
        "Capital phasing at " + formatFixed(budget, 0) + " per year (base-year prices) completes the capex in " +
        std::to_string(p.yearsToComplete) + " years instead of " + std::to_string(flows.constructionYears) +
        ". At the public rate of " + formatValue(project.rates.publicRate * 100.0) +
        // Operations that run at a net cost (opex above revenue) make their delay a saving, and the
        // net a gain: said in words rather than as a negative cost.
        (cost.benefitsDelayed >= 0.0
             ? "%, the net operating benefits delayed or lost are worth " + formatFixed(cost.benefitsDelayed, 0)
             : "%, the operations run at a net cost, so delaying them saves " + formatFixed(-cost.benefitsDelayed, 0)) +
        " (PV) and spending the capex later saves " + formatFixed(cost.capexDeferred, 0) + " (PV): phasing " +
        (net >= 0.0 ? "costs" : "saves") + " the city " + formatFixed(std::abs(net), 0) +
        " net against building on the project's schedule.");
    outcome.solved.push_back({"capex_years", "Years to complete the capex within the budget",
                              static_cast<double>(p.yearsToComplete), "years"});
    outcome.solved.push_back({"phasing_cost_pv", "Net cost of phasing to the city (PV at the public rate)", net,
                              project.currency});
}

} // namespace

StructureOutcome buildCapitalPhasing(const Project& project, const ProjectFlows& flows, const PayAsYouGoTerms& terms,
                                     const SupportTerms& support) {
    const CapexPhasing phasing = phaseCapex(flows, terms.annualCapexBudget);
    const std::size_t n = flows.periods();
    StructureOutcome outcome(n);
    outcome.privateRate = project.rates.privateRate;
    Ledger& ledger = outcome.ledger;

    std::vector<double> capex(n);
    for (std::size_t t = 0; t < n; ++t) capex[t] = phasing.works[t] * flows.priceIndex[t];
    bookCostIfAny(ledger, Party::Government, LineKind::Capex, capex);
    bookOperation(ledger, Party::Government, flows, phasing.inService, 1.0);  // complete by the horizon's end
    bookCityBenefits(ledger, flows, phasing.inService);
    outcome.serviceShare = phasing.inService;  // outcomes grow with the works in service

    bookGrantsAndSubsidy(ledger, withoutPrivateSupport(support), {});
    bookTaxIncrementAndCrowdfunding(ledger, support, flows, Party::Government);
    noteIgnoredPrivateSupport(outcome.notes, support, "pay-as-you-go capital phasing has no private party");
    if (support.crowdfunding && support.crowdfunding->amount > 0.0)
        outcome.notes.push_back("The crowdfunding tranche is borrowing in a plan meant to borrow nothing: it is "
                                "booked as the city's debt and does not change the phasing.");
    notePhasing(outcome, project, flows, phasing, phasingCost(flows, phasing, capex, project.rates.publicRate),
                terms.annualCapexBudget);
    return outcome;
}

} // namespace cityfin::models
