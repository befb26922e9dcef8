// Concession on user fees (BOT, BTO, BOO): the SPV builds, finances and operates, collects the user
// charges and market revenue, keeps the energy savings of the asset it runs, pays a share of the user
// charges to the city, and carries demand risk (softened by a minimum revenue guarantee if any).
// Nothing is solved: the equity IRR is a result. Formulas: docs/methodology/structures/concession.md.

#include "finance/errors.hpp"
#include "models/structures/build.hpp"
#include "models/structures/spv_finance.hpp"
#include "models/support.hpp"

namespace cityfin::models {
namespace {

void validateTerms(const ConcessionTerms& t, const Project& project) {
    validateDebtFinancing(t.debt, project.operatingYears, "terms.debt");
    if (!(t.concessionFeeShare >= 0.0 && t.concessionFeeShare <= 1.0))
        throw InputError("terms.concession_fee_share", formatValue(t.concessionFeeShare), "a share from 0 to 1");
}

// BTO: the city owns the asset from completion, so the SPV amortises an operating right (IFRIC 12's
// intangible asset) over the concession; BOT and BOO own the asset and depreciate it over its tax life.
int taxLife(const ConcessionTerms& t, const Project& project) {
    return t.variant == ConcessionTerms::Variant::Bto ? project.operatingYears : assetTaxLife(project);
}

// Guarantee payments and clawback for these flows (both zero without an MRG).
GuaranteeFlows guaranteeOf(const SupportTerms& support, const ProjectFlows& flows) {
    if (!support.minimumRevenueGuarantee)
        return {std::vector<double>(flows.periods(), 0.0), std::vector<double>(flows.periods(), 0.0)};
    return revenueGuarantee(*support.minimumRevenueGuarantee, flows, static_cast<int>(flows.periods()) - 1);
}

// The SPV's pre-tax operating cash: user charges net of the fee, market revenue, energy savings,
// guarantee payments less clawback, less opex and lifecycle. The residual value is not in it.
std::vector<double> operatingCash(const ConcessionTerms& t, const ProjectFlows& f, const GuaranteeFlows& g) {
    std::vector<double> cash(f.periods());
    for (std::size_t p = 0; p < cash.size(); ++p)
        cash[p] = f.userCharges[p] * (1.0 - t.concessionFeeShare) + f.marketRevenue[p] + f.energySavings[p] +
                  g.payment[p] - g.clawback[p] - f.opex[p] - f.lifecycle[p];
    return cash;
}

void bookRevenue(Ledger& ledger, const ConcessionTerms& t, const ProjectFlows& f, const GuaranteeFlows& g) {
    bookTransferIfAny(ledger, Party::Users, Party::Private, LineKind::UserCharge, f.userCharges);
    bookRealIfAny(ledger, Party::Private, LineKind::OtherRevenue, f.marketRevenue);
    bookRealIfAny(ledger, Party::Private, LineKind::EnergySavings, f.energySavings);
    std::vector<double> fee(f.periods());
    for (std::size_t p = 0; p < fee.size(); ++p) fee[p] = t.concessionFeeShare * f.userCharges[p];
    bookTransferIfAny(ledger, Party::Private, Party::Government, LineKind::RevenueShare, fee);
    bookTransferIfAny(ledger, Party::Government, Party::Private, LineKind::RevenueGuarantee, g.payment);
    bookTransferIfAny(ledger, Party::Private, Party::Government, LineKind::RevenueClawback, g.clawback);
    // BOT and BTO hand the asset to the city; under BOO the SPV keeps it.
    const Party owner = t.variant == ConcessionTerms::Variant::Boo ? Party::Private : Party::Government;
    bookRealIfAny(ledger, owner, LineKind::ResidualValue, f.residualValue);
}

} // namespace

StructureOutcome buildConcession(const Project& project, const ProjectFlows& flows, const ConcessionTerms& terms,
                                 const SupportTerms& support) {
    requireFlowsOfProject(flows, project);
    validateTerms(terms, project);
    validateSupport(support, project);
    const auto forecastHandle = forecastFlows(project, flows);  // what lenders size on at financial close
    const ProjectFlows& forecast = *forecastHandle;
    const double hurdle = spvEquityHurdle(terms.equityHurdle, project);
    const GuaranteeFlows guarantee = guaranteeOf(support, flows);

    PrivateFinanceInputs in = spvFinanceInputs(project, flows, forecast, terms.debt, support, taxLife(terms, project));
    in.operatingCash = operatingCash(terms, flows, guarantee);
    // What the city does not pay of its guarantee payments (the scenario's payment shortfall).
    const std::vector<double> unpaid = unpaidPart(flows, guarantee.payment);
    for (std::size_t p = 0; p < unpaid.size(); ++p) in.operatingCash[p] -= unpaid[p];
    in.sizingCash = operatingCash(terms, forecast, guaranteeOf(support, forecast));
    PrivateFinance finance = financePrivateParty(in);

    StructureOutcome out(flows.periods());
    bookSpvCosts(out.ledger, flows);
    bookRevenue(out.ledger, terms, flows, guarantee);
    bookArrears(out.ledger, unpaid);
    bookPrivateFinance(out.ledger, finance);
    bookSpvSupport(out.ledger, support, flows);
    finishSpvOutcome(out, support, std::move(finance), hurdle);
    return out;
}

} // namespace cityfin::models
