#include "models/plans/plan_chain.hpp"

#include "models/number_format.hpp"
#include "models/plans/break_even.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cityfin::models::plans {
namespace {

struct Driver {
    std::string input, metric;
};

// The drivers that can mend a rule, in the order a finance officer would try them.
std::vector<Driver> driversFor(const RuleResult& r, const Case& pc) {
    const bool revenues = !pc.project.revenues.empty(), savings = !pc.project.energySavings.empty();
    std::vector<Driver> d;
    if (r.id == "equity_irr" || r.id == "min_dscr") {
        const std::string metric = r.id;
        d.push_back({"construction_subsidy_share", metric});
        if (revenues) d.push_back({"tariff_factor", metric});
        if (savings) d.push_back({"saving_fraction", metric});
        d.push_back({"capex_factor", metric});
    } else if (r.id == "budget_cap") {
        d.push_back({"scale", "city_peak_outlay"});
    } else if (r.id == "ppp_budget_share") {
        d.push_back({"scale", "ppp_spending_peak"});
    }
    return d;
}

std::string driverWords(const std::string& input, double x, const std::string& currency) {
    (void)currency;
    if (input == "construction_subsidy_share") return "a construction subsidy of " + formatPercent(x, 1) + " of capex";
    if (input == "tariff_factor") return "tariffs " + formatPercent(x - 1.0, 1) + " " + (x >= 1.0 ? "above" : "below") + " the forecast";
    if (input == "saving_fraction") return "an energy saving of " + formatPercent(x, 1) + " of the baseline";
    if (input == "capex_factor") return "capex at " + formatPercent(x, 1) + " of the estimate";
    if (input == "scale") return "a scope cut to " + formatPercent(x, 1) + " of this plan's";
    return input + " = " + formatFixed(x, 4);
}

std::string ruleName(const std::string& id) {
    if (id == "equity_irr") return "the equity return";
    if (id == "min_dscr") return "the lenders' cover";
    if (id == "budget_cap") return "the budget cap";
    if (id == "ppp_budget_share") return "the 10% PPP ceiling";
    if (id == "government_pay_ppp") return "the rule on new government-pay PPPs";
    if (id == "funds_secured") return "the funds secured";
    return "the risk test";
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

Mend mendFor(const RuleResult& r, const Case& pc, const Plan& plan, const std::string& currency) {
    Mend m;
    m.rule = r.id;
    if (r.id == "funds_secured") {
        const double required = r.threshold, secured = r.value.value_or(0.0);
        m.input = "scale";
        m.current = 1.0;
        m.value.value = required > 0.0 ? secured / required : 0.0;
        m.text = "The funding gap closes with " + formatMoney(required - secured, currency) + " more committed, or with " +
                 driverWords("scale", *m.value.value, currency) + ".";
        return m;
    }
    if (r.id == "government_pay_ppp") {
        // The city's standing, not this project's size: no scope or price of this plan mends it.
        m.value.reason = "the rule is on the city's other PPP commitments, which this plan does not change";
        m.text = "No scope or price of this PPP mends the rule on new government-pay PPPs: while the city's other PPP "
                 "commitments take more than " + formatPercent(r.threshold, 0) +
                 " of its budget, the project needs a PPP its users pay for, or a structure that is not a PPP.";
        return m;
    }
    if (r.id == "risk_confidence") {
        m.value.reason = "the risk rule is mended by headroom on the other rules, not by one driver";
        m.text = "It needs more headroom on the rules that fail in the downside scenarios.";
        const RuleUnderRisk* w = weakestUnderRisk(r);
        if (w && w->id == "min_dscr")
            m.text = "To hold with " + formatPercent(r.threshold, 0) + " confidence the lenders' cover needs headroom in the downside, "
                     "not only on the forecast: more subsidy or equity, or less debt, sized so that the cover in the worst " +
                     formatPercent(1.0 - r.threshold, 0) + " of the scenarios still reaches " + formatFixed(w->threshold, 2) + "x.";
        else if (w && (w->id == "budget_cap" || w->id == "ppp_budget_share"))
            m.text = "To hold with " + formatPercent(r.threshold, 0) + " confidence the city's " +
                     (w->id == "budget_cap" ? "peak outlay needs room under the cap" : "PPP payments need room under the 10% ceiling") +
                     " in the downside: a smaller or later-phased scope.";
        return m;
    }
    // The figure the driver must bring the metric to.
    double target = r.threshold;
    std::string tried;
    for (const Driver& d : driversFor(r, pc)) {
        if (r.id == "ppp_budget_share") {
            // this PPP's payments + other PPP spending <= limit: the target excludes the other PPPs.
            const Evaluation e = evaluateStructure(pc, plan.structureId);
            target = r.threshold - (r.value.value_or(0.0) - e.pppSpendingPeak.value_or(0.0));
        }
        const BreakEven b = solveCase(pc, plan.structureId, d.metric, target, d.input);
        if (b.answer.value) {
            m.input = d.input;
            m.current = b.baseInput;
            m.value = b.answer;
            m.text = capitalised(ruleName(r.id)) + " would hold with " + driverWords(d.input, *b.answer.value, currency) +
                     (d.input == "construction_subsidy_share" ? " (now " + formatPercent(b.baseInput, 1) + ")" : "") + ".";
            return m;
        }
        tried += (tried.empty() ? "" : ", ") + d.input;
    }
    m.value.reason = tried.empty() ? "no single driver mends this rule" : "no value of " + tried + " in range mends it";
    m.text = capitalised(ruleName(r.id)) + " cannot be mended by one driver within a plausible range (" + m.value.reason + ").";
    return m;
}

double relativeShortfall(const RuleResult& r) {
    if (r.holds) return 0.0;
    if (!r.value) return 1.0;
    return -r.margin / std::max(std::abs(r.threshold), 1e-9);
}

std::string memoFor(const PlanStep& s) {
    // The plan's own name when it has one; the structure's name otherwise (the table shows both).
    std::string text = (s.plan.label == s.plan.structureId ? s.structureName : s.plan.label) + " ";
    // Failing only under risk: say first that the forecast passes, with its figures.
    const bool onlyUnderRisk = !s.feasible && std::all_of(s.rules.begin(), s.rules.end(), [](const RuleResult& r) {
        return r.holds || r.id == "risk_confidence";
    });
    text += s.feasible ? "meets every rule. " : onlyUnderRisk ? "meets every rule on the forecast but fails under risk. " : "fails. ";
    for (const RuleResult& r : s.rules)
        if (!r.holds || s.feasible || onlyUnderRisk) text += r.text + " ";
    for (const Mend& m : s.mends) text += m.text + " ";
    if (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

nlohmann::ordered_json optionalJson(const std::optional<double>& x) { return x ? nlohmann::ordered_json(*x) : nlohmann::ordered_json(); }

} // namespace

PlanChain runPlanChain(const Case& c, const ChainOptions& options) {
    PlanChain chain;
    chain.caseId = c.id;
    chain.currency = c.project.currency;
    const std::vector<Plan> plans = readPlans(c);
    for (std::size_t i = 0; i < plans.size(); ++i) {
        PlanStep step;
        step.plan = plans[i];
        const Case pc = planCase(c, plans[i]);
        step.structureName = pc.structures.front().name;
        const Evaluation e = evaluateStructure(pc, plans[i].structureId);
        step.thresholds = resolveRules(inheritedRules(plans, i), e);
        step.rules = checkFeasibility(e, plans[i], step.thresholds, chain.currency, options.risk);
        step.feasible = allHold(step.rules);
        for (const RuleResult& r : step.rules) {
            step.gap = std::max(step.gap, relativeShortfall(r));
            if (!r.holds && options.solveMends) step.mends.push_back(mendFor(r, pc, plans[i], chain.currency));
        }
        step.memo = memoFor(step);
        if (inheritedRules(plans, i).generalPublicBudget && !step.thresholds.generalPublicBudget)
            step.memo += " The 10% PPP ceiling does not apply to this plan: its payments are not PPP spending "
                         "(the ceiling counts the government's payments, subsidies and guarantees under PPP "
                         "contracts).";
        if (!step.feasible && i + 1 < plans.size()) step.memo += " We therefore turn to " + plans[i + 1].label + ".";
        chain.steps.push_back(std::move(step));
        if (chain.steps.back().feasible) {
            chain.chosen = chain.steps.size() - 1;
            break;
        }
    }
    if (chain.chosen) {
        const PlanStep& s = chain.steps[*chain.chosen];
        chain.conclusion = *chain.chosen == 0 ? "Plan A is feasible as it stands: " + s.plan.label + "."
                                              : "We recommend falling back to " + s.plan.label + ", the first plan in the order agreed that meets every rule.";
    } else {
        std::size_t best = 0;
        for (std::size_t i = 1; i < chain.steps.size(); ++i) {
            const auto failing = [&](std::size_t k) {
                return std::count_if(chain.steps[k].rules.begin(), chain.steps[k].rules.end(), [](const RuleResult& r) { return !r.holds; });
            };
            if (failing(i) < failing(best) || (failing(i) == failing(best) && chain.steps[i].gap < chain.steps[best].gap)) best = i;
        }
        chain.nearest = best;
        const PlanStep& s = chain.steps[best];
        std::string fails;
        for (const RuleResult& r : s.rules)
            if (!r.holds) fails += (fails.empty() ? "" : " and ") + ruleName(r.id);
        chain.conclusion = "No feasible plan: none of the " + std::to_string(chain.steps.size()) + " plans meets every rule. The nearest is " +
                           s.plan.label + ", which fails " + fails + " by " + formatPercent(s.gap, 1) + " of the threshold at worst.";
    }
    return chain;
}

nlohmann::ordered_json planChainJson(const PlanChain& chain) {
    nlohmann::ordered_json j;
    j["case"] = chain.caseId;
    j["currency"] = chain.currency;
    j["steps"] = nlohmann::ordered_json::array();
    for (const PlanStep& s : chain.steps) {
        nlohmann::ordered_json step;
        step["name"] = s.plan.label;
        step["structure"] = s.plan.structureId;
        step["structure_name"] = s.structureName;
        step["scope"] = {{"scale", s.plan.scope.scale}, {"capex_factor", s.plan.scope.capexFactor},
                         {"construction_years", s.plan.scope.constructionYears ? nlohmann::ordered_json(*s.plan.scope.constructionYears) : nlohmann::ordered_json()}};
        step["feasible"] = s.feasible;
        step["gap"] = s.gap;
        step["rules"] = nlohmann::ordered_json::array();
        for (const RuleResult& r : s.rules) {
            nlohmann::ordered_json rule = {{"id", r.id}, {"value", optionalJson(r.value)}, {"threshold", r.threshold}, {"margin", r.margin},
                                           {"holds", r.holds}, {"unit", ruleUnitName(r.unit)}, {"text", r.text}};
            if (r.id == "risk_confidence") {
                rule["under_risk"] = nlohmann::ordered_json::array();
                for (const RuleUnderRisk& u : r.underRisk)
                    rule["under_risk"].push_back({{"id", u.id}, {"threshold", u.threshold}, {"probability", u.probability},
                                                  {"at_confidence", optionalJson(u.atConfidence)}, {"counted", u.counted}});
            }
            step["rules"].push_back(rule);
        }
        step["mends"] = nlohmann::ordered_json::array();
        for (const Mend& m : s.mends)
            step["mends"].push_back({{"rule", m.rule}, {"input", m.input}, {"current", m.current}, {"value", optionalJson(m.value.value)},
                                     {"reason", m.value.reason}, {"text", m.text}});
        step["memo"] = s.memo;
        j["steps"].push_back(step);
    }
    j["chosen"] = chain.chosen ? nlohmann::ordered_json(*chain.chosen) : nlohmann::ordered_json();
    j["nearest"] = chain.nearest ? nlohmann::ordered_json(*chain.nearest) : nlohmann::ordered_json();
    j["conclusion"] = chain.conclusion;
    return j;
}

} // namespace cityfin::models::plans
