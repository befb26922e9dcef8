#include "models/evaluation_json.hpp"

namespace cityfin::models {
namespace {

using Json = nlohmann::ordered_json;

void putAnswer(Json& object, const std::string& key, const finance::Answer& answer) {
    object[key] = answer.value ? Json(*answer.value) : Json(nullptr);
    if (!answer.value) object[key + "_reason"] = answer.reason;
    if (!answer.warnings.empty()) object[key + "_warnings"] = answer.warnings;
}

void putOptional(Json& object, const std::string& key, const std::optional<double>& value) {
    object[key] = value ? Json(*value) : Json(nullptr);
}

Json partyJson(const PartyResult& party, const Ledger& ledger) {
    Json j;
    j["party"] = std::string(partyId(party.party));
    j["name"] = std::string(partyName(party.party));
    j["discount_rate"] = party.discountRate;
    j["npv"] = party.npv;
    putAnswer(j, "irr", party.irr);
    j["flows"] = party.flows;
    Json lines = Json::array();
    for (const Line& line : ledger.lines()) {
        if (line.party != party.party) continue;
        lines.push_back({{"kind", std::string(lineKindId(line.kind))},
                         {"name", std::string(lineKindName(line.kind))},
                         {"counterparty", line.counterparty ? Json(std::string(partyId(*line.counterparty))) : Json(nullptr)},
                         {"amounts", line.amounts}});
    }
    j["lines"] = lines;
    return j;
}

Json metricsJson(const Evaluation& e) {
    Json m;
    putAnswer(m, "project_irr", e.projectIrr);
    putAnswer(m, "equity_irr", e.equityIrr);
    putAnswer(m, "equity_mirr", e.equityMirr);
    putAnswer(m, "equity_payback_years", e.equityPayback);
    putOptional(m, "min_dscr", e.minDscr);
    putOptional(m, "average_dscr", e.averageDscr);
    putOptional(m, "llcr", e.llcr);
    m["city_present_cost"] = e.cityPresentCost;
    m["city_peak_outlay"] = e.cityPeakOutlay;
    m["city_peak_year"] = e.cityPeakYear;
    if (e.pppSpendingPeak) {  // a PPP's gross payments, what the 10% ceiling counts
        m["ppp_spending_peak"] = *e.pppSpendingPeak;
        m["ppp_spending_year"] = e.pppSpendingYear;
    }
    m["guarantee_payments"] = e.guaranteePayments;
    m["guarantee_payments_pv"] = e.guaranteePaymentsPv;
    return m;
}

Json debtJson(const DebtOutcome& d) {
    Json j{{"borrower", d.borrower}, {"amount", d.amount}};
    j["sizing_constraint"] = d.sizingConstraint ? Json(*d.sizingConstraint) : Json(nullptr);
    putOptional(j, "target_dscr", d.targetDscr);
    j["debt_service"] = d.schedule.debtService;
    j["closing_balance"] = d.schedule.closingBalance;
    if (d.cover) {
        Json dscr = Json::array();
        for (const auto& x : d.cover->dscr) dscr.push_back(x ? Json(*x) : Json(nullptr));
        j["dscr"] = dscr;
    }
    return j;
}

Json bondFiguresJson(const finance::BondFigures& b) {
    return {{"clean_price", b.cleanPrice}, {"dirty_price", b.dirtyPrice}, {"yield", b.yield},
            {"macaulay_duration", b.macaulayDuration}, {"modified_duration", b.modifiedDuration},
            {"convexity", b.convexity}, {"bpv", b.basisPointValue}};
}

Json socialJson(const SocialReturn& s) {
    Json j{{"social_rate", s.socialRate},
           {"present_value", s.presentValue},
           {"gross_present_value", s.grossPresentValue},
           {"real_flows_npv", s.realFlowsNpv},
           {"user_payments_pv", s.userPaymentsPv},
           {"economic_npv", s.economicNpv},
           {"benefits_pv", s.benefitsPv},
           {"costs_pv", s.costsPv}};
    putOptional(j, "benefit_cost_ratio", s.benefitCostRatio);
    j["investment_pv"] = s.investmentPv;
    putOptional(j, "sroi_ratio", s.sroiRatio);
    putAnswer(j, "sroi_payback_years", s.sroiPaybackYears);
    j["tonnes_co2"] = s.tonnesCo2;
    j["carbon_present_value"] = s.carbonPresentValue;
    putOptional(j, "cost_per_tonne_co2", s.costPerTonneCo2);
    Json categories;
    for (std::size_t i = 0; i < kOutcomeCategories.size(); ++i)
        categories[std::string(outcomeCategoryId(kOutcomeCategories[i]))] = s.presentValueByCategory[i];
    j["present_value_by_category"] = categories;
    Json outcomes = Json::array();
    for (const OutcomeValue& o : s.outcomes)
        outcomes.push_back({{"id", o.id}, {"name", o.name}, {"category", std::string(outcomeCategoryId(o.category))},
                            {"unit", o.unit}, {"present_value", o.presentValue}, {"tonnes_co2", o.tonnesCo2},
                            {"quantity", o.quantity}, {"net_impact", o.netImpact}});
    j["outcomes"] = outcomes;
    return j;
}

Json impactJson(const GreenBondImpact& g) {
    return {{"framework", "ICMA Harmonised Framework for Impact Reporting"},
            {"amount_issued", g.face},
            {"annual_ghg_avoided_tco2e", g.annualTonnesCo2},
            {"annual_energy_saved_mwh", g.annualEnergySavedMwh},
            {"ghg_avoided_tco2e_per_million", g.tonnesCo2PerMillion},
            {"energy_saved_mwh_per_million", g.energySavedMwhPerMillion},
            {"averaged_over_operating_years", g.operatingYears}};
}

} // namespace

nlohmann::ordered_json evaluationToJson(const Evaluation& e) {
    Json j;
    j["structure"] = {{"id", e.structureId}, {"name", e.structureName}, {"kind", e.kind}};
    j["years"] = e.project.calendarYears;
    j["real_flows"] = e.outcome.ledger.realFlows();
    j["conservation_error"] = e.outcome.ledger.conservationError();
    j["metrics"] = metricsJson(e);
    Json parties = Json::array();
    for (const PartyResult& p : e.parties) parties.push_back(partyJson(p, e.outcome.ledger));
    j["parties"] = parties;
    if (e.outcome.debt) j["debt"] = debtJson(*e.outcome.debt);
    if (e.outcome.bond) {
        const BondOutcome& b = *e.outcome.bond;
        j["bond"] = {{"face", b.face}, {"proceeds", b.proceeds}, {"green", bondFiguresJson(b.green)},
                     {"conventional", bondFiguresJson(b.conventional)}, {"greenium_saving_pv", b.greeniumSavingPv}};
    }
    if (e.social) j["social_return"] = socialJson(*e.social);
    if (e.greenBondImpact) j["impact_report"] = impactJson(*e.greenBondImpact);
    Json solved = Json::array();
    for (const SolvedTerm& s : e.outcome.solved)
        solved.push_back({{"id", s.id}, {"label", s.label}, {"value", s.value}, {"unit", s.unit}});
    j["solved"] = solved;
    j["notes"] = e.outcome.notes;
    return j;
}

nlohmann::ordered_json comparisonToJson(const Comparison& c, const std::vector<Evaluation>& evals) {
    Json j;
    j["perspective"] = perspectiveId(c.perspective);
    j["score"] = c.scoreLabel;
    Json ranking = Json::array();
    for (const RankedStructure& r : c.ranking) {
        Json entry{{"rank", r.rank}, {"structure", evals[r.evaluation].structureId}};
        putOptional(entry, "score", r.score);
        entry["feasible"] = r.feasible;
        Json rules = Json::array();
        for (const RuleCheck& rule : r.rules)
            rules.push_back({{"id", rule.id}, {"holds", rule.holds}, {"margin", rule.margin}, {"text", rule.text}});
        entry["rules"] = rules;
        ranking.push_back(entry);
    }
    j["ranking"] = ranking;
    j["recommended"] = c.recommended ? Json(evals[*c.recommended].structureId) : Json(nullptr);
    j["reasons"] = c.reasons;
    return j;
}

} // namespace cityfin::models
