#include "report/workbook_risk.hpp"

#include <cmath>

namespace cityfin::report {
namespace {

using models::Party;
using models::RiskMetric;

struct Shown {
    RiskMetric metric;
    const char* label;
};
// The metrics a reader of the Risk sheet looks for, in reading order.
const std::vector<Shown> kShown = {
    {RiskMetric::CityPresentCost, "City present cost"}, {RiskMetric::CityPeakOutlay, "City peak annual outlay"},
    {RiskMetric::NpvGovernment, "NPV city"},           {RiskMetric::NpvPrivate, "NPV private partner"},
    {RiskMetric::NpvLenders, "NPV lenders"},           {RiskMetric::EquityIrr, "Equity IRR"},
    {RiskMetric::MinDscr, "Minimum DSCR"},             {RiskMetric::GuaranteePv, "Guarantee payments (PV)"},
    {RiskMetric::SocialValue, "Social value (PV)"},    {RiskMetric::EconomicNpv, "Economic NPV"}};

lxw_format* formatOf(const Formats& f, RiskMetric m) {
    if (m == RiskMetric::EquityIrr) return f.rate;
    if (m == RiskMetric::MinDscr) return f.ratio;
    return f.money;
}

// A value, or an empty cell with a dash where the metric is undefined (never a NaN in a cell).
void value(lxw_worksheet* ws, int row, int col, double v, lxw_format* fmt) {
    if (std::isfinite(v)) number(ws, row, col, v, fmt);
    else text(ws, row, col, "-");
}

std::string riskName(const models::RiskRegister& reg, std::size_t r) {
    return reg.risks[r].name.empty() ? reg.risks[r].id : reg.risks[r].name;
}

int writeDistributions(lxw_worksheet* ws, const Formats& f, const models::CaseRisk& risk, int row) {
    text(ws, row++, 0, "Distributions", f.bold);
    const std::vector<std::string> headers = {"Structure", "Metric", "Base case", "Mean", "Stdev", "P5", "P50", "P95",
                                              "Scenarios defined"};
    for (std::size_t i = 0; i < headers.size(); ++i) text(ws, row, static_cast<int>(i), headers[i], f.header);
    ++row;
    for (const auto& s : risk.run.structures)
        for (const auto& shown : kShown) {
            const auto& sm = s.summary(shown.metric);
            if (sm.defined == 0 && !std::isfinite(s.baseValue(shown.metric))) continue;
            lxw_format* fmt = formatOf(f, shown.metric);
            text(ws, row, 0, s.structureName);
            text(ws, row, 1, shown.label);
            value(ws, row, 2, s.baseValue(shown.metric), fmt);
            const double nan = std::nan("");
            int col = 3;
            for (double v : {sm.mean, sm.stdev, sm.p5, sm.p50, sm.p95}) value(ws, row, col++, sm.defined ? v : nan, fmt);
            number(ws, row, col, static_cast<double>(sm.defined));
            ++row;
        }
    return row + 1;
}

int writeRules(lxw_worksheet* ws, const Formats& f, const models::CaseRisk& risk, int row) {
    text(ws, row++, 0, "Feasibility rules under risk and the city's contingent payments", f.bold);
    const std::vector<std::string> headers = {"Structure", "Rule", "Threshold", "P(rule holds)"};
    for (std::size_t i = 0; i < headers.size(); ++i) text(ws, row, static_cast<int>(i), headers[i], f.header);
    ++row;
    for (const auto& s : risk.run.structures) {
        for (const auto& rule : s.rules) {
            text(ws, row, 0, s.structureName);
            text(ws, row, 1, rule.id == "equity_irr_hurdle" ? "Equity IRR >= hurdle" : "Minimum DSCR >= covenant");
            number(ws, row, 2, rule.threshold, rule.id == "equity_irr_hurdle" ? f.rate : f.ratio);
            number(ws, row, 3, rule.probability, f.rate);
            ++row;
        }
        text(ws, row, 0, s.structureName);
        if (s.rules.empty()) {
            text(ws, row, 1, "No equity or debt rule applies");  // not a certain 100%
        } else {
            text(ws, row, 1, "Every rule holds", f.bold);
            number(ws, row, 3, s.allRulesProbability, f.rate);
        }
        ++row;
        text(ws, row, 0, s.structureName);
        text(ws, row, 1, "City's guarantee payments: expected PV / P95");
        number(ws, row, 2, s.expectedContingent, f.money);
        number(ws, row, 3, s.p95Contingent, f.money);
        ++row;
    }
    return row + 1;
}

int writeBorne(lxw_worksheet* ws, const Formats& f, const models::CaseRisk& risk, int row) {
    const auto& borne = *risk.borne;
    text(ws, row++, 0, "Risk borne, measured: expected cost (PV at the public rate; > 0 is a loss) and spread "
                       "(stdev) that each risk alone moves onto each party", f.bold);
    text(ws, row, 0, "Structure", f.header);
    text(ws, row, 1, "Risk", f.header);
    int col = 2;
    for (Party p : models::kParties) text(ws, row, col++, std::string(models::partyName(p)) + ": expected cost", f.header);
    for (Party p : models::kParties) text(ws, row, col++, std::string(models::partyName(p)) + ": spread", f.header);
    ++row;
    auto line = [&](const std::string& structure, const std::string& name, const std::vector<models::RiskEffect>& e,
                    bool spread, lxw_format* fmt) {
        text(ws, row, 0, structure);
        text(ws, row, 1, name, fmt == f.moneyBold ? f.bold : nullptr);
        for (std::size_t k = 0; k < e.size(); ++k) {
            number(ws, row, 2 + static_cast<int>(k), e[k].expectedCost, fmt);
            if (spread) number(ws, row, 2 + static_cast<int>(e.size() + k), e[k].spread, fmt);
        }
        ++row;
    };
    for (std::size_t s = 0; s < borne.structures.size(); ++s) {
        const auto& b = borne.structures[s];
        const auto& name = risk.run.structures[s].structureName;
        for (std::size_t r = 0; r < b.byRisk.size(); ++r) line(name, riskName(risk.reg, r), b.byRisk[r], true, f.money);
        line(name, "Interaction (together beyond the sum)", b.interaction, false, f.money);
        line(name, "All risks together", b.total, true, f.moneyBold);
    }
    return row + 1;
}

int writeVfm(lxw_worksheet* ws, const Formats& f, const models::CaseRisk& risk, int row) {
    const auto& vfm = *risk.vfm;
    if (vfm.pscStructureId.empty()) {
        text(ws, row++, 0, "Value for money: not computed, the case has no traditional (public sector comparator) "
                           "structure.", f.note);
        return row + 1;
    }
    text(ws, row++, 0, "Value for money against the public sector comparator (" + vfm.pscStructureId + ")", f.bold);
    const std::vector<std::string> headers = {"Structure", "Raw PSC", "Transferable risk", "Retained risk",
                                              "Competitive neutrality", "Risk-adjusted PSC", "City cost (base)",
                                              "City cost + retained risk", "VfM", "VfM %"};
    for (std::size_t i = 0; i < headers.size(); ++i) text(ws, row, static_cast<int>(i), headers[i], f.header);
    ++row;
    for (const auto& v : vfm.structures) {
        text(ws, row, 0, v.structureId);
        int col = 1;
        for (double x : {v.rawPsc, v.transferableRisk, v.retainedRisk, v.competitiveNeutrality, v.riskAdjustedPsc,
                         v.privateCityCost, v.privateTotal, v.vfmAmount})
            number(ws, row, col++, x, f.money);
        if (v.vfmPercent) number(ws, row, col, *v.vfmPercent, f.rate);
        else text(ws, row, col, "-");
        ++row;
    }
    return row + 1;
}

} // namespace

void writeRiskSheet(lxw_worksheet* ws, const Formats& f, const models::Case& c, const models::CaseRisk& risk) {
    text(ws, 0, 0, "Risk: Monte Carlo over every structure", f.title);
    text(ws, 1, 0, std::to_string(risk.run.paths) + " scenarios, seed " + std::to_string(risk.run.seed) +
                       (risk.run.sobol ? ", Sobol" : ", Mersenne Twister") +
                       ". Terms fixed at financial close; each scenario plays out through the structure's mechanics. "
                       "Amounts in " + c.project.currency + "; NPVs at each party's rate.", f.note);
    int row = 3;
    text(ws, row++, 0, "Risk register", f.bold);
    for (std::size_t r = 0; r < risk.reg.risks.size(); ++r) {
        text(ws, row, 0, riskName(risk.reg, r));
        text(ws, row, 1, risk.reg.risks[r].source.empty() ? "(no source given)" : risk.reg.risks[r].source, f.note);
        ++row;
    }
    row = writeDistributions(ws, f, risk, row + 1);
    row = writeRules(ws, f, risk, row);
    if (risk.borne) row = writeBorne(ws, f, risk, row);
    if (risk.vfm) writeVfm(ws, f, risk, row);
    worksheet_set_column(ws, 0, 0, 34, nullptr);
    worksheet_set_column(ws, 1, 1, 40, nullptr);
    worksheet_set_column(ws, 2, 12, 18, nullptr);
}

void writeSensitivitySheet(lxw_worksheet* ws, const Formats& f, const models::Case& c,
                           const std::vector<models::Tornado>& tornadoes) {
    text(ws, 0, 0, "Sensitivity: each risk alone from its low to its high value", f.title);
    text(ws, 1, 0, "The others at their base values, terms fixed at financial close; rows sorted by swing, largest "
                   "first. Amounts in " + c.project.currency + ".", f.note);
    int row = 3;
    for (const auto& t : tornadoes) {
        const bool money = t.metric != RiskMetric::EquityIrr && t.metric != RiskMetric::MinDscr;
        lxw_format* fmt = money ? f.money : formatOf(f, t.metric);
        text(ws, row++, 0, t.structureId + ": " + std::string(models::riskMetricId(t.metric)) + " (" + t.range +
                               "), base case", f.bold);
        value(ws, row - 1, 2, t.baseValue, fmt);
        const std::vector<std::string> headers = {"Risk", "Low input", "High input", "Metric at low", "Metric at high",
                                                  "Swing"};
        for (std::size_t i = 0; i < headers.size(); ++i) text(ws, row, static_cast<int>(i), headers[i], f.header);
        ++row;
        for (const auto& b : t.bars) {
            text(ws, row, 0, b.riskName);
            number(ws, row, 1, b.lowInput);
            number(ws, row, 2, b.highInput);
            value(ws, row, 3, b.lowValue, fmt);
            value(ws, row, 4, b.highValue, fmt);
            value(ws, row, 5, b.swing, fmt);
            ++row;
        }
        ++row;
    }
    worksheet_set_column(ws, 0, 0, 40, nullptr);
    worksheet_set_column(ws, 1, 5, 18, nullptr);
}

} // namespace cityfin::report
