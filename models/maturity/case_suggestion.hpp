#pragma once
// Suggested levels for financing, value assessment and business model from what a case shows once
// evaluated (its structures compared, its outcomes and risks). A suggestion sits beside the city's
// own answer; it never replaces it. Rules: docs/methodology/maturity.md, "Suggestions from a case".

#include "models/case_file.hpp"
#include "models/maturity/framework.hpp"

#include <string>
#include <vector>

namespace cityfin::models::maturity {

struct Suggestion {
    std::string characteristic;  ///< "financing", "value_assessment", "business_model"
    Level level = Level::Basic;
    Text reason;
};

/// Evaluates the case (evaluateCase) and compares its structures from the city's perspective.
std::vector<Suggestion> suggestFromCase(const Case& c);

} // namespace cityfin::models::maturity
