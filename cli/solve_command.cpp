#include "cli/solve_command.hpp"

#include "cli/app.hpp"
#include "cli/command_arguments.hpp"
#include "finance/errors.hpp"
#include "models/case_file.hpp"
#include "models/number_format.hpp"
#include "models/plans/break_even.hpp"

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <optional>

namespace po = boost::program_options;

namespace cityfin::cli {
namespace {

double number(const std::string& text, const std::string& field) {
    double x = 0.0;  // from_chars: the same in every locale
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
    if (ec == std::errc() && end == text.data() + text.size() && std::isfinite(x)) return x;
    throw InputError(field, "\"" + text + "\"", "a finite number");
}

std::string inputHelp() {
    std::string text = "INPUT: a JSON path into the case (project.revenues[0].unit_price, "
                       "structures[bot].support.construction_subsidy_share) or one of:\n";
    for (const auto& n : models::plans::namedInputs())
        text += "  " + std::string(n.name) + ": " + std::string(n.meaning) + " (default range " + models::formatFixed(n.lo, 2) + ":" +
                models::formatFixed(n.hi, 2) + ")\n";
    text += "METRIC: ";
    for (auto m : models::plans::metricNames()) text += std::string(m) + " ";
    return text + "\n";
}

} // namespace

int runSolve(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
    po::options_description options("Options");
    options.add_options()("structure", po::value<std::string>(), "the structure's id")(
        "target", po::value<std::string>(), "METRIC=VALUE, e.g. equity_irr=0.11")("vary", po::value<std::string>(), "the INPUT to solve for")(
        "range", po::value<std::string>(), "LO:HI, the interval searched (default: the input's own)");
    const auto a = parseCommandArgs({.command = "solve",
                                     .synopsis = "CASE --structure ID --target METRIC=VALUE --vary INPUT [--range LO:HI]",
                                     .summary = "Finds the value of INPUT at which METRIC of the structure reaches VALUE "
                                                "(QuantLib Brent).",
                                     .epilogue = inputHelp(),
                                     .formats = {"table", "json"}},
                                    args, options, out);
    if (!a) return Ok;
    const po::variables_map& vm = a->values;
    const std::string& format = a->format;
    for (const char* required : {"structure", "target", "vary"})
        if (!vm.count(required)) throw InputError(std::string("--").append(required), "nothing", "a value");
    const std::string target = vm["target"].as<std::string>();
    const auto eq = target.find('=');
    if (eq == std::string::npos) throw InputError("--target", "\"" + target + "\"", "METRIC=VALUE");
    const std::string metric = target.substr(0, eq);
    const double value = number(target.substr(eq + 1), "--target");
    std::optional<double> lo, hi;
    if (vm.count("range")) {
        const std::string range = vm["range"].as<std::string>();
        const auto colon = range.find(':');
        if (colon == std::string::npos) throw InputError("--range", "\"" + range + "\"", "LO:HI");
        lo = number(range.substr(0, colon), "--range");
        hi = number(range.substr(colon + 1), "--range");
    }
    const models::Case c = models::loadCaseFile(a->input);
    const auto b = models::plans::solveCase(c, vm["structure"].as<std::string>(), metric, value, vm["vary"].as<std::string>(), lo, hi);
    if (format == "json") {
        nlohmann::ordered_json j{{"structure", b.structureId}, {"metric", b.metric}, {"target", b.target}, {"input", b.input},
                                 {"range", {b.lo, b.hi}}, {"base_input", b.baseInput},
                                 {"base_metric", b.baseMetric ? nlohmann::ordered_json(*b.baseMetric) : nlohmann::ordered_json()},
                                 {"value", b.answer.value ? nlohmann::ordered_json(*b.answer.value) : nlohmann::ordered_json()},
                                 {"reason", b.answer.reason}, {"warnings", b.answer.warnings}};
        out << j.dump(2) << "\n";
    } else if (b.answer.value) {
        out << b.structureId << ": " << b.metric << " = " << models::formatFixed(b.target, 6) << " when " << b.input << " = "
            << models::formatFixed(*b.answer.value, 6) << " (now " << models::formatFixed(b.baseInput, 6) << ", giving "
            << (b.baseMetric ? models::formatFixed(*b.baseMetric, 6) : std::string("no value")) << ")\n";
        for (const auto& w : b.answer.warnings) out << "warning: " << w << "\n";
    } else {
        out << b.structureId << ": no answer: " << b.answer.reason << "\n";
    }
    return Ok;
}

} // namespace cityfin::cli
