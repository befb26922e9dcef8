#include "cli/calc_command.hpp"

#include "cli/app.hpp"
#include "cli/calc_functions.hpp"
#include "finance/errors.hpp"
#include "finance/textparse.hpp"

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/parsers.hpp>
#include <boost/program_options/positional_options.hpp>
#include <boost/program_options/variables_map.hpp>

#include <algorithm>

namespace po = boost::program_options;

namespace cityfin::cli {
namespace {

void printCalcUsage(std::ostream& out) {
    out << "Usage: cityfin calc <function> [options] [-- FLOWS...]\n\nFunctions:\n";
    for (const CalcFunction& f : calcFunctions()) out << "  " << f.usage << "\n      " << f.summary << "\n";
    out << "\nFLOWS are cash flows per period, money in positive, out negative, first flow at t0.\n"
           "Common options: --format human|json (default human), --help.\n";
}

po::options_description describe(const CalcFunction& function) {
    po::options_description options("Options of 'cityfin calc " + function.name + "'");
    options.add_options()("help,h", "show this help")(
        "format", po::value<std::string>(), "human (default) or json");
    for (const CalcOption& option : function.options)
        options.add_options()(option.name.c_str(), po::value<std::string>(), option.help.c_str());
    if (function.takesFlows)
        options.add_options()("flows", po::value<std::vector<std::string>>(), "cash flows (after --)");
    return options;
}

// Splits off everything after the first "--": those are cash flows, even when negative.
std::pair<std::vector<std::string>, std::vector<std::string>> splitAtDoubleDash(
    const std::vector<std::string>& args) {
    const auto dash = std::find(args.begin(), args.end(), "--");
    std::vector<std::string> before(args.begin(), dash);
    std::vector<std::string> after(dash == args.end() ? dash : dash + 1, args.end());
    return {before, after};
}

std::vector<double> parseFlows(const std::vector<std::string>& texts) {
    std::vector<double> flows;
    for (const std::string& text : texts) flows.push_back(parseNumber(indexedField("flows", flows.size()), text));
    return flows;
}

} // namespace

int runCalc(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        printCalcUsage(args.empty() ? err : out);
        return args.empty() ? BadInput : Ok;
    }
    const auto& functions = calcFunctions();
    const auto function = std::find_if(functions.begin(), functions.end(),
                                       [&](const CalcFunction& f) { return f.name == args[0]; });
    if (function == functions.end()) {
        err << "cityfin calc: error: unknown function '" << args[0] << "'\n";
        printCalcUsage(err);
        return BadInput;
    }

    auto [optionArgs, flowArgs] = splitAtDoubleDash({args.begin() + 1, args.end()});
    const po::options_description options = describe(*function);
    po::positional_options_description positional;
    if (function->takesFlows) positional.add("flows", -1);
    // No short options, so a negative number such as "-0.05" is read as a value, not an option.
    const int style = po::command_line_style::unix_style ^ po::command_line_style::allow_short;
    po::variables_map values;
    po::store(po::command_line_parser(optionArgs).options(options).positional(positional).style(style).run(),
              values);
    if (values.count("help")) {
        out << "Usage: cityfin calc " << function->usage << "\n" << function->summary << "\n\n" << options;
        return Ok;
    }
    if (!function->takesFlows && !flowArgs.empty())
        throw InputError("flows", flowArgs.front(), "no cash flows: 'calc " + function->name + "' takes none");

    std::map<std::string, std::string> named;
    for (const auto& [name, value] : values)
        if (name != "flows" && name != "help") named[name] = value.as<std::string>();
    if (values.count("flows")) {
        auto leading = values["flows"].as<std::vector<std::string>>();
        flowArgs.insert(flowArgs.begin(), leading.begin(), leading.end());
    }
    const CalcArguments arguments(named, parseFlows(flowArgs));
    const std::string format = arguments.choice("format", {"human", "json"}, "human");
    const CalcReport report = function->compute(arguments);
    if (format == "json") writeJson(report, out);
    else writeHuman(report, out);
    return Ok;
}

} // namespace cityfin::cli
