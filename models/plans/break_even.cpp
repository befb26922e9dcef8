#include "models/plans/break_even.hpp"

#include "finance/errors.hpp"
#include "finance/solver.hpp"
#include "models/case_evaluation.hpp"
#include "models/number_format.hpp"
#include "models/party.hpp"
#include "models/plans/plan.hpp"
#include "models/ppp_spending.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cityfin::models::plans {
namespace {

Structure& structureOf(Case& c, const std::string& id) {
    for (Structure& s : c.structures)
        if (s.id == id) return s;
    throw InputError("--structure", "\"" + id + "\"", "the id of one of the case's structures");
}

// "structures[bot].support.x" -> JSON pointer "/structures/2/support/x".
nlohmann::json::json_pointer pointerOf(const Case& c, const std::string& path) {
    std::string pointer;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '.') { ++i; continue; }
        if (path[i] == '[') {
            const std::size_t close = path.find(']', i);
            if (close == std::string::npos) throw InputError("--vary", path, "a JSON path such as project.capex[0]");
            const std::string key = path.substr(i + 1, close - i - 1);
            const bool index = !key.empty() && std::all_of(key.begin(), key.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
            if (index) pointer.append("/").append(key);
            else {
                const auto s = std::find_if(c.structures.begin(), c.structures.end(), [&](const Structure& x) { return x.id == key; });
                if (s == c.structures.end()) throw InputError("--vary", path, "structures[ID] with the id of one of the case's structures");
                pointer.append("/").append(std::to_string(s - c.structures.begin()));
            }
            i = close + 1;
            continue;
        }
        const std::size_t end = path.find_first_of(".[", i);
        pointer.append("/").append(path.substr(i, end == std::string::npos ? std::string::npos : end - i));
        i = end == std::string::npos ? path.size() : end;
    }
    return nlohmann::json::json_pointer(pointer);
}

bool isNamed(const std::string& input) {
    const auto& all = namedInputs();
    return std::any_of(all.begin(), all.end(), [&](const NamedInput& n) { return n.name == input; });
}

void checkInput(const std::string& input) {
    if (isNamed(input) || input.find('.') != std::string::npos) return;
    std::string names;
    for (const auto& n : namedInputs()) names += (names.empty() ? "" : ", ") + std::string(n.name);
    throw InputError("--vary", "\"" + input + "\"", "one of " + names + ", or a JSON path such as project.revenues[0].unit_price");
}

} // namespace

const std::vector<NamedInput>& namedInputs() {
    static const std::vector<NamedInput> inputs = {
        {"tariff_factor", "multiplies every revenue stream's unit price (tariffs, fees)", 0.1, 10.0},
        {"demand_factor", "multiplies every revenue stream's volume", 0.1, 10.0},
        {"capex_factor", "multiplies capex in every construction year (1.2 = a 20% overrun)", 0.1, 5.0},
        {"saving_fraction", "sets every energy saving's fraction of the baseline", 0.0, 1.0},
        {"construction_subsidy_share", "the structure's construction subsidy, share of capex", 0.0, 1.0},
        {"unitary_charge_factor", "multiplies the PPP's first-year unitary charge (as solved or given)", 0.1, 5.0},
        {"scale", "the plan's scope: capex, opex, volumes and baselines together", 0.01, 1.0},
        {"opex_factor", "multiplies operating costs (on top of the case's scenario)", 0.1, 5.0},
        {"capex_overrun", "multiplies capex after financial close (the scenario's capex factor): bids and debt stay as signed",
         0.1, 5.0},
        // The same after close for the revenue side: what the bids and the debt were priced on stays.
        {"demand_outturn", "multiplies revenue volumes after financial close (the scenario's demand factor): bids and debt stay as signed",
         0.1, 5.0},
        {"price_outturn", "multiplies tariffs and energy prices after financial close (the scenario's price factor)", 0.1, 5.0},
        {"savings_outturn", "multiplies energy savings after financial close (the scenario's savings factor)", 0.0, 2.0},
        // The scenario's shifts and shortfalls, set (not multiplied): their neutral value is 0.
        {"interest_rate_shift", "rise of floating rates after close on each debt's floating share (0.02 = +2 points)", -0.05, 0.15},
        {"inflation_shift", "inflation above the case's (nominal cases only)", -0.05, 0.15},
        {"availability_shortfall", "share of the service unavailable beyond the expected", 0.0, 1.0},
        {"payment_shortfall", "share of the city's payments to the private side left unpaid", 0.0, 1.0},
    };
    return inputs;
}

const std::vector<std::string_view>& metricNames() {
    static const std::vector<std::string_view> names = {"equity_irr", "project_irr", "min_dscr", "llcr", "city_present_cost",
                                                        "city_peak_outlay", "ppp_spending_peak", "npv.government", "npv.private", "npv.lenders",
                                                        "npv.users", "npv.funders"};
    return names;
}

std::optional<double> metricValue(const Evaluation& e, const std::string& metric) {
    if (metric == "equity_irr") return e.equityIrr.value;
    if (metric == "project_irr") return e.projectIrr.value;
    if (metric == "min_dscr") return e.minDscr;
    if (metric == "llcr") return e.llcr;
    if (metric == "city_present_cost") return e.cityPresentCost;
    if (metric == "city_peak_outlay") return e.cityPeakOutlay;
    if (metric == "ppp_spending_peak") return e.pppSpendingPeak;  // a PPP's only
    if (metric.rfind("npv.", 0) == 0)
        for (Party p : kParties)
            if (metric.substr(4) == partyId(p)) return e.party(p).npv;
    std::string names;
    for (auto n : metricNames()) names += (names.empty() ? "" : ", ") + std::string(n);
    throw InputError("--target", "\"" + metric + "\"", "one of " + names);
}

Evaluation evaluateStructure(const Case& c, const std::string& structureId) {
    Case one = c;
    const Structure s = structureOf(one, structureId);
    auto evals = evaluateCase(c, {s});
    return std::move(evals.front());
}

Case withInput(const Case& c, const std::string& structureId, const std::string& input, double x) {
    checkInput(input);
    Case out = c;
    Structure& s = structureOf(out, structureId);
    if (input == "tariff_factor") for (auto& r : out.project.revenues) r.unitPrice *= x;
    else if (input == "demand_factor") for (auto& r : out.project.revenues) r.annualVolume *= x;
    else if (input == "capex_factor") for (double& k : out.project.capex) k *= x;
    else if (input == "saving_fraction") for (auto& e : out.project.energySavings) e.savingFraction = x;
    else if (input == "construction_subsidy_share") s.support.constructionSubsidyShare = x;
    else if (input == "scale") out.project = applyScope(out.project, PlanScope{x, 1.0, std::nullopt});
    else if (input == "opex_factor") out.scenario.opexFactor = c.scenario.opexFactor * x;
    else if (input == "capex_overrun") out.scenario.capexFactor = c.scenario.capexFactor * x;
    else if (input == "demand_outturn") out.scenario.demandFactor = c.scenario.demandFactor * x;
    else if (input == "price_outturn") out.scenario.priceFactor = c.scenario.priceFactor * x;
    else if (input == "savings_outturn") out.scenario.savingsFactor = c.scenario.savingsFactor * x;
    else if (input == "interest_rate_shift") out.scenario.interestRateShift = x;
    else if (input == "inflation_shift") {
        if (c.project.basis == PriceBasis::Real)  // said at once, not as "no root" after a scan
            throw InputError("--vary", "inflation_shift", "a case in nominal terms (this one is in real terms)");
        out.scenario.inflationShift = x;
    }
    else if (input == "availability_shortfall") out.scenario.availabilityShortfall = x;
    else if (input == "payment_shortfall") out.scenario.paymentShortfall = x;
    else if (input == "unitary_charge_factor") {
        auto* ppp = std::get_if<PppAvailabilityTerms>(&s.terms);
        if (!ppp) throw InputError("--vary", "unitary_charge_factor", "a PPP availability structure (structure '" + structureId + "' is not one)");
        double base = ppp->unitaryCharge.value_or(0.0);
        if (!ppp->unitaryCharge) {
            const Evaluation e = evaluateStructure(c, structureId);
            for (const auto& t : e.outcome.solved)
                if (t.id == "unitary_charge") base = t.value;  // the solved first-year charge
        }
        ppp->unitaryCharge = base * x;
    } else {
        nlohmann::json j = nlohmann::json::parse(caseToJson(out));
        const auto pointer = pointerOf(out, input);
        if (!j.contains(pointer) || !j.at(pointer).is_number())
            throw InputError("--vary", input, "the path of a number present in the case file");
        j[pointer] = x;
        out = parseCase(j.dump());
    }
    return out;
}

double currentInput(const Case& c, const std::string& structureId, const std::string& input) {
    checkInput(input);
    if (input == "saving_fraction") return c.project.energySavings.empty() ? 0.0 : c.project.energySavings.front().savingFraction;
    if (input == "construction_subsidy_share") {
        Case copy = c;
        return structureOf(copy, structureId).support.constructionSubsidyShare;
    }
    if (input == "interest_rate_shift") return c.scenario.interestRateShift;
    if (input == "inflation_shift") return c.scenario.inflationShift;
    if (input == "availability_shortfall") return c.scenario.availabilityShortfall;
    if (input == "payment_shortfall") return c.scenario.paymentShortfall;
    if (isNamed(input)) return 1.0;
    const nlohmann::json j = nlohmann::json::parse(caseToJson(c));
    const auto pointer = pointerOf(c, input);
    if (!j.contains(pointer) || !j.at(pointer).is_number()) throw InputError("--vary", input, "the path of a number present in the case file");
    return j.at(pointer).get<double>();
}

BreakEven solveCase(const Case& c, const std::string& structureId, const std::string& metric, double target,
                    const std::string& input, std::optional<double> lo, std::optional<double> hi) {
    BreakEven b;
    b.structureId = structureId;
    b.metric = metric;
    b.input = input;
    b.target = target;
    b.baseInput = currentInput(c, structureId, input);
    const Evaluation base = evaluateStructure(c, structureId);
    if (metric == "ppp_spending_peak" && !isPppKind(base.kind))
        throw InputError("--target", "ppp_spending_peak",
                         "a PPP structure (availability payments, concession, revenue sharing); '" + structureId + "' is " + base.kind);
    b.baseMetric = metricValue(base, metric);
    (void)withInput(c, structureId, input, b.baseInput);  // an input the structure lacks is an error, not "no root"
    double defLo = 0.0, defHi = 0.0;
    for (const auto& n : namedInputs())
        if (n.name == input) defLo = n.lo, defHi = n.hi;
    if (!isNamed(input)) defLo = std::min(0.0, b.baseInput * 0.1), defHi = std::max(1.0, std::abs(b.baseInput) * 10.0);
    b.lo = lo.value_or(defLo);
    b.hi = hi.value_or(defHi);
    if (!(b.lo < b.hi)) throw InputError("--range", std::to_string(b.lo) + ":" + std::to_string(b.hi), "LO:HI with LO < HI");
    const auto f = [&](double x) {
        try {
            const auto v = metricValue(evaluateStructure(withInput(c, structureId, input, x), structureId), metric);
            return v ? *v : std::numeric_limits<double>::quiet_NaN();
        } catch (const InputError&) {  // an input value the model rejects (a share above 1, ...)
            return std::numeric_limits<double>::quiet_NaN();
        }
    };
    // Scan first, skipping points where the metric does not exist (the solver would stop at them),
    // then let Brent polish the lowest bracket found.
    constexpr int kGrid = 24;
    std::optional<std::pair<double, double>> previous, bracket;
    int signChanges = 0;
    for (int k = 0; k <= kGrid; ++k) {
        const double x = b.lo + (b.hi - b.lo) * k / kGrid;
        const double y = f(x);
        if (!std::isfinite(y)) continue;
        if (y == target) { bracket = {x, x}; break; }
        if (previous && (previous->second - target) * (y - target) < 0.0) {
            ++signChanges;
            if (!bracket) bracket = {previous->first, x};
        }
        previous = {x, y};
    }
    if (!bracket) {
        b.answer.reason = "no value of " + input + " from " + formatFixed(b.lo, 4) + " to " + formatFixed(b.hi, 4) +
                          " brings " + metric + " to the target";
        return b;
    }
    if (bracket->first == bracket->second) {
        b.answer.value = bracket->first;
        return b;
    }
    finance::SolverOptions options;
    options.accuracy = 1e-9 * std::max(1.0, b.hi - b.lo);
    options.gridPoints = 2;
    options.maxEvaluations = 60;
    b.answer = finance::solveBreakEven(f, target, bracket->first, bracket->second, options);
    if (signChanges > 1)
        b.answer.warnings.push_back(std::to_string(signChanges) + " crossings of the target in the range; the lowest is given");
    return b;
}

} // namespace cityfin::models::plans
