// The case reader's "support" of a structure. Types are checked here; ranges by validateSupport()
// (called by the structure reader), except what it leaves open: tax increment years within the
// operating years.
#include "models/case_sections.hpp"

namespace cityfin::models::casejson {
namespace {

std::vector<Grant> readGrants(const Object& s) {
    std::vector<Grant> grants;
    forEachElement(s.array("grants", "an array of grants", false), s.pathOf("grants"),
                   [&](const Json& v, const std::string& path) {
                       const Object o(v, path, {"source", "amount", "year", "to_private"});
                       Grant g;
                       g.source = o.text("source");
                       g.amount = o.number("amount", anyNumber);
                       g.year = o.whole("year", anyWhole);
                       g.toPrivate = o.flagOr("to_private", g.toPrivate);
                       grants.push_back(std::move(g));
                   });
    return grants;
}

MinimumRevenueGuarantee readGuarantee(const Object& o) {
    MinimumRevenueGuarantee m;
    forEachElement(o.array("bands", "an array of at least one band of years", true), o.pathOf("bands"),
                   [&](const Json& v, const std::string& path) {
                       const Object b(v, path, {"from_year", "to_year", "guaranteed_share"});
                       m.bands.push_back({b.whole("from_year", anyWhole), b.whole("to_year", anyWhole),
                                          b.number("guaranteed_share", anyNumber)});
                   });
    m.noPaymentBelow = o.numberOr("no_payment_below", m.noPaymentBelow, anyNumber);
    forEachElement(o.array("clawback", "an array of clawback bands", false), o.pathOf("clawback"),
                   [&](const Json& v, const std::string& path) {
                       const Object c(v, path, {"above", "city_share"});
                       m.clawback.push_back({c.number("above", anyNumber), c.number("city_share", anyNumber)});
                   });
    return m;
}

void readInstruments(const Object& s, const Project& p, SupportTerms& t) {
    if (auto o = s.optionalObject("credit_guarantee", {"spread_reduction", "fee_rate"})) {
        CreditGuarantee c;
        c.spreadReduction = o->numberOr("spread_reduction", c.spreadReduction, anyNumber);
        c.feeRate = o->numberOr("fee_rate", c.feeRate, anyNumber);
        t.creditGuarantee = c;
    }
    if (auto o = s.optionalObject("tax_incentive", {"exempt_three_half_three", "reduced_rate"})) {
        TaxIncentive i;
        i.exemptThreeHalfThree = o->flagOr("exempt_three_half_three", i.exemptThreeHalfThree);
        i.reducedRate = o->optionalNumber("reduced_rate", anyNumber);
        t.taxIncentive = i;
    }
    if (auto o = s.optionalObject("tax_increment", {"annual_increment", "share_captured", "years"})) {
        TaxIncrementFinancing f;
        f.annualIncrement = o->number("annual_increment", anyNumber);
        f.shareCaptured = o->numberOr("share_captured", f.shareCaptured, anyNumber);
        f.years = o->wholeOr("years", f.years, yearsRange(0, p.operatingYears));
        t.taxIncrement = f;
    }
    if (auto o = s.optionalObject("crowdfunding", {"amount", "rate", "tenor_years"})) {
        Crowdfunding c;
        c.amount = o->number("amount", anyNumber);
        c.rate = o->numberOr("rate", c.rate, anyNumber);
        c.tenorYears = o->wholeOr("tenor_years", c.tenorYears, anyWhole);
        t.crowdfunding = c;
    }
    if (auto o = s.optionalObject("co_investment", {"public_equity_share"}))
        t.coInvestment = CoInvestmentFund{o->number("public_equity_share", anyNumber)};
}

} // namespace

SupportTerms readSupport(const Object& structure, const Project& p) {
    SupportTerms t;
    const auto s = structure.optionalObject("support", {"grants", "construction_subsidy_share",
                                                        "minimum_revenue_guarantee", "credit_guarantee",
                                                        "tax_incentive", "tax_increment", "crowdfunding",
                                                        "co_investment"});
    if (!s) return t;
    t.grants = readGrants(*s);
    t.constructionSubsidyShare = s->numberOr("construction_subsidy_share", t.constructionSubsidyShare, anyNumber);
    if (auto o = s->optionalObject("minimum_revenue_guarantee", {"bands", "no_payment_below", "clawback"}))
        t.minimumRevenueGuarantee = readGuarantee(*o);
    readInstruments(*s, p, t);
    return t;
}

} // namespace cityfin::models::casejson
