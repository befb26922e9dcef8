#include "models/compare.hpp"

#include "finance/errors.hpp"
#include "finance/metrics.hpp"
#include "models/number_format.hpp"

#include <algorithm>
#include <cmath>

namespace cityfin::models {
namespace {

// Solved terms meet their targets to the solver's accuracy; a rule holds within this tolerance.
constexpr double kRuleTolerance = 1e-6;

// Private equity is at stake when the private party's first flow is an outflow: it invests before
// it is paid. A provider paid from the first year (a service contract) risks its margin, not equity.
bool privateInvests(const Evaluation& e) { return finance::startsWithOutlay(e.party(Party::Private).flows); }

std::string points(double margin) { return formatFixed(std::abs(margin) * 100.0, 2) + " points"; }

std::optional<double> score(const Project& project, const Evaluation& e, Perspective perspective) {
    switch (perspective) {
    case Perspective::City: return e.cityPresentCost;
    case Perspective::Investor:
        if (!privateInvests(e) || !e.equityIrr.value) return std::nullopt;
        return *e.equityIrr.value - e.outcome.privateRate;
    case Perspective::Society:
        if (e.social) return e.social->economicNpv;
        // Without outcomes: the real flows, and what users pay as the least they value the service at
        // (as in SocialReturn::economicNpv, docs/methodology/social-return.md).
        return finance::npv(project.rates.socialRate, e.outcome.ledger.realFlows()) -
               finance::npv(project.rates.socialRate, e.outcome.ledger.lineTotal(Party::Users, LineKind::UserCharge));
    }
    return std::nullopt;
}

bool better(Perspective perspective, double a, double b) { return perspective == Perspective::City ? a < b : a > b; }

// A structure's name (as the case writes it) inside a Chinese sentence.
std::string quoted(const std::string& name) { return "“" + name + "”"; }

std::string feasibilityReason(const Evaluation& e, const RankedStructure& r, bool zh) {
    if (zh) {
        std::string text = quoted(e.structureName) + "不可行：";
        bool first = true;
        for (const RuleCheck& rule : r.rules)
            if (!rule.holds) {
                text += (first ? "" : "；") + rule.text;
                first = false;
            }
        return text + "。";
    }
    std::string text = e.structureName + " is not feasible:";
    for (const RuleCheck& rule : r.rules)
        if (!rule.holds) text += " " + rule.text + ";";
    text.back() = '.';
    return text;
}

void cityReasons(const Project& project, const std::vector<Evaluation>& evals, Comparison& c, bool zh) {
    const std::string& ccy = project.currency;
    if (!c.recommended) return;
    const Evaluation& best = evals[*c.recommended];
    const auto second = std::find_if(c.ranking.begin() + 1, c.ranking.end(),
                                     [](const RankedStructure& r) { return r.feasible && r.score; });
    const bool hasNext = c.ranking.size() > 1 && second != c.ranking.end();
    const std::string rate = formatPercent(project.rates.publicRate, 2);
    const auto psc = std::find_if(evals.begin(), evals.end(), [](const Evaluation& e) { return e.kind == "traditional"; });
    if (zh) {
        std::string first = "推荐：" + quoted(best.structureName) + "。按" + rate + "折现，" +
                            (best.cityPresentCost >= 0.0 ? "政府的成本现值为" + formatMoney(best.cityPresentCost, ccy)
                                                         : "政府获得的净现值为" + formatMoney(-best.cityPresentCost, ccy));
        if (hasNext) {
            const Evaluation& next = evals[second->evaluation];
            first += "，比次优的可行方案" + quoted(next.structureName) + "节省" + formatMoney(next.cityPresentCost - best.cityPresentCost, ccy);
        } else {
            first += "；它是唯一可行的融资结构";
        }
        c.reasons.push_back(first + "。");
        c.reasons.push_back("政府年度最高支出为" + formatMoney(best.cityPeakOutlay, ccy) + "（" + std::to_string(best.cityPeakYear) + "年）。");
        if (psc != evals.end() && &*psc != &best) {
            const double saving = psc->cityPresentCost - best.cityPresentCost;
            std::string share;
            if (std::abs(psc->cityPresentCost) > 0.0)
                share = "（为参照方案成本现值的" + formatPercent(std::abs(saving / psc->cityPresentCost), 1) + "）";
            c.reasons.push_back("与公共部门参照方案" + quoted(psc->structureName) + "（成本现值" + formatMoney(psc->cityPresentCost, ccy) +
                                "）相比，" + (saving >= 0 ? "节省" : "多花") + formatMoney(std::abs(saving), ccy) + share +
                                "，尚未调整政府转移出去的风险。");
        }
        if (best.guaranteePayments > 0.0)
            c.reasons.push_back("在此情景下，政府需支付最低收入担保" + formatMoney(best.guaranteePayments, ccy) + "（现值" +
                                formatMoney(best.guaranteePaymentsPv, ccy) + "）。");
        return;
    }
    const std::string cost = best.cityPresentCost >= 0.0
                                 ? "It costs the city " + formatMoney(best.cityPresentCost, ccy)
                                 : "It brings the city a net " + formatMoney(-best.cityPresentCost, ccy);
    std::string first = "Recommended: " + best.structureName + ". " + cost + " in present value at " + rate;
    if (hasNext) {
        const Evaluation& next = evals[second->evaluation];
        first += ", " + formatMoney(next.cityPresentCost - best.cityPresentCost, ccy) +
                 " cheaper for the city than the next feasible option, " + next.structureName;
    } else {
        first += "; it is the only feasible structure";
    }
    c.reasons.push_back(first + ".");
    c.reasons.push_back("Its largest annual outlay is " + formatMoney(best.cityPeakOutlay, ccy) + " in " +
                        std::to_string(best.cityPeakYear) + ".");
    if (psc != evals.end() && &*psc != &best) {
        const double saving = psc->cityPresentCost - best.cityPresentCost;
        std::string share;
        if (std::abs(psc->cityPresentCost) > 0.0)
            share = " (" + formatPercent(std::abs(saving / psc->cityPresentCost), 1) + " of the comparator's present cost)";
        c.reasons.push_back(std::string("Against the public sector comparator (") + psc->structureName + ", " +
                            formatMoney(psc->cityPresentCost, ccy) + " in present cost), it " +
                            (saving >= 0 ? "saves " : "costs ") + formatMoney(std::abs(saving), ccy) +
                            (saving >= 0 ? "" : " more") + share +
                            ", before any adjustment for the risks the city transfers.");
    }
    if (best.guaranteePayments > 0.0)
        c.reasons.push_back("It commits the city to revenue-guarantee payments of " + formatMoney(best.guaranteePayments, ccy) +
                            " in this scenario (present value " + formatMoney(best.guaranteePaymentsPv, ccy) + ").");
}

void investorReasons(const std::vector<Evaluation>& evals, Comparison& c, bool zh) {
    if (c.recommended) {
        const Evaluation& best = evals[*c.recommended];
        const std::string irr = formatPercent(*best.equityIrr.value, 2), hurdle = formatPercent(best.outcome.privateRate, 2);
        if (zh) {
            std::string text = "向投资人推荐：" + quoted(best.structureName) + "，股权内部收益率" + irr + "，门槛收益率" + hurdle;
            if (best.minDscr) text += "，最低偿债覆盖率" + formatFixed(*best.minDscr, 2);
            c.reasons.push_back(text + "。");
        } else {
            std::string text = "Recommended for investors: " + best.structureName + ", with an equity IRR of " + irr +
                               " against a hurdle of " + hurdle;
            if (best.minDscr) text += " and a minimum DSCR of " + formatFixed(*best.minDscr, 2);
            c.reasons.push_back(text + ".");
        }
    }
    std::string without;
    for (const RankedStructure& r : c.ranking)
        if (!r.score) without += (without.empty() ? "" : (zh ? "、" : ", ")) + (zh ? quoted(evals[r.evaluation].structureName) : evals[r.evaluation].structureName);
    if (!without.empty()) c.reasons.push_back(zh ? "以下结构没有社会资本股权投入：" + without + "。" : "No private equity at stake in: " + without + ".");
}

// "X has" or, when other feasible structures score the same to the unit, "X (tied with Y and Z) has".
std::string leaderName(const std::vector<Evaluation>& evals, const Comparison& c, bool zh) {
    const double top = *c.ranking.front().score;
    std::string tied;
    for (std::size_t i = 1; i < c.ranking.size(); ++i) {
        const RankedStructure& r = c.ranking[i];
        if (r.feasible && r.score && std::abs(*r.score - top) < 0.5) {
            const std::string& name = evals[r.evaluation].structureName;
            tied += (tied.empty() ? "" : (zh ? "、" : ", ")) + (zh ? quoted(name) : name);
        }
    }
    const std::string& name = evals[*c.recommended].structureName;
    if (zh) return tied.empty() ? quoted(name) : quoted(name) + "（与" + tied + "并列）";
    return tied.empty() ? name : name + " (tied with " + tied + ")";
}

void societyReasons(const Project& project, const std::vector<Evaluation>& evals, Comparison& c, bool zh) {
    if (!c.recommended) return;
    const Evaluation& best = evals[*c.recommended];
    const std::string rate = formatPercent(project.rates.socialRate, 2);
    const std::string& ccy = project.currency;
    const std::string leader = leaderName(evals, c, zh);
    const std::string transfersZh = "各方之间的转移支付对社会而言相互抵消，只有使用者的付费作为其对服务估值的下限计入一次；"
                                    "各结构的差别在于交付的时间和范围以及自身的成本（发行、测量与验证、分期建设）。";
    if (!best.social) {
        if (zh) {
            c.reasons.push_back(leader + "按" + rate + "的社会折现率计算的经济净现值（实际现金流和使用者付费）最高：" +
                                formatMoney(*c.ranking.front().score, ccy) + "。" + transfersZh + "本案例没有社会效益指标，因此未计入。");
            return;
        }
        c.reasons.push_back(leader + " has the highest economic NPV (real flows and what users pay) at the social rate of " +
                            rate + ": " + formatMoney(*c.ranking.front().score, ccy) +
                            ". Transfers between the parties cancel out, except that what users pay counts once as the least they "
                            "value the service at; what differs is the timing of the build and the costs of each structure "
                            "(issuance, M&V, phasing). The case has no social outcomes, so none are counted.");
        return;
    }
    const SocialReturn& s = *best.social;
    if (zh) {
        std::string text = leader + "按" + rate + "的社会折现率计算的经济净现值最高：" + formatMoney(s.economicNpv, ccy) + "，其中" +
                           formatMoney(s.presentValue, ccy) + "为扣除无谓效应、归因、替代和衰减后的社会效益现值";
        if (s.benefitCostRatio) text += "；效益成本比" + formatFixed(*s.benefitCostRatio, 2);
        if (s.sroiRatio) text += "，社会投资回报率" + formatFixed(*s.sroiRatio, 2) + ":1";
        c.reasons.push_back(text + "。");
        if (s.costPerTonneCo2)
            c.reasons.push_back("在计算期内减排" + formatFixed(s.tonnesCo2, 0) + "吨二氧化碳当量，未计碳价值时每吨成本为" +
                                formatMoney(*s.costPerTonneCo2, ccy) + "（负值表示减排带来净收益）。");
        c.reasons.push_back(transfersZh);
        return;
    }
    std::string text = leader + " has the highest economic NPV at the social rate of " + rate + ": " +
                       formatMoney(s.economicNpv, ccy) + ", of which " + formatMoney(s.presentValue, ccy) +
                       " is the present value of its social outcomes after deadweight, attribution, displacement and drop-off";
    if (s.benefitCostRatio) text += "; benefit-cost ratio " + formatFixed(*s.benefitCostRatio, 2);
    if (s.sroiRatio) text += ", SROI ratio " + formatFixed(*s.sroiRatio, 2) + ":1";
    c.reasons.push_back(text + ".");
    if (s.costPerTonneCo2)
        c.reasons.push_back("It abates " + formatFixed(s.tonnesCo2, 0) + " t CO2e over the horizon, at " +
                            formatMoney(*s.costPerTonneCo2, ccy) + " per tonne before the carbon is valued (negative: it abates at a net gain).");
    c.reasons.push_back("Transfers between the parties cancel out for society, except that what users pay counts once as "
                        "the least they value the service at; the structures differ in the timing and scope of what they "
                        "deliver and in their own costs (issuance, M&V, phasing).");
}

} // namespace

std::string perspectiveId(Perspective p) {
    switch (p) {
    case Perspective::City: return "city";
    case Perspective::Investor: return "investor";
    case Perspective::Society: return "society";
    }
    return "city";
}

Perspective perspectiveFromId(const std::string& id) {
    if (id == "city") return Perspective::City;
    if (id == "investor") return Perspective::Investor;
    if (id == "society") return Perspective::Society;
    throw InputError("--perspective", "\"" + id + "\"", "one of city, investor, society");
}

std::vector<RuleCheck> basicRules(const Evaluation& e, std::string_view language) {
    const bool zh = language == "zh";
    std::vector<RuleCheck> rules;
    if (privateInvests(e)) {
        const double hurdle = e.outcome.privateRate;
        RuleCheck r{"equity_irr_hurdle", "", false, 0.0};
        if (!e.equityIrr.value) {
            r.text = zh ? "股权现金流无法求出内部收益率" : "no equity IRR (" + e.equityIrr.reason + ")";
            r.margin = -1.0;
        } else {
            r.margin = *e.equityIrr.value - hurdle;
            r.holds = r.margin >= -kRuleTolerance;
            r.text = zh ? "股权内部收益率" + formatPercent(*e.equityIrr.value, 2) + (r.holds ? "达到" : "低于") + formatPercent(hurdle, 2) +
                              "的门槛收益率" + (r.holds ? "" : formatFixed(std::abs(r.margin) * 100.0, 2) + "个百分点")
                        : "equity IRR " + formatPercent(*e.equityIrr.value, 2) + (r.holds ? " meets" : " is below") + " the " +
                              formatPercent(hurdle, 2) + " hurdle" + (r.holds ? "" : " by " + points(r.margin));
        }
        rules.push_back(r);
    }
    if (e.outcome.debt && e.outcome.debt->targetDscr && e.minDscr) {
        const double target = *e.outcome.debt->targetDscr;
        RuleCheck r{"min_dscr_covenant", "", false, *e.minDscr - target};
        r.holds = r.margin >= -kRuleTolerance;
        r.text = zh ? "最低偿债覆盖率" + formatFixed(*e.minDscr, 2) + (r.holds ? "达到" : "低于") + formatFixed(target, 2) + "的贷款约定"
                    : "minimum DSCR " + formatFixed(*e.minDscr, 2) + (r.holds ? " meets" : " is below") + " the " +
                          formatFixed(target, 2) + " covenant";
        rules.push_back(r);
    }
    return rules;
}

Comparison compareStructures(const Project& project, const std::vector<Evaluation>& evals, Perspective perspective,
                             std::string_view language) {
    const bool zh = language == "zh";
    Comparison c;
    c.perspective = perspective;
    const std::string& ccy = project.currency;
    const bool social = !evals.empty() && evals.front().social;
    if (zh)
        c.scoreLabel = perspective == Perspective::City       ? "政府成本现值（" + ccy + "）"
                       : perspective == Perspective::Investor ? "股权内部收益率超出门槛收益率"
                       : social ? "按社会折现率计算的经济净现值，含社会效益（" + ccy + "）"
                                : "按社会折现率计算的经济净现值，实际现金流和使用者付费（" + ccy + "）";
    else
        c.scoreLabel = perspective == Perspective::City       ? "present cost to the city (" + ccy + ")"
                       : perspective == Perspective::Investor ? "equity IRR above the hurdle"
                       : social ? "economic NPV at the social rate, social value included (" + ccy + ")"
                                : "economic NPV at the social rate, real flows and users' payments (" + ccy + ")";
    for (std::size_t i = 0; i < evals.size(); ++i) {
        RankedStructure r{i, 0, score(project, evals[i], perspective), true, basicRules(evals[i], language)};
        r.feasible = std::all_of(r.rules.begin(), r.rules.end(), [](const RuleCheck& rule) { return rule.holds; });
        c.ranking.push_back(std::move(r));
    }
    std::stable_sort(c.ranking.begin(), c.ranking.end(), [&](const RankedStructure& a, const RankedStructure& b) {
        const int ka = a.feasible && a.score ? 0 : (a.score ? 1 : 2), kb = b.feasible && b.score ? 0 : (b.score ? 1 : 2);
        if (ka != kb) return ka < kb;
        return a.score && b.score && better(perspective, *a.score, *b.score);
    });
    for (std::size_t i = 0; i < c.ranking.size(); ++i) c.ranking[i].rank = static_cast<int>(i) + 1;
    if (!c.ranking.empty() && c.ranking.front().feasible && c.ranking.front().score)
        c.recommended = c.ranking.front().evaluation;
    else
        c.reasons.push_back(zh ? "目前没有可行的融资结构；未满足的规则列于下方。"
                               : "No structure is feasible as it stands; the rules that fail are listed below.");
    if (perspective == Perspective::City) cityReasons(project, evals, c, zh);
    else if (perspective == Perspective::Investor) investorReasons(evals, c, zh);
    else societyReasons(project, evals, c, zh);
    for (const RankedStructure& r : c.ranking)
        if (!r.feasible) c.reasons.push_back(feasibilityReason(evals[r.evaluation], r, zh));
    return c;
}

} // namespace cityfin::models
