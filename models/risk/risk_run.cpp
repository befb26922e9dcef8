#include "models/risk/risk_run.hpp"

#include "models/risk/scenario_metrics.hpp"

#include "finance/errors.hpp"
#include "finance/metrics.hpp"
#include "finance/scenario_runner.hpp"
#include "models/compare.hpp"
#include "models/ppp_spending.hpp"
#include "models/private_finance.hpp"
#include "models/structures/booking.hpp"
#include "models/structures/build.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace cityfin::models {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kRuleTolerance = 1e-6;  // as models/compare.cpp
constexpr std::size_t kMaxPaths = 100'000'000;

constexpr std::array<std::string_view, kRiskMetricCount> metricIds{
    "npv_government", "npv_private", "npv_lenders", "npv_users", "npv_funders",
    "pv_government", "pv_private", "pv_lenders", "pv_users", "pv_funders",
    "equity_irr", "min_dscr", "city_present_cost", "city_peak_outlay", "guarantee_pv", "rules_hold",
    "social_value", "economic_npv", "ppp_spending_peak"};

using detail::quantLibMutex;

Evaluation evaluateSafely(const Project& project, const Structure& s, const Scenario& scenario) {
    if (std::holds_alternative<GreenBondTerms>(s.terms)) {
        std::lock_guard<std::mutex> lock(quantLibMutex());
        return evaluate(project, s, scenario);
    }
    return evaluate(project, s, scenario);
}

} // namespace

namespace detail {

// QuantLib's bond objects register with the process-wide Settings (not thread-safe in Debian's
// build): the green bond's mechanics run one at a time. Results do not depend on the order.
std::mutex& quantLibMutex() {
    static std::mutex m;
    return m;
}

std::size_t partyIndex(Party p) {
    return static_cast<std::size_t>(std::find(kParties.begin(), kParties.end(), p) - kParties.begin());
}

bool hasFlows(std::span<const double> flows) {
    return std::any_of(flows.begin(), flows.end(), [](double x) { return x != 0.0; });
}

double peakOf(std::span<const double> payments) {
    double peak = 0.0;
    for (double x : payments) peak = std::max(peak, x);
    return peak;
}

void metricsInto(const Project& project, const ScenarioFigures& p, const std::vector<RuleProbability>& rules,
                 std::span<double> m) {
    std::fill(m.begin(), m.end(), kNaN);
    for (std::size_t i = 0; i < kParties.size(); ++i) {
        m[i] = p.npv[i];
        const double publicRate = project.rates.publicRate;
        m[kParties.size() + i] = p.npvRate[i] == publicRate ? p.npv[i] : finance::npv(publicRate, p.flows[i]);
    }
    const auto at = [&](RiskMetric k) -> double& { return m[static_cast<std::size_t>(k)]; };
    if (p.equityIrr) at(RiskMetric::EquityIrr) = *p.equityIrr;
    if (p.minDscr) at(RiskMetric::MinDscr) = *p.minDscr;
    at(RiskMetric::CityPresentCost) = p.cityPresentCost;
    at(RiskMetric::CityPeakOutlay) = p.cityPeakOutlay;
    at(RiskMetric::GuaranteePv) = p.guaranteePv;
    if (p.socialValue) at(RiskMetric::SocialValue) = *p.socialValue;
    if (p.economicNpv) at(RiskMetric::EconomicNpv) = *p.economicNpv;
    if (p.pppSpendingPeak) at(RiskMetric::PppSpendingPeak) = *p.pppSpendingPeak;
    bool all = true;
    for (const RuleProbability& r : rules) {
        // No equity IRR fails the hurdle (as basicRules); a DSCR left undefined is not a breach.
        if (r.id == "equity_irr_hurdle") all = all && p.equityIrr && *p.equityIrr >= r.threshold - kRuleTolerance;
        if (r.id == "min_dscr_covenant") all = all && (!p.minDscr || *p.minDscr >= r.threshold - kRuleTolerance);
    }
    at(RiskMetric::RulesHold) = all ? 1.0 : 0.0;
    // A sum that is zero in exact arithmetic (a lender's NPV at its own rate) comes out as rounding
    // residue of ~1e-8 whose sign and size depend on the order of the additions; below a trillionth
    // of the capex no figure means anything, so it is zero, and its distribution is a point.
    const double residue = 1e-12 * std::max(1.0, project.totalCapex());
    for (RiskMetric k : {RiskMetric::CityPresentCost, RiskMetric::CityPeakOutlay, RiskMetric::GuaranteePv,
                         RiskMetric::SocialValue, RiskMetric::EconomicNpv, RiskMetric::PppSpendingPeak})
        if (std::abs(at(k)) <= residue) at(k) = 0.0;
    for (std::size_t i = 0; i < 2 * kParties.size(); ++i)
        if (std::abs(m[i]) <= residue) m[i] = 0.0;
}

} // namespace detail

using detail::hasFlows;
using detail::partyIndex;

std::string_view riskMetricId(RiskMetric m) { return metricIds[static_cast<std::size_t>(m)]; }

RiskMetric riskMetricFromId(const std::string& id) {
    for (std::size_t i = 0; i < metricIds.size(); ++i)
        if (metricIds[i] == id) return static_cast<RiskMetric>(i);
    std::string all;
    for (auto m : metricIds) all += (all.empty() ? "" : ", ") + std::string(m);
    throw InputError("--metric", "\"" + id + "\"", "one of " + all);
}

RiskMetric npvMetric(Party p) { return static_cast<RiskMetric>(partyIndex(p)); }
RiskMetric pvMetric(Party p) { return static_cast<RiskMetric>(kParties.size() + partyIndex(p)); }

std::vector<Structure> fixTermsAtClose(const Project& project, const std::vector<Structure>& structures) {
    std::vector<Structure> fixed = structures;
    for (Structure& s : fixed) {
        const Evaluation e = evaluateSafely(project, s, Scenario{});  // terms are solved on the forecast
        for (const SolvedTerm& t : e.outcome.solved) {
            if (auto* ppp = std::get_if<PppAvailabilityTerms>(&s.terms); ppp && t.id == "unitary_charge")
                ppp->unitaryCharge = t.value;
            if (auto* espc = std::get_if<EspcTerms>(&s.terms); espc && t.id == "esco_share") espc->escoShare = t.value;
            if (auto* payg = std::get_if<PayAsYouGoTerms>(&s.terms); payg && t.id == "annual_service_fee")
                payg->annualServiceFee = t.value;
        }
        // A shared-savings share that could not be solved falls back to 100% or 0% (notes of
        // models/structures/espc.cpp): that is the contract's term too, or each scenario would
        // solve a share of its own. The base ledger says which: a savings-share line or none.
        if (auto* espc = std::get_if<EspcTerms>(&s.terms);
            espc && espc->variant == EspcTerms::Variant::SharedSavings && !espc->escoShare)
            espc->escoShare = anyNonZero(e.outcome.ledger.lineTotal(Party::Private, LineKind::SavingsShare)) ? 1.0 : 0.0;
    }
    return fixed;
}

std::vector<RuleProbability> applicableRules(const Evaluation& base) {
    std::vector<RuleProbability> rules;
    for (const RuleCheck& r : basicRules(base)) {
        RuleProbability p;
        p.id = r.id;
        if (r.id == "equity_irr_hurdle") p.threshold = base.outcome.privateRate;
        else if (r.id == "min_dscr_covenant") p.threshold = *base.outcome.debt->targetDscr;
        rules.push_back(p);
    }
    return rules;
}

namespace {

} // namespace

std::vector<double> riskMetrics(const Project& project, const Evaluation& e, const std::vector<RuleProbability>& rules) {
    detail::ScenarioFigures p;
    for (std::size_t i = 0; i < kParties.size(); ++i) {
        p.flows[i] = e.party(kParties[i]).flows;
        p.npv[i] = e.party(kParties[i]).npv;
    }
    p.equityIrr = e.equityIrr.value;
    p.minDscr = e.minDscr;
    p.cityPresentCost = e.cityPresentCost;
    p.cityPeakOutlay = e.cityPeakOutlay;
    p.guaranteePv = e.guaranteePaymentsPv;
    p.pppSpendingPeak = e.pppSpendingPeak;
    if (e.social) {
        p.socialValue = e.social->presentValue;
        p.economicNpv = e.social->economicNpv;
    }
    std::vector<double> m(kRiskMetricCount);
    detail::metricsInto(project, p, rules, m);
    return m;
}

namespace {

// scenarioMetrics on the scenario's flows (computed once per scenario for every structure).
void scenarioMetricsInto(const Project& project, const ProjectFlows& flows, const Structure& structure,
                         const std::vector<RuleProbability>& rules, const ScenarioOutcomes* social,
                         std::span<double> out) {
    const StructureOutcome outcome = [&] {
        if (!std::holds_alternative<GreenBondTerms>(structure.terms)) return buildOutcome(project, flows, structure);
        std::lock_guard<std::mutex> lock(quantLibMutex());
        return buildOutcome(project, flows, structure);
    }();
    std::array<std::vector<double>, kParties.size()> flowsOf;
    detail::ScenarioFigures p;
    for (std::size_t i = 0; i < kParties.size(); ++i) {
        const Party party = kParties[i];
        flowsOf[i] = outcome.ledger.partyFlows(party);
        p.flows[i] = flowsOf[i];
        const double rate = party == Party::Private ? outcome.privateRate
                            : party == Party::Lenders && outcome.debt ? lendersRate(*outcome.debt, flows.interestRateShift)
                                                                      : project.rates.publicRate;
        p.npv[i] = finance::npv(rate, p.flows[i]);
    }
    const auto& equity = p.flows[partyIndex(Party::Private)];
    if (hasFlows(equity)) {
        if (finance::startsWithOutlay(equity) && !privateFundsNoCapital(structure.terms)) p.equityIrr = finance::irr(equity).value;
        if (outcome.debt && outcome.debt->cover) p.minDscr = outcome.debt->cover->minDscr;
    }
    const auto& city = p.flows[partyIndex(Party::Government)];
    p.cityPresentCost = -p.npv[partyIndex(Party::Government)];
    for (double x : city) p.cityPeakOutlay = std::max(p.cityPeakOutlay, -x);
    p.guaranteePv = finance::npv(project.rates.publicRate, outcome.ledger.lineTotal(Party::Private, LineKind::RevenueGuarantee));
    if (isPppKind(structureKind(structure.terms))) p.pppSpendingPeak = detail::peakOf(pppPayments(outcome.ledger));
    if (social && social->outcomes && !social->outcomes->empty()) {
        const SocialReturn s = socialReturn(project, flows, outcome, *social->outcomes, *social->carbonPrice, social->factors);
        p.socialValue = s.presentValue;
        p.economicNpv = s.economicNpv;
    }
    detail::metricsInto(project, p, rules, out);
}

} // namespace

std::vector<double> scenarioMetrics(const Project& project, const Structure& structure, const Scenario& scenario,
                                    const std::vector<RuleProbability>& rules, const ScenarioOutcomes* social) {
    std::vector<double> m(kRiskMetricCount);
    scenarioMetricsInto(project, projectFlows(project, scenario), structure, rules, social, m);
    return m;
}

namespace {

// The stored samples, S x M series of `paths` zeros (1.4 GB for 10^6 scenarios of nine structures):
// sized on the run's threads, each series by one, as their zero-filling and first touch of the
// memory take a tenth of a 10^6-scenario run when done on one thread. Series are built one by
// one, not copied from a prototype (a copy touches the memory twice).
std::vector<std::vector<std::vector<double>>> emptySamples(std::size_t S, std::size_t M, std::size_t paths,
                                                           unsigned threads) {
    std::vector<std::vector<std::vector<double>>> samples(S, std::vector<std::vector<double>>(M));
    const std::size_t series = S * M;
    const std::size_t workers = series * paths < (std::size_t{1} << 22) ? 1 : std::min<std::size_t>(finance::resolveThreadCount(threads), series);
    std::vector<std::exception_ptr> errors(workers);
    const auto size = [&](std::size_t part) {
        try {
            for (std::size_t i = part; i < series; i += workers) samples[i / M][i % M].resize(paths);
        } catch (...) {
            errors[part] = std::current_exception();
        }
    };
    {
        std::vector<std::jthread> pool;
        for (std::size_t part = 1; part < workers; ++part) pool.emplace_back(size, part);
        size(0);
    }  // joined here
    for (const std::exception_ptr& e : errors)
        if (e) std::rethrow_exception(e);
    return samples;
}

} // namespace

std::vector<std::vector<std::vector<double>>> simulateMetrics(const Project& project, const Scenario& base,
                                                              const std::vector<Structure>& fixed,
                                                              const RiskRegister& reg, const RiskOptions& options,
                                                              const std::vector<bool>* active) {
    if (options.paths < 1 || options.paths > kMaxPaths)
        throw InputError("paths", std::to_string(options.paths), "from 1 to 100000000 scenarios");
    if (reg.empty()) throw InputError("risks", "an empty register", "at least one risk to simulate");
    validateRegisterForProject(reg, project);
    std::vector<finance::Distribution> drivers;
    for (const Risk& r : reg.risks) drivers.push_back(r.distribution);
    const auto method = options.sobol ? finance::SamplingMethod::Sobol : finance::SamplingMethod::MersenneTwister;
    const finance::ScenarioSampler sampler(drivers, riskCorrelation(reg), method, options.seed);

    std::vector<std::vector<RuleProbability>> rules;
    std::vector<std::optional<ScenarioKernel>> kernels;
    const bool withOutcomes = options.outcomes && !options.outcomes->empty();
    static const std::vector<CarbonPricePoint> noCarbonPrice;
    for (const Structure& s : fixed) {
        rules.push_back(applicableRules(evaluateSafely(project, s, base)));
        kernels.push_back(ScenarioKernel::make(project, s));
    }
    const std::size_t S = fixed.size(), M = kRiskMetricCount;
    // What every scenario shares: the forecast the structures size on at close.
    const auto forecast = std::make_shared<const ProjectFlows>(projectFlows(project));
    // Each block draws its scenarios (finance::runScenarios' scheme) and writes each scenario's
    // metrics straight into the stored samples: no second copy of them, no serial transposition.
    finance::validateRun(options.paths, S * M);
    std::vector<std::vector<std::vector<double>>> samples = emptySamples(S, M, options.paths, options.threads);
    const std::size_t d = sampler.driverCount();
    finance::forEachScenarioBlock(
        options.paths, options.threads,
        [&](std::size_t first, std::size_t count) {
            const std::vector<double> draws = sampler.sample(first, count);
            const ForecastSizingMemo memo;  // the debt sized on the forecast, once per thread and financing
            // The metrics of up to kBatch scenarios (83 KB for nine structures), then copied series by
            // series into the stored samples: each series gets kBatch consecutive values at once, not
            // one value of 162 series (162 pages) per scenario.
            constexpr std::size_t kBatch = 64;
            std::vector<double> out(kBatch * S * M);
            const auto store = [&](std::size_t from, std::size_t n) {
                for (std::size_t s = 0; s < S; ++s)
                    for (std::size_t m = 0; m < M; ++m) {
                        double* series = samples[s][m].data() + first + from;
                        for (std::size_t j = 0; j < n; ++j) series[j] = out[j * S * M + s * M + m];
                    }
            };
            ProjectFlows flows;  // each scenario's, in the block's storage
            flows.forecast = forecast;
            for (std::size_t k = 0; k < count; ++k) {
                if (options.cancel && options.cancel->load(std::memory_order_relaxed)) throw RunCancelled();
                const double* draw = &draws[k * d];
                Scenario sc = applyDraws(base, reg, draw, active);
                sc.delayYears = std::min(sc.delayYears, std::max(0, project.operatingYears - 1));
                projectFlowsInto(project, sc, flows);
                ScenarioOutcomes social{options.outcomes, options.carbonPrice ? options.carbonPrice : &noCarbonPrice,
                                        outcomeFactorsFromDraws(reg, draw, active)};
                const std::size_t j = k % kBatch;
                for (std::size_t s = 0; s < S; ++s) {
                    const std::span<double> slot = std::span<double>(out).subspan((j * S + s) * M, M);
                    if (kernels[s]) kernels[s]->metricsInto(project, sc, flows, rules[s], slot, withOutcomes ? &social : nullptr);
                    else scenarioMetricsInto(project, flows, fixed[s], rules[s], withOutcomes ? &social : nullptr, slot);
                }
                if (j + 1 == kBatch || k + 1 == count) store(k - j, j + 1);
            }
        },
        options.progress);
    return samples;
}

MetricSummary summarise(const std::vector<double>& samples) {
    MetricSummary out;
    std::vector<double> defined;
    defined.reserve(samples.size());
    for (double x : samples)
        if (!std::isnan(x)) defined.push_back(x);
    out.defined = defined.size();
    if (defined.empty()) return out;
    std::sort(defined.begin(), defined.end());
    out.mean = finance::sampleMean(defined);
    out.stdev = defined.size() > 1 ? finance::sampleStdev(defined) : 0.0;
    out.p5 = finance::percentileIncSorted(defined, 0.05);
    out.p50 = finance::percentileIncSorted(defined, 0.50);
    out.p95 = finance::percentileIncSorted(defined, 0.95);
    out.min = defined.front();
    out.max = defined.back();
    out.histogram = finance::histogram(defined, 20);
    return out;
}

double probability(const std::vector<double>& samples, const std::function<bool(double)>& holds) {
    if (samples.empty()) throw InputError("samples", "none", "at least one sample");
    std::size_t n = 0;
    for (double x : samples)
        if (!std::isnan(x) && holds(x)) ++n;
    return static_cast<double>(n) / static_cast<double>(samples.size());
}

double probabilityOfPaths(std::size_t paths, const std::function<bool(std::size_t)>& holds) {
    if (paths == 0) throw InputError("paths", "0", "at least one path");
    std::size_t n = 0;
    for (std::size_t i = 0; i < paths; ++i)
        if (holds(i)) ++n;
    return static_cast<double>(n) / static_cast<double>(paths);
}

RiskRun runRisk(const Project& project, const Scenario& base, const std::vector<Structure>& structures,
                const RiskRegister& reg, const RiskOptions& options) {
    RiskRun run;
    run.paths = options.paths;
    run.seed = options.seed;
    run.sobol = options.sobol;
    const std::vector<Structure> fixed = fixTermsAtClose(project, structures);
    auto samples = simulateMetrics(project, base, fixed, reg, options);
    for (std::size_t s = 0; s < fixed.size(); ++s) {
        std::vector<Evaluation> one{evaluateSafely(project, fixed[s], base)};
        if (options.outcomes)
            attachSocialReturn(one, project, *options.outcomes, options.carbonPrice ? *options.carbonPrice : std::vector<CarbonPricePoint>{}, base);
        const Evaluation& e = one.front();
        StructureRisk r;
        r.structureId = e.structureId;
        r.structureName = e.structureName;
        r.kind = e.kind;
        r.fixedTerms = fixed[s];
        r.rules = applicableRules(e);
        r.base = riskMetrics(project, e, r.rules);
        r.samples = std::move(samples[s]);
        for (const auto& m : r.samples) r.summaries.push_back(summarise(m));
        const auto& irr = r.metric(RiskMetric::EquityIrr);
        const auto& dscr = r.metric(RiskMetric::MinDscr);
        for (RuleProbability& rule : r.rules) {
            const double t = rule.threshold - kRuleTolerance;
            rule.probability = rule.id == "equity_irr_hurdle"
                                   ? probability(irr, [t](double x) { return x >= t; })
                                   : probabilityOfPaths(run.paths, [&](std::size_t i) { return std::isnan(dscr[i]) || dscr[i] >= t; });
        }
        r.allRulesProbability = probability(r.metric(RiskMetric::RulesHold), [](double x) { return x > 0.5; });
        r.expectedContingent = r.summary(RiskMetric::GuaranteePv).mean;
        r.p95Contingent = r.summary(RiskMetric::GuaranteePv).p95;
        run.structures.push_back(std::move(r));
    }
    return run;
}

} // namespace cityfin::models
