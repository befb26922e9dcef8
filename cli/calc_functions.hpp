#pragma once
// The functions of `cityfin calc`: their options and how each turns arguments into a report.
// Every figure comes from finance/; nothing is computed here.

#include "cli/calc_arguments.hpp"
#include "cli/calc_report.hpp"

#include <functional>
#include <string>
#include <vector>

namespace cityfin::cli {

struct CalcOption {
    std::string name;
    std::string help;
};

struct CalcFunction {
    std::string name;
    std::string usage;    ///< the synopsis line
    std::string summary;
    std::vector<CalcOption> options;
    bool takesFlows = false;
    std::function<CalcReport(const CalcArguments&)> compute;
};

const std::vector<CalcFunction>& calcFunctions();

// Reports of the fixed-income functions (calc_fixed_income.cpp).
CalcReport annuityReport(const std::string& function, const CalcArguments& args);
CalcReport bondReport(const CalcArguments& args);

} // namespace cityfin::cli
