// PPP availability payment (DBFO): the SPV designs, builds, finances and operates; the city pays a
// unitary charge in every operating year, less expected deductions for unavailability, and keeps the
// demand risk (user charges, market revenue, energy savings, the residual value at hand-back).
// Formulas: docs/methodology/structures/ppp_availability.md.

#include "finance/errors.hpp"
#include "finance/metrics.hpp"
#include "finance/solver.hpp"
#include "models/structures/build.hpp"
#include "models/structures/spv_finance.hpp"
#include "models/support.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cityfin::models {
namespace {

void validateTerms(const PppAvailabilityTerms& t, const Project& project) {
    validateDebtFinancing(t.debt, project.operatingYears, "terms.debt");
    if (t.unitaryCharge && (!std::isfinite(*t.unitaryCharge) || *t.unitaryCharge < 0.0))
        throw InputError("terms.unitary_charge", formatValue(*t.unitaryCharge),
                         "an amount >= 0 per year (or none, to solve it)");
    if (t.bidEquityIrr) requireRate("terms.bid_equity_irr", *t.bidEquityIrr);
    if (!(t.indexation >= 0.0 && t.indexation <= 1.0))
        throw InputError("terms.indexation", formatValue(t.indexation), "a share from 0 to 1");
    if (!(t.expectedDeductions >= 0.0 && t.expectedDeductions < 1.0))
        throw InputError("terms.expected_deductions", formatValue(t.expectedDeductions),
                         "a share from 0 to below 1 (all of the charge deducted leaves no contract)");
    if (!(t.deductionMultiplier >= 0.0 && t.deductionMultiplier <= 10.0))
        throw InputError("terms.deduction_multiplier", formatValue(t.deductionMultiplier),
                         "a multiplier from 0 to 10 (1: the charge deducted in proportion to the service lost)");
}

// UC_t / UC_1 per period: indexation x P_t / P_first + (1 - indexation) while the asset is in service.
// P_first is the price index of the contractual first operating year, so a delay does not re-base it.
std::vector<double> chargeProfile(const PppAvailabilityTerms& t, const ProjectFlows& flows) {
    const double base = flows.priceIndex[static_cast<std::size_t>(flows.constructionYears)];
    std::vector<double> profile(flows.periods(), 0.0);
    for (std::size_t p = 0; p < profile.size(); ++p)
        if (flows.operating[p]) profile[p] = t.indexation * flows.priceIndex[p] / base + (1.0 - t.indexation);
    return profile;
}

// The SPV's pre-tax operating cash for a first-year charge uc1: net charge - opex - lifecycle.
void spvOperatingCash(double uc1, double keep, const std::vector<double>& profile, const ProjectFlows& flows,
                      std::vector<double>& cash) {
    cash.resize(profile.size());
    for (std::size_t p = 0; p < cash.size(); ++p)
        cash[p] = uc1 * profile[p] * keep - flows.opex[p] - flows.lifecycle[p];
}

// Everything the solve needs on the forecast, computed once.
struct ChargeSolve {
    PrivateFinanceInputs inputs;
    std::vector<double> profile, crowd;
    double keep = 1.0, hurdle = 0.0;  ///< the return the charge is priced at: the bid's, else the hurdle

    double equityNpv(double uc1) {
        for (const auto& [x, fx] : seen)  // the solver asks again for the ends of the bracket
            if (x == uc1) return fx;
        spvOperatingCash(uc1, keep, profile, forecastFlows, inputs.operatingCash);
        const PrivateFinance f = financePrivateParty(inputs);
        std::vector<double> equity = equityFlows(inputs, f);
        for (std::size_t p = 0; p < equity.size(); ++p) equity[p] += crowd[p];
        seen.emplace_back(uc1, finance::npv(hurdle, equity));
        return seen.back().second;
    }
    const ProjectFlows& forecastFlows;
    std::vector<std::pair<double, double>> seen = {};
    std::string target = "hurdle";    ///< the name of the return priced at, in the notes
};

// A charge large enough to start the bracket: the capital recovery of capex at the hurdle plus the
// average annual costs, grossed up for deductions and tax, doubled.
double firstUpperGuess(const ProjectFlows& f, double hurdle, double keep, double taxRate) {
    const double capex = std::accumulate(f.capex.begin(), f.capex.end(), 0.0);
    const double costs = std::accumulate(f.opex.begin(), f.opex.end(), 0.0) +
                         std::accumulate(f.lifecycle.begin(), f.lifecycle.end(), 0.0);
    const double m = f.operatingYears, h = std::max(hurdle, 1e-6);
    const double recovery = capex * std::pow(1.0 + h, f.constructionYears) * h / -std::expm1(-m * std::log1p(h));
    return 2.0 * (recovery + costs / m) / (keep * std::max(1.0 - taxRate, 0.05)) + 1.0;
}

constexpr int kMaxDoublings = 20;

// Solves UC_1 >= 0 so that the equity NPV at the bid's return is 0 (equity IRR = bid return, by default
// the hurdle) on the forecast.
// No charge needed or none enough: the documented outcomes, stated in the notes.
double solveUnitaryCharge(ChargeSolve& solve, double taxRate, const Project& project, StructureOutcome& out) {
    const std::string hurdle = solve.target + " " + formatValue(solve.hurdle);
    const auto solved = [&](double uc1) {
        out.solved.push_back({"unitary_charge", "Unitary charge, first operating year", uc1, project.currency + " per year"});
        return uc1;
    };
    if (solve.equityNpv(0.0) >= 0.0) {
        out.notes.push_back("unitary charge: the support alone gives the investors at least their " + hurdle +
                            "; the solved charge is 0 (no charge can be negative)");
        return solved(0.0);
    }
    const double guess = firstUpperGuess(solve.forecastFlows, solve.hurdle, solve.keep, taxRate);
    const auto unsolved = [&](const std::string& why) {
        out.notes.push_back("unitary charge: " + why + "; the ledger shows a charge of " + formatValue(guess) + " " +
                            project.currency + " a year (twice the charge that recovers the capex at the hurdle and "
                            "the costs), and the structure is not feasible as specified");
        return guess;
    };
    double hi = guess;
    int doublings = 0;
    while (solve.equityNpv(hi) <= 0.0) {
        if (++doublings > kMaxDoublings)
            return unsolved("no charge up to " + formatValue(hi) + " " + project.currency +
                            " a year gives the investors their " + hurdle);
        hi *= 2.0;
    }
    finance::SolverOptions options;
    options.accuracy = 1e-9 * hi;
    const double lo = doublings > 0 ? hi / 2.0 : 0.0;  // its NPV is known to be <= 0
    const finance::Answer root =
        finance::solveBreakEven([&](double uc) { return solve.equityNpv(uc); }, 0.0, lo, hi, options);
    if (!root) return unsolved("not solved (" + root.reason + ")");
    return solved(*root.value);
}

void bookCityRevenue(Ledger& ledger, const ProjectFlows& flows) {
    bookTransferIfAny(ledger, Party::Users, Party::Government, LineKind::UserCharge, flows.userCharges);
    bookRealIfAny(ledger, Party::Government, LineKind::OtherRevenue, flows.marketRevenue);
    bookRealIfAny(ledger, Party::Government, LineKind::EnergySavings, flows.energySavings);
    bookRealIfAny(ledger, Party::Government, LineKind::ResidualValue, flows.residualValue);
}

} // namespace

StructureOutcome buildPppAvailability(const Project& project, const ProjectFlows& flows,
                                      const PppAvailabilityTerms& terms, const SupportTerms& support) {
    requireFlowsOfProject(flows, project);
    validateTerms(terms, project);
    validateSupport(support, project);
    const std::size_t n = flows.periods();
    const auto forecastHandle = forecastFlows(project, flows);  // what lenders and bidders see at financial close
    const ProjectFlows& forecast = *forecastHandle;
    const double hurdle = spvEquityHurdle(terms.equityHurdle, project);
    const double keep = 1.0 - terms.expectedDeductions;
    // In the scenario, the service unavailable beyond the expected is deducted too.
    const double deducted = std::min(1.0, terms.expectedDeductions + terms.deductionMultiplier * flows.availabilityShortfall);
    const double actualKeep = 1.0 - deducted;
    StructureOutcome out(n);

    double uc1 = terms.unitaryCharge.value_or(0.0);
    if (!terms.unitaryCharge) {
        ChargeSolve solve{spvFinanceInputs(project, forecast, forecast, terms.debt, support, assetTaxLife(project)),
                          chargeProfile(terms, forecast), crowdfundingFlows(support, forecast, Party::Private), keep,
                          terms.bidEquityIrr.value_or(hurdle), forecast};
        if (terms.bidEquityIrr) solve.target = "bid return";
        solve.inputs.sizingCapex.reset();  // on the forecast, sizing and actual coincide
        solve.inputs.sizingUpfrontSupport.reset();
        uc1 = solveUnitaryCharge(solve, project.taxRate, project, out);
    }

    PrivateFinanceInputs in = spvFinanceInputs(project, flows, forecast, terms.debt, support, assetTaxLife(project));
    const std::vector<double> actualProfile = chargeProfile(terms, flows);
    spvOperatingCash(uc1, actualKeep, actualProfile, flows, in.operatingCash);
    std::vector<double> charge(n), deduction(n), net(n);
    for (std::size_t p = 0; p < n; ++p) {
        charge[p] = uc1 * actualProfile[p];
        deduction[p] = deducted * charge[p];
        net[p] = charge[p] - deduction[p];
    }
    // What the city does not pay of the net charge (the scenario's payment shortfall): the SPV's loss.
    const std::vector<double> unpaid = unpaidPart(flows, net);
    for (std::size_t p = 0; p < n; ++p) in.operatingCash[p] -= unpaid[p];
    std::vector<double> sizingCash;
    spvOperatingCash(uc1, keep, chargeProfile(terms, forecast), forecast, sizingCash);
    in.sizingCash = std::move(sizingCash);
    PrivateFinance finance = financePrivateParty(in);

    bookSpvCosts(out.ledger, flows);
    bookTransferIfAny(out.ledger, Party::Government, Party::Private, LineKind::UnitaryCharge, charge);
    bookTransferIfAny(out.ledger, Party::Private, Party::Government, LineKind::AvailabilityDeduction, deduction);
    bookArrears(out.ledger, unpaid);
    bookCityRevenue(out.ledger, flows);
    bookPrivateFinance(out.ledger, finance);
    bookSpvSupport(out.ledger, support, flows);
    if (support.minimumRevenueGuarantee)
        out.notes.push_back("minimum revenue guarantee: not applicable, the city keeps demand risk (it collects the "
                            "user charges and pays for availability); ignored");
    finishSpvOutcome(out, support, std::move(finance), hurdle);
    return out;
}

} // namespace cityfin::models
