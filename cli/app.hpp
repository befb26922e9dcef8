#pragma once
// The `cityfin` command: reads the subcommand and hands the rest of the arguments to it.

#include <ostream>
#include <string>
#include <vector>

namespace cityfin::cli {

/// Exit codes of every subcommand.
enum ExitCode : int { Ok = 0, InternalError = 1, BadInput = 2 };

/// Runs `cityfin <args...>` (args without the program name); output to out, messages to err.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace cityfin::cli
