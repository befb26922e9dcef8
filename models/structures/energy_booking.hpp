#pragma once
// Booking steps of the green bond, ESPC and revenue-sharing structures: contract windows and signed
// shares of the project's positive magnitudes, and the revenue, savings and residual lines. Steps
// shared with the other structures: booking.hpp. Nothing here decides who pays what; each structure does.

#include "models/ledger.hpp"
#include "models/project.hpp"
#include "models/structures/booking.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace cityfin::models::energy_booking {

using Amounts = std::vector<double>;

/// The amounts of periods [from, to), zero elsewhere.
Amounts window(std::span<const double> amounts, std::size_t from, std::size_t to);
/// amounts - part, period by period.
Amounts minus(std::span<const double> amounts, std::span<const double> part);
/// factor x amounts.
Amounts scaled(std::span<const double> amounts, double factor);

/// User charges (Users -> holder) and market revenue (real) of periods [from, to).
void bookRevenue(Ledger& ledger, const ProjectFlows& flows, Party holder, std::size_t from, std::size_t to);
/// Energy savings and the residual value, both with the owner.
void bookSavingsAndResidual(Ledger& ledger, const ProjectFlows& flows, Party owner);

} // namespace cityfin::models::energy_booking
