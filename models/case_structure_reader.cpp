// The case reader's "structures": the terms of each structure type, range-checked field by field
// with their JSON paths (the structure builders check only how fields fit together).
#include "models/case_sections.hpp"
#include "models/support.hpp"

#include "finance/errors.hpp"

#include <limits>
#include <unordered_map>

namespace cityfin::models::casejson {
namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr NumberRange dscrRange{1.0, infinity, false, "a ratio >= 1"};
constexpr NumberRange couponRange{0.0, 1.0, false, "a rate from 0 to 1"};
constexpr NumberRange greeniumRange{0.0, 10000.0, false, "a number of basis points from 0 to 10000"};

DebtFinancing readDebt(const Json& value, const std::string& path, const Project& p) {
    const Object o(value, path, {"gearing_cap", "rate", "tenor_years", "target_dscr", "grace_years", "profile",
                                 "floating_share"});
    DebtFinancing d;
    d.gearingCap = o.numberOr("gearing_cap", d.gearingCap, shareRange);
    d.rate = o.numberOr("rate", d.rate, rateRange);
    // Repaid from the first operating year, so within the operating years.
    d.tenorYears = o.wholeOr("tenor_years", d.tenorYears, yearsRange(1, p.operatingYears));
    d.targetDscr = o.numberOr("target_dscr", d.targetDscr, dscrRange);
    d.graceYears = o.wholeOr("grace_years", d.graceYears, yearsRange(0, p.operatingYears - 1));
    d.profile = o.choiceOr("profile", d.profile, repaymentProfileNames);
    d.floatingShare = o.numberOr("floating_share", d.floatingShare, shareRange);
    return d;
}

// The debt object is optional in the file; its fields default as DebtFinancing's.
DebtFinancing readDebtOr(const Object& terms, std::string_view key, const Project& p) {
    static const Json empty = Json::object();
    const Json* v = terms.find(key);
    return readDebt(v ? *v : empty, terms.pathOf(key), p);
}

TraditionalTerms readTraditional(const Object& o, const Project& p) {
    TraditionalTerms t;
    t.loanShare = o.numberOr("loan_share", t.loanShare, shareRange);
    t.loanRate = o.numberOr("loan_rate", t.loanRate, rateRange);
    t.loanFloatingShare = o.numberOr("loan_floating_share", t.loanFloatingShare, shareRange);
    // A loan that is taken must be repaid within the operating years; an unused tenor is only bounded.
    t.loanTenorYears = o.wholeOr("loan_tenor_years", t.loanTenorYears,
                                 t.loanShare > 0.0 ? yearsRange(1, p.operatingYears) : yearsRange(1, 100));
    return t;
}

PppAvailabilityTerms readPpp(const Object& o, const Project& p) {
    PppAvailabilityTerms t;
    t.debt = readDebtOr(o, "debt", p);
    t.equityHurdle = o.optionalNumber("equity_hurdle", rateRange);
    t.unitaryCharge = o.optionalNumber("unitary_charge", amountRange);
    t.bidEquityIrr = o.optionalNumber("bid_equity_irr", rateRange);
    t.indexation = o.numberOr("indexation", t.indexation, shareRange);
    t.expectedDeductions = o.numberOr("expected_deductions", t.expectedDeductions, shareRange);
    t.deductionMultiplier = o.numberOr("deduction_multiplier", t.deductionMultiplier,
                                       NumberRange{0.0, 10.0, false, "a multiplier from 0 to 10"});
    return t;
}

ConcessionTerms readConcession(const Object& o, const Project& p) {
    ConcessionTerms t;
    t.variant = o.choiceOr("variant", t.variant, concessionVariantNames);
    t.debt = readDebtOr(o, "debt", p);
    t.equityHurdle = o.optionalNumber("equity_hurdle", rateRange);
    t.concessionFeeShare = o.numberOr("concession_fee_share", t.concessionFeeShare, shareRange);
    return t;
}

BuildTransferTerms readBuildTransfer(const Object& o, const Project& p) {
    BuildTransferTerms t;
    t.contractorMargin = o.numberOr("contractor_margin", t.contractorMargin, shareRange);
    t.contractorFinanceRate = o.numberOr("contractor_finance_rate", t.contractorFinanceRate, rateRange);
    t.instalmentRate = o.numberOr("instalment_rate", t.instalmentRate, rateRange);
    t.instalmentYears = o.wholeOr("instalment_years", t.instalmentYears, yearsRange(1, p.operatingYears));
    return t;
}

GreenBondTerms readGreenBond(const Object& o, const Project& p) {
    GreenBondTerms t;
    // Issued at period 0 and redeemed at the end of its tenor, within the project's periods.
    t.tenorYears = o.wholeOr("tenor_years", t.tenorYears, yearsRange(1, p.periods() - 1));
    t.couponRate = o.numberOr("coupon_rate", t.couponRate, couponRange);
    t.conventionalYield = o.numberOr("conventional_yield", t.conventionalYield, rateRange);
    t.greeniumBp = o.numberOr("greenium_bp", t.greeniumBp, greeniumRange);
    t.issuanceCostShare = o.numberOr("issuance_cost_share", t.issuanceCostShare, shareRange);
    t.externalReviewCost = o.numberOr("external_review_cost", t.externalReviewCost, amountRange);
    t.annualReportingCost = o.numberOr("annual_reporting_cost", t.annualReportingCost, amountRange);
    t.amortising = o.flagOr("amortising", t.amortising);
    return t;
}

EspcTerms readEspc(const Object& o, const Project& p) {
    EspcTerms t;
    t.variant = o.choiceOr("variant", t.variant, espcVariantNames);
    t.termYears = o.wholeOr("term_years", t.termYears, yearsRange(1, p.operatingYears));
    t.guaranteedShare = o.numberOr("guaranteed_share", t.guaranteedShare, shareRange);
    t.annualFee = o.numberOr("annual_fee", t.annualFee, amountRange);
    t.ownerLoanShare = o.numberOr("owner_loan_share", t.ownerLoanShare, shareRange);
    t.ownerLoanRate = o.numberOr("owner_loan_rate", t.ownerLoanRate, rateRange);
    t.ownerLoanFloatingShare = o.numberOr("owner_loan_floating_share", t.ownerLoanFloatingShare, shareRange);
    t.escoShare = o.optionalNumber("esco_share", shareRange);
    if (const Json* debt = o.find("esco_debt")) t.escoDebt = readDebt(*debt, o.pathOf("esco_debt"), p);
    t.equityHurdle = o.optionalNumber("equity_hurdle", rateRange);
    t.bidEquityIrr = o.optionalNumber("bid_equity_irr", rateRange);
    t.mvCostPerYear = o.numberOr("mv_cost_per_year", t.mvCostPerYear, amountRange);
    return t;
}

PayAsYouGoTerms readPayAsYouGo(const Object& o, const Project& p) {
    PayAsYouGoTerms t;
    t.variant = o.choiceOr("variant", t.variant, payAsYouGoVariantNames);
    t.contractYears = o.wholeOr("contract_years", t.contractYears, yearsRange(0, p.operatingYears));
    t.annualServiceFee = o.optionalNumber("annual_service_fee", amountRange);
    t.equityHurdle = o.optionalNumber("equity_hurdle", rateRange);
    t.bidEquityIrr = o.optionalNumber("bid_equity_irr", rateRange);
    t.annualCapexBudget = o.numberOr("annual_capex_budget", t.annualCapexBudget, amountRange);
    return t;
}

RevenueSharingTerms readRevenueSharing(const Object& o, const Project& p) {
    RevenueSharingTerms t;
    t.operatorCapexShare = o.numberOr("operator_capex_share", t.operatorCapexShare, shareRange);
    t.operatorOpexShare = o.numberOr("operator_opex_share", t.operatorOpexShare, shareRange);
    t.operatorRevenueShare = o.numberOr("operator_revenue_share", t.operatorRevenueShare, shareRange);
    t.termYears = o.wholeOr("term_years", t.termYears, yearsRange(0, p.operatingYears));
    return t;
}

StructureTerms readTerms(const Object& s, std::size_t type, const Project& p) {
    switch (type) {
    case 0: return readTraditional(s.object("terms", {"loan_share", "loan_rate", "loan_tenor_years", "loan_floating_share"}), p);
    case 1:
        return readPpp(s.object("terms", {"debt", "equity_hurdle", "unitary_charge", "bid_equity_irr", "indexation",
                                          "expected_deductions", "deduction_multiplier"}), p);
    case 2: return readConcession(s.object("terms", {"variant", "debt", "equity_hurdle", "concession_fee_share"}), p);
    case 3:
        return readBuildTransfer(s.object("terms", {"contractor_margin", "contractor_finance_rate", "instalment_rate",
                                                    "instalment_years"}), p);
    case 4:
        return readGreenBond(s.object("terms", {"tenor_years", "coupon_rate", "conventional_yield", "greenium_bp",
                                                "issuance_cost_share", "external_review_cost",
                                                "annual_reporting_cost", "amortising"}), p);
    case 5:
        return readEspc(s.object("terms", {"variant", "term_years", "guaranteed_share", "annual_fee",
                                           "owner_loan_share", "owner_loan_rate", "owner_loan_floating_share", "esco_share", "esco_debt",
                                           "equity_hurdle", "bid_equity_irr", "mv_cost_per_year"}), p);
    case 6:
        return readPayAsYouGo(s.object("terms", {"variant", "contract_years", "annual_service_fee", "equity_hurdle",
                                                 "bid_equity_irr", "annual_capex_budget"}), p);
    default:
        return readRevenueSharing(s.object("terms", {"operator_capex_share", "operator_opex_share",
                                                     "operator_revenue_share", "term_years"}), p);
    }
}

std::size_t readType(const Object& s) {
    const std::string expected = Object::oneOf(structureTypeNames);
    const Json* v = s.find("type");
    if (!v) s.missing("type", expected);
    if (v->is_string())
        for (std::size_t i = 0; i < structureTypeNames.size(); ++i)
            if (structureTypeNames[i] == v->get_ref<const std::string&>()) return i;
    fail(s.pathOf("type"), *v, expected);
}

Structure readStructure(const Json& v, const std::string& path, const Project& p) {
    const Object o(v, path, {"id", "name", "type", "terms", "support"});
    Structure s;
    s.id = readId(o, "id");
    s.name = o.text("name");
    s.terms = readTerms(o, readType(o), p);
    s.support = readSupport(o, p);
    try {
        validateSupport(s.support, p);
    } catch (const InputError& e) {  // its paths start at "support."
        throw InputError(path + "." + e.field(), e.value(), e.expected());
    }
    return s;
}

} // namespace

std::vector<Structure> readStructures(const Object& top, const Project& p) {
    const std::string path = top.pathOf("structures");
    const Json& list = top.array("structures", "an array of at least one structure", true);
    if (list.empty()) fail(path, list, "an array of at least one structure");
    std::vector<Structure> structures;
    std::unordered_map<std::string, std::size_t> indexOfId;  // a map, not a scan: files may be huge
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = elementPath(path, i);
        Structure s = readStructure(list[i], at, p);
        if (auto [it, added] = indexOfId.emplace(s.id, i); !added)
            throw InputError(at + ".id", shown(Json(s.id)),
                             "an id no other structure has (" + elementPath(path, it->second) + " has it)");
        structures.push_back(std::move(s));
    }
    return structures;
}

} // namespace cityfin::models::casejson
