#include "cli/app.hpp"

#include "cli/assess_command.hpp"
#include "cli/calc_command.hpp"
#include "cli/case_commands.hpp"
#include "cli/planb_command.hpp"
#include "cli/solve_command.hpp"
#include "cli/risk_command.hpp"
#include "cli/sensitivity_command.hpp"
#include "finance/errors.hpp"
#ifdef CITYFIN_HAVE_REPORT
#include "report/report_command.hpp"
#endif

#include <boost/program_options/errors.hpp>

#include <exception>
#include <functional>
#include <map>

namespace cityfin::cli {
namespace {

using Command = std::function<int(const std::vector<std::string>&, std::ostream&, std::ostream&)>;

const std::map<std::string, std::pair<Command, std::string>>& commands() {
    static const std::map<std::string, std::pair<Command, std::string>> table = {
        {"assess", {runAssess, "maturity ladder: a level per characteristic from a city's answers (seed annexes 1-2)"}},
        {"calc", {runCalc, "financial calculator: NPV, IRR, MIRR, XNPV, XIRR, PMT, payback, bonds"}},
        {"compare", {runCompare, "compare every structure of a case and rank them for a perspective"}},
        {"evaluate", {runEvaluate, "evaluate a case's structures: ledgers per party and metrics"}},
        {"planb", {runPlanB, "evaluate the case's plans in order and fall back to Plan B when Plan A fails"}},
        {"solve", {runSolve, "break-even: the input value at which a metric reaches a target"}},
        {"risk", {runRisk, "Monte Carlo over every structure: distributions, rule probabilities, risk borne, VfM"}},
        {"sensitivity", {runSensitivity, "tornado: each risk from P10 to P90 (or +-x%), the swing of a metric"}},
#ifdef CITYFIN_HAVE_REPORT
        {"report", {report::runReport, "write a case's workbook (XLSX), chart images (PNG, PDF) and summary (HTML)"}},
#endif
        {"validate", {runValidate, "check a case file"}},
    };
    return table;
}

void printUsage(std::ostream& out) {
    out << "Usage: cityfin <command> [options]\n\n"
           "cityfin compares ways of financing a smart-city project.\n\nCommands:\n";
    for (const auto& [name, entry] : commands()) out << "  " << name << "  " << entry.second << "\n";
    out << "\nRun 'cityfin <command> --help' for the options of a command.\n"
           "Exit codes: 0 ok, 1 internal error, 2 bad input.\n";
}

} // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printUsage(args.empty() ? err : out);
        return args.empty() ? BadInput : Ok;
    }
    const auto found = commands().find(args[0]);
    if (found == commands().end()) {
        err << "cityfin: unknown command '" << args[0] << "'\n";
        printUsage(err);
        return BadInput;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    try {
        return found->second.first(rest, out, err);
    } catch (const InputError& e) {
        err << "cityfin " << args[0] << ": error: " << e.what() << "\n";
        return BadInput;
    } catch (const boost::program_options::error& e) {
        err << "cityfin " << args[0] << ": error: " << e.what() << "\n";
        return BadInput;
    } catch (const std::exception& e) {
        err << "cityfin " << args[0] << ": internal error: " << e.what() << "\n";
        return InternalError;
    }
}

} // namespace cityfin::cli
