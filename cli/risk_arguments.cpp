#include "cli/risk_arguments.hpp"

#include "finance/errors.hpp"

#include <boost/program_options/parsers.hpp>
#include <boost/program_options/positional_options.hpp>

#include <charconv>
#include <cmath>

namespace po = boost::program_options;

namespace cityfin::cli {

std::string csvNumber(double x) {
    if (!std::isfinite(x)) return {};
    char buffer[64];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, x).ptr;
    return std::string(buffer, end);
}

std::optional<RiskArgs> parseRiskArgs(const std::string& command, const std::string& summary,
                                      const std::vector<std::string>& args, po::options_description options,
                                      std::ostream& out) {
    options.add_options()("help", "show this help")("format", po::value<std::string>(), "table (default), json or csv")(
        "case", po::value<std::string>(), "the case file (JSON)");
    po::positional_options_description positional;
    positional.add("case", 1);
    const int style = po::command_line_style::unix_style ^ po::command_line_style::allow_short;
    RiskArgs parsed;
    po::store(po::command_line_parser(args).options(options).positional(positional).style(style).run(), parsed.values);
    if (parsed.values.count("help")) {
        out << "Usage: cityfin " << command << " CASE [options]\n" << summary << "\n\n" << options;
        return std::nullopt;
    }
    if (!parsed.values.count("case")) throw InputError("CASE", "nothing", "the path of a case file");
    parsed.casePath = parsed.values["case"].as<std::string>();
    parsed.format = parsed.values.count("format") ? parsed.values["format"].as<std::string>() : "table";
    if (parsed.format != "table" && parsed.format != "json" && parsed.format != "csv")
        throw InputError("--format", "\"" + parsed.format + "\"", "one of table (default), json, csv");
    return parsed;
}

} // namespace cityfin::cli
