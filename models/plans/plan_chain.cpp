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

std::string driverWords(const std::string& input, double x, bool zh) {
    if (zh) {
        if (input == "construction_subsidy_share") return "建设补贴占建设投资的" + formatPercent(x, 1);
        if (input == "tariff_factor") return "收费" + std::string(x >= 1.0 ? "高于" : "低于") + "预测" + formatPercent(std::abs(x - 1.0), 1);
        if (input == "saving_fraction") return "节能量达到基准能耗的" + formatPercent(x, 1);
        if (input == "capex_factor") return "建设投资为估算的" + formatPercent(x, 1);
        if (input == "scale") return "规模缩减至本方案的" + formatPercent(x, 1);
        return input + " = " + formatFixed(x, 4);
    }
    if (input == "construction_subsidy_share") return "a construction subsidy of " + formatPercent(x, 1) + " of capex";
    if (input == "tariff_factor") return "tariffs " + formatPercent(x - 1.0, 1) + " " + (x >= 1.0 ? "above" : "below") + " the forecast";
    if (input == "saving_fraction") return "an energy saving of " + formatPercent(x, 1) + " of the baseline";
    if (input == "capex_factor") return "capex at " + formatPercent(x, 1) + " of the estimate";
    if (input == "scale") return "a scope cut to " + formatPercent(x, 1) + " of this plan's";
    return input + " = " + formatFixed(x, 4);
}

std::string driverNameZh(const std::string& input) {
    if (input == "construction_subsidy_share") return "建设补贴比例";
    if (input == "tariff_factor") return "收费水平";
    if (input == "saving_fraction") return "节能比例";
    if (input == "capex_factor") return "建设投资";
    if (input == "scale") return "规模";
    return input;
}

std::string ruleName(const std::string& id, bool zh) {
    if (zh) {
        if (id == "equity_irr") return "股权收益率规则";
        if (id == "min_dscr") return "贷款人的偿债覆盖率约定";
        if (id == "budget_cap") return "预算上限";
        if (id == "ppp_budget_share") return "PPP支出10%的上限";
        if (id == "government_pay_ppp") return "新上政府付费PPP项目的规定";
        if (id == "funds_secured") return "资金落实规则";
        return "风险检验";
    }
    if (id == "equity_irr") return "the equity return";
    if (id == "min_dscr") return "the lenders' cover";
    if (id == "budget_cap") return "the budget cap";
    if (id == "ppp_budget_share") return "the 10% PPP ceiling";
    if (id == "government_pay_ppp") return "the rule on new government-pay PPPs";
    if (id == "funds_secured") return "the funds secured";
    return "the risk test";
}

// A plan's or structure's name (as the case writes it) inside a Chinese sentence.
std::string quoted(const std::string& name) { return "“" + name + "”"; }

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

Mend mendFor(const RuleResult& r, const Case& pc, const Plan& plan, const std::string& currency, bool zh) {
    Mend m;
    m.rule = r.id;
    if (r.id == "funds_secured") {
        const double required = r.threshold, secured = r.value.value_or(0.0);
        m.input = "scale";
        m.current = 1.0;
        m.value.value = required > 0.0 ? secured / required : 0.0;
        m.text = zh ? "再落实" + formatMoney(required - secured, currency) + "资金，或" + driverWords("scale", *m.value.value, true) +
                          "，即可弥补资金缺口。"
                    : "The funding gap closes with " + formatMoney(required - secured, currency) + " more committed, or with " +
                          driverWords("scale", *m.value.value, false) + ".";
        return m;
    }
    if (r.id == "government_pay_ppp") {
        // The city's standing, not this project's size: no scope or price of this plan mends it.
        m.value.reason = "the rule is on the city's other PPP commitments, which this plan does not change";
        const std::string limit = formatPercent(r.threshold, 0);
        m.text = zh ? "调整本PPP项目的规模或价格都无法满足新上政府付费项目的规定：只要其他PPP项目的支出责任超过预算的" + limit +
                          "，本项目就需要采用使用者付费的PPP，或不采用PPP模式。"
                    : "No scope or price of this PPP mends the rule on new government-pay PPPs: while the city's other PPP "
                      "commitments take more than " + limit +
                          " of its budget, the project needs a PPP its users pay for, or a structure that is not a PPP.";
        return m;
    }
    if (r.id == "risk_confidence") {
        m.value.reason = "the risk rule is mended by headroom on the other rules, not by one driver";
        const std::string confidence = formatPercent(r.threshold, 0), worst = formatPercent(1.0 - r.threshold, 0);
        m.text = zh ? "需要在下行情景中为各项规则留出更多余量。" : "It needs more headroom on the rules that fail in the downside scenarios.";
        const RuleUnderRisk* w = weakestUnderRisk(r);
        if (w && w->id == "min_dscr")
            m.text = zh ? "要以" + confidence + "的置信度满足要求，偿债覆盖率不仅在预测情形下、在下行情景中也需要余量：增加补贴或股本，或减少债务，"
                              "使最差的" + worst + "情景中覆盖率仍达到" + formatFixed(w->threshold, 2) + "x。"
                        : "To hold with " + confidence + " confidence the lenders' cover needs headroom in the downside, "
                          "not only on the forecast: more subsidy or equity, or less debt, sized so that the cover in the worst " +
                              worst + " of the scenarios still reaches " + formatFixed(w->threshold, 2) + "x.";
        else if (w && (w->id == "budget_cap" || w->id == "ppp_budget_share"))
            m.text = zh ? "要以" + confidence + "的置信度满足要求，" +
                              (w->id == "budget_cap" ? "政府最高支出在下行情景中需低于预算上限" : "政府PPP付费在下行情景中需低于10%的上限") +
                              "：缩小规模或分期建设。"
                        : "To hold with " + confidence + " confidence the city's " +
                              (w->id == "budget_cap" ? "peak outlay needs room under the cap" : "PPP payments need room under the 10% ceiling") +
                              " in the downside: a smaller or later-phased scope.";
        return m;
    }
    // The figure the driver must bring the metric to.
    double target = r.threshold;
    std::string tried, triedZh;
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
            const bool subsidy = d.input == "construction_subsidy_share";
            m.text = zh ? "若" + driverWords(d.input, *b.answer.value, true) + (subsidy ? "（目前为" + formatPercent(b.baseInput, 1) + "）" : "") +
                              "，" + ruleName(r.id, true) + "即可满足。"
                        : capitalised(ruleName(r.id, false)) + " would hold with " + driverWords(d.input, *b.answer.value, false) +
                              (subsidy ? " (now " + formatPercent(b.baseInput, 1) + ")" : "") + ".";
            return m;
        }
        tried += (tried.empty() ? "" : ", ") + d.input;
        triedZh += (triedZh.empty() ? "" : "、") + driverNameZh(d.input);
    }
    m.value.reason = tried.empty() ? "no single driver mends this rule" : "no value of " + tried + " in range mends it";
    m.text = zh ? ruleName(r.id, true) + "无法在合理范围内通过调整单一因素满足（" + (tried.empty() ? "没有可调整的单一因素" : "在范围内调整" + triedZh + "均无效") + "）。"
                : capitalised(ruleName(r.id, false)) + " cannot be mended by one driver within a plausible range (" + m.value.reason + ").";
    return m;
}

double relativeShortfall(const RuleResult& r) {
    if (r.holds) return 0.0;
    if (!r.value) return 1.0;
    return -r.margin / std::max(std::abs(r.threshold), 1e-9);
}

std::string memoFor(const PlanStep& s, bool zh) {
    // The plan's own name when it has one; the structure's name otherwise (the table shows both).
    const std::string name = s.plan.label == s.plan.structureId ? s.structureName : s.plan.label;
    std::string text = zh ? quoted(name) : name + " ";
    // Failing only under risk: say first that the forecast passes, with its figures.
    const bool onlyUnderRisk = !s.feasible && std::all_of(s.rules.begin(), s.rules.end(), [](const RuleResult& r) {
        return r.holds || r.id == "risk_confidence";
    });
    if (zh)
        text += s.feasible ? "满足全部规则。" : onlyUnderRisk ? "在预测情形下满足全部规则，但在风险下不可行。" : "不可行。";
    else
        text += s.feasible ? "meets every rule. " : onlyUnderRisk ? "meets every rule on the forecast but fails under risk. " : "fails. ";
    const std::string gap = zh ? "" : " ";
    for (const RuleResult& r : s.rules)
        if (!r.holds || s.feasible || onlyUnderRisk) text += r.text + gap;
    for (const Mend& m : s.mends) text += m.text + gap;
    if (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

nlohmann::ordered_json optionalJson(const std::optional<double>& x) { return x ? nlohmann::ordered_json(*x) : nlohmann::ordered_json(); }

} // namespace

PlanChain runPlanChain(const Case& c, const ChainOptions& options) {
    const bool zh = options.language == "zh";
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
        step.rules = checkFeasibility(e, plans[i], step.thresholds, chain.currency, options.risk, options.language);
        step.feasible = allHold(step.rules);
        for (const RuleResult& r : step.rules) {
            step.gap = std::max(step.gap, relativeShortfall(r));
            if (!r.holds && options.solveMends) step.mends.push_back(mendFor(r, pc, plans[i], chain.currency, zh));
        }
        step.memo = memoFor(step, zh);
        if (inheritedRules(plans, i).generalPublicBudget && !step.thresholds.generalPublicBudget)
            step.memo += zh ? "PPP支出10%的上限不适用于本方案：其付费不属于PPP支出（该上限计算的是政府在PPP合同下的付费、补贴和担保）。"
                            : " The 10% PPP ceiling does not apply to this plan: its payments are not PPP spending "
                              "(the ceiling counts the government's payments, subsidies and guarantees under PPP "
                              "contracts).";
        if (!step.feasible && i + 1 < plans.size())
            step.memo += zh ? "因此转向" + quoted(plans[i + 1].label) + "。" : " We therefore turn to " + plans[i + 1].label + ".";
        chain.steps.push_back(std::move(step));
        if (chain.steps.back().feasible) {
            chain.chosen = chain.steps.size() - 1;
            break;
        }
    }
    if (chain.chosen) {
        const PlanStep& s = chain.steps[*chain.chosen];
        if (zh)
            chain.conclusion = *chain.chosen == 0 ? "方案A按现有安排即可行：" + quoted(s.plan.label) + "。"
                                                  : "建议转向" + quoted(s.plan.label) + "：按商定顺序第一个满足全部规则的方案。";
        else
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
            if (!r.holds) fails += (fails.empty() ? "" : (zh ? "和" : " and ")) + ruleName(r.id, zh);
        const std::string count = std::to_string(chain.steps.size());
        chain.conclusion = zh ? "没有可行方案：" + count + "个方案均未满足全部规则。最接近的是" + quoted(s.plan.label) + "，未满足" + fails +
                                    "，最大差距为阈值的" + formatPercent(s.gap, 1) + "。"
                              : "No feasible plan: none of the " + count + " plans meets every rule. The nearest is " + s.plan.label +
                                    ", which fails " + fails + " by " + formatPercent(s.gap, 1) + " of the threshold at worst.";
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
