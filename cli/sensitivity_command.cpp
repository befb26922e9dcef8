#include "cli/sensitivity_command.hpp"

#include "cli/app.hpp"
#include "cli/case_tables.hpp"
#include "cli/command_arguments.hpp"
#include "cli/csv_number.hpp"
#include "finance/errors.hpp"
#include "models/case_file.hpp"
#include "models/number_format.hpp"
#include "models/risk/risk_json.hpp"

#include <boost/program_options/value_semantic.hpp>

#include <cmath>
#include <iomanip>

namespace po = boost::program_options;

namespace cityfin::cli {
namespace {

std::string shown(double x) { return std::isfinite(x) ? models::formatFixed(x, 6) : std::string("-"); }

} // namespace

int runSensitivity(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
    po::options_description options("Options");
    options.add_options()("structure", po::value<std::string>(), "the structure id (required)")(
        "metric", po::value<std::string>()->default_value("npv_private"),
        "npv_<party>, pv_<party>, equity_irr, min_dscr, city_present_cost, city_peak_outlay, guarantee_pv")(
        "low-high", po::value<std::string>(), "p10-p90 (default): each risk's P10 and P90")(
        "swing", po::value<double>(), "instead: each risk's mean -x and +x, as a fraction (0.1 = 10%)");
    const auto a = parseCommandArgs({.command = "sensitivity", .synopsis = "CASE [options]",
                                     .summary = "Tornado: each risk moved alone from low to high, the swing of a metric, sorted."},
                                    args, options, out);
    if (!a) return Ok;
    if (!a->values.count("structure")) throw InputError("--structure", "nothing", "the id of a structure of the case");
    if (a->values.count("low-high") && a->values["low-high"].as<std::string>() != "p10-p90")
        throw InputError("--low-high", "\"" + a->values["low-high"].as<std::string>() + "\"", "p10-p90");
    if (a->values.count("low-high") && a->values.count("swing"))
        throw InputError("--swing", "with --low-high", "one of --low-high or --swing");
    const models::Case c = models::loadCaseFile(a->input);
    const models::RiskRegister reg = models::readRiskRegister(c.risks);
    if (reg.empty()) throw InputError("risks", "[]", "a risk register with at least one risk");
    std::optional<double> swing;
    if (a->values.count("swing")) swing = a->values["swing"].as<double>();
    const models::Tornado t = models::tornado(c.project, c.scenario, c.structures, reg, a->values["structure"].as<std::string>(),
                                              models::riskMetricFromId(a->values["metric"].as<std::string>()), swing);
    if (a->format == "json") {
        nlohmann::ordered_json j{{"case", c.id}, {"currency", c.project.currency}};
        j["tornado"] = models::tornadoJson(t);
        out << j.dump(2) << "\n";
    } else if (a->format == "csv") {
        out << "risk,low_input,high_input,low,high,swing,range\n";
        for (const auto& b : t.bars)
            out << csvField(b.riskId) << ',' << csvNumber(b.lowInput) << ',' << csvNumber(b.highInput) << ','
                << csvNumber(b.lowValue) << ',' << csvNumber(b.highValue) << ',' << csvNumber(b.swing) << ','
                << b.range << "\n";
    } else {
        out << "Tornado: " << c.name << ", structure " << t.structureId << ", " << models::riskMetricId(t.metric) << " (base "
            << shown(t.baseValue) << "), each risk alone at " << t.range << "\n";
        out << "  " << std::left << std::setw(24) << "risk" << std::right;
        for (const char* h : {"low input", "high input", "at low", "at high", "swing"}) out << std::setw(18) << h;
        out << "\n";
        for (const auto& b : t.bars) {
            out << "  " << std::left << std::setw(24) << b.riskId << std::right;
            for (double x : {b.lowInput, b.highInput, b.lowValue, b.highValue, b.swing}) out << std::setw(18) << shown(x);
            out << (b.range == t.range ? "" : "  (" + b.range + ": an additive driver)") << "\n";
        }
    }
    return Ok;
}

} // namespace cityfin::cli
