#pragma once
// The feasibility rules a plan must meet: equity IRR >= hurdle, min DSCR >= covenant, the city's peak
// annual outlay <= budget cap, the city's PPP spending within 10% of its general public budget
// (财金〔2015〕21号), no new government-pay PPP where the city's other PPP spending is above 5% of that
// budget (财金〔2019〕10号), funds secured >= capex, and under risk P(the rules a scenario can breach -- the
// covenant and the city's caps -- all hold) >= a confidence level; the equity hurdle is judged on the
// forecast (its share of scenarios is reported, not counted).
// Each rule gives its value, threshold, margin and a sentence. Supersedes models::basicRules for plans
// (compare keeps basicRules; with default thresholds the two agree). Method and sources:
// docs/methodology/plan-b.md.

#include "models/evaluation.hpp"
#include "models/plans/plan.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cityfin::models::plans {

/// The thresholds in force for one plan, resolved from the overrides and the structure's terms.
struct FeasibilityRules {
    std::optional<double> equityIrrHurdle;     ///< empty: no private equity at stake
    std::optional<double> minDscr;             ///< empty: no private debt
    std::optional<double> budgetCap;
    std::optional<double> generalPublicBudget;
    double pppBudgetShare = 0.10;
    double otherPppSpending = 0.0;
    std::optional<double> governmentPayShare;  ///< a government-pay PPP with the budget given: 5% (财金〔2019〕10号)
    std::optional<double> fundsSecured;
    double confidence = 0.90;
};

/// One deterministic rule seen over the scenarios of the risk model.
struct RuleUnderRisk {
    std::string id;                       ///< min_dscr, budget_cap, ppp_budget_share, equity_irr
    double threshold = 0.0;
    double probability = 0.0;             ///< share of the scenarios in which the rule holds
    /// The rule's figure at the confidence level, on the adverse side: for a floor the value that
    /// (1 - confidence) of the scenarios fall to or below (the cover "in the worst 10%"); for a cap
    /// the value that (1 - confidence) of them reach or exceed. Empty when the figure is undefined there.
    std::optional<double> atConfidence;
    bool counted = true;                  ///< false: reported, not part of P(all); see plan-b.md (equity_irr)
};

/// What the risk model says about a plan: P(every counted rule holds in the same scenario), over how
/// many scenarios, and each rule alone.
struct RiskEstimate {
    double probability = 0.0;
    std::size_t paths = 0;
    std::vector<RuleUnderRisk> rules;
};

/// The risk estimate for a plan under the case's risks; empty when no estimate is available (no risk
/// register, or no risk model wired). Injected so that the rules do not depend on the Monte Carlo;
/// tests pass a fake.
using RiskProbability = std::function<std::optional<RiskEstimate>(const Plan&, const FeasibilityRules&)>;

/// How a rule's value, threshold and margin read: a rate or a share of a budget (shown in percent), a
/// probability (percent, one decimal), a cover ratio (x) or an amount of money.
enum class RuleUnit { Rate, Probability, Cover, Money };

struct RuleResult {
    std::string id;           ///< equity_irr, min_dscr, budget_cap, ppp_budget_share, government_pay_ppp,
                              ///< funds_secured, risk_confidence
    std::optional<double> value;  ///< empty when the figure does not exist (no equity IRR)
    double threshold = 0.0;
    double margin = 0.0;      ///< value - threshold for a floor, threshold - value for a cap; < 0 fails
    bool holds = true;
    std::string text;         ///< one sentence (risk_confidence: two, the second naming the rule that gives way)
    std::vector<RuleUnderRisk> underRisk;  ///< risk_confidence only: each rule over the scenarios
    RuleUnit unit = RuleUnit::Money;
};

/// "rate", "probability", "cover", "money": the unit's name in the JSON output.
const char* ruleUnitName(RuleUnit unit);

/// risk_confidence only: the counted rule with the lowest probability (the one that gives way first),
/// or nullptr when there is none.
const RuleUnderRisk* weakestUnderRisk(const RuleResult& r);

/// Whether the private side invests before it is paid (the equity rule applies).
bool privateEquityAtStake(const Evaluation& e);

/// Resolves the thresholds for the evaluation of a plan. The 10% ceiling (generalPublicBudget) only
/// for a PPP (models::isPppKind), on its gross payments (Evaluation::pppSpendingPeak); the 5% rule
/// only for a government-pay PPP (models::isGovernmentPayPpp).
FeasibilityRules resolveRules(const RuleOverrides& overrides, const Evaluation& e);

/// Checks every applicable rule. funds to raise = the plan's total capex (sum of its capex per period,
/// in the case's price basis). The risk rule is checked when risk is given and returns a value.
/// language: "en" (default) or "zh", the language of the rules' sentences.
std::vector<RuleResult> checkFeasibility(const Evaluation& e, const Plan& plan, const FeasibilityRules& rules,
                                         const std::string& currency, const RiskProbability& risk = {},
                                         std::string_view language = "en");

inline bool allHold(const std::vector<RuleResult>& rules) {
    for (const auto& r : rules)
        if (!r.holds) return false;
    return true;
}

} // namespace cityfin::models::plans
