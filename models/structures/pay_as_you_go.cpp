// Pay-as-you-go in its two senses. Service purchase: a provider owns and runs the system and the city
// pays an annual service fee from its current budget. Capital phasing (现收现付): the city borrows
// nothing and builds only as fast as its annual capex budget allows. Formulas:
// docs/methodology/structures/pay_as_you_go.md.

#include "finance/errors.hpp"
#include "finance/metrics.hpp"
#include "finance/solver.hpp"
#include "models/private_finance.hpp"
#include "models/structures/build.hpp"
#include "models/structures/capital_phasing.hpp"
#include "models/number_format.hpp"
#include "models/structures/city_operation.hpp"
#include "models/support.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace cityfin::models {
namespace {

// What the service contract fixes before the fee: the provider's hurdle, the contract periods and
// the fee's indexation.
struct ServiceContract {
    double hurdle = 0.0;
    double bid = 0.0;                ///< the return the fee is priced at: terms.bid_equity_irr, else the hurdle
    std::string target = "hurdle";   ///< its name in the notes
    int years = 0;
    std::vector<double> inContract;  ///< 1 in contract periods C .. C + years - 1, else 0
    std::vector<double> feeProfile;  ///< fee per unit of first-year fee: indexed, 0 when not in service
};

void validateServiceTerms(const PayAsYouGoTerms& t, const Project& project) {
    if (t.contractYears < 0 || t.contractYears > project.operatingYears)
        throw InputError("terms.contract_years", std::to_string(t.contractYears),
                         "0 (all operating years) to " + std::to_string(project.operatingYears) + " years");
    if (t.annualServiceFee && (!std::isfinite(*t.annualServiceFee) || *t.annualServiceFee < 0.0))
        throw InputError("terms.annual_service_fee", formatValue(*t.annualServiceFee), "a fee >= 0 per year");
    if (t.equityHurdle) requireRate("terms.equity_hurdle", *t.equityHurdle);
    if (t.bidEquityIrr) requireRate("terms.bid_equity_irr", *t.bidEquityIrr);
}

ServiceContract serviceContract(const Project& project, const ProjectFlows& flows, const PayAsYouGoTerms& t) {
    ServiceContract c;
    c.hurdle = t.equityHurdle.value_or(project.rates.privateRate);
    c.bid = t.bidEquityIrr.value_or(c.hurdle);
    if (t.bidEquityIrr) c.target = "bid return";
    c.years = t.contractYears > 0 ? t.contractYears : flows.operatingYears;
    const std::size_t n = flows.periods(), first = static_cast<std::size_t>(flows.constructionYears);
    c.inContract.assign(n, 0.0);
    c.feeProfile.assign(n, 0.0);
    for (std::size_t t = first; t < first + static_cast<std::size_t>(c.years); ++t) {
        c.inContract[t] = 1.0;
        // Pay per use: no service, no fee (a delay in the scenario costs the provider).
        // Unavailable service beyond the expected is not paid for either.
        if (flows.operating[t])
            c.feeProfile[t] = flows.priceIndex[t] / flows.priceIndex[first] * (1.0 - flows.availabilityShortfall);
    }
    return c;
}

// The whole ledger for a first-year fee. The provider pays capex and runs the system during the
// contract; afterwards the system passes to the city at no charge and the city runs it.
StructureOutcome serviceLedger(const Project& project, const ProjectFlows& flows, const SupportTerms& support,
                               const ServiceContract& c, double fee) {
    const std::size_t n = flows.periods();
    StructureOutcome outcome(n);
    outcome.privateRate = c.hurdle;
    Ledger& ledger = outcome.ledger;
    std::vector<double> afterContract(n);
    for (std::size_t t = 0; t < n; ++t) afterContract[t] = 1.0 - c.inContract[t];

    bookCostIfAny(ledger, Party::Private, LineKind::Capex, flows.capex);
    bookOperation(ledger, Party::Private, flows, c.inContract, c.inContract.back());
    bookOperation(ledger, Party::Government, flows, afterContract, afterContract.back());
    bookCityBenefits(ledger, flows, std::vector<double>(n, 1.0));
    std::vector<double> fees(n), operatingCash(n);
    for (std::size_t t = 0; t < n; ++t) fees[t] = fee * c.feeProfile[t];
    const std::vector<double> unpaid = unpaidPart(flows, fees);  // the scenario's payment shortfall
    for (std::size_t t = 0; t < n; ++t)
        operatingCash[t] = fees[t] - unpaid[t] + c.inContract[t] * (flows.marketRevenue[t] + flows.residualValue[t] -
                                                                    flows.opex[t] - flows.lifecycle[t]);
    bookTransferIfAny(ledger, Party::Government, Party::Private, LineKind::ServiceFee, fees);
    bookArrears(ledger, unpaid);

    // The provider's tax: it writes its capex off over the contract, when it owns the system.
    const int lifeYears = project.depreciationYears > 0 ? project.depreciationYears : project.operatingYears;
    const std::vector<double> providerSupport = privateUpfrontSupport(support, flows.capex, n);
    PrivateFinanceInputs in;
    in.capex = flows.capex;
    in.upfrontSupport = providerSupport;
    in.operatingCash = operatingCash;
    in.constructionYears = flows.constructionYears;
    in.taxRate = project.taxRate;
    in.depreciationYears = std::min(lifeYears, c.years);
    in.taxIncentive = support.taxIncentive;
    const PrivateFinance provider = financePrivateParty(in);
    bookTransferIfAny(ledger, Party::Private, Party::Government, LineKind::Tax, provider.tax);
    bookGrantsAndSubsidy(ledger, support, flows.capex);
    bookCoInvestment(ledger, support, equityFlows(in, provider));
    bookTaxIncrementAndCrowdfunding(ledger, support, flows, Party::Private);
    return outcome;
}

double providerNpv(const Project& project, const ProjectFlows& flows, const SupportTerms& support,
                   const ServiceContract& c, double fee) {
    return finance::npv(c.bid, serviceLedger(project, flows, support, c, fee).ledger.partyFlows(Party::Private));
}

// The first-year fee at which the provider's NPV at its bid return (by default its hurdle) is zero.
// The NPV rises with the fee (tax takes at most the rate of each extra unit), so the root is found
// on [0, hi] with hi doubled from the project's total cost until the NPV is positive. Fallback: 0.
double solveServiceFee(const Project& project, const ProjectFlows& flows, const SupportTerms& support,
                       const ServiceContract& c, std::vector<std::string>& notes) {
    const auto npvAt = [&](double fee) { return providerNpv(project, flows, support, c, fee); };
    const std::string hurdle = c.target + " of " + formatValue(c.bid * 100.0) + "%";
    if (npvAt(0.0) >= 0.0) {
        notes.push_back("The provider earns at least its " + hurdle +
                        " without a service fee: the fee is 0.");
        return 0.0;
    }
    double hi = 0.0;
    for (std::size_t t = 0; t < flows.periods(); ++t) hi += flows.capex[t] + flows.opex[t] + flows.lifecycle[t];
    hi = std::max(hi, 1.0);
    for (int i = 0; i < 60 && npvAt(hi) < 0.0; ++i) hi *= 2.0;
    finance::Answer fee;
    if (npvAt(hi) >= 0.0) fee = finance::solveBreakEven(npvAt, 0.0, 0.0, hi);
    else fee.reason = "no fee up to " + formatFixed(hi, 0) + " per year reaches it (no year of service is paid, or "
                      "tax takes every extra unit of fee)";
    if (fee.value) return *fee.value;
    notes.push_back("No service fee gives the provider its " + hurdle + ": " + fee.reason +
                    ". The fee is set to 0 so the provider's shortfall shows; give terms.annual_service_fee "
                    "to evaluate a fee of your own.");
    return 0.0;
}

void noteServiceSupport(StructureOutcome& outcome, const SupportTerms& support, const ServiceContract& c,
                        int operatingYears) {
    if (support.minimumRevenueGuarantee)
        noteIgnored(outcome.notes, "Minimum revenue guarantee",
                    "in a service purchase the city collects the user charges");
    if (support.creditGuarantee)
        noteIgnored(outcome.notes, "Credit guarantee", "the provider is modelled as financed by its own equity");
    if (c.years < operatingYears)
        outcome.notes.push_back("The service contract covers " + std::to_string(c.years) + " of the " +
                                std::to_string(operatingYears) +
                                " operating years; then the system passes to the city at no charge and the city "
                                "runs it (opex, lifecycle, market revenue and residual value).");
}

StructureOutcome buildServicePurchase(const Project& project, const ProjectFlows& flows, const PayAsYouGoTerms& terms,
                                      const SupportTerms& support) {
    validateServiceTerms(terms, project);
    const ServiceContract contract = serviceContract(project, flows, terms);
    std::vector<std::string> notes;
    // The provider bids its fee on the forecast, when the contract is signed (as a PPP's unitary
    // charge): a scenario's overrun, delay or downtime then falls on its return, not on the fee.
    const auto forecast = forecastFlows(project, flows);
    const double fee = terms.annualServiceFee
                           ? *terms.annualServiceFee
                           : solveServiceFee(project, *forecast, support, serviceContract(project, *forecast, terms), notes);
    StructureOutcome outcome = serviceLedger(project, flows, support, contract, fee);
    outcome.notes = std::move(notes);
    noteServiceSupport(outcome, support, contract, flows.operatingYears);
    if (!terms.annualServiceFee)
        outcome.solved.push_back({"annual_service_fee", "Service fee, first operating year", fee,
                                  project.currency + " per year"});
    return outcome;
}

} // namespace

StructureOutcome buildPayAsYouGo(const Project& project, const ProjectFlows& flows, const PayAsYouGoTerms& terms,
                                 const SupportTerms& support) {
    validateSupport(support, project);
    if (terms.variant == PayAsYouGoTerms::Variant::CapitalPhasing)
        return buildCapitalPhasing(project, flows, terms, support);
    return buildServicePurchase(project, flows, terms, support);
}

} // namespace cityfin::models
