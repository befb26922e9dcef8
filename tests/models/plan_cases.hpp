#pragma once
// The bundled Qianhai parking case with a plans section, for the Plan B tests.

#include "models/case_file.hpp"

#include <cstdlib>
#include <string>

namespace cityfin::test {

inline std::string caseDir() {
    const char* root = std::getenv("CITYFIN_SOURCE_DIR");
    return std::string(root ? root : ".") + "/cases/";
}

inline models::Case qianhai() { return models::loadCaseFile(caseDir() + "qianhai-parking/case.json"); }

inline models::Case withPlans(models::Case c, const char* plansJson) {
    c.plans = nlohmann::json::parse(plansJson);
    return c;
}

} // namespace cityfin::test
