// Revenue sharing with an operator that co-invests (Zhangzhou: a telecom co-invests and earns from
// value-added services). During the term the operator pays its shares of capex and running costs,
// collects all revenue and pays the city the rest of it; after the term the city runs the asset and
// takes everything. Formulas: docs/methodology/structures/revenue_sharing.md.

#include "finance/errors.hpp"
#include "models/structures/build.hpp"
#include "models/structures/energy_booking.hpp"
#include "models/support.hpp"

#include <cmath>
#include <string>

namespace cityfin::models {
namespace {

using namespace energy_booking;

void requireShare(const std::string& field, double x) {
    if (!std::isfinite(x) || x < 0.0 || x > 1.0) throw InputError(field, formatValue(x), "a share from 0 to 1");
}

void validateTerms(const ProjectFlows& flows, const RevenueSharingTerms& t) {
    requireShare("terms.operator_capex_share", t.operatorCapexShare);
    requireShare("terms.operator_opex_share", t.operatorOpexShare);
    requireShare("terms.operator_revenue_share", t.operatorRevenueShare);
    if (t.termYears < 0 || t.termYears > flows.operatingYears)
        throw InputError("terms.term_years", std::to_string(t.termYears),
                         "0 (all operating years) to " + std::to_string(flows.operatingYears) + " years");
}

// What the operator pays, collects and hands over, per period (magnitudes).
struct OperatorFlows {
    Amounts capex, opex, lifecycle, revenueShare, guarantee, clawback, unpaid;
    Amounts operatingCash;  // pre-tax: revenue collected - revenue share - costs + guarantee - clawback
};

OperatorFlows operatorFlows(const ProjectFlows& flows, const RevenueSharingTerms& t, const SupportTerms& s,
                            std::size_t from, std::size_t to) {
    const std::size_t n = flows.periods();
    OperatorFlows op;
    op.capex = scaled(flows.capex, t.operatorCapexShare);
    op.opex = scaled(window(flows.opex, from, to), t.operatorOpexShare);
    op.lifecycle = scaled(window(flows.lifecycle, from, to), t.operatorOpexShare);
    op.guarantee = op.clawback = Amounts(n, 0.0);
    if (s.minimumRevenueGuarantee) {
        GuaranteeFlows g = revenueGuarantee(*s.minimumRevenueGuarantee, flows, static_cast<int>(to) - 1);
        op.guarantee = std::move(g.payment);
        op.clawback = std::move(g.clawback);
    }
    op.revenueShare = op.operatingCash = Amounts(n, 0.0);
    for (std::size_t i = from; i < to; ++i) {
        const double collected = flows.userCharges[i] + flows.marketRevenue[i];
        op.revenueShare[i] = (1.0 - t.operatorRevenueShare) * collected;
        op.operatingCash[i] = collected - op.revenueShare[i] - op.opex[i] - op.lifecycle[i] + op.guarantee[i] -
                              op.clawback[i];
    }
    // What the city does not pay of its guarantee payments (the scenario's payment shortfall).
    op.unpaid = unpaidPart(flows, op.guarantee);
    for (std::size_t i = 0; i < n; ++i) op.operatingCash[i] -= op.unpaid[i];
    return op;
}

void bookCosts(Ledger& ledger, const ProjectFlows& flows, const OperatorFlows& op) {
    bookCostIfAny(ledger, Party::Private, LineKind::Capex, op.capex);
    bookCostIfAny(ledger, Party::Private, LineKind::Opex, op.opex);
    bookCostIfAny(ledger, Party::Private, LineKind::Lifecycle, op.lifecycle);
    bookCostIfAny(ledger, Party::Government, LineKind::Capex, minus(flows.capex, op.capex));
    bookCostIfAny(ledger, Party::Government, LineKind::Opex, minus(flows.opex, op.opex));
    bookCostIfAny(ledger, Party::Government, LineKind::Lifecycle, minus(flows.lifecycle, op.lifecycle));
}

} // namespace

StructureOutcome buildRevenueSharing(const Project& project, const ProjectFlows& flows, const RevenueSharingTerms& t,
                                     const SupportTerms& s) {
    validateSupport(s, project);
    validateTerms(flows, t);
    const std::size_t n = flows.periods(), from = static_cast<std::size_t>(flows.constructionYears);
    const int termYears = t.termYears > 0 ? t.termYears : flows.operatingYears;
    const std::size_t to = from + static_cast<std::size_t>(termYears);
    const OperatorFlows op = operatorFlows(flows, t, s, from, to);

    StructureOutcome outcome(n);
    outcome.privateRate = project.rates.privateRate;
    Ledger& ledger = outcome.ledger;
    bookCosts(ledger, flows, op);
    bookRevenue(ledger, flows, Party::Private, from, to);
    bookRevenue(ledger, flows, Party::Government, to, n);
    bookSavingsAndResidual(ledger, flows, Party::Government);
    bookTransferIfAny(ledger, Party::Private, Party::Government, LineKind::RevenueShare, op.revenueShare);
    bookTransferIfAny(ledger, Party::Government, Party::Private, LineKind::RevenueGuarantee, op.guarantee);
    bookTransferIfAny(ledger, Party::Private, Party::Government, LineKind::RevenueClawback, op.clawback);
    bookArrears(ledger, op.unpaid);

    // The operator funds its capex with equity (this structure has no project debt); tax on its profit.
    PrivateFinanceInputs in;
    in.capex = op.capex;
    in.upfrontSupport = privateUpfrontSupport(s, op.capex, n);
    in.operatingCash = op.operatingCash;
    in.constructionYears = flows.constructionYears;
    in.taxRate = project.taxRate;
    in.depreciationYears = depreciationLife(project, termYears);
    in.taxIncentive = s.taxIncentive;
    const PrivateFinance finance = financePrivateParty(in);
    bookGrantsAndSubsidy(ledger, s, op.capex);
    bookPrivateFinance(ledger, finance);
    // Crowdfunding lends to whoever funds most of the capex (the operator on a tie).
    const Party borrower = t.operatorCapexShare >= 0.5 ? Party::Private : Party::Government;
    bookTaxIncrementAndCrowdfunding(ledger, s, flows, borrower);
    Amounts equity = equityFlows(in, finance);
    if (borrower == Party::Private) {
        const Amounts crowd = crowdfundingFlows(s, flows, Party::Private);
        for (std::size_t i = 0; i < n; ++i) equity[i] += crowd[i];
    }
    bookCoInvestment(ledger, s, equity);
    outcome.notes.insert(outcome.notes.end(), finance.notes.begin(), finance.notes.end());
    noteIsIgnoredIf(outcome.notes, s.creditGuarantee.has_value(), "The credit guarantee",
                "the operator funds its share with equity; revenue sharing has no project debt to guarantee");
    return outcome;
}

} // namespace cityfin::models
