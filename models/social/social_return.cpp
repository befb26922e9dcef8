#include "models/social/social_return.hpp"

#include "finance/errors.hpp"
#include "finance/metrics.hpp"

#include <algorithm>
#include <cmath>

namespace cityfin::models {
namespace {

// Share of the service delivered in period t: the structure's own, or the whole project once it runs.
double shareIn(const ProjectFlows& flows, const StructureOutcome& outcome, std::size_t t) {
    // Service unavailable beyond the expected (the scenario's availability shortfall) is not delivered.
    const double available = 1.0 - flows.availabilityShortfall;
    if (!outcome.serviceShare.empty()) return outcome.serviceShare[t] * available;
    return flows.operating[t] ? available : 0.0;
}

// Index of the first operating period of the project (the outcome's year 1); periods() if none.
std::size_t firstOperatingPeriod(const ProjectFlows& flows) {
    const auto it = std::find(flows.operating.begin(), flows.operating.end(), true);
    return static_cast<std::size_t>(it - flows.operating.begin());
}

double discountFactor(double rate, std::size_t t) { return std::pow(1.0 + rate, -static_cast<double>(t)); }

OutcomeValue valueOutcome(const Project& project, const ProjectFlows& flows, const StructureOutcome& structure,
                          const SocialOutcome& o, const std::vector<CarbonPricePoint>& carbonPrice,
                          const OutcomeFactors& factors) {
    const std::size_t n = flows.periods();
    const std::size_t first = firstOperatingPeriod(flows);
    const double kept = (1.0 - o.deadweight) * (1.0 - o.attribution) * (1.0 - o.displacement);
    const double quantityFactor = factors.quantityFor(o.id), proxyFactor = factors.proxyFor(o.id);
    OutcomeValue v{o.id, o.name, o.unit, o.category, std::vector<double>(n), std::vector<double>(n),
                   std::vector<double>(n), 0.0, 0.0};
    for (std::size_t t = first; t < n; ++t) {
        const double k = static_cast<double>(t - first + 1);  // the outcome's year, 1-based
        const double ramp = k <= o.rampUpYears ? k / (o.rampUpYears + 1.0) : 1.0;
        const double quantity = o.annualQuantity * quantityFactor * ramp * std::pow(1.0 + o.quantityGrowth, k - 1.0) *
                                std::pow(1.0 - o.dropOff, k - 1.0) * shareIn(flows, structure, t);
        const double perUnit =
            o.valuation == OutcomeValuation::Proxy
                ? o.proxyValue * std::pow(1.0 + o.proxyEscalation, static_cast<double>(t))
                : o.tonnesCo2PerUnit * carbonPriceIn(carbonPrice, flows.calendarYears[t]) * factors.carbonPrice;
        v.grossValue[t] = quantity * perUnit * proxyFactor * flows.priceIndex[t];
        v.netImpact[t] = v.grossValue[t] * kept;
        v.quantity[t] = quantity * kept;
        v.tonnesCo2 += v.quantity[t] * o.tonnesCo2PerUnit;
    }
    v.presentValue = finance::npv(project.rates.socialRate, v.netImpact);
    return v;
}

// Years from period 0 until the running PV of the impact reaches the PV of the inputs, with linear
// interpolation inside the period that crosses.
finance::Answer sroiPayback(double rate, const std::vector<double>& impact, double investmentPv) {
    if (investmentPv <= 0.0) return {std::nullopt, "the structure has no real costs to repay", {}};
    double cumulative = 0.0;
    for (std::size_t t = 0; t < impact.size(); ++t) {
        const double step = impact[t] * discountFactor(rate, t);
        if (step > 0.0 && cumulative + step >= investmentPv)
            return {std::max(0.0, static_cast<double>(t) - 1.0 + (investmentPv - cumulative) / step), "", {}};
        cumulative += step;
    }
    return {std::nullopt, "the social value does not repay the inputs within the horizon", {}};
}

std::size_t categoryIndex(OutcomeCategory c) {
    return static_cast<std::size_t>(std::find(kOutcomeCategories.begin(), kOutcomeCategories.end(), c) -
                                    kOutcomeCategories.begin());
}

void requireFactor(const std::string& field, double value) {
    if (!std::isfinite(value) || value < 0.0)
        throw InputError(field, formatValue(value), "a finite multiplier >= 0");
}

} // namespace

double OutcomeFactors::quantityFor(const std::string& id) const {
    double f = quantity;
    for (const OutcomeFactor& o : byOutcome)
        if (o.id == id) f *= o.quantity;
    return f;
}

double OutcomeFactors::proxyFor(const std::string& id) const {
    double f = proxy;
    for (const OutcomeFactor& o : byOutcome)
        if (o.id == id) f *= o.proxy;
    return f;
}

void validateOutcomeFactors(const OutcomeFactors& factors, const std::vector<SocialOutcome>& outcomes) {
    requireFactor("outcome_factors.quantity", factors.quantity);
    requireFactor("outcome_factors.proxy", factors.proxy);
    requireFactor("outcome_factors.carbon_price", factors.carbonPrice);
    for (std::size_t i = 0; i < factors.byOutcome.size(); ++i) {
        const OutcomeFactor& f = factors.byOutcome[i];
        const std::string at = "outcome_factors.by_outcome[" + std::to_string(i) + "]";
        if (std::none_of(outcomes.begin(), outcomes.end(), [&](const SocialOutcome& o) { return o.id == f.id; }))
            throw InputError(at + ".id", "\"" + f.id + "\"", "the id of one of the case's outcomes");
        requireFactor(at + ".quantity", f.quantity);
        requireFactor(at + ".proxy", f.proxy);
    }
}

SocialReturn socialReturn(const Project& project, const ProjectFlows& flows, const StructureOutcome& outcome,
                          const std::vector<SocialOutcome>& outcomes,
                          const std::vector<CarbonPricePoint>& carbonPrice, const OutcomeFactors& factors) {
    validateOutcomeFactors(factors, outcomes);
    SocialReturn r;
    r.socialRate = project.rates.socialRate;
    const std::size_t n = flows.periods();
    std::vector<double> impact(n, 0.0);
    for (const SocialOutcome& o : outcomes) {
        OutcomeValue v = valueOutcome(project, flows, outcome, o, carbonPrice, factors);
        for (std::size_t t = 0; t < n; ++t) impact[t] += v.netImpact[t];
        r.grossPresentValue += finance::npv(r.socialRate, v.grossValue);
        r.presentValue += v.presentValue;
        r.presentValueByCategory[categoryIndex(v.category)] += v.presentValue;
        r.tonnesCo2 += v.tonnesCo2;
        if (o.valuation == OutcomeValuation::CarbonPrice) r.carbonPresentValue += v.presentValue;
        r.outcomes.push_back(std::move(v));
    }
    // Real lines are the project's exchanges with the world outside the parties; transfers between
    // the parties (user charges, tax, debt service) cancel out for society.
    std::vector<double> inflows(n, 0.0), outflows(n, 0.0);
    for (const Line& line : outcome.ledger.lines()) {
        if (line.counterparty) continue;
        for (std::size_t t = 0; t < n; ++t) (line.amounts[t] >= 0.0 ? inflows[t] : outflows[t]) += line.amounts[t];
    }
    const double inflowsPv = finance::npv(r.socialRate, inflows);
    r.costsPv = -finance::npv(r.socialRate, outflows);
    r.realFlowsNpv = inflowsPv - r.costsPv;
    // What users pay for the service is a transfer between parties, but it is also the least they
    // value it at (they pay of their own will): counted once, as a benefit to users.
    const std::vector<double> paid = outcome.ledger.lineTotal(Party::Users, LineKind::UserCharge);
    r.userPaymentsPv = 0.0 - finance::npv(r.socialRate, paid);  // +0, not -0, when nothing is paid
    r.economicNpv = r.presentValue + r.realFlowsNpv + r.userPaymentsPv;
    r.benefitsPv = r.presentValue + inflowsPv + r.userPaymentsPv;
    r.investmentPv = r.costsPv;
    if (r.costsPv > 0.0) {
        r.benefitCostRatio = r.benefitsPv / r.costsPv;
        r.sroiRatio = r.presentValue / r.investmentPv;
    }
    r.sroiPaybackYears = sroiPayback(r.socialRate, impact, r.investmentPv);
    if (r.tonnesCo2 > 0.0) r.costPerTonneCo2 = -(r.economicNpv - r.carbonPresentValue) / r.tonnesCo2;
    return r;
}

std::optional<GreenBondImpact> greenBondImpact(const Project& project, const ProjectFlows& flows,
                                               const StructureOutcome& outcome, const SocialReturn& social,
                                               const Scenario& scenario) {
    if (!outcome.bond || outcome.bond->face <= 0.0) return std::nullopt;
    GreenBondImpact g;
    g.face = outcome.bond->face;
    const std::size_t first = firstOperatingPeriod(flows);
    double mwh = 0.0;
    for (std::size_t t = first; t < flows.periods(); ++t) {
        if (!flows.operating[t]) continue;
        ++g.operatingYears;
        const double k = static_cast<double>(t - first + 1);
        for (const EnergySaving& s : project.energySavings)
            mwh += s.baselineKwh * s.savingFraction * std::pow(1.0 - s.degradation, k - 1.0) *
                   scenario.savingsFactor * shareIn(flows, outcome, t) / 1000.0;
    }
    if (g.operatingYears == 0) return g;
    const double years = g.operatingYears;
    const double millions = g.face / 1.0e6;
    g.annualTonnesCo2 = social.tonnesCo2 / years;
    g.annualEnergySavedMwh = mwh / years;
    g.tonnesCo2PerMillion = g.annualTonnesCo2 / millions;
    g.energySavedMwhPerMillion = g.annualEnergySavedMwh / millions;
    return g;
}

} // namespace cityfin::models
