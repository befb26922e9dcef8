#pragma once
// Runs the `cityfin` command in-process and captures what it prints.

#include "cli/app.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace cityfin::test {

struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;
};

inline CliRun runCli(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    CliRun run;
    run.exitCode = cli::run(args, out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

} // namespace cityfin::test
