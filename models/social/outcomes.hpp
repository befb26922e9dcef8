#pragma once
// Social outcomes of a project: what it changes beyond the parties' money (t CO2 avoided, hours of
// travel saved, accidents avoided, visits), each with a financial proxy and the SROI adjustments.
// Read from the case file's "outcomes" and "carbon_price" (docs/case-format.md); the method is in
// docs/methodology/social-return.md.

#include "models/project.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace cityfin::models {

/// The white paper's four kinds of impact (seed 6.(六), annex 1 item 5).
enum class OutcomeCategory { Economic, Environmental, Social, Cultural };
inline constexpr std::array<OutcomeCategory, 4> kOutcomeCategories{
    OutcomeCategory::Economic, OutcomeCategory::Environmental, OutcomeCategory::Social, OutcomeCategory::Cultural};

/// "economic", "environmental", "social", "cultural"
std::string_view outcomeCategoryId(OutcomeCategory category);

/// How one unit of the outcome is valued.
enum class OutcomeValuation {
    Proxy,       ///< a fixed proxy per unit (value of time, value of a prevented injury, ...)
    CarbonPrice  ///< tonnes of CO2e per unit x the case's carbon price path
};

struct SocialOutcome {
    std::string id, name;
    OutcomeCategory category = OutcomeCategory::Social;
    std::string unit;                 ///< "t CO2e", "hours", "accidents", "visits", ...
    double annualQuantity = 0.0;      ///< units in the first full operating year, full scope
    int rampUpYears = 0;              ///< operating year k <= rampUpYears delivers k / (rampUpYears + 1)
    double quantityGrowth = 0.0;      ///< per year
    OutcomeValuation valuation = OutcomeValuation::Proxy;
    double proxyValue = 0.0;          ///< per unit, base-year prices (valuation Proxy)
    double proxyEscalation = 0.0;     ///< real, per year
    std::string proxySource;          ///< where the proxy comes from (required)
    double tonnesCo2PerUnit = 0.0;    ///< counts toward CO2 abated; valued when valuation is CarbonPrice
    double deadweight = 0.0;          ///< share that would have happened anyway
    double attribution = 0.0;         ///< share owed to others' contributions
    double displacement = 0.0;        ///< share that only moves the outcome elsewhere
    double dropOff = 0.0;             ///< yearly decline of the outcome after its first year
};

/// A point of the carbon price path: price per t CO2e in the case's currency, base-year prices.
struct CarbonPricePoint {
    int year = 0;
    double price = 0.0;
};

/// The carbon price in a calendar year: linear between the points, flat before the first and
/// after the last; 0 when the path is empty.
double carbonPriceIn(const std::vector<CarbonPricePoint>& path, int year);

/// Throws InputError naming "outcomes[i].<field>" or "carbon_price[i].<field>"; a CarbonPrice
/// outcome needs a carbon price path and tonnes per unit > 0.
void validateOutcomes(const std::vector<SocialOutcome>& outcomes, const std::vector<CarbonPricePoint>& carbonPrice);

} // namespace cityfin::models
