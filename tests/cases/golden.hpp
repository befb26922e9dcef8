#pragma once
// Golden results of a case: the headline figures of every structure and the ranking per perspective,
// as cityfin computed them when the case was last reviewed (cases/<id>/expected.json). The runner
// compares each with a tolerance per kind of metric and names the case, metric and both values.

#include "models/case_file.hpp"
#include "models/compare.hpp"
#include "models/evaluation.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace cityfin::test {

/// The figures kept for one case, in the layout of expected.json.
nlohmann::ordered_json goldenFigures(const models::Case& c, const std::vector<models::Evaluation>& evaluations);

/// Differences between expected and actual figures, one sentence each; empty when all agree.
std::vector<std::string> compareGolden(const std::string& caseId, const nlohmann::json& expected,
                                       const nlohmann::json& actual);

} // namespace cityfin::test
