// Scenario kernels (models/risk/risk_run.hpp, ScenarioKernel): the structures the city runs itself,
// on flat arrays. Each party's flows in a scenario are base + V(scenario) - V(forecast): base the
// party's ledger flows on the forecast (everything the structure fixed at close is in them), V the
// part that moves with the scenario's project flows. The metrics follow as on the full path
// (detail::metricsInto, shared with scenarioMetrics).

#include "finance/debt.hpp"
#include "finance/metrics.hpp"
#include "models/risk/risk_run.hpp"
#include "models/risk/scenario_metrics.hpp"
#include "models/structures/booking.hpp"
#include "models/structures/build.hpp"
#include "models/structures/capital_phasing.hpp"

#include <algorithm>
#include <array>

namespace cityfin::models {
namespace {

constexpr std::size_t kGov = 0, kUsers = 3, kLenders = 2;  // kParties order, checked below
static_assert(kParties[kGov] == Party::Government && kParties[kUsers] == Party::Users &&
              kParties[kLenders] == Party::Lenders);

using Flows = std::array<std::vector<double>, kParties.size()>;  // one series per party

// The city's flows from the municipal loan (drawdowns in, interest and principal out) at the
// forecast capex, on the project timeline: bookMunicipalLoan's schedule.
std::vector<double> municipalLoan(const ProjectFlows& forecast, const TraditionalTerms& t) {
    const std::size_t n = forecast.periods(), c = static_cast<std::size_t>(forecast.constructionYears);
    std::vector<double> loan(n, 0.0);
    if (t.loanShare <= 0.0) return loan;
    std::vector<double> drawdowns(c);
    for (std::size_t i = 0; i < c; ++i) drawdowns[i] = t.loanShare * forecast.capex[i];
    const finance::DebtTerms terms{t.loanRate, 1, t.loanTenorYears, 0, finance::RepaymentProfile::Annuity,
                                   finance::DrawdownTiming::EndOfPeriod};
    const finance::DebtSchedule s = finance::constructionLoanSchedule(drawdowns, terms);
    for (std::size_t i = 0; i < n && i < s.size(); ++i) loan[i] = s.drawdown[i] - s.interestPaid[i] - s.principal[i];
    return loan;
}

} // namespace

std::optional<ScenarioKernel> ScenarioKernel::make(const Project& project, const Structure& structure) {
    ScenarioKernel k;
    if (std::holds_alternative<GreenBondTerms>(structure.terms)) {
        if (structure.support.taxIncrement || structure.support.crowdfunding) return std::nullopt;
        k.kind_ = Kind::GreenBond;
    } else if (std::holds_alternative<TraditionalTerms>(structure.terms)) {
        k.kind_ = Kind::Traditional;
    } else if (const auto* payg = std::get_if<PayAsYouGoTerms>(&structure.terms);
               payg && payg->variant == PayAsYouGoTerms::Variant::CapitalPhasing) {
        k.kind_ = Kind::CapitalPhasing;
        k.budget_ = payg->annualCapexBudget;
    } else {
        return std::nullopt;
    }
    const ProjectFlows forecast = projectFlows(project);
    const StructureOutcome outcome = [&] {
        if (k.kind_ != Kind::GreenBond) return buildOutcome(project, forecast, structure);
        std::lock_guard<std::mutex> lock(detail::quantLibMutex());
        return buildOutcome(project, forecast, structure);
    }();
    // The kernel's V moves the city's, the users' and (loan) the lenders' flows only: a private
    // party with flows, or a revenue guarantee, is not what these structures book.
    if (detail::hasFlows(outcome.ledger.partyFlows(Party::Private)) ||
        detail::hasFlows(outcome.ledger.lineTotal(Party::Private, LineKind::RevenueGuarantee)))
        return std::nullopt;
    if (k.kind_ == Kind::Traditional) k.loan_ = municipalLoan(forecast, std::get<TraditionalTerms>(structure.terms));
    for (Party p : kParties) {
        k.fixed_.push_back(outcome.ledger.partyFlows(p));
        k.rates_.push_back(p == Party::Private ? outcome.privateRate
                           : p == Party::Lenders && outcome.debt ? outcome.debt->schedule.periodRate
                                                                 : project.rates.publicRate);
    }
    // fixed = base - V(forecast): V at the forecast, with a capex factor of 1.
    thread_local Flows v;
    k.variablePart(forecast, 1.0, v);
    for (std::size_t i = 0; i < kParties.size(); ++i)
        for (std::size_t t = 0; t < k.fixed_[i].size(); ++t) k.fixed_[i][t] -= v[i][t];
    return k;
}

void ScenarioKernel::variablePart(const ProjectFlows& f, double capexFactor,
                                  std::array<std::vector<double>, kPartyCount>& v) const {
    const std::size_t n = f.periods();
    for (auto& x : v) x.assign(n, 0.0);
    if (kind_ == Kind::CapitalPhasing) {
        // buildCapitalPhasing: the works phased within the budget, operation and benefits in
        // proportion to the share in service, the whole residual value.
        const CapexPhasing phasing = phaseCapex(f, budget_);
        for (std::size_t t = 0; t < n; ++t) {
            const double w = phasing.inService[t];
            v[kGov][t] = -(phasing.works[t] * f.priceIndex[t]) + (-1.0 * f.opex[t] * w) + (-1.0 * f.lifecycle[t] * w) +
                         f.marketRevenue[t] * w + f.residualValue[t] + f.userCharges[t] * w + f.energySavings[t] * w;
            v[kUsers][t] = -(f.userCharges[t] * w);
        }
        return;
    }
    // The green bond and traditional procurement: the city takes the project's pre-financing cash
    // flow (user charges through the users); the municipal loan scales with the actual capex.
    for (std::size_t t = 0; t < n; ++t) {
        const double pre = f.userCharges[t] + f.marketRevenue[t] + f.energySavings[t] - f.opex[t] - f.lifecycle[t] +
                           (f.residualValue[t] - f.capex[t]);
        const double loan = loan_.empty() ? 0.0 : capexFactor * loan_[t];
        v[kGov][t] = pre + loan;
        v[kUsers][t] = -f.userCharges[t];
        v[kLenders][t] = -loan;
    }
}

std::vector<double> ScenarioKernel::metrics(const Project& project, const Scenario& scenario,
                                            const std::vector<RuleProbability>& rules) const {
    std::vector<double> m(kRiskMetricCount);
    metricsInto(project, scenario, projectFlows(project, scenario), rules, m);
    return m;
}

void ScenarioKernel::metricsInto(const Project& project, const Scenario& scenario, const ProjectFlows& flows,
                                 const std::vector<RuleProbability>& rules, std::span<double> out) const {
    thread_local Flows v;  // per-thread scratch: no allocation once a thread has run a scenario
    variablePart(flows, scenario.capexFactor, v);
    detail::ScenarioFigures p;
    for (std::size_t i = 0; i < kParties.size(); ++i) {
        std::vector<double>& x = v[i];
        for (std::size_t t = 0; t < x.size(); ++t) x[t] += fixed_[i][t];
        p.flows[i] = x;
        p.npv[i] = finance::npv(rates_[i], x);
    }
    // No private flows (checked in make()): no equity IRR, no DSCR, no guarantee.
    p.cityPresentCost = -p.npv[kGov];
    for (double x : v[kGov]) p.cityPeakOutlay = std::max(p.cityPeakOutlay, -x);
    detail::metricsInto(project, p, rules, out);
}

} // namespace cityfin::models
