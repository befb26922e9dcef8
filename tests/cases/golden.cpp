#include "golden.hpp"

#include <cmath>

namespace cityfin::test {
namespace {

using Json = nlohmann::ordered_json;

Json answer(const finance::Answer& a) { return a.value ? Json(*a.value) : Json(nullptr); }
Json optional(const std::optional<double>& x) { return x ? Json(*x) : Json(nullptr); }

// Money is compared to a relative 1e-9 of the case's scale (plus a cent); rates and ratios to 1e-7.
double tolerance(const std::string& metric, double expected) {
    const bool money = metric.find("cost") != std::string::npos || metric.find("outlay") != std::string::npos ||
                       metric.find("payments") != std::string::npos || metric.find("spending") != std::string::npos || metric.find("npv") != std::string::npos ||
                       metric.rfind("solved.", 0) == 0 || metric == "social.value_pv" ||
                       metric.find("tonnes") != std::string::npos || metric.find("per_million") != std::string::npos;
    return money ? 0.01 + 1e-9 * std::abs(expected) : 1e-7;
}

void compareValue(const std::string& where, const std::string& metric, const nlohmann::json& e, const nlohmann::json& a,
                  std::vector<std::string>& out) {
    if (e.is_null() || a.is_null()) {
        if (e.is_null() != a.is_null()) out.push_back(where + ", " + metric + ": expected " + e.dump() + ", got " + a.dump());
        return;
    }
    if (e.is_number() && a.is_number()) {
        const double x = e.get<double>(), y = a.get<double>();
        if (std::abs(x - y) > tolerance(metric, x))
            out.push_back(where + ", " + metric + ": expected " + e.dump() + ", got " + a.dump() + " (tolerance " +
                          Json(tolerance(metric, x)).dump() + ")");
        return;
    }
    if (e != a) out.push_back(where + ", " + metric + ": expected " + e.dump() + ", got " + a.dump());
}

} // namespace

nlohmann::ordered_json goldenFigures(const models::Case& c, const std::vector<models::Evaluation>& evals) {
    Json structures = Json::object();
    for (const auto& e : evals) {
        Json s;
        s["city_present_cost"] = e.cityPresentCost;
        s["city_peak_outlay"] = e.cityPeakOutlay;
        s["city_peak_year"] = e.cityPeakYear;
        s["guarantee_payments"] = e.guaranteePayments;
        if (e.pppSpendingPeak) s["ppp_spending_peak"] = *e.pppSpendingPeak;  // a PPP's, what the 10% ceiling counts
        s["private_npv"] = e.party(models::Party::Private).npv;
        s["project_irr"] = answer(e.projectIrr);
        s["equity_irr"] = answer(e.equityIrr);
        s["min_dscr"] = optional(e.minDscr);
        s["llcr"] = optional(e.llcr);
        for (const auto& term : e.outcome.solved) s["solved." + term.id] = term.value;
        if (e.social) {
            s["social.value_pv"] = e.social->presentValue;
            s["social.economic_npv"] = e.social->economicNpv;
            s["social.benefit_cost_ratio"] = optional(e.social->benefitCostRatio);
            s["social.sroi_ratio"] = optional(e.social->sroiRatio);
            s["social.tonnes_co2"] = e.social->tonnesCo2;
            s["social.cost_per_tonne_co2"] = optional(e.social->costPerTonneCo2);
        }
        if (e.greenBondImpact) s["impact.tco2e_per_million"] = e.greenBondImpact->tonnesCo2PerMillion;
        structures[e.structureId] = s;
    }
    Json rankings = Json::object();
    for (auto p : {models::Perspective::City, models::Perspective::Investor, models::Perspective::Society}) {
        const auto comparison = models::compareStructures(c.project, evals, p);
        Json order = Json::array();
        for (const auto& r : comparison.ranking) order.push_back(evals[r.evaluation].structureId);
        rankings[models::perspectiveId(p)] = {
            {"recommended", comparison.recommended ? Json(evals[*comparison.recommended].structureId) : Json(nullptr)},
            {"ranking", order}};
    }
    return {{"case", c.id}, {"structures", structures}, {"rankings", rankings}};
}

std::vector<std::string> compareGolden(const std::string& caseId, const nlohmann::json& expected,
                                       const nlohmann::json& actual) {
    std::vector<std::string> out;
    if (expected.contains("case") && expected.at("case") != caseId)
        out.push_back("case " + caseId + ": expected.json belongs to case " + expected.at("case").dump());
    for (const auto& [id, figures] : expected.at("structures").items()) {
        const std::string where = "case " + caseId + ", structure " + id;
        if (!actual.at("structures").contains(id)) {
            out.push_back(where + ": missing from the results");
            continue;
        }
        const auto& got = actual.at("structures").at(id);
        for (const auto& [metric, value] : figures.items())
            compareValue(where, metric, value, got.contains(metric) ? got.at(metric) : nlohmann::json(), out);
        for (const auto& [metric, value] : got.items())
            if (!figures.contains(metric)) out.push_back(where + ", " + metric + ": new figure " + value.dump() + " not in expected.json");
    }
    for (const auto& [id, _] : actual.at("structures").items())
        if (!expected.at("structures").contains(id)) out.push_back("case " + caseId + ", structure " + id + ": not in expected.json");
    for (const auto& [perspective, ranking] : expected.at("rankings").items())
        compareValue("case " + caseId + ", perspective " + perspective, "ranking", ranking,
                     actual.at("rankings").at(perspective), out);
    return out;
}

} // namespace cityfin::test
