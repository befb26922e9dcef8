#include "models/social/outcomes.hpp"

#include "finance/errors.hpp"

#include <cmath>
#include <set>

namespace cityfin::models {

std::string_view outcomeCategoryId(OutcomeCategory category) {
    switch (category) {
    case OutcomeCategory::Economic: return "economic";
    case OutcomeCategory::Environmental: return "environmental";
    case OutcomeCategory::Social: return "social";
    case OutcomeCategory::Cultural: return "cultural";
    }
    return "social";
}

double carbonPriceIn(const std::vector<CarbonPricePoint>& path, int year) {
    if (path.empty()) return 0.0;
    if (year <= path.front().year) return path.front().price;
    if (year >= path.back().year) return path.back().price;
    for (std::size_t i = 1; i < path.size(); ++i) {
        if (year > path[i].year) continue;
        const CarbonPricePoint& a = path[i - 1];
        const CarbonPricePoint& b = path[i];
        return a.price + (b.price - a.price) * (year - a.year) / static_cast<double>(b.year - a.year);
    }
    return path.back().price;
}

namespace {

void requireShare(const std::string& field, double x) {
    if (!std::isfinite(x) || x < 0.0 || x > 1.0) throw InputError(field, formatValue(x), "a share from 0 to 1");
}

void requireNonNegative(const std::string& field, double x) {
    if (!std::isfinite(x) || x < 0.0) throw InputError(field, formatValue(x), "a finite number >= 0");
}

} // namespace

void validateOutcomes(const std::vector<SocialOutcome>& outcomes, const std::vector<CarbonPricePoint>& carbonPrice) {
    for (std::size_t i = 0; i < carbonPrice.size(); ++i) {
        const std::string at = indexedField("carbon_price", i);
        requireNonNegative(at + ".price", carbonPrice[i].price);
        if (i > 0 && carbonPrice[i].year <= carbonPrice[i - 1].year)
            throw InputError(at + ".year", std::to_string(carbonPrice[i].year),
                             "a year after the previous point's " + std::to_string(carbonPrice[i - 1].year));
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        const SocialOutcome& o = outcomes[i];
        const std::string at = indexedField("outcomes", i);
        if (!ids.insert(o.id).second) throw InputError(at + ".id", "\"" + o.id + "\"", "an id no other outcome has");
        requireNonNegative(at + ".annual_quantity", o.annualQuantity);
        if (o.rampUpYears < 0) throw InputError(at + ".ramp_up_years", std::to_string(o.rampUpYears), "a whole number >= 0");
        requireRate(at + ".quantity_growth", o.quantityGrowth);
        requireNonNegative(at + ".proxy_value", o.proxyValue);
        requireRate(at + ".proxy_escalation", o.proxyEscalation);
        requireNonNegative(at + ".tonnes_co2_per_unit", o.tonnesCo2PerUnit);
        requireShare(at + ".deadweight", o.deadweight);
        requireShare(at + ".attribution", o.attribution);
        requireShare(at + ".displacement", o.displacement);
        requireShare(at + ".drop_off", o.dropOff);
        if (o.valuation == OutcomeValuation::CarbonPrice) {
            if (carbonPrice.empty())
                throw InputError("carbon_price", "no path", "a carbon price path, for outcome \"" + o.id + "\" valued at it");
            if (o.tonnesCo2PerUnit <= 0.0)
                throw InputError(at + ".tonnes_co2_per_unit", formatValue(o.tonnesCo2PerUnit),
                                 "t CO2e per unit > 0 for an outcome valued at the carbon price");
        }
    }
}

} // namespace cityfin::models
