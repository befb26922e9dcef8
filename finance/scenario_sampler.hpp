#pragma once
// Draws of the risk drivers for a range of scenarios: uniforms from random.hpp, made correlated
// through a Gaussian copula (z = Phi^-1(u), y = L z, x_j = F_j^-1(Phi(y_j))), or passed straight to
// each driver's inverse CDF when the drivers are independent. A sampler is immutable once built:
// sample() may be called from several threads at once. Formulas: docs/methodology/simulation.md.

#include "finance/correlation.hpp"
#include "finance/distributions.hpp"
#include "finance/random.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace cityfin::finance {

class PertQuantileTable;

class ScenarioSampler {
public:
    /// Correlated drivers: correlation.size() must equal drivers.size() (error "correlation").
    /// "drivers" must hold 1..kMaxDimension distributions. PERT drivers get a fast quantile table
    /// (pert_table.hpp), built here.
    ScenarioSampler(std::vector<Distribution> drivers, CorrelationMatrix correlation,
                    SamplingMethod method, std::uint64_t seed);
    /// Independent drivers.
    ScenarioSampler(std::vector<Distribution> drivers, SamplingMethod method, std::uint64_t seed);

    std::size_t driverCount() const noexcept { return drivers_.size(); }
    const std::vector<Distribution>& drivers() const noexcept { return drivers_; }
    const CorrelationMatrix& correlation() const noexcept { return correlation_; }
    SamplingMethod method() const noexcept { return method_; }
    std::uint64_t seed() const noexcept { return seed_; }

    /// Draws of scenarios [firstScenario, firstScenario + scenarioCount), row-major:
    /// out[(i - firstScenario) * driverCount() + j] is driver j in scenario i. The numbers of
    /// scenario i do not depend on the range asked for. Errors as fillUniforms().
    void sample(std::size_t firstScenario, std::size_t scenarioCount, std::span<double> out) const;
    std::vector<double> sample(std::size_t firstScenario, std::size_t scenarioCount) const;

private:
    double marginalQuantile(std::size_t driver, double u) const noexcept;
    double marginalFromNormal(std::size_t driver, double z) const noexcept;

    std::vector<Distribution> drivers_;
    CorrelationMatrix correlation_;
    SamplingMethod method_;
    std::uint64_t seed_;
    std::vector<std::shared_ptr<const PertQuantileTable>> pertTables_;  // null unless PERT
};

} // namespace cityfin::finance
