// The canonical text of a case: fields in the documented order (ordered_json), every plain field
// written, optional ones only when set, numbers that are whole written as integers.
#include "models/case_file.hpp"
#include "models/case_json.hpp"
#include "models/case_names.hpp"
#include "models/social/outcome_names.hpp"

#include "finance/errors.hpp"

#include <cmath>
#include <cstdint>

namespace cityfin::models {
namespace {

using Ordered = nlohmann::ordered_json;
using casejson::childPath;
using casejson::elementPath;

// Largest magnitude below which every whole double is exactly an int64 and back (2^53).
constexpr double exactIntegerLimit = 9007199254740992.0;

Ordered numberValue(const std::string& path, double x) {
    if (!std::isfinite(x)) throw InputError(path, formatValue(x), "a finite number (JSON has no NaN or infinity)");
    if (x == std::trunc(x) && std::fabs(x) <= exactIntegerLimit) return static_cast<std::int64_t>(x);
    return x;
}

// One JSON object being written at a path, so that a value JSON cannot hold is named by its path.
class Writer {
public:
    explicit Writer(std::string path) : path_(std::move(path)) {}

    std::string at(std::string_view key) const { return childPath(path_, key); }
    Writer& number(std::string_view key, double x) { return put(key, numberValue(at(key), x)); }
    Writer& optionalNumber(std::string_view key, const std::optional<double>& x) {
        return x ? number(key, *x) : *this;
    }
    Writer& whole(std::string_view key, int x) { return put(key, x); }
    Writer& flag(std::string_view key, bool x) { return put(key, x); }
    Writer& text(std::string_view key, const std::string& s) {
        try {
            (void)Ordered(s).dump();  // throws for text that is not UTF-8
        } catch (const Ordered::type_error&) {
            throw InputError(at(key), "text that is not valid UTF-8", "UTF-8 text");
        }
        return put(key, s);
    }
    template <typename E, std::size_t N>
    Writer& choice(std::string_view key, E value, const std::array<NamedValue<E>, N>& names) {
        return put(key, std::string(nameOf(names, value)));
    }
    Writer& put(std::string_view key, Ordered value) {
        out_[std::string(key)] = std::move(value);
        return *this;
    }
    Ordered done() { return std::move(out_); }

private:
    std::string path_;
    Ordered out_ = Ordered::object();
};

Ordered debtJson(const std::string& path, const DebtFinancing& d) {
    Writer w(path);
    w.number("gearing_cap", d.gearingCap).number("rate", d.rate).whole("tenor_years", d.tenorYears);
    w.number("target_dscr", d.targetDscr).whole("grace_years", d.graceYears);
    w.choice("profile", d.profile, repaymentProfileNames);
    if (d.floatingShare != 0.0) w.number("floating_share", d.floatingShare);  // absent: fixed at close
    return w.done();
}

Ordered termsJson(const std::string& path, const StructureTerms& terms) {
    Writer w(path);
    if (auto* t = std::get_if<TraditionalTerms>(&terms)) {
        w.number("loan_share", t->loanShare).number("loan_rate", t->loanRate).whole("loan_tenor_years", t->loanTenorYears);
        if (t->loanFloatingShare != 0.0) w.number("loan_floating_share", t->loanFloatingShare);
    } else if (auto* t = std::get_if<PppAvailabilityTerms>(&terms)) {
        w.put("debt", debtJson(w.at("debt"), t->debt)).optionalNumber("equity_hurdle", t->equityHurdle);
        w.optionalNumber("unitary_charge", t->unitaryCharge).optionalNumber("bid_equity_irr", t->bidEquityIrr);
        w.number("indexation", t->indexation);
        w.number("expected_deductions", t->expectedDeductions);
        if (t->deductionMultiplier != 1.0) w.number("deduction_multiplier", t->deductionMultiplier);
    } else if (auto* t = std::get_if<ConcessionTerms>(&terms)) {
        w.choice("variant", t->variant, concessionVariantNames).put("debt", debtJson(w.at("debt"), t->debt));
        w.optionalNumber("equity_hurdle", t->equityHurdle).number("concession_fee_share", t->concessionFeeShare);
    } else if (auto* t = std::get_if<BuildTransferTerms>(&terms)) {
        w.number("contractor_margin", t->contractorMargin).number("contractor_finance_rate", t->contractorFinanceRate);
        w.number("instalment_rate", t->instalmentRate).whole("instalment_years", t->instalmentYears);
    } else if (auto* t = std::get_if<GreenBondTerms>(&terms)) {
        w.whole("tenor_years", t->tenorYears).number("coupon_rate", t->couponRate);
        w.number("conventional_yield", t->conventionalYield).number("greenium_bp", t->greeniumBp);
        w.number("issuance_cost_share", t->issuanceCostShare).number("external_review_cost", t->externalReviewCost);
        w.number("annual_reporting_cost", t->annualReportingCost).flag("amortising", t->amortising);
    } else if (auto* t = std::get_if<EspcTerms>(&terms)) {
        w.choice("variant", t->variant, espcVariantNames).whole("term_years", t->termYears);
        w.number("guaranteed_share", t->guaranteedShare).number("annual_fee", t->annualFee);
        w.number("owner_loan_share", t->ownerLoanShare).number("owner_loan_rate", t->ownerLoanRate);
        if (t->ownerLoanFloatingShare != 0.0) w.number("owner_loan_floating_share", t->ownerLoanFloatingShare);
        w.optionalNumber("esco_share", t->escoShare);
        if (t->escoDebt) w.put("esco_debt", debtJson(w.at("esco_debt"), *t->escoDebt));
        w.optionalNumber("equity_hurdle", t->equityHurdle).optionalNumber("bid_equity_irr", t->bidEquityIrr);
        w.number("mv_cost_per_year", t->mvCostPerYear);
    } else if (auto* t = std::get_if<PayAsYouGoTerms>(&terms)) {
        w.choice("variant", t->variant, payAsYouGoVariantNames).whole("contract_years", t->contractYears);
        w.optionalNumber("annual_service_fee", t->annualServiceFee).optionalNumber("equity_hurdle", t->equityHurdle);
        w.optionalNumber("bid_equity_irr", t->bidEquityIrr).number("annual_capex_budget", t->annualCapexBudget);
    } else if (auto* t = std::get_if<RevenueSharingTerms>(&terms)) {
        w.number("operator_capex_share", t->operatorCapexShare).number("operator_opex_share", t->operatorOpexShare);
        w.number("operator_revenue_share", t->operatorRevenueShare).whole("term_years", t->termYears);
    }
    return w.done();
}

bool supportInUse(const SupportTerms& s) {
    return !s.grants.empty() || s.constructionSubsidyShare != 0.0 || s.minimumRevenueGuarantee || s.creditGuarantee ||
           s.taxIncentive || s.taxIncrement || s.crowdfunding || s.coInvestment;
}

Ordered guaranteeJson(const std::string& path, const MinimumRevenueGuarantee& m) {
    Writer w(path);
    Ordered bands = Ordered::array(), clawback = Ordered::array();
    for (std::size_t i = 0; i < m.bands.size(); ++i) {
        Writer b(elementPath(w.at("bands"), i));
        b.whole("from_year", m.bands[i].fromYear).whole("to_year", m.bands[i].toYear);
        bands.push_back(b.number("guaranteed_share", m.bands[i].guaranteedShare).done());
    }
    for (std::size_t i = 0; i < m.clawback.size(); ++i) {
        Writer c(elementPath(w.at("clawback"), i));
        clawback.push_back(c.number("above", m.clawback[i].above).number("city_share", m.clawback[i].cityShare).done());
    }
    w.put("bands", bands).number("no_payment_below", m.noPaymentBelow);
    if (!clawback.empty()) w.put("clawback", clawback);
    return w.done();
}

Ordered supportJson(const std::string& path, const SupportTerms& s) {
    Writer w(path);
    if (!s.grants.empty()) {
        Ordered grants = Ordered::array();
        for (std::size_t i = 0; i < s.grants.size(); ++i) {
            Writer g(elementPath(w.at("grants"), i));
            g.text("source", s.grants[i].source).number("amount", s.grants[i].amount).whole("year", s.grants[i].year);
            grants.push_back(g.flag("to_private", s.grants[i].toPrivate).done());
        }
        w.put("grants", grants);
    }
    if (s.constructionSubsidyShare != 0.0) w.number("construction_subsidy_share", s.constructionSubsidyShare);
    if (s.minimumRevenueGuarantee)
        w.put("minimum_revenue_guarantee", guaranteeJson(w.at("minimum_revenue_guarantee"), *s.minimumRevenueGuarantee));
    if (const auto& c = s.creditGuarantee)
        w.put("credit_guarantee", Writer(w.at("credit_guarantee")).number("spread_reduction", c->spreadReduction)
                                      .number("fee_rate", c->feeRate).done());
    if (const auto& t = s.taxIncentive)
        w.put("tax_incentive", Writer(w.at("tax_incentive")).flag("exempt_three_half_three", t->exemptThreeHalfThree)
                                   .optionalNumber("reduced_rate", t->reducedRate).done());
    if (const auto& t = s.taxIncrement)
        w.put("tax_increment", Writer(w.at("tax_increment")).number("annual_increment", t->annualIncrement)
                                   .number("share_captured", t->shareCaptured).whole("years", t->years).done());
    if (const auto& c = s.crowdfunding)
        w.put("crowdfunding", Writer(w.at("crowdfunding")).number("amount", c->amount).number("rate", c->rate)
                                  .whole("tenor_years", c->tenorYears).done());
    if (const auto& c = s.coInvestment)
        w.put("co_investment", Writer(w.at("co_investment")).number("public_equity_share", c->publicEquityShare).done());
    return w.done();
}

Ordered structureJson(const std::string& path, const Structure& s) {
    Writer w(path);
    w.text("id", s.id).text("name", s.name).put("type", std::string(structureTypeNames[s.terms.index()]));
    w.put("terms", termsJson(w.at("terms"), s.terms));
    if (supportInUse(s.support)) w.put("support", supportJson(w.at("support"), s.support));
    return w.done();
}

} // namespace

namespace {

void projectListsInto(Writer& w, const Project& p) {
    Ordered capex = Ordered::array();
    for (std::size_t i = 0; i < p.capex.size(); ++i) capex.push_back(numberValue(elementPath(w.at("capex"), i), p.capex[i]));
    w.put("capex", capex).number("annual_opex", p.annualOpex).number("opex_escalation", p.opexEscalation);
    Ordered lifecycle = Ordered::array(), revenues = Ordered::array(), savings = Ordered::array();
    for (std::size_t i = 0; i < p.lifecycle.size(); ++i)
        lifecycle.push_back(Writer(elementPath(w.at("lifecycle"), i))
                                .whole("operating_year", p.lifecycle[i].operatingYear)
                                .number("amount", p.lifecycle[i].amount).done());
    for (std::size_t i = 0; i < p.revenues.size(); ++i) {
        const RevenueStream& r = p.revenues[i];
        Writer rw(elementPath(w.at("revenues"), i));
        rw.text("name", r.name).choice("payer", r.payer, payerNames).number("annual_volume", r.annualVolume);
        rw.number("unit_price", r.unitPrice).number("volume_growth", r.volumeGrowth);
        revenues.push_back(rw.number("price_escalation", r.priceEscalation).whole("ramp_up_years", r.rampUpYears).done());
    }
    for (std::size_t i = 0; i < p.energySavings.size(); ++i) {
        const EnergySaving& e = p.energySavings[i];
        Writer ew(elementPath(w.at("energy_savings"), i));
        ew.text("name", e.name).number("baseline_kwh", e.baselineKwh).number("saving_fraction", e.savingFraction);
        ew.number("price_per_kwh", e.pricePerKwh).number("price_escalation", e.priceEscalation);
        savings.push_back(ew.number("degradation", e.degradation).done());
    }
    if (!lifecycle.empty()) w.put("lifecycle", lifecycle);
    if (!revenues.empty()) w.put("revenues", revenues);
    if (!savings.empty()) w.put("energy_savings", savings);

}

Ordered projectJson(const Project& p) {
    Writer w("project");
    w.text("name", p.name).text("currency", p.currency).choice("price_basis", p.basis, priceBasisNames);
    w.number("inflation", p.inflation).whole("start_year", p.startYear);
    w.whole("construction_years", p.constructionYears).whole("operating_years", p.operatingYears);
    projectListsInto(w, p);
    w.number("residual_value", p.residualValue);
    w.put("rates", Writer(w.at("rates")).number("public", p.rates.publicRate).number("private", p.rates.privateRate)
                       .number("social", p.rates.socialRate).done());
    w.number("tax_rate", p.taxRate).whole("depreciation_years", p.depreciationYears);
    return w.done();
}

bool isDefault(const Scenario& s) {
    const Scenario d;
    return s.capexFactor == d.capexFactor && s.opexFactor == d.opexFactor && s.demandFactor == d.demandFactor &&
           s.savingsFactor == d.savingsFactor && s.priceFactor == d.priceFactor && s.delayYears == d.delayYears &&
           s.interestRateShift == d.interestRateShift && s.inflationShift == d.inflationShift &&
           s.availabilityShortfall == d.availabilityShortfall && s.paymentShortfall == d.paymentShortfall;
}

Ordered scenarioJson(const Scenario& s) {
    Writer w("scenario");
    w.number("capex_factor", s.capexFactor).number("opex_factor", s.opexFactor).number("demand_factor", s.demandFactor);
    w.number("savings_factor", s.savingsFactor).number("price_factor", s.priceFactor).whole("delay_years", s.delayYears);
    if (s.interestRateShift != 0.0) w.number("interest_rate_shift", s.interestRateShift);
    if (s.inflationShift != 0.0) w.number("inflation_shift", s.inflationShift);
    if (s.availabilityShortfall != 0.0) w.number("availability_shortfall", s.availabilityShortfall);
    if (s.paymentShortfall != 0.0) w.number("payment_shortfall", s.paymentShortfall);
    return w.done();
}

// A reserved section is kept as it was read; only its kind is checked.
void putReserved(Writer& w, std::string_view key, const nlohmann::json& section) {
    if (!section.is_array()) casejson::fail(std::string(key), section, "an array");
    if (!section.empty()) w.put(key, Ordered(section));
}

Ordered outcomeJson(const std::string& path, const SocialOutcome& o) {
    Writer w(path);
    w.text("id", o.id).text("name", o.name).choice("category", o.category, outcomeCategoryNames).text("unit", o.unit);
    w.number("annual_quantity", o.annualQuantity).whole("ramp_up_years", o.rampUpYears);
    w.number("quantity_growth", o.quantityGrowth).choice("valuation", o.valuation, outcomeValuationNames);
    w.number("proxy_value", o.proxyValue).number("proxy_escalation", o.proxyEscalation).text("proxy_source", o.proxySource);
    w.number("tonnes_co2_per_unit", o.tonnesCo2PerUnit).number("deadweight", o.deadweight);
    w.number("attribution", o.attribution).number("displacement", o.displacement).number("drop_off", o.dropOff);
    return w.done();
}

void putOutcomes(Writer& w, const Case& c) {
    if (!c.outcomes.empty()) {
        Ordered list = Ordered::array();
        for (std::size_t i = 0; i < c.outcomes.size(); ++i)
            list.push_back(outcomeJson(elementPath("outcomes", i), c.outcomes[i]));
        w.put("outcomes", list);
    }
    if (!c.carbonPrice.empty()) {
        Ordered path = Ordered::array();
        for (std::size_t i = 0; i < c.carbonPrice.size(); ++i) {
            Writer point(elementPath("carbon_price", i));
            path.push_back(point.whole("year", c.carbonPrice[i].year).number("price", c.carbonPrice[i].price).done());
        }
        w.put("carbon_price", path);
    }
}

} // namespace

std::string caseToJson(const Case& c) {
    if (c.version != caseFormatVersion)
        throw InputError("cityfin", std::to_string(c.version),
                         "a supported format version: " + std::to_string(caseFormatVersion));
    Writer w("");
    w.whole("cityfin", c.version).text("id", c.id).text("name", c.name);
    if (!c.description.empty()) w.text("description", c.description);
    if (!c.source.empty()) w.text("source", c.source);
    w.put("project", projectJson(c.project));
    if (!isDefault(c.scenario)) w.put("scenario", scenarioJson(c.scenario));
    Ordered structures = Ordered::array();
    for (std::size_t i = 0; i < c.structures.size(); ++i)
        structures.push_back(structureJson(elementPath("structures", i), c.structures[i]));
    w.put("structures", structures);
    putReserved(w, "plans", c.plans);
    putReserved(w, "risks", c.risks);
    putOutcomes(w, c);
    try {
        return w.done().dump(2) + "\n";
    } catch (const Ordered::type_error&) {  // text that is not UTF-8 inside a reserved section
        throw InputError("case file", "text that is not valid UTF-8", "UTF-8 text");
    }
}

} // namespace cityfin::models
