#include "models/structures/city_operation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cityfin::models {

bool anyNonZero(std::span<const double> amounts) {
    return std::any_of(amounts.begin(), amounts.end(), [](double x) { return x != 0.0; });
}

void bookRealIfAny(Ledger& ledger, Party party, LineKind kind, std::span<const double> amounts) {
    if (anyNonZero(amounts)) ledger.addReal(party, kind, amounts);
}

void bookTransferIfAny(Ledger& ledger, Party payer, Party payee, LineKind kind, std::span<const double> amounts) {
    if (anyNonZero(amounts)) ledger.addTransfer(payer, payee, kind, amounts);
}

std::vector<double> weighted(std::span<const double> amounts, std::span<const double> weight, double sign) {
    std::vector<double> out(amounts.size(), 0.0);
    for (std::size_t t = 0; t < out.size() && t < weight.size(); ++t) out[t] = sign * amounts[t] * weight[t];
    return out;
}

void bookOperation(Ledger& ledger, Party party, const ProjectFlows& flows, std::span<const double> weight,
                   double residualShare) {
    bookRealIfAny(ledger, party, LineKind::Opex, weighted(flows.opex, weight, -1.0));
    bookRealIfAny(ledger, party, LineKind::Lifecycle, weighted(flows.lifecycle, weight, -1.0));
    bookRealIfAny(ledger, party, LineKind::OtherRevenue, weighted(flows.marketRevenue, weight));
    const std::vector<double> share(flows.periods(), residualShare);
    bookRealIfAny(ledger, party, LineKind::ResidualValue, weighted(flows.residualValue, share));
}

void bookCityBenefits(Ledger& ledger, const ProjectFlows& flows, std::span<const double> weight) {
    bookTransferIfAny(ledger, Party::Users, Party::Government, LineKind::UserCharge, weighted(flows.userCharges, weight));
    bookRealIfAny(ledger, Party::Government, LineKind::EnergySavings, weighted(flows.energySavings, weight));
}

SupportTerms withoutPrivateSupport(const SupportTerms& support) {
    SupportTerms city = support;
    std::erase_if(city.grants, [](const Grant& g) { return g.toPrivate; });
    city.constructionSubsidyShare = 0.0;
    return city;
}

void noteIgnored(StructureOutcome& outcome, std::string_view instrument, std::string_view why) {
    outcome.notes.push_back(std::string(instrument) + " ignored: " + std::string(why) + ".");
}

void noteIgnoredPrivateSupport(StructureOutcome& outcome, const SupportTerms& s, std::string_view why) {
    for (const Grant& g : s.grants)
        if (g.toPrivate)
            noteIgnored(outcome, "Grant to the private party" + (g.source.empty() ? "" : " from " + g.source), why);
    if (s.constructionSubsidyShare > 0.0) noteIgnored(outcome, "Construction subsidy", why);
    if (s.minimumRevenueGuarantee) noteIgnored(outcome, "Minimum revenue guarantee", why);
    if (s.creditGuarantee) noteIgnored(outcome, "Credit guarantee", why);
    if (s.taxIncentive) noteIgnored(outcome, "Tax incentive", why);
    if (s.coInvestment) noteIgnored(outcome, "Public co-investment", why);
}

std::string formatMoney(double amount) {
    char digits[64];
    std::snprintf(digits, sizeof digits, "%.0f", std::abs(amount));
    std::string plain = digits, grouped;
    for (std::size_t i = 0; i < plain.size(); ++i) {
        if (i > 0 && (plain.size() - i) % 3 == 0) grouped += ',';
        grouped += plain[i];
    }
    return (amount <= -0.5 ? "-" : "") + grouped;
}

} // namespace cityfin::models
