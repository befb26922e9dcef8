#include "report/summary_html.hpp"

#include "models/number_format.hpp"

#include <algorithm>
#include <sstream>

namespace cityfin::report {
namespace {

const char* kStyle = R"(body{font-family:"Noto Sans CJK SC","Noto Sans",Arial,sans-serif;max-width:1100px;margin:2em auto;color:#222}
h1{font-size:1.6em;margin-bottom:0.2em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:1.6em}
table{border-collapse:collapse;margin:0.6em 0}th,td{border:1px solid #ccc;padding:0.25em 0.6em}
th{background:#dce6f1;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.recommended td{background:#fdf2e9;font-weight:bold}figure{margin:1.2em 0}figure img{width:100%;border:1px solid #eee}
figcaption{font-size:0.9em;color:#555}.note{color:#555;font-size:0.9em})";

std::string money(double v, const std::string& currency) { return escapeXml(models::formatMoney(v, currency)); }

std::string optionalPercent(const finance::Answer& a) {
    return a.value ? escapeXml(models::formatPercent(*a.value, 2)) : "&#8212;";
}

void comparisonTable(std::ostringstream& h, const std::vector<models::Evaluation>& evaluations,
                     const models::Comparison& comparison, const std::string& currency) {
    const bool social = std::any_of(evaluations.begin(), evaluations.end(), [](const auto& e) { return e.social.has_value(); });
    h << "<table>\n<tr><th>Rank</th><th>Structure</th><th>Feasible</th><th>City present cost</th>"
         "<th>City peak outlay</th><th>Equity IRR</th><th>Project IRR</th><th>Minimum DSCR</th>"
      << (social ? "<th>Economic NPV</th><th>SROI ratio</th>" : "") << "</tr>\n";
    for (const auto& r : comparison.ranking) {
        const auto& e = evaluations[r.evaluation];
        const bool recommended = comparison.recommended && *comparison.recommended == r.evaluation;
        h << (recommended ? "<tr class=\"recommended\">" : "<tr>") << "<td class=\"num\">" << r.rank << "</td><td>"
          << escapeXml(e.structureName) << "</td><td>" << (r.feasible ? "yes" : "no") << "</td><td class=\"num\">"
          << money(e.cityPresentCost, currency) << "</td><td class=\"num\">" << money(e.cityPeakOutlay, currency)
          << " (" << e.cityPeakYear << ")</td><td class=\"num\">" << optionalPercent(e.equityIrr)
          << "</td><td class=\"num\">" << optionalPercent(e.projectIrr) << "</td><td class=\"num\">"
          << (e.minDscr ? escapeXml(models::formatFixed(*e.minDscr, 2)) + "x" : "&#8212;") << "</td>";
        if (social)
            h << "<td class=\"num\">" << (e.social ? money(e.social->economicNpv, currency) : "&#8212;")
              << "</td><td class=\"num\">"
              << (e.social && e.social->sroiRatio ? escapeXml(models::formatFixed(*e.social->sroiRatio, 2)) + "x" : "&#8212;")
              << "</td>";
        h << "</tr>\n";
    }
    h << "</table>\n";
    for (const auto& reason : comparison.reasons) h << "<p>" << escapeXml(reason) << "</p>\n";
}

std::string percentOrDash(std::optional<double> v) { return v ? escapeXml(models::formatPercent(*v, 1)) : "&#8212;"; }

void planBSection(std::ostringstream& h, const CaseAnalyses& a) {
    const auto& chain = a.plans;
    if (!a.casePlans)
        h << "<p class=\"note\">The case lists no plans: its structures are taken as plans in file order.</p>\n";
    h << "<table>\n<tr><th>Plan</th><th>Verdict</th><th>Failing rules</th></tr>\n";
    for (std::size_t i = 0; i < chain.steps.size(); ++i) {
        const auto& step = chain.steps[i];
        std::string failing;
        for (const auto& r : step.rules)
            if (!r.holds) failing += (failing.empty() ? "" : "; ") + r.text;
        const bool chosen = chain.chosen && *chain.chosen == i;
        h << (chosen ? "<tr class=\"recommended\">" : "<tr>") << "<td>" << escapeXml(step.plan.label) << "</td><td>"
          << (step.feasible ? (chosen ? "feasible: chosen" : "feasible") : "not feasible") << "</td><td>"
          << (failing.empty() ? "&#8212;" : escapeXml(failing)) << "</td></tr>\n";
    }
    h << "</table>\n";
    for (const auto& step : chain.steps) h << "<p>" << escapeXml(step.memo) << "</p>\n";
    h << "<p><strong>" << escapeXml(chain.conclusion) << "</strong></p>\n";
}

void riskSection(std::ostringstream& h, const models::CaseRisk& r, const std::string& currency) {
    using models::RiskMetric;
    h << "<p class=\"note\">" << r.run.paths << " Monte Carlo scenarios (seed " << r.run.seed << ") over the case's "
      << r.reg.risks.size() << " risks; terms fixed at financial close. The workbook's Risk and Sensitivity sheets "
      << "have every figure.</p>\n";
    h << "<table>\n<tr><th>Structure</th><th>P(equity and debt rules hold)</th><th>City present cost P5</th><th>P50</th>"
         "<th>P95</th><th>Guarantee payments: expected PV</th><th>P95</th>"
      << (r.vfm && !r.vfm->pscStructureId.empty() ? "<th>Value for money</th>" : "") << "</tr>\n";
    for (const auto& s : r.run.structures) {
        const auto& cost = s.summary(RiskMetric::CityPresentCost);
        h << "<tr><td>" << escapeXml(s.structureName) << "</td><td class=\"num\">"
          << (s.rules.empty() ? std::string("&#8212; (no equity or debt rule applies)")
                              : escapeXml(models::formatPercent(s.allRulesProbability, 1)))
          << "</td>";
        for (double v : {cost.p5, cost.p50, cost.p95}) h << "<td class=\"num\">" << money(v, currency) << "</td>";
        h << "<td class=\"num\">" << money(s.expectedContingent, currency) << "</td><td class=\"num\">"
          << money(s.p95Contingent, currency) << "</td>";
        if (r.vfm && !r.vfm->pscStructureId.empty()) {
            std::string vfm = "&#8212; (comparator)";
            for (const auto& v : r.vfm->structures)
                if (v.structureId == s.structureId)
                    vfm = money(v.vfmAmount, currency) + " (" + percentOrDash(v.vfmPercent) + ")";
            h << "<td class=\"num\">" << vfm << "</td>";
        }
        h << "</tr>\n";
    }
    h << "</table>\n";
}

void assumptions(std::ostringstream& h, const models::Case& c) {
    const auto& p = c.project;
    h << "<table>\n";
    auto row = [&](const std::string& k, const std::string& v) {
        h << "<tr><th>" << escapeXml(k) << "</th><td>" << escapeXml(v) << "</td></tr>\n";
    };
    row("Project", p.name);
    row("Timeline", std::to_string(p.startYear) + ": " + std::to_string(p.constructionYears) + " construction + " +
                        std::to_string(p.operatingYears) + " operating years");
    row("Capital cost (base-year prices)", models::formatMoney(p.totalCapex(), p.currency));
    row("Annual operating cost", models::formatMoney(p.annualOpex, p.currency));
    row("Price basis", p.basis == models::PriceBasis::Real ? "real (base-year prices)" : "nominal, inflation " + models::formatPercent(p.inflation, 2));
    row("Discount rates", "city " + models::formatPercent(p.rates.publicRate, 2) + ", private " +
                              models::formatPercent(p.rates.privateRate, 2) + ", social " + models::formatPercent(p.rates.socialRate, 2));
    row("Corporate tax rate", models::formatPercent(p.taxRate, 2));
    h << "</table>\n";
}

} // namespace

std::string escapeXml(const std::string& text) {
    std::string out;
    for (char ch : text) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += ch;
        }
    }
    return out;
}

std::string summaryHtml(const models::Case& c, const std::vector<models::Evaluation>& evaluations,
                        const models::Comparison& comparison, const std::vector<SummaryImage>& images,
                        const std::string& workbookFile, const std::vector<std::string>& notes,
                        const CaseAnalyses* analyses) {
    std::ostringstream h;
    const std::string title = c.name.empty() ? c.id : c.name;
    h << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"UTF-8\"/>\n"
      << "<title>" << escapeXml(title) << ": financing summary</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
      << "<h1>" << escapeXml(title) << "</h1>\n";
    if (!c.description.empty()) h << "<p>" << escapeXml(c.description) << "</p>\n";
    h << "<p class=\"note\">Amounts in " << escapeXml(c.project.currency) << ". Every figure comes from cityfin's engine; "
      << "the workbook <a href=\"" << escapeXml(workbookFile) << "\">" << escapeXml(workbookFile)
      << "</a> has the ledgers and live NPV and IRR formulas to audit them.</p>\n";
    h << "<h2>Comparison (" << escapeXml(models::perspectiveId(comparison.perspective)) << " perspective)</h2>\n";
    comparisonTable(h, evaluations, comparison, c.project.currency);
    h << "<h2>Plan B</h2>\n";
    if (analyses) planBSection(h, *analyses);
    else h << "<p>Not evaluated.</p>\n";
    if (analyses && analyses->risk) {
        h << "<h2>Risk</h2>\n";
        riskSection(h, *analyses->risk, c.project.currency);
    }
    h << "<h2>Key assumptions</h2>\n";
    assumptions(h, c);
    h << "<h2>Charts</h2>\n";
    for (const auto& image : images) {
        h << "<figure>\n<img src=\"" << escapeXml(image.path) << "\" alt=\"" << escapeXml(image.title) << "\"/>\n"
          << "<figcaption>" << escapeXml(image.title) << " (<a href=\"" << escapeXml(image.pdf) << "\">PDF</a>)";
        for (const auto& n : image.notes) h << " " << escapeXml(n);
        h << "</figcaption>\n</figure>\n";
    }
    if (!notes.empty()) {
        h << "<h2>Notes</h2>\n<ul>\n";
        for (const auto& n : notes) h << "<li>" << escapeXml(n) << "</li>\n";
        h << "</ul>\n";
    }
    h << "</body>\n</html>\n";
    return h.str();
}

} // namespace cityfin::report
