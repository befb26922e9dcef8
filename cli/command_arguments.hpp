#pragma once
// The option parsing every `cityfin <command> INPUT [options]` shares: --help, --format, the one
// positional input (a case file, an answers file), errors that name the option and what it takes.

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace cityfin::cli {

struct CommandUsage {
    std::string command = "";   ///< "risk"
    std::string synopsis = "";  ///< after "cityfin <command> ", e.g. "CASE [options]"
    std::string summary = "";   ///< one paragraph on what the command does
    std::string epilogue = "";  ///< printed after the options by --help (may be empty)
    /// The positional input: its option name, how usage names it, what a missing one should be.
    std::string input = "case";
    std::string inputName = "CASE";
    std::string inputExpected = "the path of a case file";
    std::string inputHelp = "the case file (JSON)";
    std::vector<std::string> formats = {"table", "json", "csv"};  ///< --format; the first is the default
};

struct CommandArgs {
    std::string input;   ///< the positional input's value
    std::string format;  ///< one of the usage's formats
    boost::program_options::variables_map values;
};

/// Empty when --help was asked for (and printed to out). Throws InputError for a missing input or
/// a --format outside the usage's formats.
std::optional<CommandArgs> parseCommandArgs(const CommandUsage& usage, const std::vector<std::string>& args,
                                            boost::program_options::options_description options, std::ostream& out);

/// The option's text value, or the fallback when it is absent.
std::string optionOr(const CommandArgs& a, const std::string& name, const std::string& fallback);

/// The option's text value (or fallback), which must be one of allowed: InputError naming --name.
std::string choiceOf(const boost::program_options::variables_map& values, const std::string& name,
                     const std::string& fallback, const std::vector<std::string>& allowed);

} // namespace cityfin::cli
