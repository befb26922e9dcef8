#include "finance/random.hpp"

#include "finance/errors.hpp"

#include <ql/math/randomnumbers/mt19937uniformrng.hpp>
#include <ql/math/randomnumbers/sobolrsg.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace cityfin::finance {

namespace {

constexpr std::size_t kMaxScenarioIndex = std::size_t{1} << 40;  // keeps index arithmetic exact
constexpr std::uint64_t kGoldenGamma = 0x9E3779B97F4A7C15ull;

std::uint64_t splitmixOutput(std::uint64_t z) noexcept {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

QuantLib::MersenneTwisterUniformRng blockGenerator(std::uint64_t seed, std::uint64_t block) {
    const std::uint64_t key = blockSeed(seed, block);
    // init_by_array with the two halves: every 64-bit key gives its own stream, and a zero seed
    // never reaches QuantLib's clock-based SeedGenerator.
    const std::vector<unsigned long> words{static_cast<unsigned long>(key & 0xFFFFFFFFull),
                                           static_cast<unsigned long>(key >> 32)};
    return QuantLib::MersenneTwisterUniformRng(words);
}

void fillMersenneTwister(std::uint64_t seed, std::size_t dimension, std::size_t first,
                         std::size_t count, double* out) {
    std::size_t i = first;
    const std::size_t end = first + count;
    while (i < end) {
        const std::size_t block = i / kScenarioBlockSize;
        const std::size_t blockEnd = std::min(end, (block + 1) * kScenarioBlockSize);
        auto rng = blockGenerator(seed, block);
        for (std::size_t skip = (i - block * kScenarioBlockSize) * dimension; skip > 0; --skip)
            rng.nextInt32();
        for (; i < blockEnd; ++i)
            for (std::size_t j = 0; j < dimension; ++j) *out++ = rng.nextReal();
    }
}

void fillSobol(std::size_t dimension, std::size_t first, std::size_t count, double* out) {
    // Joe-Kuo D7 direction numbers are tabulated far beyond kMaxDimension, so the seed (used by
    // QuantLib only for random direction numbers in untabulated dimensions) is never consulted.
    QuantLib::SobolRsg rsg(dimension, 1, QuantLib::SobolRsg::JoeKuoD7);
    rsg.skipTo(static_cast<std::uint_least32_t>(first));
    for (std::size_t i = 0; i < count; ++i) {
        const auto& point = rsg.nextSequence().value;
        for (std::size_t j = 0; j < dimension; ++j) *out++ = point[j];
    }
}

} // namespace

std::uint64_t splitmix64(std::uint64_t& state) noexcept {
    state += kGoldenGamma;
    return splitmixOutput(state);
}

std::uint64_t blockSeed(std::uint64_t seed, std::uint64_t block) noexcept {
    return splitmixOutput(seed + (block + 1) * kGoldenGamma);
}

void fillUniforms(SamplingMethod method, std::uint64_t seed, std::size_t dimension,
                  std::size_t firstScenario, std::size_t scenarioCount, std::span<double> out) {
    if (dimension == 0 || dimension > kMaxDimension)
        throw InputError("dimension", std::to_string(dimension),
                         "between 1 and " + std::to_string(kMaxDimension));
    if (scenarioCount > out.size() / dimension || out.size() != scenarioCount * dimension)
        throw InputError("out", std::to_string(out.size()) + " entries",
                         "scenarioCount x dimension = " + std::to_string(scenarioCount) + " x " +
                             std::to_string(dimension));
    if (firstScenario > kMaxScenarioIndex || scenarioCount > kMaxScenarioIndex - firstScenario)
        throw InputError("scenarioCount", std::to_string(scenarioCount),
                         "firstScenario + scenarioCount <= " + std::to_string(kMaxScenarioIndex));
    if (method == SamplingMethod::Sobol) {
        if (firstScenario > kMaxSobolPoints || scenarioCount > kMaxSobolPoints - firstScenario)
            throw InputError("scenarioCount", std::to_string(scenarioCount),
                             "firstScenario + scenarioCount <= " + std::to_string(kMaxSobolPoints) +
                                 " (the Sobol sequence's length)");
        fillSobol(dimension, firstScenario, scenarioCount, out.data());
    } else {
        fillMersenneTwister(seed, dimension, firstScenario, scenarioCount, out.data());
    }
}

} // namespace cityfin::finance
