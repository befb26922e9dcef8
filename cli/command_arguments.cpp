#include "cli/command_arguments.hpp"

#include "finance/errors.hpp"

#include <boost/program_options/parsers.hpp>
#include <boost/program_options/positional_options.hpp>

#include <algorithm>

namespace po = boost::program_options;

namespace cityfin::cli {
namespace {

std::string formatList(const std::vector<std::string>& formats) {
    std::string list = formats.front() + " (default)";
    for (std::size_t i = 1; i < formats.size(); ++i) list += ", " + formats[i];
    return list;
}

} // namespace

std::optional<CommandArgs> parseCommandArgs(const CommandUsage& usage, const std::vector<std::string>& args,
                                            po::options_description options, std::ostream& out) {
    const std::string formats = formatList(usage.formats);
    options.add_options()("help", "show this help")("format", po::value<std::string>(), formats.c_str())(
        usage.input.c_str(), po::value<std::string>(), usage.inputHelp.c_str());
    po::positional_options_description positional;
    positional.add(usage.input.c_str(), 1);
    // Long options only: "-p" would be a number's sign as often as an option.
    const int style = po::command_line_style::unix_style ^ po::command_line_style::allow_short;
    CommandArgs parsed;
    po::store(po::command_line_parser(args).options(options).positional(positional).style(style).run(), parsed.values);
    if (parsed.values.count("help")) {
        out << "Usage: cityfin " << usage.command << " " << usage.synopsis << "\n" << usage.summary << "\n\n" << options;
        if (!usage.epilogue.empty()) out << "\n" << usage.epilogue << (usage.epilogue.back() == '\n' ? "" : "\n");
        return std::nullopt;
    }
    if (!parsed.values.count(usage.input)) throw InputError(usage.inputName, "nothing", usage.inputExpected);
    parsed.input = parsed.values[usage.input].as<std::string>();
    parsed.format = choiceOf(parsed.values, "format", usage.formats.front(), usage.formats);
    return parsed;
}

std::string optionOr(const CommandArgs& a, const std::string& name, const std::string& fallback) {
    return a.values.count(name) ? a.values[name].as<std::string>() : fallback;
}

std::string choiceOf(const po::variables_map& values, const std::string& name, const std::string& fallback,
                     const std::vector<std::string>& allowed) {
    const std::string v = values.count(name) ? values[name].as<std::string>() : fallback;
    if (std::find(allowed.begin(), allowed.end(), v) != allowed.end()) return v;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    throw InputError("--" + name, "\"" + v + "\"", "one of " + list);
}

} // namespace cityfin::cli
