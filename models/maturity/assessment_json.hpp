#pragma once
// An assessment as JSON for pipelines and the GUI: every text in English and Chinese.

#include "models/maturity/assessment.hpp"
#include "models/maturity/case_suggestion.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace cityfin::models::maturity {

/// Fields documented in docs/cli.md ("assess"). suggestions may be empty (no --case).
nlohmann::ordered_json assessmentToJson(const Framework& framework, const Assessment& assessment,
                                        const std::vector<Suggestion>& suggestions);

/// The suggestion for a characteristic, or null.
const Suggestion* suggestionFor(const std::vector<Suggestion>& suggestions, const std::string& characteristic);

} // namespace cityfin::models::maturity
