#include "finance/scenario_sampler.hpp"

#include "finance/errors.hpp"
#include "finance/pert_table.hpp"

#include <mutex>
#include <string>
#include <utility>

namespace cityfin::finance {

namespace {

std::vector<Distribution> validatedDrivers(std::vector<Distribution> drivers) {
    if (drivers.empty() || drivers.size() > kMaxDimension)
        throw InputError("drivers", std::to_string(drivers.size()) + " drivers",
                         "between 1 and " + std::to_string(kMaxDimension) + " drivers");
    return drivers;
}

std::string squareSize(std::size_t n) { return std::to_string(n) + "x" + std::to_string(n); }

// A driver count out of range gets a 1x1 identity, so that the main constructor reports "drivers".
CorrelationMatrix identityFor(std::size_t driverCount) {
    const bool valid = driverCount >= 1 && driverCount <= kMaxDimension;
    return CorrelationMatrix::identity(valid ? driverCount : 1);
}

// The table of a PERT driver: built once per process for each set of parameters (a few
// milliseconds each) and shared by every sampler that draws it (the risk-borne table, the tornado
// and the benchmarks build a sampler per run). The table is a function of the parameters alone.
std::shared_ptr<const PertQuantileTable> pertTableFor(const Distribution::Pert& pert) {
    static std::mutex mutex;
    static std::vector<std::pair<Distribution::Pert, std::shared_ptr<const PertQuantileTable>>> tables;
    const auto same = [&](const Distribution::Pert& p) {
        return p.min == pert.min && p.mode == pert.mode && p.max == pert.max && p.lambda == pert.lambda &&
               p.alpha == pert.alpha && p.beta == pert.beta;
    };
    {
        std::lock_guard<std::mutex> lock(mutex);
        for (const auto& [p, table] : tables)
            if (same(p)) return table;
    }
    auto table = std::make_shared<const PertQuantileTable>(pert);  // built outside the lock
    std::lock_guard<std::mutex> lock(mutex);
    if (tables.size() >= 64) tables.clear();  // bounded: a long session with many registers
    tables.emplace_back(pert, table);
    return table;
}

} // namespace

ScenarioSampler::ScenarioSampler(std::vector<Distribution> drivers, CorrelationMatrix correlation,
                                 SamplingMethod method, std::uint64_t seed)
    : drivers_(validatedDrivers(std::move(drivers))), correlation_(std::move(correlation)),
      method_(method), seed_(seed) {
    if (correlation_.size() != drivers_.size())
        throw InputError("correlation", "a " + squareSize(correlation_.size()) + " matrix",
                         "a " + squareSize(drivers_.size()) + " matrix (one row per driver)");
    pertTables_.resize(drivers_.size());
    for (std::size_t j = 0; j < drivers_.size(); ++j)
        if (const auto* pert = std::get_if<Distribution::Pert>(&drivers_[j].parameters()))
            pertTables_[j] = pertTableFor(*pert);
}

ScenarioSampler::ScenarioSampler(std::vector<Distribution> drivers, SamplingMethod method,
                                 std::uint64_t seed)
    : ScenarioSampler(drivers, identityFor(drivers.size()), method, seed) {}

double ScenarioSampler::marginalQuantile(std::size_t driver, double u) const noexcept {
    if (const auto& table = pertTables_[driver]) return table->quantile(u);
    return drivers_[driver].quantileUnchecked(u);
}

double ScenarioSampler::marginalFromNormal(std::size_t driver, double z) const noexcept {
    if (const auto& table = pertTables_[driver]) return table->quantile(standardNormalCdf(z));
    return drivers_[driver].fromStandardNormal(z);
}

void ScenarioSampler::sample(std::size_t firstScenario, std::size_t scenarioCount,
                             std::span<double> out) const {
    const std::size_t d = drivers_.size();
    fillUniforms(method_, seed_, d, firstScenario, scenarioCount, out);
    if (correlation_.isIdentity()) {
        for (std::size_t i = 0; i < scenarioCount; ++i)
            for (std::size_t j = 0; j < d; ++j) out[i * d + j] = marginalQuantile(j, out[i * d + j]);
        return;
    }
    std::vector<double> independent(d), correlated(d);
    for (std::size_t i = 0; i < scenarioCount; ++i) {
        const std::span<double> row = out.subspan(i * d, d);
        for (std::size_t j = 0; j < d; ++j) independent[j] = standardNormalQuantile(row[j]);
        correlation_.correlate(independent, correlated);
        for (std::size_t j = 0; j < d; ++j) row[j] = marginalFromNormal(j, correlated[j]);
    }
}

std::vector<double> ScenarioSampler::sample(std::size_t firstScenario, std::size_t scenarioCount) const {
    const std::size_t d = drivers_.size();
    if (scenarioCount > kMaxSobolPoints)
        throw InputError("scenarioCount", std::to_string(scenarioCount),
                         "at most " + std::to_string(kMaxSobolPoints) + " scenarios in one array");
    std::vector<double> out(scenarioCount * d);
    sample(firstScenario, scenarioCount, out);
    return out;
}

} // namespace cityfin::finance
