#include "finance/dates.hpp"
#include "finance/errors.hpp"
#include "finance/metrics.hpp"
#include "fixtures_energy.hpp"
#include "models/evaluation.hpp"
#include "models/structures/build.hpp"

#include <gtest/gtest.h>
#include <ql/instruments/bonds/amortizingfixedratebond.hpp>
#include <ql/instruments/bonds/fixedratebond.hpp>
#include <ql/pricingengines/bond/discountingbondengine.hpp>
#include <ql/termstructures/yield/flatforward.hpp>
#include <ql/time/calendars/nullcalendar.hpp>
#include <ql/time/daycounters/actualactual.hpp>
#include <ql/time/schedule.hpp>

#include <cmath>
#include <numeric>

using namespace cityfin::models;
using namespace cityfin::models::energy_fixtures;
namespace ql = QuantLib;

namespace {

// An independent QuantLib price: a FixedRateBond (or AmortizingFixedRateBond) valued by a
// DiscountingBondEngine on a flat curve at the yield, compounded annually, Actual/Actual (ISDA).
double quantLibCleanPrice(int startYear, int tenor, double coupon, double yield, bool amortising) {
    const ql::Date settlement(1, ql::January, startYear);
    cityfin::finance::EvaluationDateGuard guard(settlement);
    const ql::Schedule schedule(settlement, ql::Date(1, ql::January, startYear + tenor), ql::Period(ql::Annual),
                                ql::NullCalendar(), ql::Unadjusted, ql::Unadjusted, ql::DateGeneration::Backward,
                                false);
    const ql::DayCounter dc = ql::ActualActual(ql::ActualActual::ISDA);
    ql::ext::shared_ptr<ql::Bond> bond;
    if (amortising) {
        std::vector<ql::Real> notionals;
        for (int k = 0; k < tenor; ++k) notionals.push_back(100.0 * (tenor - k) / tenor);
        bond = ql::ext::make_shared<ql::AmortizingFixedRateBond>(0, notionals, schedule, std::vector<ql::Rate>{coupon},
                                                                 dc);
    } else {
        bond = ql::ext::make_shared<ql::FixedRateBond>(0, 100.0, schedule, std::vector<ql::Rate>{coupon}, dc);
    }
    const ql::Handle<ql::YieldTermStructure> curve(
        ql::ext::make_shared<ql::FlatForward>(settlement, yield, dc, ql::Compounded, ql::Annual));
    bond->setPricingEngine(ql::ext::make_shared<ql::DiscountingBondEngine>(curve));
    return bond->cleanPrice();
}

GreenBondTerms threeYearBond() {
    GreenBondTerms t;
    t.tenorYears = 3;
    t.couponRate = 0.05;
    t.conventionalYield = 0.05;
    t.greeniumBp = 20.0;           // green yield 4.8%
    t.issuanceCostShare = 0.01;
    t.externalReviewCost = 10.0;
    t.annualReportingCost = 2.0;
    return t;
}

std::string messageOf(const Project& project, const GreenBondTerms& terms) {
    try {
        evaluate(project, structureOf(terms));
    } catch (const cityfin::InputError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST(GreenBond, PriceEqualsAnIndependentQuantLibFixedRateBond) {
    GreenBondTerms t;
    t.tenorYears = 5;
    t.couponRate = 0.04;
    t.conventionalYield = 0.045;
    t.greeniumBp = 10.0;
    for (const bool amortising : {false, true}) {
        t.amortising = amortising;
        const Evaluation e = evaluate(smallNetwork(), structureOf(t));
        ASSERT_TRUE(e.outcome.bond);
        const auto& b = *e.outcome.bond;
        EXPECT_NEAR(b.green.cleanPrice, quantLibCleanPrice(2026, 5, 0.04, 0.044, amortising), 1e-9) << amortising;
        EXPECT_NEAR(b.conventional.cleanPrice, quantLibCleanPrice(2026, 5, 0.04, 0.045, amortising), 1e-9);
        EXPECT_NEAR(b.green.accruedInterest, 0.0, 1e-12);  // issued on a coupon date
        EXPECT_NEAR(b.green.yield, 0.044, 1e-15);
    }
}

// Hand-worked bullet bond on smallNetwork (capex 600 + 400): 3 years, 5% coupon, conventional yield
// 5% (price 100), greenium 100 bp: green price P = 5/1.04 + 5/1.04^2 + 105/1.04^3 per 100.
// Face F = (1000 + 10 review) / (P/100 - 1% issuance); the conventional face Fc = 1000 / (1 - 1%).
TEST(GreenBond, BulletMechanicsWorkedByHand) {
    GreenBondTerms terms = threeYearBond();
    terms.greeniumBp = 100.0;
    const double y = 0.04;
    const double price = 5.0 / (1 + y) + 5.0 / std::pow(1 + y, 2) + 105.0 / std::pow(1 + y, 3);
    const double face = 1010.0 / (price / 100.0 - 0.01);
    const double conventionalFace = 1000.0 / 0.99;
    const Evaluation e = evaluate(smallNetwork(), structureOf(terms));
    const StructureOutcome& o = e.outcome;
    const Ledger& l = o.ledger;
    ASSERT_TRUE(o.bond);
    EXPECT_NEAR(o.bond->green.dirtyPrice, price, 1e-10);
    EXPECT_NEAR(o.bond->conventional.dirtyPrice, 100.0, 1e-10);
    EXPECT_NEAR(o.bond->face, face, 1e-8);
    EXPECT_NEAR(o.bond->proceeds, face * price / 100.0, 1e-8);
    ASSERT_EQ(o.solved.size(), 1u);
    EXPECT_EQ(o.solved[0].id, "face");
    EXPECT_NEAR(o.solved[0].value, face, 1e-8);

    const auto proceeds = l.lineTotal(Party::Government, LineKind::BondProceeds);
    const auto coupon = l.lineTotal(Party::Lenders, LineKind::Coupon);
    const auto redemption = l.lineTotal(Party::Lenders, LineKind::Redemption);
    const auto issuance = l.lineTotal(Party::Government, LineKind::IssuanceCost);
    const auto review = l.lineTotal(Party::Government, LineKind::ExternalReview);
    // Net proceeds meet the capex they were solved for.
    EXPECT_NEAR(proceeds[0] + issuance[0] + review[0], 1000.0, 1e-6);
    const std::vector<double> expectedCoupon{0, 0.05 * face, 0.05 * face, 0.05 * face, 0, 0};
    const std::vector<double> expectedRedemption{0, 0, 0, face, 0, 0};
    const std::vector<double> expectedReview{-10, -2, -2, -2, 0, 0};
    for (std::size_t t = 0; t < 6; ++t) {
        EXPECT_NEAR(coupon[t], expectedCoupon[t], 1e-9) << t;
        EXPECT_NEAR(redemption[t], expectedRedemption[t], 1e-9) << t;
        EXPECT_NEAR(review[t], expectedReview[t], 1e-12) << t;
    }
    EXPECT_NEAR(issuance[0], -0.01 * face, 1e-10);

    // The city: capex, bond, then users 200 + market 50 + savings 30 - opex 50 (lifecycle 40 in
    // period 5), residual 100 at the end.
    const auto& city = e.party(Party::Government).flows;
    EXPECT_NEAR(city[0], -600.0 + 1000.0, 1e-8);
    EXPECT_NEAR(city[1], -400.0 - 0.05 * face - 2.0, 1e-8);
    EXPECT_NEAR(city[3], 230.0 - 1.05 * face - 2.0, 1e-8);
    EXPECT_NEAR(city[5], 230.0 - 40.0 + 100.0, 1e-10);
    EXPECT_NEAR(e.party(Party::Users).flows[2], -200.0, 1e-12);
    // Bondholders earn exactly the green yield.
    EXPECT_NEAR(cityfin::finance::npv(y, e.party(Party::Lenders).flows), 0.0, 1e-8);
    EXPECT_LT(l.conservationError(), 1e-9 * ledgerScale(l));

    // Greenium: both issues net 1000 at t0; the conventional one pays 5% on a larger face and
    // redeems more, the green one pays 2 a year of reporting. PV at the public rate 4%.
    double saving = 0.0;
    for (int k = 1; k <= 3; ++k)
        saving += (0.05 * (conventionalFace - face) - 2.0 + (k == 3 ? conventionalFace - face : 0.0)) / std::pow(1.04, k);
    EXPECT_NEAR(o.bond->greeniumSavingPv, saving, 1e-8);
    EXPECT_GT(saving, 0.0);
    EXPECT_TRUE(hasNote(o, "The greenium of 100 bp (green yield 4.00% against 5.00%) saves the city "));
}

// Amortising: a third of the face each year, coupons on the face outstanding. Per 100 of face at
// 4.8%: (33.333 + 5) / 1.048 + (33.333 + 3.333) / 1.048^2 + (33.333 + 1.667) / 1.048^3.
TEST(GreenBond, AmortisingMechanicsWorkedByHand) {
    GreenBondTerms t = threeYearBond();
    t.amortising = true;
    const double y = 0.048;
    const double third = 100.0 / 3.0;
    const double price =
        (third + 5.0) / (1 + y) + (third + 5.0 * 2 / 3) / std::pow(1 + y, 2) + (third + 5.0 / 3) / std::pow(1 + y, 3);
    const double face = 1010.0 / (price / 100.0 - 0.01);
    const StructureOutcome o = buildOutcome(smallNetwork(), projectFlows(smallNetwork()), structureOf(t));
    EXPECT_NEAR(o.bond->green.dirtyPrice, price, 1e-10);
    EXPECT_NEAR(o.bond->face, face, 1e-8);
    const auto coupon = o.ledger.lineTotal(Party::Lenders, LineKind::Coupon);
    const auto redemption = o.ledger.lineTotal(Party::Lenders, LineKind::Redemption);
    for (int k = 1; k <= 3; ++k) {
        EXPECT_NEAR(redemption[k], face / 3.0, 1e-9) << k;
        EXPECT_NEAR(coupon[k], 0.05 * face * (4 - k) / 3.0, 1e-9) << k;
    }
    EXPECT_EQ(redemption[4], 0.0);
    EXPECT_LT(o.ledger.conservationError(), 1e-9 * ledgerScale(o.ledger));
}

TEST(GreenBond, WithoutGreeniumTheReviewAndReportingCostsAreANetCost) {
    GreenBondTerms t = threeYearBond();
    t.greeniumBp = 0.0;
    const StructureOutcome o = buildOutcome(smallNetwork(), projectFlows(smallNetwork()), structureOf(t));
    // Same price (100): the green face is larger by 10 / 0.99 and reporting costs 2 a year.
    const double extraFace = 10.0 / 0.99;
    double cost = 0.0;
    for (int k = 1; k <= 3; ++k) cost += (0.05 * extraFace + 2.0 + (k == 3 ? extraFace : 0.0)) / std::pow(1.04, k);
    EXPECT_NEAR(o.bond->greeniumSavingPv, -cost, 1e-8);
    EXPECT_TRUE(hasNote(o, "The greenium of 0 bp (green yield 5.00% against 5.00%) costs the city "));
}

TEST(GreenBond, BudgetPaysACapexOverrunTheBondWasNotSizedFor) {
    Scenario overrun;
    overrun.capexFactor = 1.2;
    const Evaluation base = evaluate(smallNetwork(), structureOf(threeYearBond()));
    const Evaluation over = evaluate(smallNetwork(), structureOf(threeYearBond()), overrun);
    EXPECT_NEAR(over.outcome.bond->face, base.outcome.bond->face, 1e-9);
    EXPECT_NEAR(over.party(Party::Government).flows[0] - base.party(Party::Government).flows[0], -120.0, 1e-9);
    EXPECT_LT(over.outcome.ledger.conservationError(), 1e-9 * ledgerScale(over.outcome.ledger));
}

TEST(GreenBond, EverySupportInstrumentConservesMoneyAndPrivateOnesAreNoted) {
    const Project p = smallNetwork();
    for (const auto& [name, support] : supportCatalogue(p)) {
        const Evaluation e = evaluate(p, structureOf(threeYearBond(), support));
        const StructureOutcome& o = e.outcome;
        EXPECT_LT(o.ledger.conservationError(), 1e-9 * ledgerScale(o.ledger)) << name;
        EXPECT_FALSE(hasLine(o.ledger, Party::Private, LineKind::Grant)) << name;
        for (const Line& line : o.ledger.lines()) EXPECT_NE(line.party, Party::Private) << name;
    }
    const auto all = supportCatalogue(p).back().second;
    const StructureOutcome o = buildOutcome(p, projectFlows(p), structureOf(threeYearBond(), all));
    EXPECT_TRUE(hasLine(o.ledger, Party::Government, LineKind::Grant));
    EXPECT_TRUE(hasLine(o.ledger, Party::Government, LineKind::TaxIncrement));
    EXPECT_EQ(o.ledger.lineTotal(Party::Government, LineKind::Drawdown)[0], 100.0);  // crowdfunding
    EXPECT_EQ(o.ledger.lineTotal(Party::Funders, LineKind::Grant)[0], -100.0);       // not the private grant
    for (const char* ignored : {"A grant to the private party is ignored: a green bond has no private party",
                                "The construction subsidy is ignored", "The minimum revenue guarantee is ignored",
                                "The credit guarantee is ignored", "The tax incentive is ignored",
                                "The co-investment fund is ignored"})
        EXPECT_TRUE(hasNote(o, ignored)) << ignored;
}

TEST(GreenBond, BadCrossFieldTermsNameTheField) {
    const Project p = smallNetwork();  // 6 periods
    GreenBondTerms t = threeYearBond();
    t.tenorYears = 6;
    EXPECT_EQ(messageOf(p, t), "terms.tenor_years: got 6, expected 1 to 5 years, repaid within the project's 6 periods");
    t.tenorYears = 0;
    EXPECT_EQ(messageOf(p, t), "terms.tenor_years: got 0, expected 1 to 5 years, repaid within the project's 6 periods");
    // A zero-coupon 1-year bond at a 100% yield sells at exactly 50 per 100 of face: issuance costs
    // of 60% of face would leave nothing to fund the capex.
    t = GreenBondTerms{};
    t.tenorYears = 1;
    t.couponRate = 0.0;
    t.conventionalYield = 1.0;
    t.greeniumBp = 0.0;
    t.issuanceCostShare = 0.6;
    EXPECT_EQ(messageOf(p, t),
              "terms.issuance_cost_share: got 0.6, expected below the bond's price per unit of face, 0.5");
    t = threeYearBond();
    t.conventionalYield = 0.5;
    t.greeniumBp = 20000.0;
    EXPECT_EQ(messageOf(p, t), "terms.greenium_bp: got 20000, expected a greenium leaving the green yield above -100%");
}

TEST(GreenBond, ASmallGreeniumDoesNotPayForTheReviewAndReporting) {
    // 20 bp on about 1000 for 3 years saves about 5.5 in present value; the review (10) and the
    // reporting (2 a year) cost more, so the note says the greenium costs the city.
    const StructureOutcome o = buildOutcome(smallNetwork(), projectFlows(smallNetwork()), structureOf(threeYearBond()));
    EXPECT_LT(o.bond->greeniumSavingPv, 0.0);
    EXPECT_TRUE(hasNote(o, "The greenium of 20 bp (green yield 4.80% against 5.00%) costs the city "));
}
