#include "models/project.hpp"

#include "finance/errors.hpp"

#include <cmath>
#include <numeric>
#include <string>

namespace cityfin::models {
namespace {

void requireNonNegative(const std::string& field, double x) {
    if (!std::isfinite(x) || x < 0.0) throw InputError(field, formatValue(x), "a finite number >= 0");
}

void requireFraction(const std::string& field, double x) {
    if (!std::isfinite(x) || x < 0.0 || x > 1.0) throw InputError(field, formatValue(x), "a fraction from 0 to 1");
}

void requireYears(const std::string& field, int years, int low, int high) {
    if (years < low || years > high)
        throw InputError(field, std::to_string(years),
                         "a whole number of years from " + std::to_string(low) + " to " + std::to_string(high));
}

void validateRevenue(const RevenueStream& r, const std::string& at) {
    requireNonNegative(at + ".annual_volume", r.annualVolume);
    requireNonNegative(at + ".unit_price", r.unitPrice);
    requireRate(at + ".volume_growth", r.volumeGrowth);
    requireRate(at + ".price_escalation", r.priceEscalation);
    requireYears(at + ".ramp_up_years", r.rampUpYears, 0, 20);
}

void validateSaving(const EnergySaving& s, const std::string& at) {
    requireNonNegative(at + ".baseline_kwh", s.baselineKwh);
    requireFraction(at + ".saving_fraction", s.savingFraction);
    requireNonNegative(at + ".price_per_kwh", s.pricePerKwh);
    requireRate(at + ".price_escalation", s.priceEscalation);
    requireFraction(at + ".degradation", s.degradation);
}

void validateScenario(const Scenario& s, const Project& p) {
    for (auto [field, x] : {std::pair{"scenario.capex_factor", s.capexFactor}, {"scenario.opex_factor", s.opexFactor},
                            {"scenario.demand_factor", s.demandFactor}, {"scenario.savings_factor", s.savingsFactor},
                            {"scenario.price_factor", s.priceFactor}})
        requireNonNegative(field, x);
    if (s.delayYears < 0) throw InputError("scenario.delay_years", std::to_string(s.delayYears), "0 or more years");
    if (!(std::isfinite(s.interestRateShift) && std::abs(s.interestRateShift) <= 1.0))
        throw InputError("scenario.interest_rate_shift", formatValue(s.interestRateShift),
                         "a shift of rates from -1 to 1 (decimal per year)");
    if (!(std::isfinite(s.availabilityShortfall) && s.availabilityShortfall >= 0.0 && s.availabilityShortfall <= 1.0))
        throw InputError("scenario.availability_shortfall", formatValue(s.availabilityShortfall),
                         "a share of the service from 0 to 1");
    if (!(std::isfinite(s.paymentShortfall) && s.paymentShortfall >= 0.0 && s.paymentShortfall <= 1.0))
        throw InputError("scenario.payment_shortfall", formatValue(s.paymentShortfall),
                         "a share of the city's payments from 0 to 1");
    if (s.inflationShift != 0.0 && p.basis == PriceBasis::Real)
        throw InputError("scenario.inflation_shift", formatValue(s.inflationShift),
                         "0 in a case in real terms (it shifts the inflation of a nominal case)");
    if (!(std::isfinite(s.inflationShift) && std::abs(s.inflationShift) <= 1.0 && p.inflation + s.inflationShift > -1.0))
        throw InputError("scenario.inflation_shift", formatValue(s.inflationShift),
                         "a shift of inflation from -1 to 1 that keeps inflation above -1");
}

// Share of a full year's volume earned in operating year k (1-based) during the ramp-up.
double rampFactor(int rampUpYears, int k) {
    return k <= rampUpYears ? static_cast<double>(k) / (rampUpYears + 1) : 1.0;
}

// The checks of validateProject and validateScenario without building a field name: true when
// none of them would throw (the usual case, checked once per scenario by the Monte Carlo); the
// checking functions then only run to name what is wrong.
bool nonNegative(double x) { return std::isfinite(x) && x >= 0.0; }
bool fraction(double x) { return std::isfinite(x) && x >= 0.0 && x <= 1.0; }
bool rate(double x) { return std::isfinite(x) && x > -1.0; }

bool projectIsValid(const Project& p) {
    if (p.constructionYears < 1 || p.constructionYears > 10 || p.operatingYears < 1 || p.operatingYears > 60 ||
        static_cast<int>(p.capex.size()) != p.constructionYears)
        return false;
    for (double c : p.capex)
        if (!nonNegative(c)) return false;
    if (!(p.totalCapex() > 0.0) || !nonNegative(p.annualOpex) || !rate(p.opexEscalation) || !rate(p.inflation) ||
        (p.basis == PriceBasis::Real && p.inflation != 0.0))
        return false;
    for (const LifecycleCost& c : p.lifecycle)
        if (c.operatingYear < 1 || c.operatingYear > p.operatingYears || !nonNegative(c.amount)) return false;
    for (const RevenueStream& r : p.revenues)
        if (!nonNegative(r.annualVolume) || !nonNegative(r.unitPrice) || !rate(r.volumeGrowth) ||
            !rate(r.priceEscalation) || r.rampUpYears < 0 || r.rampUpYears > 20)
            return false;
    for (const EnergySaving& e : p.energySavings)
        if (!nonNegative(e.baselineKwh) || !fraction(e.savingFraction) || !nonNegative(e.pricePerKwh) ||
            !rate(e.priceEscalation) || !fraction(e.degradation))
            return false;
    return nonNegative(p.residualValue) && rate(p.rates.publicRate) && rate(p.rates.privateRate) &&
           rate(p.rates.socialRate) && fraction(p.taxRate) && p.depreciationYears >= 0 && p.depreciationYears <= 100;
}

bool scenarioIsValid(const Scenario& s, const Project& p) {
    return nonNegative(s.capexFactor) && nonNegative(s.opexFactor) && nonNegative(s.demandFactor) &&
           nonNegative(s.savingsFactor) && nonNegative(s.priceFactor) && s.delayYears >= 0 &&
           std::isfinite(s.interestRateShift) && std::abs(s.interestRateShift) <= 1.0 && fraction(s.availabilityShortfall) &&
           fraction(s.paymentShortfall) &&
           (s.inflationShift == 0.0 || (p.basis == PriceBasis::Nominal && std::isfinite(s.inflationShift) &&
                                        std::abs(s.inflationShift) <= 1.0 && p.inflation + s.inflationShift > -1.0));
}

// base^0 .. base^(n-1), each from std::pow as the flows have always computed them (bit for bit),
// remembered per thread for the last few bases: the Monte Carlo builds the same project's flows
// once per scenario, with the same escalation and growth rates every time. The caller holds the
// table it was given, so a later eviction cannot take it away.
std::shared_ptr<const std::vector<double>> powers(double base, std::size_t n) {
    struct Table {
        double base;
        std::shared_ptr<const std::vector<double>> values;
    };
    constexpr std::size_t kTables = 16;
    thread_local std::vector<Table> tables;
    thread_local std::size_t next = 0;
    for (const Table& t : tables)
        if (t.base == base && t.values->size() == n) return t.values;
    auto values = std::make_shared<std::vector<double>>(n);
    for (std::size_t k = 0; k < n; ++k) (*values)[k] = std::pow(base, static_cast<int>(k));
    if (tables.size() < kTables) {
        tables.push_back({base, values});
    } else {
        tables[next] = {base, values};
        next = (next + 1) % kTables;
    }
    return values;
}

} // namespace

double Project::totalCapex() const noexcept { return std::accumulate(capex.begin(), capex.end(), 0.0); }

void validateProject(const Project& p) {
    if (projectIsValid(p)) return;
    requireYears("project.construction_years", p.constructionYears, 1, 10);
    requireYears("project.operating_years", p.operatingYears, 1, 60);
    if (static_cast<int>(p.capex.size()) != p.constructionYears)
        throw InputError("project.capex", std::to_string(p.capex.size()) + " values",
                         std::to_string(p.constructionYears) + " values, one per construction year");
    for (std::size_t i = 0; i < p.capex.size(); ++i) requireNonNegative(indexedField("project.capex", i), p.capex[i]);
    if (p.totalCapex() <= 0.0) throw InputError("project.capex", "a total of 0", "a positive total capex");
    requireNonNegative("project.annual_opex", p.annualOpex);
    requireRate("project.opex_escalation", p.opexEscalation);
    requireRate("project.inflation", p.inflation);
    if (p.basis == PriceBasis::Real && p.inflation != 0.0)
        throw InputError("project.inflation", formatValue(p.inflation), "0 in a case in real terms");
    for (std::size_t i = 0; i < p.lifecycle.size(); ++i) {
        const std::string at = indexedField("project.lifecycle", i);
        requireYears(at + ".operating_year", p.lifecycle[i].operatingYear, 1, p.operatingYears);
        requireNonNegative(at + ".amount", p.lifecycle[i].amount);
    }
    for (std::size_t i = 0; i < p.revenues.size(); ++i) validateRevenue(p.revenues[i], indexedField("project.revenues", i));
    for (std::size_t i = 0; i < p.energySavings.size(); ++i)
        validateSaving(p.energySavings[i], indexedField("project.energy_savings", i));
    requireNonNegative("project.residual_value", p.residualValue);
    requireRate("project.rates.public", p.rates.publicRate);
    requireRate("project.rates.private", p.rates.privateRate);
    requireRate("project.rates.social", p.rates.socialRate);
    requireFraction("project.tax_rate", p.taxRate);
    requireYears("project.depreciation_years", p.depreciationYears, 0, 100);
}

ProjectFlows projectFlows(const Project& p, const Scenario& s) {
    ProjectFlows f;
    projectFlowsInto(p, s, f);
    return f;
}

void projectFlowsInto(const Project& p, const Scenario& s, ProjectFlows& f) {
    validateProject(p);
    if (!scenarioIsValid(s, p)) validateScenario(s, p);
    const std::size_t n = static_cast<std::size_t>(p.periods());
    f.constructionYears = p.constructionYears;
    f.operatingYears = p.operatingYears;
    for (auto* v : {&f.priceIndex, &f.forecastPriceIndex, &f.capex, &f.opex, &f.lifecycle, &f.userCharges, &f.marketRevenue,
                    &f.energySavings, &f.residualValue, &f.forecastUserCharges, &f.forecastEnergySavings})
        v->assign(n, 0.0);
    f.operating.assign(n, false);
    f.interestRateShift = s.interestRateShift;
    f.availabilityShortfall = s.availabilityShortfall;
    f.paymentShortfall = s.paymentShortfall;
    const double available = 1.0 - s.availabilityShortfall;  // share of the service delivered
    f.calendarYears.resize(n);
    // Every power the flows use, computed once per base and year rather than once per use: the
    // same std::pow calls, so the same values. Operating years k are 1-based: growth^(k - 1).
    const int firstOperating = p.constructionYears + s.delayYears;
    const auto inflation = p.basis == PriceBasis::Nominal ? powers(1.0 + p.inflation, n) : nullptr;
    const auto actualInflation =
        p.basis == PriceBasis::Nominal && s.inflationShift != 0.0 ? powers(1.0 + (p.inflation + s.inflationShift), n) : inflation;
    for (std::size_t t = 0; t < n; ++t) {
        const int ti = static_cast<int>(t);
        f.calendarYears[t] = p.startYear + ti;
        f.forecastPriceIndex[t] = inflation ? (*inflation)[t] : 1.0;
        f.priceIndex[t] = actualInflation ? (*actualInflation)[t] : 1.0;
        if (ti < p.constructionYears) f.capex[t] = p.capex[t] * f.priceIndex[t] * s.capexFactor;
        f.operating[t] = ti - firstOperating + 1 >= 1;
    }
    for (const RevenueStream& r : p.revenues) {
        const auto escalationTable = powers(1.0 + r.priceEscalation, n), growthTable = powers(1.0 + r.volumeGrowth, n);
        const std::vector<double>& escalation = *escalationTable;
        const std::vector<double>& growth = *growthTable;
        const auto volume = [&](int k) { return r.annualVolume * growth[static_cast<std::size_t>(k - 1)] * rampFactor(r.rampUpYears, k); };
        for (std::size_t t = 0; t < n; ++t) {
            const int ti = static_cast<int>(t);
            const int forecastYear = ti - p.constructionYears + 1;  // operating year as planned
            const int actualYear = ti - firstOperating + 1;         // operating year after any delay
            if (forecastYear < 1) continue;
            const double price = r.unitPrice * escalation[t] * f.priceIndex[t];
            if (r.payer == RevenueStream::Payer::Users)
                f.forecastUserCharges[t] += volume(forecastYear) * (r.unitPrice * escalation[t] * f.forecastPriceIndex[t]);
            if (actualYear < 1) continue;
            const double actual = volume(actualYear) * s.demandFactor * price * s.priceFactor * available;
            (r.payer == RevenueStream::Payer::Users ? f.userCharges : f.marketRevenue)[t] += actual;
        }
    }
    for (const EnergySaving& e : p.energySavings) {
        const auto escalationTable = powers(1.0 + e.priceEscalation, n), growthTable = powers(1.0 - e.degradation, n);
        const std::vector<double>& escalation = *escalationTable;
        const std::vector<double>& growth = *growthTable;
        const auto kwh = [&](int k) { return e.baselineKwh * e.savingFraction * growth[static_cast<std::size_t>(k - 1)]; };
        for (std::size_t t = 0; t < n; ++t) {
            const int ti = static_cast<int>(t);
            const int forecastYear = ti - p.constructionYears + 1, actualYear = ti - firstOperating + 1;
            if (forecastYear < 1) continue;
            const double price = e.pricePerKwh * escalation[t] * f.priceIndex[t];
            f.forecastEnergySavings[t] += kwh(forecastYear) * (e.pricePerKwh * escalation[t] * f.forecastPriceIndex[t]);
            if (actualYear >= 1) f.energySavings[t] += kwh(actualYear) * s.savingsFactor * price * s.priceFactor * available;
        }
    }
    const auto opexTable = powers(1.0 + p.opexEscalation, n);
    const std::vector<double>& opexEscalation = *opexTable;
    for (std::size_t t = 0; t < n; ++t) {
        const int actualYear = static_cast<int>(t) - firstOperating + 1;
        if (actualYear >= 1) f.opex[t] = p.annualOpex * opexEscalation[t] * f.priceIndex[t] * s.opexFactor;
        for (const LifecycleCost& c : p.lifecycle)
            if (c.operatingYear == actualYear) f.lifecycle[t] += c.amount * f.priceIndex[t] * s.opexFactor;
    }
    f.residualValue[n - 1] = p.residualValue * f.priceIndex[n - 1];
}

std::shared_ptr<const ProjectFlows> forecastFlows(const Project& project, const ProjectFlows& flows) {
    if (flows.forecast) return flows.forecast;
    return std::make_shared<const ProjectFlows>(projectFlows(project));
}

std::vector<double> ProjectFlows::operatingCashFlow() const {
    std::vector<double> cash(periods());
    for (std::size_t t = 0; t < cash.size(); ++t)
        cash[t] = userCharges[t] + marketRevenue[t] + energySavings[t] - opex[t] - lifecycle[t];
    return cash;
}

std::vector<double> ProjectFlows::preFinancingCashFlow() const {
    std::vector<double> cash = operatingCashFlow();
    for (std::size_t t = 0; t < cash.size(); ++t) cash[t] += residualValue[t] - capex[t];
    return cash;
}

} // namespace cityfin::models
