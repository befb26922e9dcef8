#pragma once
// Ranks the evaluated structures of one project from a chosen perspective and says why in words a
// finance officer can paste into a memo. Formulas and rules: docs/methodology/evaluation.md.

#include "models/evaluation.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cityfin::models {

enum class Perspective {
    City,      ///< lowest present cost to the city among feasible structures
    Investor,  ///< highest equity return above the hurdle, among structures with private equity
    Society,   ///< highest economic NPV of the real flows at the social discount rate
};

/// "city", "investor", "society"; and back (InputError naming "--perspective" otherwise).
std::string perspectiveId(Perspective perspective);
Perspective perspectiveFromId(const std::string& id);

/// A basic feasibility rule checked on one evaluation (Plan B adds budget and risk rules).
struct RuleCheck {
    std::string id;        ///< "equity_irr_hurdle", "min_dscr_covenant"
    std::string text;      ///< the verdict in words
    bool holds = true;
    double margin = 0.0;   ///< value - threshold (positive: holds with room)
};

struct RankedStructure {
    std::size_t evaluation = 0;     ///< index into the evaluations compared
    int rank = 0;                   ///< 1 = best; structures that cannot be ranked come last
    std::optional<double> score;    ///< the perspective's figure; empty when not applicable
    bool feasible = true;
    std::vector<RuleCheck> rules;
};

struct Comparison {
    Perspective perspective = Perspective::City;
    std::string scoreLabel;                 ///< what score means, with its unit
    std::vector<RankedStructure> ranking;   ///< in rank order
    std::optional<std::size_t> recommended; ///< evaluation index; empty when none is feasible
    std::vector<std::string> reasons;       ///< the recommendation and the others, in words
};

/// The feasibility rules that one evaluation can be checked against without a plan. language: "en"
/// (default) or "zh", the language of the rules' texts.
std::vector<RuleCheck> basicRules(const Evaluation& evaluation, std::string_view language = "en");

/// Ranks the evaluations from one perspective. language: "en" (default) or "zh", the language of the
/// score's label and of the reasons; the ranking does not depend on it.
Comparison compareStructures(const Project& project, const std::vector<Evaluation>& evaluations,
                             Perspective perspective, std::string_view language = "en");

} // namespace cityfin::models
