#include "cli/planb_command.hpp"

#include "cli/app.hpp"
#include "cli/command_arguments.hpp"
#include "finance/errors.hpp"
#include "models/case_file.hpp"
#include "models/number_format.hpp"
#include "models/plans/plan_chain.hpp"
#include "models/plans/plan_risk.hpp"

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>

namespace po = boost::program_options;

namespace cityfin::cli {
namespace {

// The margin in the rule's own unit, signed ("+0.53x", "-1.58 pts", "CNY -45,000,000").
std::string marginText(const models::plans::RuleResult& r, const std::string& currency) {
    using models::plans::RuleUnit;
    std::string text(r.margin >= 0 ? "+" : "");
    switch (r.unit) {
    case RuleUnit::Rate: return text.append(models::formatFixed(r.margin * 100.0, 2)).append(" pts");
    case RuleUnit::Probability: return text.append(models::formatFixed(r.margin * 100.0, 1)).append(" pts");
    case RuleUnit::Cover: return text.append(models::formatFixed(r.margin, 2)).append("x");
    case RuleUnit::Money: break;
    }
    return models::formatMoney(r.margin, currency);
}

void printTable(const models::plans::PlanChain& chain, std::ostream& out) {
    for (std::size_t i = 0; i < chain.steps.size(); ++i) {
        const auto& s = chain.steps[i];
        out << s.plan.label << " [" << s.plan.structureId << "]: " << (s.feasible ? "feasible" : "fails") << "\n";
        for (const auto& r : s.rules) {
            out << "  " << (r.holds ? "ok  " : "FAIL") << "  " << r.id << "  margin " << marginText(r, chain.currency) << "\n";
            for (const auto& u : r.underRisk)
                out << "          " << u.id << " holds in " << models::formatPercent(u.probability, 1) << " of the scenarios"
                    << (u.counted ? "" : " (reported, not counted)") << "\n";
        }
        out << "\n" << s.memo << "\n\n";
    }
    out << chain.conclusion << "\n";
}

} // namespace

int runPlanB(const std::vector<std::string>& args, std::ostream& out, std::ostream&) {
    po::options_description options("Options");
    options.add_options()(
        "paths", po::value<int>()->default_value(5000), "Monte Carlo paths per plan for the risk rule (cases with a risk register)")(
        "seed", po::value<unsigned>()->default_value(1), "seed of the Monte Carlo")("no-mend", "do not search break-even values for failing rules")(
        "lang", po::value<std::string>(), "language of the memo: en (default) or zh");
    const auto a = parseCommandArgs({.command = "planb", .synopsis = "CASE [options]",
                                     .summary = "Evaluates the case's plans in order against the feasibility rules, says what would "
                                     "mend each failing rule, and ends with the first feasible plan.",
                                     .formats = {"table", "json"}},
                                    args, options, out);
    if (!a) return Ok;
    const po::variables_map& vm = a->values;
    const std::string& format = a->format;
    if (vm["paths"].as<int>() < 1) throw InputError("--paths", std::to_string(vm["paths"].as<int>()), "a whole number >= 1");
    const models::Case c = models::loadCaseFile(a->input);
    models::plans::ChainOptions chainOptions;
    chainOptions.solveMends = !vm.count("no-mend");
    chainOptions.language = choiceOf(vm, "lang", "en", {"en", "zh"});
    models::RiskOptions riskOptions;
    riskOptions.paths = static_cast<std::size_t>(vm["paths"].as<int>());
    riskOptions.seed = vm["seed"].as<unsigned>();
    chainOptions.risk = models::plans::riskProbabilityFor(c, riskOptions);
    const auto chain = models::plans::runPlanChain(c, chainOptions);
    if (format == "json") out << models::plans::planChainJson(chain).dump(2) << "\n";
    else printTable(chain, out);
    return Ok;
}

} // namespace cityfin::cli
