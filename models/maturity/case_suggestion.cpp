#include "models/maturity/case_suggestion.hpp"

#include "models/case_evaluation.hpp"
#include "models/compare.hpp"

#include <set>

namespace cityfin::models::maturity {
namespace {

// Private capital at risk in the structure (an SPV, concessionaire, provider, ESCO or operator).
bool hasPrivateFinance(const StructureTerms& terms) {
    if (std::holds_alternative<PppAvailabilityTerms>(terms) || std::holds_alternative<ConcessionTerms>(terms) ||
        std::holds_alternative<RevenueSharingTerms>(terms))
        return true;
    if (const auto* p = std::get_if<PayAsYouGoTerms>(&terms)) return p->variant == PayAsYouGoTerms::Variant::ServicePurchase;
    if (const auto* e = std::get_if<EspcTerms>(&terms)) return e->variant == EspcTerms::Variant::SharedSavings;
    return false;
}

// A business model that earns its own money: user charges, a revenue share, measured savings or a
// service fee (annex 1 item 6's examples are of these kinds).
bool hasBusinessModel(const StructureTerms& terms) {
    return std::holds_alternative<ConcessionTerms>(terms) || std::holds_alternative<RevenueSharingTerms>(terms) ||
           std::holds_alternative<EspcTerms>(terms) ||
           (std::holds_alternative<PayAsYouGoTerms>(terms) &&
            std::get<PayAsYouGoTerms>(terms).variant == PayAsYouGoTerms::Variant::ServicePurchase);
}

std::string joined(const std::vector<std::string>& names, const std::string& sep) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : sep) + n;
    return out;
}

Suggestion financing(const Case& c, const std::vector<Evaluation>& evaluations, const Comparison& comparison) {
    std::vector<std::string> feasible, feasiblePrivate;
    for (const auto& r : comparison.ranking) {
        if (!r.feasible) continue;
        feasible.push_back(evaluations[r.evaluation].structureName);
        if (hasPrivateFinance(c.structures[r.evaluation].terms)) feasiblePrivate.push_back(evaluations[r.evaluation].structureName);
    }
    const std::string n = std::to_string(evaluations.size());
    if (evaluations.size() < 2 || feasible.empty())
        return {"financing", Level::Basic,
                {"The case funds the project one way (" + n + " structure(s) evaluated, " + std::to_string(feasible.size()) +
                     " feasible): no funding plan compares options.",
                 "案例只以一种方式为项目筹资（评估了 " + n + " 种结构，其中可行 " + std::to_string(feasible.size()) +
                     " 种）：没有比较不同方案的筹资计划。"}};
    if (feasiblePrivate.empty() || c.plans.empty())
        return {"financing", Level::General,
                {n + " structures are compared and " + std::to_string(feasible.size()) + " are feasible (" + joined(feasible, ", ") +
                     "): a funding plan exists. " +
                     (feasiblePrivate.empty() ? "No feasible structure brings private finance"
                                              : "No Plan B backs it") +
                     ", so the funds to scale up are not shown.",
                 "比较了 " + n + " 种结构，其中 " + std::to_string(feasible.size()) + " 种可行（" + joined(feasible, "、") +
                     "）：已有筹资计划。" + (feasiblePrivate.empty() ? "没有可行的私人融资结构" : "没有备用的“B 计划”") +
                     "，因此未能表明有扩大规模的可用资金。"}};
    return {"financing", Level::Advanced,
            {n + " structures are compared; private finance is feasible (" + joined(feasiblePrivate, ", ") +
                 ") and a Plan B is set: funds to scale up are shown. A single case cannot show that all goals are funded (most mature).",
             "比较了 " + n + " 种结构；私人融资可行（" + joined(feasiblePrivate, "、") +
                 "），并有“B 计划”：表明有扩大规模的可用资金。单个案例无法表明所有目标均有资金（最成熟）。"}};
}

Suggestion valueAssessment(const Case& c) {
    std::set<std::string> categories;
    for (const auto& o : c.outcomes) categories.insert(std::string(outcomeCategoryId(o.category)));
    const std::string list = joined({categories.begin(), categories.end()}, ", ");
    const std::string n = std::to_string(c.outcomes.size());
    if (c.outcomes.empty())
        return {"value_assessment", Level::Basic,
                {"The case values only financial flows: it carries no non-financial outcomes.",
                 "案例只考虑财务现金流：没有非财务成果。"}};
    if (categories.size() < 2 || c.risks.empty())
        return {"value_assessment", Level::General,
                {"The case values " + n + " non-financial outcome(s) (" + list + ") in its business case" +
                     (c.risks.empty() ? ", without a risk analysis." : ", in one category only."),
                 "案例在商业案例中评估了 " + n + " 项非财务成果（" + list + "）" +
                     (c.risks.empty() ? "，但没有风险分析。" : "，但只涉及一个类别。")}};
    return {"value_assessment", Level::Advanced,
            {"The case values " + n + " outcomes in " + std::to_string(categories.size()) + " categories (" + list +
                 ") with a risk analysis: an assessment framework with non-financial factors. One case cannot show "
                 "that all projects are assessed (most mature).",
             "案例评估了 " + std::to_string(categories.size()) + " 个类别（" + list + "）的 " + n +
                 " 项成果并有风险分析：已有包括非财政因素的评估框架。单个案例无法表明所有项目均已评估（最成熟）。"}};
}

Suggestion businessModel(const Case& c, const std::vector<Evaluation>& evaluations, const Comparison& comparison) {
    std::vector<std::string> models, feasibleModels;
    for (std::size_t i = 0; i < c.structures.size(); ++i)
        if (hasBusinessModel(c.structures[i].terms)) models.push_back(evaluations[i].structureName);
    for (const auto& r : comparison.ranking)
        if (r.feasible && hasBusinessModel(c.structures[r.evaluation].terms))
            feasibleModels.push_back(evaluations[r.evaluation].structureName);
    if (models.empty())
        return {"business_model", Level::Basic,
                {"No structure of the case earns its own revenue (user charges, revenue sharing, savings or a service fee): "
                 "the project depends on the budget.",
                 "案例中没有依靠自身收入（使用者付费、收入分享、节能收益或服务费）的结构：项目依赖财政预算。"}};
    if (feasibleModels.empty())
        return {"business_model", Level::General,
                {"Business models are developed (" + joined(models, ", ") + ") but none is feasible on the case's figures.",
                 "已开发商业模式（" + joined(models, "、") + "），但按案例数据均不可行。"}};
    return {"business_model", Level::Advanced,
            {"A business model is feasible on the case's figures (" + joined(feasibleModels, ", ") +
                 "): it can go beyond the pilot, not yet proven in operation. Models implemented in full-scale projects "
                 "(most mature) cannot be shown by a calculation.",
             "按案例数据商业模式可行（" + joined(feasibleModels, "、") +
                 "）：可能超出试点阶段，但尚未在运营中证实。已在全面项目中实施的商业模式（最成熟）无法由计算表明。"}};
}

} // namespace

std::vector<Suggestion> suggestFromCase(const Case& c) {
    const std::vector<Evaluation> evaluations = evaluateCase(c);
    const Comparison comparison = compareStructures(c.project, evaluations, Perspective::City);
    return {financing(c, evaluations, comparison), valueAssessment(c), businessModel(c, evaluations, comparison)};
}

} // namespace cityfin::models::maturity
