#include "finance/correlation.hpp"

#include "finance/errors.hpp"

#include <ql/math/matrix.hpp>
#include <ql/math/matrixutilities/symmetricschurdecomposition.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>

namespace cityfin::finance {

namespace {

constexpr double kEntryTolerance = 1e-9;       // symmetry and unit diagonal
constexpr double kEigenvalueTolerance = 1e-10;  // PSD test
constexpr double kPivotTolerance = 1e-12;       // a Cholesky pivot below this is a zero column

std::string threeSignificantDigits(double x) {
    std::array<char, 32> buffer{};
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x,
                                   std::chars_format::general, 3);
    return ec == std::errc() ? std::string(buffer.data(), end) : formatValue(x);
}

std::string entries(std::size_t n) { return std::to_string(n) + (n == 1 ? " entry" : " entries"); }

std::string entryField(std::size_t i, std::size_t j) {
    return indexedField(indexedField("correlation", i), j);
}

void validateShape(const std::vector<std::vector<double>>& rows) {
    if (rows.empty()) throw InputError("correlation", "an empty matrix", "at least 1 row");
    const std::size_t n = rows.size();
    for (std::size_t i = 0; i < n; ++i)
        if (rows[i].size() != n)
            throw InputError(indexedField("correlation", i), entries(rows[i].size()),
                             entries(n) + " (a square matrix)");
}

void validateEntries(const std::vector<std::vector<double>>& rows) {
    const std::size_t n = rows.size();
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            const double c = rows[i][j];
            if (!std::isfinite(c) || c < -1.0 || c > 1.0)
                throw InputError(entryField(i, j), formatValue(c), "a correlation in [-1, 1]");
        }
        if (std::abs(rows[i][i] - 1.0) > kEntryTolerance)
            throw InputError(entryField(i, i), formatValue(rows[i][i]), "1 (a unit diagonal)");
        for (std::size_t j = 0; j < i; ++j)
            if (std::abs(rows[i][j] - rows[j][i]) > kEntryTolerance)
                throw InputError(entryField(j, i), formatValue(rows[j][i]),
                                 formatValue(rows[i][j]) + " (= " + entryField(i, j) + ", a symmetric matrix)");
    }
}

// QuantLib's Jacobi eigen-solver; runs once per matrix, on the caller's thread.
void validatePositiveSemiDefinite(const std::vector<double>& entries, std::size_t n) {
    QuantLib::Matrix m(n, n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) m[i][j] = entries[i * n + j];
    const QuantLib::SymmetricSchurDecomposition schur(m);
    const double smallest = *std::min_element(schur.eigenvalues().begin(), schur.eigenvalues().end());
    if (smallest < -kEigenvalueTolerance)
        throw InputError("correlation",
                         "a matrix that is not positive semi-definite (smallest eigenvalue " +
                             threeSignificantDigits(smallest) + ")",
                         "a positive semi-definite matrix");
}

// Cholesky-Banachiewicz for a PSD matrix; vanishing pivots give zero columns. Each row of L is then
// scaled to unit length so that every correlated variable stays exactly standard normal.
std::vector<double> semiDefiniteCholesky(const std::vector<double>& a, std::size_t n) {
    std::vector<double> l(n * n, 0.0);
    for (std::size_t j = 0; j < n; ++j) {
        double pivot = a[j * n + j];
        for (std::size_t k = 0; k < j; ++k) pivot -= l[j * n + k] * l[j * n + k];
        if (pivot <= kPivotTolerance) continue;  // column j stays zero
        const double root = std::sqrt(pivot);
        l[j * n + j] = root;
        for (std::size_t i = j + 1; i < n; ++i) {
            double sum = a[i * n + j];
            for (std::size_t k = 0; k < j; ++k) sum -= l[i * n + k] * l[j * n + k];
            l[i * n + j] = sum / root;
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        double norm = 0.0;
        for (std::size_t k = 0; k <= i; ++k) norm += l[i * n + k] * l[i * n + k];
        norm = std::sqrt(norm);
        for (std::size_t k = 0; k <= i; ++k) l[i * n + k] /= norm;
    }
    return l;
}

} // namespace

CorrelationMatrix CorrelationMatrix::identity(std::size_t n) {
    if (n == 0) throw InputError("correlation", "an empty matrix", "at least 1 row");
    CorrelationMatrix m;
    m.size_ = n;
    m.entries_.assign(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i) m.entries_[i * n + i] = 1.0;
    m.cholesky_ = m.entries_;
    return m;
}

CorrelationMatrix::CorrelationMatrix(const std::vector<std::vector<double>>& rows) {
    validateShape(rows);
    validateEntries(rows);
    size_ = rows.size();
    entries_.resize(size_ * size_);
    for (std::size_t i = 0; i < size_; ++i)
        for (std::size_t j = 0; j < size_; ++j) {
            // Symmetrise exactly (the tolerance allowed 1e-9) and pin the diagonal to 1.
            entries_[i * size_ + j] = i == j ? 1.0 : 0.5 * (rows[i][j] + rows[j][i]);
            if (i != j && entries_[i * size_ + j] != 0.0) identity_ = false;
        }
    validatePositiveSemiDefinite(entries_, size_);
    cholesky_ = semiDefiniteCholesky(entries_, size_);
}

void CorrelationMatrix::correlate(std::span<const double> independent,
                                  std::span<double> correlated) const noexcept {
    const std::size_t n = size_;
    for (std::size_t i = 0; i < n; ++i) {
        const double* row = cholesky_.data() + i * n;
        double sum = 0.0;
        for (std::size_t k = 0; k <= i; ++k) sum += row[k] * independent[k];
        correlated[i] = sum;
    }
}

} // namespace cityfin::finance
