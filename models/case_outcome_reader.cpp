// "outcomes" and "carbon_price": the social outcomes of a case (docs/case-format.md).
#include "models/case_sections.hpp"
#include "models/social/outcome_names.hpp"

#include "finance/errors.hpp"

namespace cityfin::models::casejson {
namespace {

const WholeRange calendarYears{1900, 2200, "a calendar year from 1900 to 2200"};

SocialOutcome readOutcome(const Json& value, const std::string& at) {
    const Object o(value, at,
                   {"id", "name", "category", "unit", "annual_quantity", "ramp_up_years", "quantity_growth", "valuation",
                    "proxy_value", "proxy_escalation", "proxy_source", "tonnes_co2_per_unit", "deadweight",
                    "attribution", "displacement", "drop_off"});
    SocialOutcome s;
    s.id = readId(o, "id");
    s.name = o.text("name");
    if (!o.has("category")) o.missing("category", Object::oneOf(std::vector<std::string_view>{"economic", "environmental", "social", "cultural"}));
    s.category = o.choiceOr("category", OutcomeCategory::Social, outcomeCategoryNames);
    s.unit = o.text("unit");
    s.annualQuantity = o.number("annual_quantity", amountRange);
    s.rampUpYears = o.wholeOr("ramp_up_years", 0, yearsRange(0, 50));
    s.quantityGrowth = o.numberOr("quantity_growth", 0.0, rateRange);
    s.valuation = o.choiceOr("valuation", OutcomeValuation::Proxy, outcomeValuationNames);
    s.proxyValue = s.valuation == OutcomeValuation::Proxy ? o.number("proxy_value", amountRange)
                                                          : o.numberOr("proxy_value", 0.0, amountRange);
    s.proxyEscalation = o.numberOr("proxy_escalation", 0.0, rateRange);
    s.proxySource = o.text("proxy_source");
    s.tonnesCo2PerUnit = o.numberOr("tonnes_co2_per_unit", 0.0, nonNegativeRange);
    s.deadweight = o.numberOr("deadweight", 0.0, shareRange);
    s.attribution = o.numberOr("attribution", 0.0, shareRange);
    s.displacement = o.numberOr("displacement", 0.0, shareRange);
    s.dropOff = o.numberOr("drop_off", 0.0, shareRange);
    return s;
}

} // namespace

std::vector<SocialOutcome> readOutcomes(const Object& top) {
    const std::string path = top.pathOf("outcomes");
    const Json& list = top.array("outcomes", "an array of outcomes", false);
    std::vector<SocialOutcome> outcomes;
    for (std::size_t i = 0; i < list.size(); ++i) outcomes.push_back(readOutcome(list[i], elementPath(path, i)));
    return outcomes;
}

std::vector<CarbonPricePoint> readCarbonPrice(const Object& top) {
    const std::string path = top.pathOf("carbon_price");
    const Json& list = top.array("carbon_price", "an array of {\"year\", \"price\"} points", false);
    std::vector<CarbonPricePoint> points;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Object p(list[i], elementPath(path, i), {"year", "price"});
        points.push_back({p.whole("year", calendarYears), p.number("price", amountRange)});
    }
    return points;
}

} // namespace cityfin::models::casejson
