#pragma once
// Break-even solving on a case: the value of one input at which a metric of one structure reaches a
// target ("the tariff at which equity IRR meets the hurdle", "the subsidy at which min DSCR meets the
// covenant"), by finance::solveBreakEven (QuantLib Brent). No root in range is an answer, not an error.
// Inputs are named (kInputs) or JSON paths into the case. Method: docs/methodology/solve.md.

#include "finance/answer.hpp"
#include "models/case_file.hpp"
#include "models/evaluation.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cityfin::models::plans {

struct NamedInput {
    std::string_view name;
    std::string_view meaning;
    double lo, hi;  ///< default search range
};

/// tariff_factor, demand_factor, capex_factor, saving_fraction, construction_subsidy_share,
/// unitary_charge_factor, scale, opex_factor; the scenario's interest_rate_shift, inflation_shift,
/// availability_shortfall, payment_shortfall (set, not multiplied).
const std::vector<NamedInput>& namedInputs();

/// equity_irr, project_irr, min_dscr, llcr, city_present_cost, city_peak_outlay, npv.<party id>.
const std::vector<std::string_view>& metricNames();

/// The metric of an evaluation; empty when it does not exist (no equity IRR, no debt). InputError for
/// an unknown name.
std::optional<double> metricValue(const Evaluation& e, const std::string& metric);

/// The case with the input set to x for the structure. An input is a name of namedInputs() (factors
/// multiply the case's own figures) or a JSON path into the case file, with structures addressed by id:
/// "project.revenues[0].unit_price", "structures[bot].support.construction_subsidy_share".
Case withInput(const Case& c, const std::string& structureId, const std::string& input, double x);

/// The input's value in the case as it stands (1 for a factor).
double currentInput(const Case& c, const std::string& structureId, const std::string& input);

struct BreakEven {
    std::string structureId, metric, input;
    double target = 0.0, lo = 0.0, hi = 0.0;
    std::optional<double> baseMetric;  ///< the metric as the case stands
    double baseInput = 0.0;
    finance::Answer answer;            ///< the input value; no value: why (no root in [lo, hi], ...)
};

/// Solves metric(structure, input = x) = target over [lo, hi] (the input's default range when not
/// given). A scenario where the metric does not exist counts as not finite for the solver.
BreakEven solveCase(const Case& c, const std::string& structureId, const std::string& metric, double target,
                    const std::string& input, std::optional<double> lo = {}, std::optional<double> hi = {});

/// Evaluates the one structure of the case (with its social return when the case has outcomes).
Evaluation evaluateStructure(const Case& c, const std::string& structureId);

} // namespace cityfin::models::plans
