#include "models/structures/city_operation.hpp"

namespace cityfin::models {

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

} // namespace cityfin::models
