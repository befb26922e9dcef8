#pragma once
// Distributions of risk drivers: normal, lognormal, triangular, PERT, uniform, discrete. Each has
// validated parameters, an inverse CDF (quantile) for sampling by inversion, its mean and stdev.
// A Distribution is a small value (a std::variant of parameter structs, no virtual call) that is
// cheap to copy and safe to share read-only between threads. Formulas and references:
// docs/methodology/simulation.md.

#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace cityfin::finance {

enum class DistributionKind { Normal, Lognormal, Triangular, Pert, Uniform, Discrete };

/// mu and sigma of ln(X) for a lognormal X.
struct LognormalParameters {
    double mu = 0.0;
    double sigma = 0.0;
};

/// Converts the mean m > 0 and stdev s >= 0 of a lognormal variable X to the parameters of ln(X):
/// sigma^2 = ln(1 + s^2/m^2), mu = ln(m) - sigma^2/2. Validates "mean" and "stdev".
LognormalParameters lognormalParameters(double mean, double stdev);

/// Standard normal CDF, Phi(z) = erfc(-z/sqrt 2)/2.
double standardNormalCdf(double z) noexcept;

/// Inverse of Phi for u in (0, 1): QuantLib's InverseCumulativeNormal (Acklam's rational
/// approximation, relative error below 1.15e-9). Not validated: the sampling loop calls it.
double standardNormalQuantile(double u) noexcept;

class Distribution {
public:
    /// Normal(mean, stdev); stdev = 0 is the constant mean.
    static Distribution normal(double mean, double stdev);
    /// Lognormal given the mean (> 0) and stdev (>= 0) of the variable itself.
    static Distribution lognormal(double mean, double stdev);
    /// Lognormal given mu and sigma (>= 0) of ln(X).
    static Distribution lognormalFromLog(double mu, double sigma);
    /// Triangular(min <= mode <= max); min = max is a constant.
    static Distribution triangular(double min, double mode, double max);
    /// PERT: min + (max - min) Beta(alpha, beta), alpha = 1 + lambda (mode - min)/(max - min),
    /// beta = 1 + lambda (max - mode)/(max - min), lambda >= 0 (4 is the classic PERT).
    static Distribution pert(double min, double mode, double max, double lambda = 4.0);
    /// Uniform on [min, max]; min = max is a constant.
    static Distribution uniform(double min, double max);
    /// values[i] with probabilities[i] (each in [0, 1], summing to 1 within 1e-9). Values are
    /// kept sorted ascending (stable) so that the quantile is monotone, as the copula needs.
    static Distribution discrete(std::vector<double> values, std::vector<double> probabilities);

    DistributionKind kind() const noexcept;
    /// True when every quantile is the same number (stdev 0, min = max, one value).
    bool isConstant() const noexcept;

    /// Inverse CDF at u in (0, 1): the smallest x with F(x) >= u. Throws InputError("u") outside.
    double quantile(double u) const;
    /// quantile() without validation, for the sampling loop. Defined on [0, 1] for bounded
    /// distributions (0 and 1 give the support's ends); u must be in (0, 1) otherwise.
    double quantileUnchecked(double u) const noexcept;
    /// quantile(Phi(z)): the Gaussian-copula marginal. Exact closed forms for normal and lognormal.
    double fromStandardNormal(double z) const noexcept;
    /// Percentile k in [0, 1], as spreadsheets spell it (0.95 = P95): quantile(k) inside,
    /// the support's ends at 0 and 1 (an error where that end is infinite).
    double percentile(double k) const;

    double mean() const noexcept;
    double stdev() const noexcept;
    /// Support [lower, upper]; -inf/+inf where unbounded.
    double lower() const noexcept;
    double upper() const noexcept;

    /// For reports: "PERT(min 1, mode 2, max 4, lambda 4)".
    std::string describe() const;

    // Parameter sets (public so that the implementation can visit them; build through the
    // factories above, which validate).
    struct Normal { double mean, stdev; };
    struct Lognormal { double mu, sigma; };
    struct Triangular { double min, mode, max; };
    struct Pert { double min, mode, max, lambda, alpha, beta; };
    struct Uniform { double min, max; };
    struct DiscreteTable {
        std::vector<double> values;      ///< ascending
        std::vector<double> cumulative;  ///< cumulative probabilities, last exactly 1
        std::vector<double> probabilities;
    };
    struct Discrete { std::shared_ptr<const DiscreteTable> table; };
    using Parameters = std::variant<Normal, Lognormal, Triangular, Pert, Uniform, Discrete>;

    const Parameters& parameters() const noexcept { return parameters_; }

private:
    explicit Distribution(Parameters parameters) : parameters_(std::move(parameters)) {}
    Parameters parameters_;
};

} // namespace cityfin::finance
