#include "models/evaluation.hpp"

#include "finance/metrics.hpp"
#include "models/ppp_spending.hpp"
#include "models/structures/build.hpp"

#include <algorithm>
#include <numeric>

namespace cityfin::models {
namespace {

bool hasFlows(const std::vector<double>& flows) {
    return std::any_of(flows.begin(), flows.end(), [](double x) { return x != 0.0; });
}

double partyRate(Party party, const Project& project, const StructureOutcome& outcome, double rateShift) {
    switch (party) {
    case Party::Private: return outcome.privateRate;
    case Party::Lenders: return outcome.debt ? lendersRate(*outcome.debt, rateShift) : project.rates.publicRate;
    default: return project.rates.publicRate;
    }
}

void fillCityFigures(Evaluation& e, const Project& project) {
    const auto& city = e.party(Party::Government).flows;
    e.cityPresentCost = -e.party(Party::Government).npv;
    e.cityPeakOutlay = 0.0;
    e.cityPeakYear = e.project.calendarYears.front();
    for (std::size_t t = 0; t < city.size(); ++t)
        if (-city[t] > e.cityPeakOutlay) {
            e.cityPeakOutlay = -city[t];
            e.cityPeakYear = e.project.calendarYears[t];
        }
    if (isPppKind(e.kind)) {
        const std::vector<double> paid = pppPayments(e.outcome.ledger);
        e.pppSpendingPeak = 0.0;
        e.pppSpendingYear = e.project.calendarYears.front();
        for (std::size_t t = 0; t < paid.size(); ++t)
            if (paid[t] > *e.pppSpendingPeak) {
                e.pppSpendingPeak = paid[t];
                e.pppSpendingYear = e.project.calendarYears[t];
            }
    }
    const auto guarantee = e.outcome.ledger.lineTotal(Party::Private, LineKind::RevenueGuarantee);
    e.guaranteePayments = std::accumulate(guarantee.begin(), guarantee.end(), 0.0);
    e.guaranteePaymentsPv = finance::npv(project.rates.publicRate, guarantee);
}

void fillCover(Evaluation& e) {
    if (e.outcome.debt && e.outcome.debt->cover) {
        e.minDscr = e.outcome.debt->cover->minDscr;
        e.averageDscr = e.outcome.debt->cover->averageDscr;
        e.llcr = e.outcome.debt->cover->llcrAtRepaymentStart;
    }
}

void fillPrivateFigures(Evaluation& e, bool fundsNoCapital) {
    const PartyResult& equity = e.party(Party::Private);
    if (!hasFlows(equity.flows)) {
        e.equityIrr.reason = e.equityMirr.reason = e.equityPayback.reason = "the private party has no flows";
        return;
    }
    if (fundsNoCapital && finance::startsWithOutlay(equity.flows)) {  // a shortfall paid before any fee
        e.equityIrr.reason = e.equityMirr.reason = e.equityPayback.reason =
            "the private party funds none of the capex: its flows price the guarantee, not a return on equity";
        fillCover(e);
        return;
    }
    if (!finance::startsWithOutlay(equity.flows)) {
        // A fee earned before anything is at stake: an IRR of such flows is a cost of borrowing
        // from the other side, not a return on equity (docs/methodology/metrics.md).
        e.equityIrr.reason = e.equityMirr.reason = e.equityPayback.reason =
            "the private party puts no money of its own at stake (its first flow is a receipt)";
        fillCover(e);
        return;
    }
    e.equityIrr = equity.irr;
    const bool privateDebt = e.outcome.debt && e.outcome.debt->borrower == "private";
    const double financeRate = privateDebt ? e.outcome.debt->schedule.periodRate : equity.discountRate;
    e.equityMirr = finance::mirr(equity.flows, financeRate, equity.discountRate);
    e.equityPayback = finance::payback(equity.flows);
    fillCover(e);
}

} // namespace

const PartyResult& Evaluation::party(Party p) const {
    return *std::find_if(parties.begin(), parties.end(), [p](const PartyResult& r) { return r.party == p; });
}

Evaluation evaluate(const Project& project, const Structure& structure, const Scenario& scenario) {
    ProjectFlows flows = projectFlows(project, scenario);
    StructureOutcome outcome = buildOutcome(project, flows, structure);
    Evaluation e{std::move(flows), std::move(outcome)};
    e.structureId = structure.id;
    e.structureName = structure.name;
    e.kind = structureKind(structure.terms);
    for (Party party : kParties) {
        PartyResult r;
        r.party = party;
        r.discountRate = partyRate(party, project, e.outcome, e.project.interestRateShift);
        r.flows = e.outcome.ledger.partyFlows(party);
        r.npv = finance::npv(r.discountRate, r.flows);
        r.irr = hasFlows(r.flows) ? finance::irr(r.flows) : finance::Answer{{}, "no flows", {}};
        e.parties.push_back(std::move(r));
    }
    e.projectIrr = finance::irr(e.project.preFinancingCashFlow());
    fillCityFigures(e, project);
    fillPrivateFigures(e, privateFundsNoCapital(structure.terms));
    return e;
}

std::vector<Evaluation> evaluateAll(const Project& project, const std::vector<Structure>& structures,
                                    const Scenario& scenario) {
    std::vector<Evaluation> all;
    for (const Structure& s : structures) all.push_back(evaluate(project, s, scenario));
    return all;
}

void attachSocialReturn(std::vector<Evaluation>& evaluations, const Project& project,
                        const std::vector<SocialOutcome>& outcomes, const std::vector<CarbonPricePoint>& carbonPrice,
                        const Scenario& scenario, const OutcomeFactors& factors) {
    if (outcomes.empty()) return;
    for (Evaluation& e : evaluations) {
        e.social = socialReturn(project, e.project, e.outcome, outcomes, carbonPrice, factors);
        e.greenBondImpact = greenBondImpact(project, e.project, e.outcome, *e.social, scenario);
        if (e.greenBondImpact && e.outcome.bond) e.outcome.bond->tonnesCo2PerMillion = e.greenBondImpact->tonnesCo2PerMillion;
    }
}

} // namespace cityfin::models
