#include "models/structures/spv_finance.hpp"

#include "finance/errors.hpp"
#include "finance/metrics.hpp"
#include "models/number_format.hpp"
#include "models/support.hpp"

namespace cityfin::models {
namespace {

// Equity IRR within this of the hurdle counts as meeting it (a solved charge lands within ~1e-9).
constexpr double kHurdleTolerance = 1e-7;

void noteEquityBelowHurdle(StructureOutcome& outcome, double hurdle) {
    const std::vector<double> equity = outcome.ledger.partyFlows(Party::Private);
    if (!anyNonZero(equity)) return;
    const finance::Answer irr = finance::irr(equity);
    if (!irr)
        outcome.notes.push_back("equity IRR: none (" + irr.reason + "); the hurdle is " + formatPercent(hurdle, 2));
    else if (*irr.value < hurdle - kHurdleTolerance)
        outcome.notes.push_back("equity IRR " + formatPercent(*irr.value, 2) + " is below the hurdle " + formatPercent(hurdle, 2));
}

} // namespace

double spvEquityHurdle(const std::optional<double>& hurdle, const Project& project) {
    if (!hurdle) return project.rates.privateRate;
    requireRate("terms.equity_hurdle", *hurdle);
    return *hurdle;
}

void requireFlowsOfProject(const ProjectFlows& flows, const Project& project) {
    if (flows.constructionYears != project.constructionYears || flows.operatingYears != project.operatingYears ||
        flows.periods() != static_cast<std::size_t>(project.periods()))
        throw InputError("flows", std::to_string(flows.periods()) + " periods",
                         "the project's " + std::to_string(project.periods()) + " periods (" +
                             std::to_string(project.constructionYears) + " construction years)");
}

PrivateFinanceInputs spvFinanceInputs(const Project& project, const ProjectFlows& actual, const ProjectFlows& forecast,
                                      const DebtFinancing& debt, const SupportTerms& support, int depreciationYears) {
    const std::size_t n = actual.periods();
    PrivateFinanceInputs in;
    in.capex = actual.capex;
    in.sizingCapex = forecast.capex;
    in.upfrontSupport = privateUpfrontSupport(support, actual.capex, n);
    // Lenders size on the base case at financial close, its support included [Y ch. 13]; the actual
    // support only changes the sources of funds (docs/methodology/private-finance.md, section 1).
    in.sizingUpfrontSupport = privateUpfrontSupport(support, forecast.capex, n);
    in.constructionYears = project.constructionYears;
    in.debt = debt;
    in.taxRate = project.taxRate;
    in.depreciationYears = depreciationYears;
    in.taxIncentive = support.taxIncentive;
    in.rateShift = actual.interestRateShift;
    if (support.creditGuarantee) {
        in.guaranteeFeeRate = support.creditGuarantee->feeRate;
        in.rateReduction = support.creditGuarantee->spreadReduction;
    }
    return in;
}

void bookSpvCosts(Ledger& ledger, const ProjectFlows& flows) {
    bookCostIfAny(ledger, Party::Private, LineKind::Capex, flows.capex);
    bookCostIfAny(ledger, Party::Private, LineKind::Opex, flows.opex);
    bookCostIfAny(ledger, Party::Private, LineKind::Lifecycle, flows.lifecycle);
}

void bookSpvSupport(Ledger& ledger, const SupportTerms& support, const ProjectFlows& flows) {
    bookGrantsAndSubsidy(ledger, support, flows.capex);
    bookTaxIncrementAndCrowdfunding(ledger, support, flows, Party::Private);
}

void finishSpvOutcome(StructureOutcome& outcome, const SupportTerms& support, PrivateFinance&& finance,
                      double hurdle) {
    bookCoInvestment(outcome.ledger, support, outcome.ledger.partyFlows(Party::Private));
    outcome.privateRate = hurdle;
    for (std::string& note : finance.notes) outcome.notes.push_back("senior debt: " + std::move(note));
    outcome.debt = std::move(finance.debt);
    noteEquityBelowHurdle(outcome, hurdle);
}

} // namespace cityfin::models
