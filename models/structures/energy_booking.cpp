#include "models/structures/energy_booking.hpp"

#include <algorithm>

namespace cityfin::models::energy_booking {

Amounts window(std::span<const double> amounts, std::size_t from, std::size_t to) {
    Amounts out(amounts.size(), 0.0);
    for (std::size_t t = from; t < to && t < amounts.size(); ++t) out[t] = amounts[t];
    return out;
}

Amounts minus(std::span<const double> amounts, std::span<const double> part) {
    Amounts out(amounts.begin(), amounts.end());
    for (std::size_t t = 0; t < out.size() && t < part.size(); ++t) out[t] -= part[t];
    return out;
}

Amounts scaled(std::span<const double> amounts, double factor) {
    Amounts out(amounts.size());
    std::transform(amounts.begin(), amounts.end(), out.begin(), [factor](double x) { return factor * x; });
    return out;
}

void bookRevenue(Ledger& ledger, const ProjectFlows& flows, Party holder, std::size_t from, std::size_t to) {
    bookTransferIfAny(ledger, Party::Users, holder, LineKind::UserCharge, window(flows.userCharges, from, to));
    bookRealIfAny(ledger, holder, LineKind::OtherRevenue, window(flows.marketRevenue, from, to));
}

void bookSavingsAndResidual(Ledger& ledger, const ProjectFlows& flows, Party owner) {
    bookRealIfAny(ledger, owner, LineKind::EnergySavings, flows.energySavings);
    bookRealIfAny(ledger, owner, LineKind::ResidualValue, flows.residualValue);
}

} // namespace cityfin::models::energy_booking
