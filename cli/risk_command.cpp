#include "cli/risk_command.hpp"

#include "cli/app.hpp"
#include "cli/case_tables.hpp"
#include "cli/command_arguments.hpp"
#include "cli/csv_number.hpp"
#include "cli/risk_progress.hpp"
#include "cli/text_table.hpp"
#include "models/number_format.hpp"
#include "models/risk/case_risk.hpp"
#include "models/risk/risk_json.hpp"

#include <boost/program_options/value_semantic.hpp>

#include <cmath>
#include <iomanip>

namespace po = boost::program_options;

namespace cityfin::cli {
namespace {

using models::RiskMetric;

const std::vector<std::pair<RiskMetric, std::string>>& shownMetrics() {
    static const std::vector<std::pair<RiskMetric, std::string>> m = {
        {RiskMetric::NpvGovernment, "NPV government"}, {RiskMetric::NpvPrivate, "NPV private"},
        {RiskMetric::NpvLenders, "NPV lenders"},       {RiskMetric::NpvUsers, "NPV users"},
        {RiskMetric::NpvFunders, "NPV funders"},       {RiskMetric::EquityIrr, "equity IRR"},
        {RiskMetric::MinDscr, "min DSCR"},             {RiskMetric::CityPresentCost, "city present cost"},
        {RiskMetric::CityPeakOutlay, "city peak outlay"}, {RiskMetric::GuaranteePv, "guarantee payments PV"},
        {RiskMetric::PppSpendingPeak, "PPP payments, peak"},
        {RiskMetric::SocialValue, "social value (PV)"},  {RiskMetric::EconomicNpv, "economic NPV"}};
    return m;
}

std::string shown(RiskMetric m, double x) {
    if (std::isnan(x)) return "-";
    if (m == RiskMetric::EquityIrr) return models::formatPercent(x, 2);
    if (m == RiskMetric::MinDscr) return models::formatFixed(x, 2);
    return models::formatFixed(x, 0);
}

void writeTable(const models::Case& c, const models::CaseRisk& r, std::ostream& out) {
    out << "Risk analysis: " << c.name << " (" << c.project.currency << "), " << r.run.paths << " paths, seed "
        << r.run.seed << (r.run.sobol ? ", Sobol" : ", Mersenne Twister") << "\n";
    out << "Terms fixed at financial close; each scenario plays out through each structure's mechanics.\n";
    for (const auto& s : r.run.structures) {
        // The rules are the structure's own (equity hurdle, lenders' covenant), listed below the table;
        // `cityfin planb` tests a plan's rules, the city's caps included.
        out << "\n" << s.structureId << " (" << s.kind << "): "
            << (s.rules.empty() ? "no equity or debt rule applies"
                                : "P(the rules below all hold) " + models::formatPercent(s.allRulesProbability, 1))
            << "\n";
        TextTable table;
        table.addRow({"metric", "base", "mean", "stdev", "P5", "P50", "P95"});
        for (const auto& [m, label] : shownMetrics()) {
            const auto& sm = s.summary(m);
            if (sm.defined == 0 && std::isnan(s.baseValue(m))) continue;
            std::vector<std::string> row{label, shown(m, s.baseValue(m))};
            for (double x : {sm.mean, sm.stdev, sm.p5, sm.p50, sm.p95}) row.push_back(sm.defined ? shown(m, x) : "-");
            table.addRow(std::move(row));
        }
        table.write(out);
        for (const auto& rule : s.rules)
            out << "  rule " << rule.id << " (threshold " << models::formatFixed(rule.threshold, 4)
                << "): holds in " << models::formatPercent(rule.probability, 1) << " of scenarios\n";
        out << "  contingent payments (PV): expected " << models::formatFixed(s.expectedContingent, 0) << ", P95 "
            << models::formatFixed(s.p95Contingent, 0) << "\n";
    }
    if (r.borne) {
        out << "\nRisk borne: expected cost to each party (PV at the public rate; > 0 is a loss), spread in brackets\n";
        for (const auto& s : r.borne->structures) {
            out << "\n" << s.structureId << "\n";
            TextTable table;
            std::vector<std::string> header{"risk"};
            for (auto p : models::kParties) header.emplace_back(models::partyId(p));
            table.addRow(std::move(header));
            const auto row = [&](const std::string& name, const std::vector<models::RiskEffect>& e, bool spread) {
                std::vector<std::string> cells{name};
                for (const auto& x : e)
                    cells.push_back(models::formatFixed(x.expectedCost, 0) + (spread ? " (" + models::formatFixed(x.spread, 0) + ")" : ""));
                table.addRow(std::move(cells));
            };
            for (std::size_t k = 0; k < r.borne->riskIds.size(); ++k) row(r.borne->riskIds[k], s.byRisk[k], true);
            row("interaction", s.interaction, false);
            row("all risks together", s.total, true);
            table.write(out);
        }
    }
    if (r.vfm) {
        if (r.vfm->pscStructureId.empty()) {
            out << "\nValue for money: the case has no traditional structure to serve as the public sector comparator.\n";
        } else {
            out << "\nValue for money against the public sector comparator (" << r.vfm->pscStructureId << ")\n";
            TextTable table;
            table.addRow({"structure", "raw PSC", "transferable", "retained", "risk-adj. PSC", "private cost", "+ retained", "VfM", "VfM %"});
            for (const auto& v : r.vfm->structures) {
                std::vector<std::string> cells{v.structureId};
                for (double x : {v.rawPsc, v.transferableRisk, v.retainedRisk, v.riskAdjustedPsc, v.privateCityCost, v.privateTotal, v.vfmAmount})
                    cells.push_back(models::formatFixed(x, 0));
                cells.push_back(v.vfmPercent ? models::formatPercent(*v.vfmPercent, 1) : "-");
                table.addRow(std::move(cells));
            }
            table.write(out);
        }
    }
}

void writeCsv(const models::CaseRisk& r, std::ostream& out) {
    out << "structure,metric,base,defined,mean,stdev,p5,p50,p95\n";
    const auto num = [](double x) { return csvNumber(x); };
    for (const auto& s : r.run.structures)
        for (std::size_t m = 0; m < models::kRiskMetricCount; ++m) {
            const auto& sm = s.summaries[m];
            out << csvField(s.structureId) << ',' << models::riskMetricId(static_cast<RiskMetric>(m)) << ','
                << num(s.base[m]) << ',' << sm.defined;
            for (double x : {sm.mean, sm.stdev, sm.p5, sm.p50, sm.p95}) out << ',' << (sm.defined ? num(x) : "");
            out << "\n";
        }
}

} // namespace

int runRisk(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    po::options_description options("Options");
    options.add_options()("paths", po::value<std::size_t>()->default_value(10000), "number of scenarios")(
        "seed", po::value<std::uint64_t>()->default_value(1), "random seed")(
        "threads", po::value<unsigned>()->default_value(0), "worker threads (0 = all cores); the output does not depend on it")(
        "sobol", "Sobol quasi-random numbers instead of Mersenne Twister")(
        "no-risk-borne", "skip the risk-borne table and value for money (one run per risk fewer)")(
        "competitive-neutrality", po::value<double>()->default_value(0.0), "PV added to the PSC for competitive neutrality")(
        "tornado", po::value<std::string>(), "also a tornado for this structure id")(
        "metric", po::value<std::string>()->default_value("npv_private"), "the tornado's metric");
    const auto a = parseCommandArgs({.command = "risk", .synopsis = "CASE [options]",
                                     .summary = "Monte Carlo over every structure: NPV distributions, rule probabilities, "
                                     "contingent payments, risk borne per party, value for money."},
                                    args, options, out);
    if (!a) return Ok;
    const models::Case c = models::loadCaseFile(a->input);
    std::atomic<std::size_t> done{0};
    models::RiskOptions opt;
    opt.paths = a->values["paths"].as<std::size_t>();
    opt.seed = a->values["seed"].as<std::uint64_t>();
    opt.threads = a->values["threads"].as<unsigned>();
    opt.sobol = a->values.count("sobol") > 0;
    opt.progress = &done;
    const bool borne = !a->values.count("no-risk-borne");
    const double neutrality = a->values["competitive-neutrality"].as<double>();
    const std::size_t risks = models::readRiskRegister(c.risks).risks.size();
    models::CaseRisk result;
    withProgress(err, opt.paths * (borne ? 1 + risks : 1), done,
                 [&] { result = models::analyseCaseRisk(c, opt, borne, neutrality); });
    std::optional<models::Tornado> tornado;
    if (a->values.count("tornado"))
        tornado = models::tornado(c.project, c.scenario, c.structures, result.reg, a->values["tornado"].as<std::string>(),
                                  models::riskMetricFromId(a->values["metric"].as<std::string>()));
    if (a->format == "json") {
        nlohmann::ordered_json j{{"case", c.id}, {"name", c.name}, {"currency", c.project.currency}};
        j["risks"] = models::riskRegisterToJson(result.reg);
        j["simulation"] = models::riskRunJson(result.run);
        if (result.borne) j["risk_borne"] = models::riskBorneJson(*result.borne);
        if (result.vfm) j["value_for_money"] = models::valueForMoneyJson(*result.vfm);
        if (tornado) j["tornado"] = models::tornadoJson(*tornado);
        out << j.dump(2) << "\n";
    } else if (a->format == "csv") {
        writeCsv(result, out);
    } else {
        writeTable(c, result, out);
        if (tornado) {
            out << "\nTornado: " << tornado->structureId << ", " << models::riskMetricId(tornado->metric) << " (base "
                << shown(tornado->metric, tornado->baseValue) << ", " << tornado->range << ")\n";
            for (const auto& b : tornado->bars)
                out << "  " << std::left << std::setw(24) << b.riskId << std::right << std::setw(16) << shown(tornado->metric, b.lowValue)
                    << std::setw(16) << shown(tornado->metric, b.highValue) << "  swing " << shown(tornado->metric, b.swing) << "\n";
        }
    }
    return Ok;
}

} // namespace cityfin::cli
