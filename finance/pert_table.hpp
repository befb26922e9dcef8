#pragma once
// A fast inverse CDF for PERT drivers. Boost's ibeta_inv costs ~3 us per call, more than the rest
// of a scenario; the sampler uses this table instead: exact quantiles and slopes (1 / pdf) at
// kPertTableCells + 1 equally spaced u in [1/64, 63/64], cubic Hermite interpolation between them,
// and the exact ibeta_inv in the two tails (3% of draws) where the inverse CDF is singular.
// Interpolation error, measured in the tests: below 1e-9 of (max - min).

#include "finance/distributions.hpp"

#include <vector>

namespace cityfin::finance {

inline constexpr std::size_t kPertTableCells = 2048;

class PertQuantileTable {
public:
    /// Builds the table (kPertTableCells + 1 calls of ibeta_inv, a few milliseconds).
    explicit PertQuantileTable(const Distribution::Pert& pert);

    /// quantile(u) for u in [0, 1]; within 1e-9 (max - min) of the exact inverse CDF.
    double quantile(double u) const noexcept;

private:
    Distribution::Pert pert_;
    std::vector<double> x_;      // beta quantiles at the nodes, on [0, 1]
    std::vector<double> slope_;  // dx/du = 1 / beta pdf at the nodes
};

} // namespace cityfin::finance
