#include "models/case_evaluation.hpp"

namespace cityfin::models {

std::vector<Evaluation> evaluateCase(const Case& c, const std::vector<Structure>& structures) {
    std::vector<Evaluation> evaluations = evaluateAll(c.project, structures, c.scenario);
    attachSocialReturn(evaluations, c.project, c.outcomes, c.carbonPrice, c.scenario);
    return evaluations;
}

} // namespace cityfin::models
