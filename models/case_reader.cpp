// The case reader: the top level, the project and the scenario. Structures and support are read in
// case_structure_reader.cpp and case_support_reader.cpp; the strict JSON access in case_json.cpp.
#include "models/case_file.hpp"
#include "models/case_sections.hpp"
#include "models/risk/risk_register.hpp"

#include "finance/errors.hpp"

#include <algorithm>
#include <climits>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace cityfin::models {
namespace casejson {

const WholeRange anyWhole{INT_MIN, INT_MAX, "a whole number"};

std::string readId(const Object& o, std::string_view key) {
    const std::string expected = "an id of 1 to 64 letters, digits, '_', '-' or '.'";
    const Json* v = o.find(key);
    if (!v) o.missing(key, expected);
    const auto valid = [](const std::string& s) {
        return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](unsigned char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                   c == '-' || c == '.';
        });
    };
    if (!v->is_string() || !valid(v->get_ref<const std::string&>())) fail(o.pathOf(key), *v, expected);
    return v->get<std::string>();
}

namespace {

std::string readCurrency(const Object& o, std::string fallback) {
    const std::string expected = "a currency code of 3 capital letters, such as \"CNY\" or \"EUR\"";
    const Json* v = o.find("currency");
    if (!v) return fallback;
    const auto valid = [](const std::string& s) {
        return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    };
    if (!v->is_string() || !valid(v->get_ref<const std::string&>())) fail(o.pathOf("currency"), *v, expected);
    return v->get<std::string>();
}

RevenueStream readRevenue(const Json& v, const std::string& path) {
    const Object o(v, path, {"name", "payer", "annual_volume", "unit_price", "volume_growth", "price_escalation",
                             "ramp_up_years"});
    RevenueStream r;
    r.name = o.text("name");
    r.payer = o.choiceOr("payer", r.payer, payerNames);
    r.annualVolume = o.number("annual_volume", anyNumber);
    r.unitPrice = o.number("unit_price", anyNumber);
    r.volumeGrowth = o.numberOr("volume_growth", r.volumeGrowth, anyNumber);
    r.priceEscalation = o.numberOr("price_escalation", r.priceEscalation, anyNumber);
    r.rampUpYears = o.wholeOr("ramp_up_years", r.rampUpYears, anyWhole);
    return r;
}

EnergySaving readSaving(const Json& v, const std::string& path) {
    const Object o(v, path, {"name", "baseline_kwh", "saving_fraction", "price_per_kwh", "price_escalation",
                             "degradation"});
    EnergySaving s;
    s.name = o.text("name");
    s.baselineKwh = o.number("baseline_kwh", anyNumber);
    s.savingFraction = o.number("saving_fraction", anyNumber);
    s.pricePerKwh = o.number("price_per_kwh", anyNumber);
    s.priceEscalation = o.numberOr("price_escalation", s.priceEscalation, anyNumber);
    s.degradation = o.numberOr("degradation", s.degradation, anyNumber);
    return s;
}

void readLists(const Object& o, Project& p) {
    const std::string capexPath = o.pathOf("capex");
    const Json& capex = o.array("capex", "an array of amounts, one per construction year", true);
    for (std::size_t i = 0; i < capex.size(); ++i) p.capex.push_back(numberAt(capex[i], elementPath(capexPath, i), anyNumber));
    forEachElement(o.array("lifecycle", "an array of lifecycle costs", false), o.pathOf("lifecycle"),
                   [&](const Json& v, const std::string& path) {
                       const Object item(v, path, {"operating_year", "amount"});
                       p.lifecycle.push_back({item.whole("operating_year", anyWhole), item.number("amount", anyNumber)});
                   });
    forEachElement(o.array("revenues", "an array of revenue streams", false), o.pathOf("revenues"),
                   [&](const Json& v, const std::string& path) { p.revenues.push_back(readRevenue(v, path)); });
    forEachElement(o.array("energy_savings", "an array of energy savings", false), o.pathOf("energy_savings"),
                   [&](const Json& v, const std::string& path) { p.energySavings.push_back(readSaving(v, path)); });
}

} // namespace

Project readProject(const Object& top) {
    const Object o = top.object("project", {"name", "currency", "price_basis", "inflation", "start_year",
                                            "construction_years", "operating_years", "capex", "annual_opex",
                                            "opex_escalation", "lifecycle", "revenues", "energy_savings",
                                            "residual_value", "rates", "tax_rate", "depreciation_years"});
    Project p;
    p.name = o.text("name");
    p.currency = readCurrency(o, p.currency);
    p.basis = o.choiceOr("price_basis", p.basis, priceBasisNames);
    p.inflation = o.numberOr("inflation", p.inflation, anyNumber);
    p.startYear = o.wholeOr("start_year", p.startYear, {1901, 2150, "a calendar year from 1901 to 2150"});
    p.constructionYears = o.wholeOr("construction_years", p.constructionYears, anyWhole);
    p.operatingYears = o.wholeOr("operating_years", p.operatingYears, anyWhole);
    p.annualOpex = o.numberOr("annual_opex", p.annualOpex, anyNumber);
    p.opexEscalation = o.numberOr("opex_escalation", p.opexEscalation, anyNumber);
    readLists(o, p);
    p.residualValue = o.numberOr("residual_value", p.residualValue, anyNumber);
    if (auto rates = o.optionalObject("rates", {"public", "private", "social"})) {
        p.rates.publicRate = rates->numberOr("public", p.rates.publicRate, anyNumber);
        p.rates.privateRate = rates->numberOr("private", p.rates.privateRate, anyNumber);
        p.rates.socialRate = rates->numberOr("social", p.rates.socialRate, anyNumber);
    }
    p.taxRate = o.numberOr("tax_rate", p.taxRate, anyNumber);
    p.depreciationYears = o.wholeOr("depreciation_years", p.depreciationYears, anyWhole);
    validateProject(p);  // ranges, with the same "project.<field>" paths
    return p;
}

Scenario readScenario(const Object& top, const Project& project) {
    Scenario s;
    const auto o = top.optionalObject("scenario", {"capex_factor", "opex_factor", "demand_factor", "savings_factor",
                                                   "price_factor", "delay_years", "interest_rate_shift",
                                                   "inflation_shift", "availability_shortfall", "payment_shortfall"});
    if (!o) return s;
    s.capexFactor = o->numberOr("capex_factor", s.capexFactor, nonNegativeRange);
    s.opexFactor = o->numberOr("opex_factor", s.opexFactor, nonNegativeRange);
    s.demandFactor = o->numberOr("demand_factor", s.demandFactor, nonNegativeRange);
    s.savingsFactor = o->numberOr("savings_factor", s.savingsFactor, nonNegativeRange);
    s.priceFactor = o->numberOr("price_factor", s.priceFactor, nonNegativeRange);
    s.delayYears = o->wholeOr("delay_years", s.delayYears, yearsRange(0, project.operatingYears));
    s.interestRateShift = o->numberOr("interest_rate_shift", s.interestRateShift,
                                      casejson::NumberRange{-1.0, 1.0, false, "a shift of rates from -1 to 1"});
    s.inflationShift = o->numberOr("inflation_shift", s.inflationShift,
                                   casejson::NumberRange{-1.0, 1.0, false, "a shift of inflation from -1 to 1"});
    s.availabilityShortfall = o->numberOr("availability_shortfall", s.availabilityShortfall, shareRange);
    s.paymentShortfall = o->numberOr("payment_shortfall", s.paymentShortfall, shareRange);
    if (s.inflationShift != 0.0 && project.basis == PriceBasis::Real)
        throw InputError(o->pathOf("inflation_shift"), formatValue(s.inflationShift),
                         "0 in a case in real terms (it shifts the inflation of a nominal case)");
    return s;
}

} // namespace casejson

namespace {

using casejson::Json;

// The version is checked before anything else: a newer file is best told so, not that its new
// fields are unknown.
int readVersion(const Json& doc) {
    const std::string expected = "a supported format version: " + std::to_string(caseFormatVersion);
    auto it = doc.find("cityfin");
    if (it == doc.end()) throw InputError("cityfin", "no value", expected + " (a required field)");
    if (!it->is_number_integer() || it->get<long long>() != caseFormatVersion) casejson::fail("cityfin", *it, expected);
    return caseFormatVersion;
}

const Json& reservedSection(const casejson::Object& top, std::string_view key) {
    return top.array(key, "an array (reserved for a later version, kept as it is)", false);
}

} // namespace

Case parseCase(std::string_view text) {
    const Json doc = casejson::parseStrict(text);
    if (!doc.is_object()) casejson::fail("", doc, "an object with the fields of a case");
    Case c;
    c.version = readVersion(doc);
    const casejson::Object top(doc, "", {"cityfin", "id", "name", "description", "source", "project", "scenario",
                                         "structures", "plans", "risks", "outcomes", "carbon_price"});
    c.id = casejson::readId(top, "id");
    c.name = top.text("name");
    c.description = top.textOr("description", "");
    c.source = top.textOr("source", "");
    c.project = casejson::readProject(top);
    c.scenario = casejson::readScenario(top, c.project);
    c.structures = casejson::readStructures(top, c.project);
    c.plans = reservedSection(top, "plans");
    c.risks = reservedSection(top, "risks");
    // validated here; typed on use (models/risk/risk_register.hpp)
    validateRegisterForProject(readRiskRegister(c.risks), c.project);
    c.outcomes = casejson::readOutcomes(top);
    c.carbonPrice = casejson::readCarbonPrice(top);
    validateOutcomes(c.outcomes, c.carbonPrice);
    return c;
}

Case loadCaseFile(const std::string& path) {
    std::error_code ec;
    std::ifstream in;
    if (std::filesystem::is_regular_file(path, ec)) in.open(path, std::ios::binary);
    if (!in.is_open() || !in) throw InputError("case file", path, "a readable file");
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw InputError("case file", path, "a readable file");
    return parseCase(text);
}

} // namespace cityfin::models
