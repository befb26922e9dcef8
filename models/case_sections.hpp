#pragma once
// The case reader's sections, each reading one part of the file into the domain types with the
// checks that part needs (internal to the case file unit).

#include "models/case_json.hpp"
#include "models/project.hpp"
#include "models/social/outcomes.hpp"
#include "models/structure.hpp"

#include <vector>

namespace cityfin::models::casejson {

/// "project": types here, ranges by validateProject() (called here too).
Project readProject(const Object& top);

/// "scenario" (optional): multipliers >= 0 and a delay within the operating years.
Scenario readScenario(const Object& top, const Project& project);

/// "structures": at least one, ids unique, terms range-checked field by field, support validated
/// by validateSupport() with its errors placed under "structures[i].".
std::vector<Structure> readStructures(const Object& top, const Project& project);

/// "support" of one structure (types and the checks validateSupport() leaves to the reader).
SupportTerms readSupport(const Object& structure, const Project& project);

/// "outcomes" (optional): the social outcomes, types and ranges (validateOutcomes checks the rest).
std::vector<SocialOutcome> readOutcomes(const Object& top);

/// "carbon_price" (optional): the carbon price path, points {"year", "price"}.
std::vector<CarbonPricePoint> readCarbonPrice(const Object& top);

/// An id: 1 to 64 ASCII letters, digits, '_', '-' or '.'.
std::string readId(const Object& object, std::string_view key);

/// Any whole number that fits an int, for fields whose range another validator checks.
extern const WholeRange anyWhole;
/// Any finite number, for fields whose range another validator checks.
inline constexpr NumberRange anyNumber{-std::numeric_limits<double>::infinity(),
                                       std::numeric_limits<double>::infinity(), false, "a number"};

} // namespace cityfin::models::casejson
