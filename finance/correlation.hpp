#pragma once
// A validated correlation matrix between risk drivers and its Cholesky factor, applied to
// independent standard normals to make correlated ones (the Gaussian copula). Formulas and
// references: docs/methodology/simulation.md.

#include <cstddef>
#include <span>
#include <vector>

namespace cityfin::finance {

class CorrelationMatrix {
public:
    /// No correlation between n drivers.
    static CorrelationMatrix identity(std::size_t n);

    /// rows[i][j] = correlation of drivers i and j. Must be square, symmetric (within 1e-9),
    /// with a unit diagonal (within 1e-9), entries in [-1, 1] and positive semi-definite
    /// (smallest eigenvalue >= -1e-10). Errors name "correlation", "correlation[i]" or
    /// "correlation[i][j]".
    explicit CorrelationMatrix(const std::vector<std::vector<double>>& rows);

    std::size_t size() const noexcept { return size_; }
    double at(std::size_t i, std::size_t j) const noexcept { return entries_[i * size_ + j]; }
    bool isIdentity() const noexcept { return identity_; }

    /// Lower-triangular L with L L^T = the matrix, row-major size() x size(). A semi-definite
    /// matrix gets zero columns where the pivot vanishes.
    const std::vector<double>& cholesky() const noexcept { return cholesky_; }

    /// correlated = L independent; both of size(). Allocation-free, for the sampling loop.
    void correlate(std::span<const double> independent, std::span<double> correlated) const noexcept;

private:
    CorrelationMatrix() = default;
    std::size_t size_ = 0;
    bool identity_ = true;
    std::vector<double> entries_;
    std::vector<double> cholesky_;
};

} // namespace cityfin::finance
