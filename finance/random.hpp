#pragma once
// Uniform random numbers for Monte Carlo scenarios, through QuantLib's Mersenne Twister
// (pseudo-random) and Sobol (quasi-random) generators. A scenario's numbers depend only on
// (method, seed, scenario index), never on which thread draws them or in what order:
//  - Mersenne Twister: scenarios are cut into blocks of kScenarioBlockSize; block b has its own
//    generator seeded with blockSeed(seed, b) (SplitMix64); scenario i takes the next `dimension`
//    numbers of its block's stream, in scenario order.
//  - Sobol: scenario i is point i of the `dimension`-dimensional Sobol sequence (Joe-Kuo D7
//    direction numbers), reached with SobolRsg::skipTo. The seed is not used.
// Every call builds its own generator objects, owned by the calling thread: no QuantLib object is
// shared between threads. Formulas and references: docs/methodology/simulation.md.

#include <cstddef>
#include <cstdint>
#include <span>

namespace cityfin::finance {

enum class SamplingMethod { MersenneTwister, Sobol };

/// Scenarios per Mersenne Twister stream, and the unit of work of the parallel runner.
inline constexpr std::size_t kScenarioBlockSize = 1024;

/// Most drivers (dimensions) a scenario may have.
inline constexpr std::size_t kMaxDimension = 1000;

/// Sobol points available: QuantLib's counter is 32 bits.
inline constexpr std::size_t kMaxSobolPoints = 4294967295u;

/// SplitMix64 (Steele, Lea and Flood 2014): state += 0x9E3779B97F4A7C15, then the output mix of
/// the new state. Returns the output and advances state.
std::uint64_t splitmix64(std::uint64_t& state) noexcept;

/// Seed of Mersenne Twister block b: output number b + 1 of SplitMix64 started at state = seed,
/// i.e. mix(seed + (b + 1) * 0x9E3779B97F4A7C15). Its two 32-bit halves (low, high) seed the
/// generator through init_by_array.
std::uint64_t blockSeed(std::uint64_t seed, std::uint64_t block) noexcept;

/// Uniforms in (0, 1) for scenarios [firstScenario, firstScenario + scenarioCount), row-major:
/// out[(i - firstScenario) * dimension + j]. out.size() must equal scenarioCount * dimension.
/// Validates "dimension" (1..kMaxDimension), "out" and, for Sobol, "scenarioCount" (the last
/// point must be below kMaxSobolPoints).
void fillUniforms(SamplingMethod method, std::uint64_t seed, std::size_t dimension,
                  std::size_t firstScenario, std::size_t scenarioCount, std::span<double> out);

} // namespace cityfin::finance
