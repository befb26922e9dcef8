#pragma once
// Polynomial evaluation for the discounting loops: sum_i c(i) x^i by Horner's rule, run as four
// interleaved Horner chains in x^4 so that a 30-term NPV is not one long chain of dependent
// multiply-adds (about 3x faster, same accuracy class as plain Horner: each chain is Horner).

#include <cstddef>

namespace cityfin::finance::detail {

/// sum_{i < n} coefficient(i) * x^i. coefficient is called once per index.
template <class Coefficient>
inline double hornerSum(std::size_t n, const Coefficient& coefficient, double x) {
    if (n < 8) {
        double acc = 0.0;
        for (std::size_t i = n; i-- > 0;) acc = acc * x + coefficient(i);
        return acc;
    }
    // chain m holds sum_k c(4k + m) x^(4k); the partial top block (n % 4 terms) seeds the chains.
    const double x4 = (x * x) * (x * x);
    const std::size_t blocks = n / 4;
    const std::size_t top = 4 * blocks;
    double a0 = top + 0 < n ? coefficient(top + 0) : 0.0;
    double a1 = top + 1 < n ? coefficient(top + 1) : 0.0;
    double a2 = top + 2 < n ? coefficient(top + 2) : 0.0;
    double a3 = 0.0; // n % 4 <= 3, so index top + 3 never exists
    for (std::size_t k = blocks; k-- > 0;) {
        const std::size_t base = 4 * k;
        a0 = a0 * x4 + coefficient(base);
        a1 = a1 * x4 + coefficient(base + 1);
        a2 = a2 * x4 + coefficient(base + 2);
        a3 = a3 * x4 + coefficient(base + 3);
    }
    return a0 + x * (a1 + x * (a2 + x * a3));
}

struct SumAndSlope {
    double sum;   // sum_i c(i) x^i
    double slope; // its derivative in x
};

/// The polynomial and its derivative in one pass: each chain carries Horner's derivative recurrence
/// (d <- d*w + p before p <- p*w + c) for its polynomial P_m in w = x^4, and
/// P(x) = sum_m x^m P_m(w), P'(x) = sum_m m x^(m-1) P_m(w) + 4 x^3 sum_m x^m P_m'(w).
template <class Coefficient>
inline SumAndSlope hornerSumAndSlope(std::size_t n, const Coefficient& coefficient, double x) {
    const double w = (x * x) * (x * x);
    const std::size_t blocks = n / 4;
    const std::size_t top = 4 * blocks;
    double a0 = top + 0 < n ? coefficient(top + 0) : 0.0;
    double a1 = top + 1 < n ? coefficient(top + 1) : 0.0;
    double a2 = top + 2 < n ? coefficient(top + 2) : 0.0;
    double a3 = 0.0;
    double b0 = 0.0, b1 = 0.0, b2 = 0.0, b3 = 0.0;
    for (std::size_t k = blocks; k-- > 0;) {
        const std::size_t base = 4 * k;
        b0 = b0 * w + a0;
        b1 = b1 * w + a1;
        b2 = b2 * w + a2;
        b3 = b3 * w + a3;
        a0 = a0 * w + coefficient(base);
        a1 = a1 * w + coefficient(base + 1);
        a2 = a2 * w + coefficient(base + 2);
        a3 = a3 * w + coefficient(base + 3);
    }
    const double sum = a0 + x * (a1 + x * (a2 + x * a3));
    const double chainSlopes = b0 + x * (b1 + x * (b2 + x * b3));
    const double slope = (a1 + x * (2.0 * a2 + x * 3.0 * a3)) + 4.0 * (x * x * x) * chainSlopes;
    return {sum, slope};
}

} // namespace cityfin::finance::detail
