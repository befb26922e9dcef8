// Build-transfer with deferred payment (BT): a contractor builds with its own short-term finance,
// hands the asset over at completion, and the city pays the purchase price in level instalments,
// then operates the asset. Formulas: docs/methodology/structures/build_transfer.md.
//
// Timing (the model's: all of year t's flows at time t): construction year t's capex is spent at time t
// and carried for C - 1 - t years to completion with the last construction year's capex at time C - 1;
// the level instalments follow at times C .. C + N - 1, so the contractor earns exactly its finance
// rate plus the margin, as lenders do on an end-of-period construction loan.

#include "finance/errors.hpp"
#include "finance/metrics.hpp"
#include "models/private_finance.hpp"
#include "models/structures/build.hpp"
#include "models/number_format.hpp"
#include "models/structures/city_operation.hpp"
#include "models/support.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace cityfin::models {
namespace {

void validateTerms(const BuildTransferTerms& t, const Project& project) {
    if (!std::isfinite(t.contractorMargin) || t.contractorMargin < 0.0)
        throw InputError("terms.contractor_margin", formatValue(t.contractorMargin), "a finite share >= 0");
    requireRate("terms.contractor_finance_rate", t.contractorFinanceRate);
    requireRate("terms.instalment_rate", t.instalmentRate);
    if (t.instalmentYears < 1 || t.instalmentYears > project.operatingYears)
        throw InputError("terms.instalment_years", std::to_string(t.instalmentYears),
                         "1 to " + std::to_string(project.operatingYears) + " years, paid within the operating years");
}

struct Price {
    double gross = 0.0;          ///< (1 + m) x contract capex carried to completion
    double supportCredit = 0.0;  ///< support to the contractor carried to completion
    double net = 0.0;            ///< what the city owes at completion, >= 0
};

// P = (1 + m) sum_t K_t (1 + f)^(C-1-t) - sum_t S_t (1 + f)^(C-1-t), K the contract capex (the
// forecast at the forecast price index: a fixed price, so overruns and construction inflation above
// the forecast stay with the contractor), S the grants and subsidy the
// contractor receives (a support paid after completion enters at its value at completion).
Price purchasePrice(const Project& project, const ProjectFlows& flows, const BuildTransferTerms& t,
                    std::span<const double> contractorSupport) {
    const int c = flows.constructionYears;
    const auto carry = [&](int period) { return std::pow(1.0 + t.contractorFinanceRate, c - 1 - period); };
    Price p;
    for (int i = 0; i < c; ++i)
        p.gross += project.capex[static_cast<std::size_t>(i)] * flows.forecastPriceIndex[static_cast<std::size_t>(i)] * carry(i);
    p.gross *= 1.0 + t.contractorMargin;
    for (std::size_t i = 0; i < contractorSupport.size(); ++i)
        p.supportCredit += contractorSupport[i] * carry(static_cast<int>(i));
    p.net = std::max(0.0, p.gross - p.supportCredit);
    return p;
}

// Level instalments, -PMT(i, N, P), in operating periods C .. C + N - 1.
std::vector<double> instalments(const ProjectFlows& flows, const BuildTransferTerms& t, double price, double& level) {
    level = -finance::pmt(t.instalmentRate, t.instalmentYears, price);
    std::vector<double> paid(flows.periods(), 0.0);
    for (int k = 0; k < t.instalmentYears; ++k) paid[static_cast<std::size_t>(flows.constructionYears + k)] = level;
    return paid;
}

void noteSupport(StructureOutcome& outcome, const SupportTerms& support, const Price& price) {
    if (price.supportCredit > 0.0)
        outcome.notes.push_back("Support paid to the contractor (" + formatFixed(price.supportCredit, 0) +
                                " at completion value) reduces the purchase price from " + formatFixed(price.gross, 0) +
                                " to " + formatFixed(price.net, 0) + ".");
    if (price.supportCredit > price.gross)
        outcome.notes.push_back("The support paid to the contractor exceeds the price: the city owes nothing at "
                                "completion and the contractor keeps the excess.");
    if (support.minimumRevenueGuarantee)
        noteIgnored(outcome.notes, "Minimum revenue guarantee", "in build-transfer the city collects the user charges");
    if (support.creditGuarantee)
        noteIgnored(outcome.notes, "Credit guarantee",
                    "the contractor's short-term finance is priced in its finance rate");
}

} // namespace

StructureOutcome buildBuildTransfer(const Project& project, const ProjectFlows& flows, const BuildTransferTerms& terms,
                                    const SupportTerms& support) {
    validateSupport(support, project);
    validateTerms(terms, project);
    const std::size_t n = flows.periods();
    StructureOutcome outcome(n);
    outcome.privateRate = project.rates.privateRate;
    Ledger& ledger = outcome.ledger;

    // The contractor builds and is paid the price in instalments.
    bookCostIfAny(ledger, Party::Private, LineKind::Capex, flows.capex);
    const std::vector<double> contractorSupport = privateUpfrontSupport(support, flows.capex, n);
    bookGrantsAndSubsidy(ledger, support, flows.capex);
    const Price price = purchasePrice(project, flows, terms, contractorSupport);
    double level = 0.0;
    const std::vector<double> paid = instalments(flows, terms, price.net, level);
    bookTransferIfAny(ledger, Party::Government, Party::Private, LineKind::Instalment, paid);
    const std::vector<double> unpaid = unpaidPart(flows, paid);  // the scenario's payment shortfall
    bookArrears(ledger, unpaid);

    // Its tax: the cost of the works is set against the instalments over the instalment years.
    PrivateFinanceInputs in;
    in.capex = flows.capex;
    in.upfrontSupport = contractorSupport;
    in.operatingCash = paid;
    for (std::size_t t = 0; t < n; ++t) in.operatingCash[t] -= unpaid[t];
    in.constructionYears = flows.constructionYears;
    in.taxRate = project.taxRate;
    in.depreciationYears = terms.instalmentYears;
    in.taxIncentive = support.taxIncentive;
    const PrivateFinance contractor = financePrivateParty(in);
    bookTransferIfAny(ledger, Party::Private, Party::Government, LineKind::Tax, contractor.tax);
    outcome.notes.insert(outcome.notes.end(), contractor.notes.begin(), contractor.notes.end());
    bookCoInvestment(ledger, support, equityFlows(in, contractor));

    // The city owns and operates the asset from completion.
    const std::vector<double> all(n, 1.0);
    bookOperation(ledger, Party::Government, flows, all, 1.0);
    bookCityBenefits(ledger, flows, all);
    bookTaxIncrementAndCrowdfunding(ledger, support, flows, Party::Government);

    noteSupport(outcome, support, price);
    outcome.solved.push_back({"purchase_price", "Purchase price at completion", price.net, project.currency});
    outcome.solved.push_back({"instalment", "Annual instalment", level, project.currency + " per year"});
    return outcome;
}

} // namespace cityfin::models
