#include "report/workbook.hpp"

#include "report/workbook_cells.hpp"
#include "report/workbook_risk.hpp"

#include "finance/errors.hpp"
#include "models/ledger.hpp"
#include "models/project.hpp"
#include "models/social/outcomes.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace cityfin::report {
namespace {

using models::Evaluation;
using models::Party;

// Sheet names: at most 31 characters, none of []:*?/\ , unique in the workbook.
std::string sheetName(const std::string& wanted, std::set<std::string>& used) {
    std::string name;
    for (char ch : wanted) name += std::string("[]:*?/\\'").find(ch) == std::string::npos ? ch : '_';
    if (name.size() > 31) name.resize(31);
    std::string unique = name;
    for (int i = 2; used.count(unique); ++i) {
        const std::string suffix = std::string(" ").append(std::to_string(i));
        unique = name.substr(0, 31 - suffix.size()) + suffix;
    }
    used.insert(unique);
    return unique;
}

std::string counterpartyText(const models::Line& line) {
    return line.counterparty ? std::string(models::partyName(*line.counterparty)) : "outside world (real flow)";
}

// Where a party's net row lies on its ledger sheet, for the Metrics formulas.
struct NetRow {
    int row = 0;
};

constexpr int kFirstPeriodCol = 4;  // A party, B line, C counterparty, D total, E.. periods

// One Ledger sheet: periods as columns, lines as rows grouped by party, each party's net as a SUM
// formula, the real flows and a conservation check row.
std::map<Party, NetRow> writeLedger(lxw_worksheet* ws, const Formats& f, const Evaluation& e, const std::string& currency) {
    const auto& ledger = e.outcome.ledger;
    const int periods = static_cast<int>(ledger.periods());
    const int last = kFirstPeriodCol + periods - 1;
    text(ws, 0, 0, "Ledger: " + e.structureName + " (" + e.kind + ")", f.title);
    text(ws, 1, 0, "Sign convention: every amount is seen from the party that holds the line; money in is positive, "
                   "money out negative. Amounts in " + currency + ", per year.", f.note);
    text(ws, 2, 0, "A transfer between two parties appears twice (payer negative, payee positive); a real flow once. "
                   "The check row must be 0 in every year.", f.note);
    const int header = 4;
    text(ws, header, 0, "Party", f.header);
    text(ws, header, 1, "Line", f.header);
    text(ws, header, 2, "Counterparty", f.header);
    text(ws, header, 3, "Total", f.header);
    for (int t = 0; t < periods; ++t) number(ws, header, kFirstPeriodCol + t, e.project.calendarYears[static_cast<std::size_t>(t)], f.header);
    int row = header + 1;
    std::map<Party, NetRow> nets;
    std::vector<int> netRows;
    for (Party party : models::kParties) {
        const int first = row;
        for (const auto& line : ledger.lines()) {
            if (line.party != party) continue;
            text(ws, row, 0, std::string(models::partyName(party)));
            text(ws, row, 1, std::string(models::lineKindName(line.kind)));
            text(ws, row, 2, counterpartyText(line));
            double total = 0.0;
            for (int t = 0; t < periods; ++t) {
                number(ws, row, kFirstPeriodCol + t, line.amounts[static_cast<std::size_t>(t)], f.money);
                total += line.amounts[static_cast<std::size_t>(t)];
            }
            formula(ws, row, 3, "=SUM(" + range(row, kFirstPeriodCol, last) + ")", total, f.money);
            ++row;
        }
        if (row == first) continue;  // the party holds no line under this structure
        const auto& flows = e.party(party).flows;
        text(ws, row, 0, std::string(models::partyName(party)), f.bold);
        text(ws, row, 1, "Net cash flow", f.bold);
        double total = 0.0;
        for (int t = 0; t < periods; ++t) {
            const std::string col = columnName(kFirstPeriodCol + t);
            formula(ws, row, kFirstPeriodCol + t, "=SUM(" + col + std::to_string(first + 1) + ":" + col + std::to_string(row) + ")",
                    flows[static_cast<std::size_t>(t)], f.moneyBold);
            total += flows[static_cast<std::size_t>(t)];
        }
        formula(ws, row, 3, "=SUM(" + range(row, kFirstPeriodCol, last) + ")", total, f.moneyBold);
        nets[party] = {row};
        netRows.push_back(row);
        row += 2;
    }
    const int real = row;
    text(ws, real, 0, "Project", f.bold);
    text(ws, real, 1, "Real flows (with the world outside the parties)", f.bold);
    double realTotal = 0.0;
    for (int t = 0; t < periods; ++t) {
        number(ws, real, kFirstPeriodCol + t, ledger.realFlows()[static_cast<std::size_t>(t)], f.money);
        realTotal += ledger.realFlows()[static_cast<std::size_t>(t)];
    }
    formula(ws, real, 3, "=SUM(" + range(real, kFirstPeriodCol, last) + ")", realTotal, f.money);
    const int check = real + 1;
    text(ws, check, 0, "Check", f.bold);
    text(ws, check, 1, "Sum of the parties' net flows - real flows", f.bold);
    for (int t = 0; t < periods; ++t) {
        const std::string col = columnName(kFirstPeriodCol + t);
        std::string sum = "=";
        for (int r : netRows) sum += col + std::to_string(r + 1) + "+";
        double cached = -ledger.realFlows()[static_cast<std::size_t>(t)];
        for (const auto& [party, net] : nets) cached += e.party(party).flows[static_cast<std::size_t>(t)];
        formula(ws, check, kFirstPeriodCol + t, sum + "0-" + col + std::to_string(real + 1), cached, f.check);
    }
    // The master check: the largest gap in any year (MAX/MIN, not ABS over a range, which needs an
    // array formula in some spreadsheets).
    const std::string checks = range(check, kFirstPeriodCol, last);
    formula(ws, check, 3, "=MAX(MAX(" + checks + "),-MIN(" + checks + "))", e.outcome.ledger.conservationError(), f.check);
    worksheet_set_column(ws, 0, 0, 16, nullptr);
    worksheet_set_column(ws, 1, 1, 34, nullptr);
    worksheet_set_column(ws, 2, 2, 24, nullptr);
    worksheet_set_column(ws, 3, static_cast<lxw_col_t>(last), 15, nullptr);
    worksheet_freeze_panes(ws, static_cast<lxw_row_t>(header + 1), 4);
    return nets;
}

void writeInputs(lxw_worksheet* ws, const Formats& f, const models::Case& c, const std::vector<Evaluation>& evaluations,
                 const std::vector<std::string>& notes) {
    const auto& p = c.project;
    text(ws, 0, 0, c.name + " (" + c.id + ")", f.title);
    if (!c.description.empty()) text(ws, 1, 0, c.description, f.note);
    int row = 3;
    text(ws, row, 0, "Input", f.header);
    text(ws, row, 1, "Value", f.header);
    ++row;
    auto put = [&](const std::string& label, double v, lxw_format* fmt) {
        text(ws, row, 0, label);
        number(ws, row++, 1, v, fmt);
    };
    text(ws, row, 0, "Project");
    text(ws, row++, 1, p.name);
    text(ws, row, 0, "Currency");
    text(ws, row++, 1, p.currency);
    text(ws, row, 0, "Price basis");
    text(ws, row++, 1, p.basis == models::PriceBasis::Real ? "real (base-year prices)" : "nominal");
    put("First year (period 0)", p.startYear, nullptr);
    put("Construction years", p.constructionYears, nullptr);
    put("Operating years", p.operatingYears, nullptr);
    put("Capital cost, base-year prices", p.totalCapex(), f.money);
    put("Annual operating cost, base-year prices", p.annualOpex, f.money);
    put("Residual value", p.residualValue, f.money);
    put("Inflation (per year)", p.inflation, f.rate);
    put("City's discount rate (public)", p.rates.publicRate, f.rate);
    put("Private party's discount rate (hurdle)", p.rates.privateRate, f.rate);
    put("Social discount rate", p.rates.socialRate, f.rate);
    put("Corporate tax rate", p.taxRate, f.rate);
    row += 1;
    text(ws, row, 0, "Structure", f.header);
    text(ws, row, 1, "Kind", f.header);
    text(ws, row++, 2, "Id", f.header);
    for (const auto& e : evaluations) {
        text(ws, row, 0, e.structureName);
        text(ws, row, 1, e.kind);
        text(ws, row++, 2, e.structureId);
    }
    row += 1;
    text(ws, row++, 0, "Notes", f.header);
    for (const auto& n : notes) text(ws, row++, 0, n, f.note);
    worksheet_set_column(ws, 0, 0, 42, nullptr);
    worksheet_set_column(ws, 1, 2, 28, nullptr);
}

// Metrics: per structure and party, the NPV and IRR as live formulas over the ledger's net row.
// Spreadsheet NPV() discounts its first value by one period, so the year-0 flow is added outside.
std::vector<FormulaCell> writeMetrics(lxw_worksheet* ws, const Formats& f, const std::string& sheet,
                                      const std::vector<Evaluation>& evaluations, const std::vector<std::string>& ledgerSheets,
                                      const std::vector<std::map<Party, NetRow>>& nets, const models::Comparison& comparison) {
    std::vector<FormulaCell> cells;
    std::map<std::size_t, std::string> cityNpvCell;  // per structure, for the live present cost
    text(ws, 0, 0, "Metrics", f.title);
    text(ws, 1, 0, "NPV = year-0 flow + NPV(rate, later flows): spreadsheet NPV() discounts its first value by one year. "
                   "NPV and IRR are live formulas over the Ledger sheets; 'Engine' holds cityfin's figure to compare.", f.note);
    int row = 3;
    const char* headers[] = {"Structure", "Party", "Discount rate", "NPV (formula)", "NPV (engine)", "Difference",
                             "IRR (formula)", "IRR (engine)"};
    for (int i = 0; i < 8; ++i) text(ws, row, i, headers[i], f.header);
    ++row;
    for (std::size_t s = 0; s < evaluations.size(); ++s) {
        const auto& e = evaluations[s];
        const std::string ledger = quoted(ledgerSheets[s]);
        const int periods = static_cast<int>(e.outcome.ledger.periods());
        for (const auto& [party, net] : nets[s]) {
            const auto& result = e.party(party);
            text(ws, row, 0, e.structureName);
            text(ws, row, 1, std::string(models::partyName(party)));
            number(ws, row, 2, result.discountRate, f.rate);
            const std::string first = ledger + "!" + cell(net.row, kFirstPeriodCol);
            const std::string rest = ledger + "!" + range(net.row, kFirstPeriodCol + 1, kFirstPeriodCol + periods - 1);
            formula(ws, row, 3, "=" + first + "+NPV(" + cell(row, 2) + "," + rest + ")", result.npv, f.money);
            number(ws, row, 4, result.npv, f.money);
            formula(ws, row, 5, std::string("=").append(cell(row, 3)).append("-").append(cell(row, 4)), 0.0, f.check);
            cells.push_back({sheet, cell(row, 3), e.structureId, std::string(models::partyId(party)), "npv", result.npv});
            if (party == Party::Government) cityNpvCell[s] = cell(row, 3);
            if (result.irr.value) {
                const std::string all = ledger + "!" + range(net.row, kFirstPeriodCol, kFirstPeriodCol + periods - 1);
                formula(ws, row, 6, "=IRR(" + all + ")", *result.irr.value, f.rate);
                number(ws, row, 7, *result.irr.value, f.rate);
                cells.push_back({sheet, cell(row, 6), e.structureId, std::string(models::partyId(party)), "irr", *result.irr.value});
            } else {
                text(ws, row, 6, "no IRR", f.note);
                text(ws, row, 7, result.irr.reason, f.note);
            }
            ++row;
        }
        ++row;
    }
    row += 1;
    text(ws, row++, 0, "Comparison (" + models::perspectiveId(comparison.perspective) + " perspective)", f.bold);
    const char* rankHeaders[] = {"Rank", "Structure", "Feasible", "City present cost", "City peak outlay", "Equity IRR",
                                 "Project IRR", "Minimum DSCR"};
    for (int i = 0; i < 8; ++i) text(ws, row, i, rankHeaders[i], f.header);
    ++row;
    for (const auto& ranked : comparison.ranking) {
        const auto& e = evaluations[ranked.evaluation];
        number(ws, row, 0, ranked.rank);
        text(ws, row, 1, e.structureName);
        text(ws, row, 2, ranked.feasible ? "yes" : "no");
        // The city's present cost is minus its NPV: live over the NPV formula above.
        if (const auto found = cityNpvCell.find(ranked.evaluation); found != cityNpvCell.end()) {
            formula(ws, row, 3, "=-" + found->second, e.cityPresentCost, f.money);
            cells.push_back({sheet, cell(row, 3), e.structureId, "government", "city_present_cost", e.cityPresentCost});
        } else {
            number(ws, row, 3, e.cityPresentCost, f.money);
        }
        number(ws, row, 4, e.cityPeakOutlay, f.money);
        if (e.equityIrr.value) number(ws, row, 5, *e.equityIrr.value, f.rate); else text(ws, row, 5, "-");
        if (e.projectIrr.value) number(ws, row, 6, *e.projectIrr.value, f.rate); else text(ws, row, 6, "-");
        if (e.minDscr) number(ws, row, 7, *e.minDscr, f.ratio); else text(ws, row, 7, "-");
        ++row;
    }
    for (const auto& reason : comparison.reasons) text(ws, ++row, 0, reason, f.note);
    worksheet_set_column(ws, 0, 1, 30, nullptr);
    worksheet_set_column(ws, 2, 7, 18, nullptr);
    return cells;
}

void writeSocial(lxw_worksheet* ws, const Formats& f, const std::vector<Evaluation>& evaluations) {
    text(ws, 0, 0, "Social return", f.title);
    text(ws, 1, 0, "Present values at the social discount rate; method in docs/methodology/social-return.md.", f.note);
    int row = 3;
    std::vector<std::string> headers = {"Structure", "Social rate"};
    for (auto c : models::kOutcomeCategories) headers.push_back("PV " + std::string(models::outcomeCategoryId(c)));
    for (const char* h : {"PV of outcomes", "PV real flows", "PV user payments", "Economic NPV", "Benefit-cost ratio",
                          "SROI ratio", "t CO2e", "Cost per t CO2e"})
        headers.emplace_back(h);
    for (std::size_t i = 0; i < headers.size(); ++i) text(ws, row, static_cast<int>(i), headers[i], f.header);
    ++row;
    for (const auto& e : evaluations) {
        if (!e.social) continue;
        const auto& s = *e.social;
        int col = 0;
        text(ws, row, col++, e.structureName);
        number(ws, row, col++, s.socialRate, f.rate);
        for (double v : s.presentValueByCategory) number(ws, row, col++, v, f.money);
        for (double v : {s.presentValue, s.realFlowsNpv, s.userPaymentsPv, s.economicNpv}) number(ws, row, col++, v, f.money);
        if (s.benefitCostRatio) number(ws, row, col, *s.benefitCostRatio, f.ratio); else text(ws, row, col, "-");
        ++col;
        if (s.sroiRatio) number(ws, row, col, *s.sroiRatio, f.ratio); else text(ws, row, col, "-");
        ++col;
        number(ws, row, col++, s.tonnesCo2);
        if (s.costPerTonneCo2) number(ws, row, col, *s.costPerTonneCo2, f.money); else text(ws, row, col, "-");
        ++row;
    }
    row += 1;
    text(ws, row++, 0, "Outcomes of each structure", f.bold);
    const char* outcomeHeaders[] = {"Structure", "Outcome", "Category", "Unit", "Present value", "t CO2e"};
    for (int i = 0; i < 6; ++i) text(ws, row, i, outcomeHeaders[i], f.header);
    ++row;
    for (const auto& e : evaluations) {
        if (!e.social) continue;
        for (const auto& o : e.social->outcomes) {
            text(ws, row, 0, e.structureName);
            text(ws, row, 1, o.name);
            text(ws, row, 2, std::string(models::outcomeCategoryId(o.category)));
            text(ws, row, 3, o.unit);
            number(ws, row, 4, o.presentValue, f.money);
            number(ws, row, 5, o.tonnesCo2);
            ++row;
        }
    }
    worksheet_set_column(ws, 0, 1, 30, nullptr);
    worksheet_set_column(ws, 2, static_cast<lxw_col_t>(headers.size()), 18, nullptr);
}

} // namespace

std::string columnName(int column) {
    std::string name;
    for (int c = column + 1; c > 0; c = (c - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
    return name;
}

WorkbookResult writeWorkbook(const std::string& path, const models::Case& c, const std::vector<Evaluation>& evaluations,
                             const models::Comparison& comparison, const CaseAnalyses* analyses) {
    WorkbookResult result;
    const bool risk = analyses && analyses->risk;
    const bool social = std::any_of(evaluations.begin(), evaluations.end(), [](const auto& e) { return e.social.has_value(); });
    result.notes.push_back("Sign convention: amounts are seen from the party holding the line; money in positive, out negative.");
    if (!risk) result.notes.push_back("Risk and Sensitivity sheets left out: the case has no risk register.");
    if (!social) result.notes.push_back("Social return sheet left out: the case has no outcomes.");

    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = nullptr;
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    if (!wb) throw InputError("--out", path, "a folder where the workbook can be written");
    const Formats f = makeFormats(wb, c.project.currency);
    std::set<std::string> used;
    const std::string inputsName = sheetName("Inputs", used);
    lxw_worksheet* inputs = workbook_add_worksheet(wb, inputsName.c_str());
    std::vector<std::string> ledgerSheets;
    std::vector<std::map<Party, NetRow>> nets;
    for (const auto& e : evaluations) {
        ledgerSheets.push_back(sheetName("Ledger " + e.structureId, used));
        lxw_worksheet* ws = workbook_add_worksheet(wb, ledgerSheets.back().c_str());
        nets.push_back(writeLedger(ws, f, e, c.project.currency));
    }
    const std::string metricsName = sheetName("Metrics", used);
    lxw_worksheet* metrics = workbook_add_worksheet(wb, metricsName.c_str());
    result.formulas = writeMetrics(metrics, f, metricsName, evaluations, ledgerSheets, nets, comparison);
    result.sheets.push_back(inputsName);
    result.sheets.insert(result.sheets.end(), ledgerSheets.begin(), ledgerSheets.end());
    result.sheets.push_back(metricsName);
    if (risk) {
        const std::string riskName = sheetName("Risk", used), sensitivityName = sheetName("Sensitivity", used);
        writeRiskSheet(workbook_add_worksheet(wb, riskName.c_str()), f, c, *analyses->risk);
        writeSensitivitySheet(workbook_add_worksheet(wb, sensitivityName.c_str()), f, c, analyses->tornadoes);
        result.sheets.push_back(riskName);
        result.sheets.push_back(sensitivityName);
    }
    if (social) {
        const std::string name = sheetName("Social return", used);
        writeSocial(workbook_add_worksheet(wb, name.c_str()), f, evaluations);
        result.sheets.push_back(name);
    }
    writeInputs(inputs, f, c, evaluations, result.notes);
    const lxw_error error = workbook_close(wb);
    if (error != LXW_NO_ERROR)
        throw InputError("--out", path, std::string("a writable place for the workbook (") + lxw_strerror(error) + ")");
    return result;
}

} // namespace cityfin::report
