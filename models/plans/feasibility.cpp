#include "models/plans/feasibility.hpp"

#include "finance/metrics.hpp"
#include "models/number_format.hpp"
#include "models/ppp_spending.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cityfin::models::plans {
namespace {

constexpr double kTolerance = 1e-6;  // same as compare's: a solved term meets its target to ~1e-8
constexpr double kWarningShare = 0.07;  // 财金〔2019〕10号: PPP spending above 7% of the budget draws a warning

std::string points(double margin) { return formatFixed(std::abs(margin) * 100.0, 2) + " points"; }

RuleResult floorRule(std::string id, RuleUnit unit, double value, double threshold) {
    RuleResult r{std::move(id), value, threshold, value - threshold, true, "", {}, unit};
    r.holds = r.margin >= -kTolerance * std::max(1.0, std::abs(threshold));
    return r;
}

RuleResult capRule(std::string id, RuleUnit unit, double value, double threshold) {
    RuleResult r{std::move(id), value, threshold, threshold - value, true, "", {}, unit};
    r.holds = r.margin >= -kTolerance * std::max(1.0, std::abs(threshold));
    return r;
}

std::string capitalisedFirst(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

// "the lenders' 1.40x cover", "the budget cap of KRW 12,000,000,000", ...
std::string ruleUnderRiskName(const RuleUnderRisk& u, const std::string& currency, bool zh) {
    if (zh) {
        if (u.id == "min_dscr") return "贷款人" + formatFixed(u.threshold, 2) + "x的偿债覆盖率约定";
        if (u.id == "budget_cap") return formatMoney(u.threshold, currency) + "的预算上限";
        if (u.id == "ppp_budget_share") return "PPP支出10%的上限";
        if (u.id == "equity_irr") return "投资人" + formatPercent(u.threshold, 2) + "的门槛收益率";
        return u.id;
    }
    if (u.id == "min_dscr") return "the lenders' " + formatFixed(u.threshold, 2) + "x cover";
    if (u.id == "budget_cap") return "the budget cap of " + formatMoney(u.threshold, currency);
    if (u.id == "ppp_budget_share") return "the 10% PPP ceiling";
    if (u.id == "equity_irr") return "the investors' " + formatPercent(u.threshold, 2) + " hurdle";
    return u.id;
}

// What the rule's figure is at the confidence level, in words: "in the worst 10% the lowest cover is
// 0.95x or less".
std::string atConfidenceWords(const RuleUnderRisk& u, double confidence, const std::string& currency, bool zh) {
    if (zh) {
        const std::string worst = "在最差的" + formatPercent(1.0 - confidence, 0) + "情景中，";
        if (!u.atConfidence) return worst + "该指标不存在（没有还本付息或没有可衡量的收益）";
        if (u.id == "min_dscr") {
            const double x = *u.atConfidence;
            if (x < 0.0) return worst + "项目最差年份的现金流甚至不足以支付运营成本（偿债覆盖率为" + formatFixed(x, 2) + "x或更低）";
            return worst + "最低偿债覆盖率为" + formatFixed(x, 2) + "x或更低" + (x < 1.0 ? "，项目现金流无法偿还债务" : "");
        }
        if (u.id == "budget_cap") return worst + "政府年度最高支出达到" + formatMoney(*u.atConfidence, currency) + "或更多";
        if (u.id == "ppp_budget_share")
            return worst + "政府PPP支出峰值达到" + formatMoney(*u.atConfidence, currency) + "或更多，上限为" + formatMoney(u.threshold, currency);
        return worst + "该指标为" + formatFixed(*u.atConfidence, 4);
    }
    const std::string worst = "in the worst " + formatPercent(1.0 - confidence, 0) + " of them ";
    if (!u.atConfidence) return worst + "the figure does not exist (no debt service or no return to measure)";
    if (u.id == "min_dscr") {
        const double x = *u.atConfidence;
        if (x < 0.0)
            return worst + "the project's cash in its worst year does not even meet its running costs (a cover of " +
                   formatFixed(x, 2) + "x or less)";
        return worst + "the lowest cover is " + formatFixed(x, 2) + "x or less" +
               (x < 1.0 ? ", so the debt could not be serviced from the project's cash" : "");
    }
    if (u.id == "budget_cap") return worst + "the city's peak outlay is " + formatMoney(*u.atConfidence, currency) + " or more";
    if (u.id == "ppp_budget_share")
        return worst + "the city's PPP spending peaks at " + formatMoney(*u.atConfidence, currency) + " or more, against " +
               formatMoney(u.threshold, currency);
    return worst + "the figure is " + formatFixed(*u.atConfidence, 4);
}

std::string riskText(const RiskEstimate& est, const RuleResult& r, double confidence, const std::string& currency, bool zh) {
    const std::string paths = formatFixed(static_cast<double>(est.paths), 0);
    if (zh) {
        std::string text = "在本案例的风险下，情景中可能被突破的各项规则在" + paths + "个情景中" + (r.holds ? "" : "仅") + "有" +
                           formatPercent(est.probability, 1) + "同时满足，" + (r.holds ? "达到" : "低于") + "要求的" +
                           formatPercent(confidence, 0);
        if (const RuleUnderRisk* w = weakestUnderRisk(r); w && !r.holds)
            text += "：最先被突破的是" + ruleUnderRiskName(*w, currency, true) + "，仅在" + formatPercent(w->probability, 1) +
                    "的情景中满足；" + atConfidenceWords(*w, confidence, currency, true);
        text += "。";
        for (const RuleUnderRisk& u : est.rules)
            if (!u.counted && u.id == "equity_irr")
                text += "（" + ruleUnderRiskName(u, currency, true) + "是其投标条件，按预测情形判断，此处不计入；他们在" +
                        formatPercent(u.probability, 1) + "的情景中达到该收益率。）";
        return text;
    }
    std::string text = "Under the case's risks the rules a scenario can breach all hold in " + std::string(r.holds ? "" : "only ") +
                       formatPercent(est.probability, 1) + " of " + paths + " scenarios, " +
                       (r.holds ? "at least" : "short of") + " the " + formatPercent(confidence, 0) + " required";
    if (const RuleUnderRisk* w = weakestUnderRisk(r); w && !r.holds)
        text += ": " + ruleUnderRiskName(*w, currency, false) + " gives way first, holding in " + formatPercent(w->probability, 1) +
                " of them, and " + atConfidenceWords(*w, confidence, currency, false);
    text += ".";
    for (const RuleUnderRisk& u : est.rules)
        if (!u.counted && u.id == "equity_irr")
            text += " (" + capitalisedFirst(ruleUnderRiskName(u, currency, false)) +
                    " is a condition of their bid, judged on the forecast and not counted here; they earn it in " +
                    formatPercent(u.probability, 1) + " of the scenarios.)";
    return text;
}

} // namespace

const char* ruleUnitName(RuleUnit unit) {
    switch (unit) {
    case RuleUnit::Rate: return "rate";
    case RuleUnit::Probability: return "probability";
    case RuleUnit::Cover: return "cover";
    case RuleUnit::Money: return "money";
    }
    return "money";
}

const RuleUnderRisk* weakestUnderRisk(const RuleResult& r) {
    const RuleUnderRisk* weakest = nullptr;
    for (const RuleUnderRisk& u : r.underRisk)
        if (u.counted && (!weakest || u.probability < weakest->probability)) weakest = &u;
    return weakest;
}

bool privateEquityAtStake(const Evaluation& e) { return finance::startsWithOutlay(e.party(Party::Private).flows); }

FeasibilityRules resolveRules(const RuleOverrides& o, const Evaluation& e) {
    FeasibilityRules r;
    if (privateEquityAtStake(e)) r.equityIrrHurdle = o.equityIrrHurdle ? *o.equityIrrHurdle : e.outcome.privateRate;
    if (e.outcome.debt && e.minDscr) {
        if (o.minDscr) r.minDscr = o.minDscr;
        else if (e.outcome.debt->targetDscr) r.minDscr = e.outcome.debt->targetDscr;
    }
    r.budgetCap = o.budgetCap;
    if (isPppKind(e.kind)) r.generalPublicBudget = o.generalPublicBudget;
    r.pppBudgetShare = o.pppBudgetShare.value_or(0.10);
    r.otherPppSpending = o.otherPppSpending.value_or(0.0);
    if (isGovernmentPayPpp(e.kind) && o.generalPublicBudget) r.governmentPayShare = o.governmentPayPppShare.value_or(0.05);
    r.fundsSecured = o.fundsSecured;
    r.confidence = o.confidence.value_or(0.90);
    return r;
}

std::vector<RuleResult> checkFeasibility(const Evaluation& e, const Plan& plan, const FeasibilityRules& rules,
                                         const std::string& currency, const RiskProbability& risk, std::string_view language) {
    const bool zh = language == "zh";
    std::vector<RuleResult> out;
    const auto money = [&](double x) { return formatMoney(x, currency); };
    const auto year = [](int y) { return std::to_string(y); };
    if (rules.equityIrrHurdle) {
        const double hurdle = *rules.equityIrrHurdle;
        if (!e.equityIrr.value) {
            RuleResult r{"equity_irr", std::nullopt, hurdle, -1.0, false, "", {}, RuleUnit::Rate};
            r.text = zh ? "投资人无法获得可衡量的收益（股权现金流无法求出内部收益率），门槛收益率要求为" + formatPercent(hurdle, 2) + "。"
                        : "The investors would earn no measurable return (" + e.equityIrr.reason + "), against a " +
                              formatPercent(hurdle, 2) + " hurdle.";
            out.push_back(r);
        } else {
            RuleResult r = floorRule("equity_irr", RuleUnit::Rate, *e.equityIrr.value, hurdle);
            r.text = zh ? "股权内部收益率为" + formatPercent(*r.value, 2) + "，" + (r.holds ? "达到" : "低于") + formatPercent(hurdle, 2) +
                              "的门槛收益率" + (r.holds ? "，余量" : "，差") + formatFixed(std::abs(r.margin) * 100.0, 2) + "个百分点。"
                        : "Equity IRR is " + formatPercent(*r.value, 2) + (r.holds ? ", meeting" : ", below") + " the " +
                              formatPercent(hurdle, 2) + " hurdle" + (r.holds ? " with " : " by ") + points(r.margin) + ".";
            out.push_back(r);
        }
    }
    if (rules.minDscr && e.minDscr) {
        RuleResult r = floorRule("min_dscr", RuleUnit::Cover, *e.minDscr, *rules.minDscr);
        r.text = zh ? "最低偿债覆盖率为" + formatFixed(*r.value, 2) + "x，贷款约定为" + formatFixed(*rules.minDscr, 2) + "x" +
                          (r.holds ? "；满足贷款人的要求。" : "；贷款人不会按此条件放款。")
                    : "The lowest debt service cover is " + formatFixed(*r.value, 2) + "x against a " +
                          formatFixed(*rules.minDscr, 2) + "x covenant" +
                          (r.holds ? "; the lenders' test is met." : "; the lenders would not lend on these terms.");
        out.push_back(r);
    }
    if (rules.budgetCap) {
        RuleResult r = capRule("budget_cap", RuleUnit::Money, e.cityPeakOutlay, *rules.budgetCap);
        r.text = zh ? "政府年度最高支出为" + money(r.value.value()) + "（" + year(e.cityPeakYear) + "年），" +
                          (r.holds ? "低于" : "超过") + "预算上限" + money(*rules.budgetCap) + "，" + (r.holds ? "余量" : "超出") +
                          money(std::abs(r.margin)) + "。"
                    : "The city's largest annual outlay is " + money(r.value.value()) + " in " + year(e.cityPeakYear) +
                          (r.holds ? ", within" : ", above") + " the budget cap of " + money(*rules.budgetCap) + " by " +
                          money(std::abs(r.margin)) + ".";
        out.push_back(r);
    }
    if (rules.generalPublicBudget) {
        // 财金〔2015〕21号, art. 25: PPP spending from the general public budget at most 10% of it per year.
        const double limit = rules.pppBudgetShare * *rules.generalPublicBudget;
        // It counts the city's gross payments under the contract, not its net outlay (ppp_spending.hpp).
        const double payments = e.pppSpendingPeak.value_or(0.0);
        const double spending = payments + rules.otherPppSpending;
        RuleResult r = capRule("ppp_budget_share", RuleUnit::Money, spending, limit);
        const std::string share = formatPercent(spending / *rules.generalPublicBudget, 1);
        const bool warned = r.holds && spending > kWarningShare * *rules.generalPublicBudget;
        r.text = zh ? "该PPP项目下政府付费的峰值为" + money(payments) + "（" + year(e.pppSpendingYear) + "年）；加上其他PPP项目的支出责任，PPP支出为" +
                          money(spending) + "，占一般公共预算的" + share + "，" + (r.holds ? "未超过" : "超过") +
                          formatPercent(rules.pppBudgetShare, 0) + "的上限" +
                          (warned ? "，但已超过财政部予以风险提示的7%（财金〔2019〕10号）。" : "。")
                    : "The city's payments under this PPP peak at " + money(payments) + " in " + year(e.pppSpendingYear) +
                          "; with its other PPP commitments its PPP spending is " + money(spending) + ", " + share +
                          " of the general public budget" + (r.holds ? ", within" : ", above") + " the " +
                          formatPercent(rules.pppBudgetShare, 0) + " ceiling" +
                          (warned ? " but above the 7% at which the Ministry of Finance warns the city (财金〔2019〕10号)." : ".");
        out.push_back(r);
    }
    if (rules.governmentPayShare && rules.generalPublicBudget) {
        // 财金〔2019〕10号: where the city's PPP spending is above 5% of the general public budget, no new
        // government-pay PPP. Read as the city's standing before this project: its other PPP commitments.
        const double standing = rules.otherPppSpending / *rules.generalPublicBudget;
        RuleResult r = capRule("government_pay_ppp", RuleUnit::Rate, standing, *rules.governmentPayShare);
        const std::string limit = formatPercent(*rules.governmentPayShare, 0);
        r.text = zh ? "其他PPP项目的支出责任已占一般公共预算的" + formatPercent(standing, 1) + "，" +
                          (r.holds ? "未超过" + limit + "，可以新上政府付费项目。"
                                   : "超过" + limit + "，不得新上政府付费项目（财金〔2019〕10号）。")
                    : "The city's other PPP commitments take " + formatPercent(standing, 1) + " of its general public budget" +
                          (r.holds ? ", within the " + limit + " up to which it may start a new government-pay PPP."
                                   : ", above the " + limit + " over which no new government-pay PPP may start (财金〔2019〕10号).");
        out.push_back(r);
    }
    if (rules.fundsSecured) {
        const double required = std::accumulate(e.project.capex.begin(), e.project.capex.end(), 0.0);
        RuleResult r = floorRule("funds_secured", RuleUnit::Money, *rules.fundsSecured, required);
        r.text = zh ? "已落实资金" + money(*rules.fundsSecured) + (r.holds ? "，覆盖" : "，不足以覆盖") + money(required) + "的建设投资" +
                          (r.holds ? "。" : "，缺口" + money(-r.margin) + "。")
                    : "Committed sources of " + money(*rules.fundsSecured) + (r.holds ? " cover" : " fall short of") +
                          " the capex of " + money(required) + (r.holds ? "." : " by " + money(-r.margin) + ".");
        out.push_back(r);
    }
    if (risk) {
        if (const auto est = risk(plan, rules)) {
            RuleResult r = floorRule("risk_confidence", RuleUnit::Probability, est->probability, rules.confidence);
            r.underRisk = est->rules;
            r.text = riskText(*est, r, rules.confidence, currency, zh);
            out.push_back(r);
        }
    }
    return out;
}

} // namespace cityfin::models::plans
