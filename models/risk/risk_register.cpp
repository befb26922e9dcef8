#include "models/risk/risk_register.hpp"

#include "finance/errors.hpp"
#include "models/case_json.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace cityfin::models {
namespace {

using casejson::Json;
using casejson::NumberRange;
using casejson::Object;

constexpr std::array<NamedValue<RiskCategory>, 12> categoryNames{{
    {RiskCategory::ConstructionOverrun, "construction_overrun"}, {RiskCategory::Delay, "delay"},
    {RiskCategory::Demand, "demand"}, {RiskCategory::Availability, "availability"},
    {RiskCategory::SavingsShortfall, "savings_shortfall"}, {RiskCategory::InterestRate, "interest_rate"},
    {RiskCategory::Inflation, "inflation"}, {RiskCategory::CounterpartyDefault, "counterparty_default"},
    {RiskCategory::Opex, "opex"}, {RiskCategory::Price, "price"}, {RiskCategory::Outcome, "outcome"},
    {RiskCategory::Other, "other"}}};

constexpr std::array<NamedValue<RiskDriver>, 13> driverNames{{
    {RiskDriver::CapexFactor, "capex_factor"}, {RiskDriver::OpexFactor, "opex_factor"},
    {RiskDriver::DemandFactor, "demand_factor"}, {RiskDriver::SavingsFactor, "savings_factor"},
    {RiskDriver::PriceFactor, "price_factor"}, {RiskDriver::DelayYears, "delay_years"},
    {RiskDriver::OutcomeQuantityFactor, "outcome_quantity_factor"},
    {RiskDriver::OutcomeProxyFactor, "outcome_proxy_factor"}, {RiskDriver::CarbonPriceFactor, "carbon_price_factor"},
    {RiskDriver::InterestRateShift, "interest_rate_shift"}, {RiskDriver::InflationShift, "inflation_shift"},
    {RiskDriver::AvailabilityShortfall, "availability_shortfall"}, {RiskDriver::PaymentShortfall, "payment_shortfall"}}};

constexpr NumberRange anyNumber{};

// The distribution factories name their own arguments ("stdev"); give them the JSON path.
template <class Make>
finance::Distribution withPath(const std::string& path, Make make) {
    try {
        return make();
    } catch (const InputError& e) {
        throw InputError(path + "." + e.field(), e.value(), e.expected());
    }
}

finance::Distribution readDistribution(const Json& value, const std::string& path) {
    const Object type(value, path, {"type", "mean", "stdev", "mu", "sigma", "min", "mode", "max", "lambda",
                                    "values", "probabilities"});
    const std::string kind = type.text("type");
    const auto only = [&](std::initializer_list<std::string_view> fields) { return Object(value, path, fields); };
    if (kind == "normal") {
        const Object o = only({"type", "mean", "stdev"});
        return withPath(path, [&] { return finance::Distribution::normal(o.number("mean", anyNumber), o.number("stdev", anyNumber)); });
    }
    if (kind == "lognormal") {
        const Object o = only({"type", "mean", "stdev", "mu", "sigma"});
        if (o.has("mu") || o.has("sigma")) {
            const Object log = only({"type", "mu", "sigma"});
            return withPath(path, [&] { return finance::Distribution::lognormalFromLog(log.number("mu", anyNumber), log.number("sigma", anyNumber)); });
        }
        return withPath(path, [&] { return finance::Distribution::lognormal(o.number("mean", anyNumber), o.number("stdev", anyNumber)); });
    }
    if (kind == "triangular") {
        const Object o = only({"type", "min", "mode", "max"});
        return withPath(path, [&] {
            return finance::Distribution::triangular(o.number("min", anyNumber), o.number("mode", anyNumber), o.number("max", anyNumber));
        });
    }
    if (kind == "pert") {
        const Object o = only({"type", "min", "mode", "max", "lambda"});
        return withPath(path, [&] {
            return finance::Distribution::pert(o.number("min", anyNumber), o.number("mode", anyNumber),
                                               o.number("max", anyNumber), o.numberOr("lambda", 4.0, anyNumber));
        });
    }
    if (kind == "uniform") {
        const Object o = only({"type", "min", "max"});
        return withPath(path, [&] { return finance::Distribution::uniform(o.number("min", anyNumber), o.number("max", anyNumber)); });
    }
    if (kind == "discrete") {
        const Object o = only({"type", "values", "probabilities"});
        std::vector<double> values, probabilities;
        casejson::forEachElement(o.array("values", "an array of numbers", true), o.pathOf("values"),
                                 [&](const Json& v, const std::string& p) { values.push_back(casejson::numberAt(v, p, anyNumber)); });
        casejson::forEachElement(o.array("probabilities", "an array of probabilities", true), o.pathOf("probabilities"),
                                 [&](const Json& v, const std::string& p) {
                                     probabilities.push_back(casejson::numberAt(v, p, casejson::shareRange));
                                 });
        if (values.empty() || values.size() != probabilities.size())
            throw InputError(o.pathOf("probabilities"), std::to_string(probabilities.size()) + " probabilities",
                             "one probability per value (" + std::to_string(values.size()) + "), at least one");
        return withPath(path, [&] { return finance::Distribution::discrete(values, probabilities); });
    }
    casejson::fail(type.pathOf("type"), value.at("type"),
                   "one of \"normal\", \"lognormal\", \"triangular\", \"pert\", \"uniform\", \"discrete\"");
}

Json distributionToJson(const finance::Distribution& d) {
    using D = finance::Distribution;
    return std::visit(
        [](const auto& p) -> Json {
            using P = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<P, D::Normal>) return {{"type", "normal"}, {"mean", p.mean}, {"stdev", p.stdev}};
            else if constexpr (std::is_same_v<P, D::Lognormal>) return {{"type", "lognormal"}, {"mu", p.mu}, {"sigma", p.sigma}};
            else if constexpr (std::is_same_v<P, D::Triangular>)
                return {{"type", "triangular"}, {"min", p.min}, {"mode", p.mode}, {"max", p.max}};
            else if constexpr (std::is_same_v<P, D::Pert>)
                return {{"type", "pert"}, {"min", p.min}, {"mode", p.mode}, {"max", p.max}, {"lambda", p.lambda}};
            else if constexpr (std::is_same_v<P, D::Uniform>) return {{"type", "uniform"}, {"min", p.min}, {"max", p.max}};
            else return {{"type", "discrete"}, {"values", p.table->values}, {"probabilities", p.table->probabilities}};
        },
        d.parameters());
}

} // namespace

std::string_view riskCategoryId(RiskCategory c) {
    for (const auto& n : categoryNames)
        if (n.value == c) return n.name;
    return "other";
}

std::string_view riskDriverId(RiskDriver d) {
    for (const auto& n : driverNames)
        if (n.value == d) return n.name;
    return "capex_factor";
}

bool isAdditive(RiskDriver d) {
    switch (d) {
    case RiskDriver::DelayYears:
    case RiskDriver::InterestRateShift:
    case RiskDriver::InflationShift:
    case RiskDriver::AvailabilityShortfall:
    case RiskDriver::PaymentShortfall: return true;
    default: return false;
    }
}

RiskRegister readRiskRegister(const nlohmann::json& risks, const std::string& path) {
    if (!risks.is_array()) casejson::fail(path, risks, "an array of risks");
    RiskRegister reg;
    std::map<std::string, std::size_t> index;
    casejson::forEachElement(risks, path, [&](const Json& value, const std::string& p) {
        const Object o(value, p, {"id", "name", "category", "driver", "distribution", "correlations", "source"});
        Risk r;
        r.id = o.text("id");
        if (index.count(r.id)) casejson::fail(o.pathOf("id"), value.at("id"), "an id not used by another risk");
        r.name = o.textOr("name", r.id);
        r.category = o.choiceOr("category", RiskCategory::Other, categoryNames);
        if (!o.has("driver")) o.missing("driver", "one of \"capex_factor\", \"opex_factor\", \"demand_factor\", ...");
        r.driver = o.choiceOr("driver", RiskDriver::CapexFactor, driverNames);
        if (!o.has("distribution")) o.missing("distribution", "a distribution object");
        r.distribution = readDistribution(*o.find("distribution"), o.pathOf("distribution"));
        r.source = o.textOr("source", "");
        if (const Json* c = o.find("correlations")) {
            if (!c->is_object()) casejson::fail(o.pathOf("correlations"), *c, "an object {risk id: correlation}");
            for (const auto& [with, rho] : c->items()) {
                const std::string rp = casejson::childPath(o.pathOf("correlations"), with);
                r.correlations.push_back({with, casejson::numberAt(rho, rp, NumberRange{-1.0, 1.0, false, "a correlation from -1 to 1"})});
            }
        }
        index[r.id] = reg.risks.size();
        reg.risks.push_back(std::move(r));
    });
    for (std::size_t i = 0; i < reg.risks.size(); ++i)
        for (const RiskCorrelation& c : reg.risks[i].correlations) {
            const std::string rp = casejson::childPath(casejson::childPath(casejson::elementPath(path, i), "correlations"), c.with);
            const auto other = index.find(c.with);
            if (other == index.end() || other->second == i)
                throw InputError(rp, "\"" + c.with + "\"", "the id of another risk of the register");
            for (const RiskCorrelation& back : reg.risks[other->second].correlations)
                if (back.with == reg.risks[i].id && std::abs(back.rho - c.rho) > 1e-9)
                    throw InputError(rp, formatValue(c.rho), "the same correlation as given the other way (" + formatValue(back.rho) + ")");
        }
    if (reg.empty()) return reg;
    try {
        riskCorrelation(reg);
    } catch (const InputError& e) {
        throw InputError(path, "correlations", "a positive semi-definite correlation matrix (" + std::string(e.what()) + ")");
    }
    return reg;
}

nlohmann::ordered_json riskRegisterToJson(const RiskRegister& reg) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Risk& r : reg.risks) {
        nlohmann::ordered_json j;
        j["id"] = r.id;
        j["name"] = r.name;
        j["category"] = riskCategoryId(r.category);
        j["driver"] = riskDriverId(r.driver);
        j["distribution"] = distributionToJson(r.distribution);
        if (!r.correlations.empty()) {
            nlohmann::ordered_json c = nlohmann::ordered_json::object();
            for (const auto& k : r.correlations) c[k.with] = k.rho;
            j["correlations"] = c;
        }
        if (!r.source.empty()) j["source"] = r.source;
        out.push_back(std::move(j));
    }
    return out;
}

void validateRegisterForProject(const RiskRegister& reg, const Project& project, const std::string& path) {
    for (std::size_t i = 0; i < reg.risks.size(); ++i)
        if (reg.risks[i].driver == RiskDriver::InflationShift && project.basis == PriceBasis::Real)
            throw InputError(casejson::childPath(casejson::elementPath(path, i), "driver"), "\"inflation_shift\"",
                             "a case in nominal terms (project.price_basis \"nominal\"): a case in real terms has no "
                             "inflation to shift");
}

finance::CorrelationMatrix riskCorrelation(const RiskRegister& reg) {
    const std::size_t n = reg.risks.size();
    std::vector<std::vector<double>> rows(n, std::vector<double>(n, 0.0));
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
        rows[i][i] = 1.0;
        for (const RiskCorrelation& c : reg.risks[i].correlations)
            for (std::size_t j = 0; j < n; ++j)
                if (reg.risks[j].id == c.with && j != i) {
                    rows[i][j] = rows[j][i] = c.rho;
                    any = true;
                }
    }
    return any ? finance::CorrelationMatrix(rows) : finance::CorrelationMatrix::identity(n);
}

Scenario applyDraws(const Scenario& base, const RiskRegister& reg, const double* draws, const std::vector<bool>* active) {
    Scenario s = base;
    double delay = base.delayYears, rateShift = base.interestRateShift, inflationShift = base.inflationShift,
           shortfall = base.availabilityShortfall, arrears = base.paymentShortfall;
    for (std::size_t i = 0; i < reg.risks.size(); ++i) {
        if (active && !(*active)[i]) continue;
        const double x = draws[i];
        switch (reg.risks[i].driver) {
        case RiskDriver::CapexFactor: s.capexFactor *= x; break;
        case RiskDriver::OpexFactor: s.opexFactor *= x; break;
        case RiskDriver::DemandFactor: s.demandFactor *= x; break;
        case RiskDriver::SavingsFactor: s.savingsFactor *= x; break;
        case RiskDriver::PriceFactor: s.priceFactor *= x; break;
        case RiskDriver::DelayYears: delay += x; break;
        case RiskDriver::InterestRateShift: rateShift += x; break;
        case RiskDriver::InflationShift: inflationShift += x; break;
        case RiskDriver::AvailabilityShortfall: shortfall += x; break;
        case RiskDriver::PaymentShortfall: arrears += x; break;
        default: break;  // the social outcomes' factors: outcomeFactorsFromDraws
        }
    }
    s.capexFactor = std::max(0.0, s.capexFactor);
    s.opexFactor = std::max(0.0, s.opexFactor);
    s.demandFactor = std::max(0.0, s.demandFactor);
    s.savingsFactor = std::max(0.0, s.savingsFactor);
    s.priceFactor = std::max(0.0, s.priceFactor);
    s.delayYears = std::max(0, static_cast<int>(std::lround(delay)));
    s.interestRateShift = std::clamp(rateShift, -1.0, 1.0);
    s.inflationShift = std::clamp(inflationShift, -1.0, 1.0);
    s.availabilityShortfall = std::clamp(shortfall, 0.0, 1.0);
    s.paymentShortfall = std::clamp(arrears, 0.0, 1.0);
    return s;
}

OutcomeFactors outcomeFactorsFromDraws(const RiskRegister& reg, const double* draws, const std::vector<bool>* active) {
    OutcomeFactors f;
    for (std::size_t i = 0; i < reg.risks.size(); ++i) {
        if (active && !(*active)[i]) continue;
        switch (reg.risks[i].driver) {
        case RiskDriver::OutcomeQuantityFactor: f.quantity *= draws[i]; break;
        case RiskDriver::OutcomeProxyFactor: f.proxy *= draws[i]; break;
        case RiskDriver::CarbonPriceFactor: f.carbonPrice *= draws[i]; break;
        default: break;
        }
    }
    f.quantity = std::max(0.0, f.quantity);
    f.proxy = std::max(0.0, f.proxy);
    f.carbonPrice = std::max(0.0, f.carbonPrice);
    return f;
}

} // namespace cityfin::models
