#pragma once
// The maturity level of each characteristic from a city's answers, the criterion that decided it,
// the next step, and the ladder's two warnings (seed section 6: no leapfrogging, no isolation).
// Rules: docs/methodology/maturity.md.

#include "models/maturity/answers.hpp"
#include "models/maturity/framework.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cityfin::models::maturity {

struct CharacteristicAssessment {
    const Characteristic* characteristic = nullptr;
    std::optional<Level> level;          ///< empty: cannot assess (a deciding question is open)
    Level reached = Level::NotInvolved;  ///< highest level whose checks (and all below) are all yes
    Text criterion;                      ///< the criterion that decided: of `reached`, or not involved's
    std::vector<const Check*> failed;    ///< checks answered no at the level above `reached`
    std::vector<const Check*> open;      ///< checks left open at the level above `reached`
    std::optional<Level> target;         ///< the planned level, when the answers give one
    std::optional<Level> nextLevel;      ///< reached + 1, below most mature
    std::vector<const Check*> nextSteps; ///< the checks of nextLevel not yet answered yes
};

struct Warning {
    enum class Kind { Leapfrogging, Isolation };
    Kind kind = Kind::Leapfrogging;
    std::string characteristic;
    Text text;
};
std::string_view warningKindId(Warning::Kind kind);  ///< "leapfrogging", "isolation"

/// Isolation: a characteristic at least this many levels above the median of the others ...
inline constexpr double kIsolationGap = 2.0;
/// ... when at least this many other characteristics can be assessed.
inline constexpr std::size_t kIsolationMinOthers = 4;
/// Leapfrogging: a target more than this many levels above the current level.
inline constexpr int kLeapfrogMaxStep = 1;

struct Assessment {
    std::string city;
    std::vector<CharacteristicAssessment> characteristics;  ///< framework order
    std::vector<Warning> warnings;
    std::vector<std::string> unanswered;  ///< check ids without a yes/no answer, framework order
};

Assessment assess(const Framework& framework, const Answers& answers);

/// The median of the assessed levels of every characteristic but `except` (empty when fewer than
/// kIsolationMinOthers of them can be assessed).
std::optional<double> medianOfOthers(const Assessment& assessment, std::size_t except);

} // namespace cityfin::models::maturity
