#include "finance/pert_table.hpp"

#include <boost/math/special_functions/beta.hpp>

#include <algorithm>
#include <cmath>

namespace cityfin::finance {

namespace {

using FastPolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

constexpr double kTableLow = 1.0 / 64.0;
constexpr double kTableHigh = 63.0 / 64.0;
constexpr double kStep = (kTableHigh - kTableLow) / static_cast<double>(kPertTableCells);

double exactBetaQuantile(const Distribution::Pert& p, double u) {
    if (u <= 0.0) return 0.0;
    if (u >= 1.0) return 1.0;
    return boost::math::ibeta_inv(p.alpha, p.beta, u, FastPolicy());
}

} // namespace

PertQuantileTable::PertQuantileTable(const Distribution::Pert& pert) : pert_(pert) {
    if (pert.max == pert.min) return;  // constant: quantile() never reads the table
    x_.resize(kPertTableCells + 1);
    slope_.resize(kPertTableCells + 1);
    for (std::size_t k = 0; k <= kPertTableCells; ++k) {
        const double u = kTableLow + static_cast<double>(k) * kStep;
        x_[k] = exactBetaQuantile(pert, u);
        // Inside the table u is in [1/64, 63/64], so x is interior and the pdf positive.
        slope_[k] = 1.0 / boost::math::ibeta_derivative(pert.alpha, pert.beta, x_[k], FastPolicy());
    }
}

double PertQuantileTable::quantile(double u) const noexcept {
    const double width = pert_.max - pert_.min;
    if (width == 0.0) return pert_.min;
    if (!(u >= kTableLow && u <= kTableHigh)) return pert_.min + width * exactBetaQuantile(pert_, u);
    const double t = (u - kTableLow) / kStep;
    const std::size_t k = std::min(static_cast<std::size_t>(t), kPertTableCells - 1);
    const double s = t - static_cast<double>(k);
    // Cubic Hermite basis on [0, 1] with slopes scaled by the cell width.
    const double s2 = s * s, s3 = s2 * s;
    const double h00 = 2.0 * s3 - 3.0 * s2 + 1.0, h10 = s3 - 2.0 * s2 + s;
    const double h01 = -2.0 * s3 + 3.0 * s2, h11 = s3 - s2;
    const double x = h00 * x_[k] + h10 * kStep * slope_[k] + h01 * x_[k + 1] + h11 * kStep * slope_[k + 1];
    // Exact slopes keep the cubic inside its cell; the clamp guarantees monotonicity regardless.
    return pert_.min + width * std::clamp(x, x_[k], x_[k + 1]);
}

} // namespace cityfin::finance
