#include "finance/scenario_runner.hpp"

#include "finance/errors.hpp"

#include <algorithm>
#include <exception>
#include <limits>
#include <mutex>
#include <string>
#include <thread>

namespace cityfin::finance {

namespace {

// The first failing block (lowest index) and its exception, shared by the workers.
class FirstFailure {
public:
    static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

    void record(std::size_t block, std::exception_ptr error) {
        const std::lock_guard lock(mutex_);
        if (block < block_) {
            block_ = block;
            error_ = std::move(error);
            lowest_.store(block, std::memory_order_relaxed);
        }
    }
    /// Blocks after a failure need not run; the ones before it must, to find the lowest failure.
    bool skips(std::size_t block) const { return block > lowest_.load(std::memory_order_relaxed); }
    void rethrowIfAny() const {
        if (error_) std::rethrow_exception(error_);
    }

private:
    std::mutex mutex_;
    std::size_t block_ = kNone;
    std::exception_ptr error_;
    std::atomic<std::size_t> lowest_{kNone};
};

void workLoop(std::size_t scenarioCount, std::size_t blockCount, std::atomic<std::size_t>& nextBlock,
              const BlockWork& work, FirstFailure& failure, std::atomic<std::size_t>* completed) {
    for (;;) {
        const std::size_t block = nextBlock.fetch_add(1, std::memory_order_relaxed);
        if (block >= blockCount || failure.skips(block)) return;
        const std::size_t first = block * kScenarioBlockSize;
        const std::size_t count = std::min(kScenarioBlockSize, scenarioCount - first);
        try {
            work(first, count);
        } catch (...) {
            failure.record(block, std::current_exception());
            return;
        }
        if (completed) completed->fetch_add(count, std::memory_order_relaxed);
    }
}

} // namespace

unsigned resolveThreadCount(unsigned threads) {
    if (threads > kMaxThreads)
        throw InputError("threads", std::to_string(threads),
                         "between 0 (all hardware threads) and " + std::to_string(kMaxThreads));
    if (threads > 0) return threads;
    return std::clamp(std::thread::hardware_concurrency(), 1u, kMaxThreads);
}

void forEachScenarioBlock(std::size_t scenarioCount, unsigned threads, const BlockWork& work,
                          std::atomic<std::size_t>* completed) {
    const unsigned requested = resolveThreadCount(threads);
    if (!work) throw InputError("work", "an empty function", "a callable");
    const std::size_t blockCount = (scenarioCount + kScenarioBlockSize - 1) / kScenarioBlockSize;
    const auto workers = static_cast<unsigned>(std::min<std::size_t>(requested, blockCount));
    std::atomic<std::size_t> nextBlock{0};
    FirstFailure failure;
    if (workers <= 1) {
        workLoop(scenarioCount, blockCount, nextBlock, work, failure, completed);
    } else {
        std::vector<std::jthread> pool;
        pool.reserve(workers);
        for (unsigned t = 0; t < workers; ++t)
            pool.emplace_back([&] { workLoop(scenarioCount, blockCount, nextBlock, work, failure, completed); });
    }  // jthreads join here
    failure.rethrowIfAny();
}

void validateRun(std::size_t scenarioCount, std::size_t outputsPerScenario) {
    if (scenarioCount > kMaxSobolPoints)
        throw InputError("scenarioCount", std::to_string(scenarioCount),
                         "at most " + std::to_string(kMaxSobolPoints) + " scenarios");
    if (outputsPerScenario == 0) throw InputError("outputsPerScenario", "0", "at least 1 output");
}

std::vector<double> sampleScenarios(const ScenarioSampler& sampler, std::size_t scenarioCount,
                                    unsigned threads) {
    validateRun(scenarioCount, 1);
    const std::size_t d = sampler.driverCount();
    std::vector<double> out(scenarioCount * d);
    forEachScenarioBlock(scenarioCount, threads, [&](std::size_t first, std::size_t count) {
        sampler.sample(first, count, std::span<double>(out).subspan(first * d, count * d));
    });
    return out;
}

} // namespace cityfin::finance
