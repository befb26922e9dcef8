#include "models/plans/plan.hpp"

#include "finance/errors.hpp"
#include "models/case_json.hpp"

#include <algorithm>
#include <limits>

namespace cityfin::models::plans {
namespace {

using casejson::Json;
using casejson::NumberRange;

constexpr NumberRange scaleRange{0.0, 1.0, true, "a share above 0 and at most 1"};
constexpr NumberRange factorRange{0.0, std::numeric_limits<double>::infinity(), true, "a factor above 0"};
constexpr NumberRange dscrRange{0.0, std::numeric_limits<double>::infinity(), true, "a cover ratio above 0"};
constexpr NumberRange confidenceRange{0.0, 1.0, false, "a probability from 0 to 1"};

RuleOverrides readRules(const casejson::Object& plan) {
    RuleOverrides r;
    const auto o = plan.optionalObject("rules", {"equity_irr_hurdle", "min_dscr", "budget_cap", "general_public_budget",
                                                 "ppp_budget_share", "other_ppp_spending", "government_pay_ppp_share",
                                                 "funds_secured", "confidence"});
    if (!o) return r;
    r.equityIrrHurdle = o->optionalNumber("equity_irr_hurdle", casejson::rateRange);
    r.minDscr = o->optionalNumber("min_dscr", dscrRange);
    r.budgetCap = o->optionalNumber("budget_cap", casejson::amountRange);
    r.generalPublicBudget = o->optionalNumber("general_public_budget", casejson::amountRange);
    r.pppBudgetShare = o->optionalNumber("ppp_budget_share", casejson::shareRange);
    r.otherPppSpending = o->optionalNumber("other_ppp_spending", casejson::amountRange);
    r.governmentPayPppShare = o->optionalNumber("government_pay_ppp_share", casejson::shareRange);
    r.fundsSecured = o->optionalNumber("funds_secured", casejson::amountRange);
    r.confidence = o->optionalNumber("confidence", confidenceRange);
    return r;
}

Plan readPlan(const Json& value, const std::string& path, const Case& c) {
    const casejson::Object o(value, path, {"name", "structure", "scope", "rules"});
    Plan p;
    p.structureId = o.text("structure");
    const bool known = std::any_of(c.structures.begin(), c.structures.end(),
                                   [&](const Structure& s) { return s.id == p.structureId; });
    if (!known) casejson::fail(o.pathOf("structure"), Json(p.structureId), "the id of one of the case's structures");
    p.label = o.textOr("name", p.structureId);
    if (const auto s = o.optionalObject("scope", {"scale", "capex_factor", "construction_years"})) {
        p.scope.scale = s->numberOr("scale", 1.0, scaleRange);
        p.scope.capexFactor = s->numberOr("capex_factor", 1.0, factorRange);
        if (s->has("construction_years"))
            p.scope.constructionYears = s->whole("construction_years", casejson::yearsRange(1, 20));
    }
    p.rules = readRules(o);
    return p;
}

template <typename T>
void overlay(std::optional<T>& base, const std::optional<T>& top) {
    if (top) base = top;
}

} // namespace

std::vector<Plan> readPlans(const Case& c) {
    std::vector<Plan> plans;
    if (!c.plans.is_array()) casejson::fail("plans", c.plans, "an array of plans");
    casejson::forEachElement(c.plans, "plans", [&](const Json& v, const std::string& path) { plans.push_back(readPlan(v, path, c)); });
    if (plans.empty())
        for (const Structure& s : c.structures) plans.push_back(Plan{s.name.empty() ? s.id : s.name, s.id, {}, {}});
    return plans;
}

nlohmann::json plansToJson(const std::vector<Plan>& plans) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Plan& p : plans) {
        nlohmann::ordered_json j;
        j["name"] = p.label;
        j["structure"] = p.structureId;
        nlohmann::ordered_json scope = nlohmann::ordered_json::object();
        if (p.scope.scale != 1.0) scope["scale"] = p.scope.scale;
        if (p.scope.capexFactor != 1.0) scope["capex_factor"] = p.scope.capexFactor;
        if (p.scope.constructionYears) scope["construction_years"] = *p.scope.constructionYears;
        if (!scope.empty()) j["scope"] = scope;
        nlohmann::ordered_json rules = nlohmann::ordered_json::object();
        const auto put = [&](const char* key, const std::optional<double>& x) {
            if (x) rules[key] = *x;
        };
        put("equity_irr_hurdle", p.rules.equityIrrHurdle);
        put("min_dscr", p.rules.minDscr);
        put("budget_cap", p.rules.budgetCap);
        put("general_public_budget", p.rules.generalPublicBudget);
        put("ppp_budget_share", p.rules.pppBudgetShare);
        put("other_ppp_spending", p.rules.otherPppSpending);
        put("government_pay_ppp_share", p.rules.governmentPayPppShare);
        put("funds_secured", p.rules.fundsSecured);
        put("confidence", p.rules.confidence);
        if (!rules.empty()) j["rules"] = rules;
        out.push_back(j);
    }
    return nlohmann::json::parse(out.dump());
}

Project applyScope(const Project& project, const PlanScope& scope) {
    if (!(scope.scale > 0.0 && scope.scale <= 1.0))
        throw InputError("scope.scale", std::to_string(scope.scale), "a share above 0 and at most 1");
    if (!(scope.capexFactor > 0.0)) throw InputError("scope.capex_factor", std::to_string(scope.capexFactor), "a factor above 0");
    Project p = project;
    const double k = scope.scale;
    for (double& x : p.capex) x *= k * scope.capexFactor;
    p.annualOpex *= k;
    for (auto& l : p.lifecycle) l.amount *= k;
    for (auto& r : p.revenues) r.annualVolume *= k;
    for (auto& s : p.energySavings) s.baselineKwh *= k;
    p.residualValue *= k;
    if (scope.constructionYears && *scope.constructionYears != p.constructionYears) {
        // Phasing: the same total capex spread evenly; operation starts later, the horizon grows with it.
        double total = 0.0;
        for (double x : p.capex) total += x;
        const int n = *scope.constructionYears;
        p.capex.assign(static_cast<std::size_t>(n), total / n);
        p.constructionYears = n;
    }
    return p;
}

Case planCase(const Case& c, const Plan& plan) {
    Case out = c;
    out.project = applyScope(c.project, plan.scope);
    out.structures.clear();
    for (const Structure& s : c.structures)
        if (s.id == plan.structureId) out.structures.push_back(s);
    if (out.structures.empty()) throw InputError("plan.structure", plan.structureId, "the id of one of the case's structures");
    return out;
}

RuleOverrides inheritedRules(const std::vector<Plan>& plans, std::size_t i) {
    RuleOverrides r;
    for (std::size_t k = 0; k <= i && k < plans.size(); ++k) {
        const RuleOverrides& t = plans[k].rules;
        overlay(r.budgetCap, t.budgetCap);
        overlay(r.generalPublicBudget, t.generalPublicBudget);
        overlay(r.pppBudgetShare, t.pppBudgetShare);
        overlay(r.otherPppSpending, t.otherPppSpending);
        overlay(r.governmentPayPppShare, t.governmentPayPppShare);
        overlay(r.confidence, t.confidence);
    }
    // The thresholds of a structure and the funds a plan has secured belong to that plan alone.
    if (i < plans.size()) {
        r.equityIrrHurdle = plans[i].rules.equityIrrHurdle;
        r.minDscr = plans[i].rules.minDscr;
        r.fundsSecured = plans[i].rules.fundsSecured;
    }
    return r;
}

} // namespace cityfin::models::plans
