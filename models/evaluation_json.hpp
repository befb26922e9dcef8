#pragma once
// Evaluations and comparisons as JSON: every party's per-period lines, the project's real flows
// (so anyone can verify that money is conserved), the metrics, and the ranking with its reasons.
// One writer for the CLI, the GUI and the tests. Numbers are written by the JSON library, never
// through the locale; a figure that does not exist is null with a "<name>_reason" beside it.

#include "models/compare.hpp"
#include "models/evaluation.hpp"

#include <nlohmann/json.hpp>

namespace cityfin::models {

nlohmann::ordered_json evaluationToJson(const Evaluation& evaluation);
nlohmann::ordered_json comparisonToJson(const Comparison& comparison, const std::vector<Evaluation>& evaluations);

} // namespace cityfin::models
