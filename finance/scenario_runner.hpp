#pragma once
// A small deterministic parallel runner for Monte Carlo scenarios. Scenarios are cut into blocks of
// kScenarioBlockSize; std::threads take blocks in increasing order from an atomic counter, and each
// scenario writes only to its own slot of the output, so the result is identical whatever the
// number of threads. Worker threads never touch a shared QuantLib object: each block draws its
// numbers through ScenarioSampler::sample, which builds its own generators on that thread.

#include "finance/scenario_sampler.hpp"

#include <atomic>
#include <cstddef>
#include <functional>
#include <span>
#include <vector>

namespace cityfin::finance {

inline constexpr unsigned kMaxThreads = 256;

/// threads, or the hardware's thread count (at least 1) for 0. Validates "threads" <= kMaxThreads.
unsigned resolveThreadCount(unsigned threads);

/// work(firstScenario, count) for consecutive blocks covering [0, scenarioCount).
using BlockWork = std::function<void(std::size_t firstScenario, std::size_t count)>;

/// Runs work on every block over `threads` threads (0 = hardware; never more threads than blocks;
/// 1 runs on the calling thread). work must only write to its own scenarios' slots. If a block
/// throws, blocks after it are not started and, once every thread has joined, the exception of the
/// lowest-numbered failing block is rethrown: the same one whatever the thread count. completed,
/// if given, is increased by each block's count as it finishes (for a progress bar).
void forEachScenarioBlock(std::size_t scenarioCount, unsigned threads, const BlockWork& work,
                          std::atomic<std::size_t>* completed = nullptr);

/// Every draw of scenarios [0, scenarioCount): out[i * driverCount + j].
std::vector<double> sampleScenarios(const ScenarioSampler& sampler, std::size_t scenarioCount,
                                    unsigned threads);

/// For each scenario i: evaluate(i, draws, outputs) with draws = its driverCount() draws and
/// outputs = slots [i * outputsPerScenario, (i + 1) * outputsPerScenario) of the returned array.
/// evaluate is called concurrently from several threads: it must not modify shared state.
template <class Evaluate>
std::vector<double> runScenarios(const ScenarioSampler& sampler, std::size_t scenarioCount,
                                 std::size_t outputsPerScenario, unsigned threads, const Evaluate& evaluate,
                                 std::atomic<std::size_t>* completed = nullptr);

/// Validates "scenarioCount" (<= 2^32 - 1) and "outputsPerScenario" (>= 1); used by runScenarios.
void validateRun(std::size_t scenarioCount, std::size_t outputsPerScenario);

template <class Evaluate>
std::vector<double> runScenarios(const ScenarioSampler& sampler, std::size_t scenarioCount,
                                 std::size_t outputsPerScenario, unsigned threads, const Evaluate& evaluate,
                                 std::atomic<std::size_t>* completed) {
    validateRun(scenarioCount, outputsPerScenario);
    std::vector<double> outputs(scenarioCount * outputsPerScenario, 0.0);
    const std::size_t d = sampler.driverCount();
    forEachScenarioBlock(
        scenarioCount, threads,
        [&](std::size_t first, std::size_t count) {
            const std::vector<double> draws = sampler.sample(first, count);
            for (std::size_t k = 0; k < count; ++k)
                evaluate(first + k, std::span<const double>(draws).subspan(k * d, d),
                         std::span<double>(outputs).subspan((first + k) * outputsPerScenario,
                                                            outputsPerScenario));
        },
        completed);
    return outputs;
}

} // namespace cityfin::finance
