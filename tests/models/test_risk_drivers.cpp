// The risk drivers beyond the project's cost and revenue factors: the interest rate shift (on the
// floating share of each debt), read and drawn from the register, and landing through each
// structure's mechanics on the party that borrows. Expected values are worked by hand in comments
// on the small projects of fixtures_public.hpp and fixtures_spv.hpp.

#include "finance/errors.hpp"
#include "finance/metrics.hpp"
#include "fixtures_spv.hpp"
#include "risk_fixtures.hpp"
#include "models/case_file.hpp"
#include "models/evaluation.hpp"
#include "models/risk/risk_borne.hpp"
#include "models/risk/risk_register.hpp"
#include "models/social/social_return.hpp"
#include "models/structures/build.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

using namespace cityfin;
using namespace cityfin::models;

namespace {

template <class Call>
std::string errorField(const Call& call) {
    try {
        call();
    } catch (const InputError& e) {
        return e.field();
    }
    return "no error";
}

double total(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

std::vector<double> minus(const std::vector<double>& a, const std::vector<double>& b) {
    std::vector<double> d(a.size());
    for (std::size_t t = 0; t < a.size(); ++t) d[t] = a[t] - b[t];
    return d;
}

// Two construction years (capex 600, 400), four operating years, real terms: the project of
// fixtures_public.hpp's twoPlusFour, written out here so that the hand figures below stand alone.
Project twoPlusFour() {
    Project p;
    p.name = "two plus four";
    p.constructionYears = 2;
    p.operatingYears = 4;
    p.capex = {600.0, 400.0};
    p.annualOpex = 50.0;
    p.revenues = {{"parking", RevenueStream::Payer::Users, 100.0, 2.0}};
    p.residualValue = 100.0;
    p.rates.publicRate = 0.04;
    return p;
}

PppAvailabilityTerms pppTerms(double charge) {
    PppAvailabilityTerms t;
    t.debt.tenorYears = 4;
    t.debt.gearingCap = 0.8;
    t.debt.rate = 0.05;
    t.debt.targetDscr = 1.3;
    t.unitaryCharge = charge;
    return t;
}

} // namespace

// ---- the register ----

TEST(RiskDrivers, InterestRateShiftIsReadWrittenAndItsDrawsAdd) {
    const RiskRegister reg = readRiskRegister(nlohmann::json::parse(R"([
      {"id": "base_rate", "category": "interest_rate", "driver": "interest_rate_shift",
       "distribution": {"type": "normal", "mean": 0.0, "stdev": 0.01}},
      {"id": "margin", "category": "interest_rate", "driver": "interest_rate_shift",
       "distribution": {"type": "uniform", "min": 0.0, "max": 0.005}},
      {"id": "capex", "driver": "capex_factor", "distribution": {"type": "uniform", "min": 1.0, "max": 1.2}}])"));
    ASSERT_EQ(reg.risks.size(), 3u);
    EXPECT_EQ(reg.risks[0].driver, RiskDriver::InterestRateShift);
    EXPECT_EQ(riskDriverId(RiskDriver::InterestRateShift), "interest_rate_shift");
    EXPECT_EQ(riskRegisterToJson(readRiskRegister(riskRegisterToJson(reg))).dump(), riskRegisterToJson(reg).dump());

    Scenario base;
    base.interestRateShift = 0.001;
    const double draws[] = {0.012, 0.003, 1.1};
    const Scenario s = applyDraws(base, reg, draws);
    EXPECT_DOUBLE_EQ(s.interestRateShift, 0.001 + 0.012 + 0.003);  // shifts add, on the base's
    EXPECT_DOUBLE_EQ(s.capexFactor, 1.1);
    const std::vector<bool> onlyFirst{true, false, false};
    EXPECT_DOUBLE_EQ(applyDraws({}, reg, draws, &onlyFirst).interestRateShift, 0.012);  // others neutral: 0
    const double wild[] = {5.0, 0.0, 1.0};
    EXPECT_DOUBLE_EQ(applyDraws({}, reg, wild).interestRateShift, 1.0);  // kept within -1 to 1
}

TEST(RiskDrivers, FloatingSharesAreReadWrittenAndCheckedWithTheirPaths) {
    Case c = loadCaseFile(risk_fixtures::casesDir() + "/../bench/data/compare-30y.json");
    std::size_t ppp = 0;
    for (std::size_t i = 0; i < c.structures.size(); ++i) {
        Structure& s = c.structures[i];
        if (auto* t = std::get_if<PppAvailabilityTerms>(&s.terms)) {
            t->debt.floatingShare = 0.25;
            ppp = i;
        }
        if (auto* t = std::get_if<TraditionalTerms>(&s.terms)) t->loanFloatingShare = 0.5;
        if (auto* t = std::get_if<EspcTerms>(&s.terms)) t->ownerLoanFloatingShare = 1.0;
    }
    c.scenario.interestRateShift = -0.0075;
    const std::string text = caseToJson(c);
    EXPECT_NE(text.find("\"floating_share\""), std::string::npos);
    EXPECT_NE(text.find("\"loan_floating_share\""), std::string::npos);
    EXPECT_NE(text.find("\"owner_loan_floating_share\""), std::string::npos);
    const Case back = parseCase(text);
    EXPECT_EQ(caseToJson(back), text);
    EXPECT_DOUBLE_EQ(back.scenario.interestRateShift, -0.0075);

    auto j = nlohmann::json::parse(text);
    j["structures"][ppp]["terms"]["debt"]["floating_share"] = 1.5;
    EXPECT_EQ(errorField([&] { parseCase(j.dump()); }), "structures[" + std::to_string(ppp) + "].terms.debt.floating_share");
    j = nlohmann::json::parse(text);
    j["scenario"]["interest_rate_shift"] = 2.0;
    EXPECT_EQ(errorField([&] { parseCase(j.dump()); }), "scenario.interest_rate_shift");
    TraditionalTerms t{0.5, 0.04, 4};
    t.loanFloatingShare = -0.1;
    const Project p = twoPlusFour();
    EXPECT_EQ(errorField([&] { buildTraditional(p, projectFlows(p), t, {}); }), "terms.loan_floating_share");
    Scenario wild;
    wild.interestRateShift = std::nan("");
    EXPECT_EQ(errorField([&] { projectFlows(p, wild); }), "scenario.interest_rate_shift");
}

// ---- the city borrows: traditional procurement's municipal loan ----

TEST(RiskDrivers, AFloatingMunicipalLoanMovesTheCitysInterestByHand) {
    // Half the capex borrowed at 10% (test_traditional.cpp): balance at completion 530, annuity
    // A = 305.381 paid at t2 and t3, balance at t3 530 - (A - 53) = 277.619. Half the loan floats
    // and rates rise by 2%: 1% more on each repayment period's opening balance, 5.30 at t2 and
    // 2.776 at t3; the principal stays as scheduled at close. The city pays it, the lenders get it.
    const Project p = twoPlusFour();
    TraditionalTerms t{0.5, 0.10, 2};
    t.loanFloatingShare = 0.5;
    Scenario up;
    up.interestRateShift = 0.02;
    const StructureOutcome base = buildTraditional(p, projectFlows(p), t, {});
    const StructureOutcome moved = buildTraditional(p, projectFlows(p, up), t, {});
    const double a = 530.0 * 0.1 / (1.0 - std::pow(1.1, -2.0));
    const double b3 = 530.0 - (a - 53.0);
    const std::vector<double> extra{0, 0, 5.30, 0.01 * b3, 0, 0};
    const auto govInterest = minus(moved.ledger.lineTotal(Party::Government, LineKind::Interest),
                                   base.ledger.lineTotal(Party::Government, LineKind::Interest));
    for (std::size_t i = 0; i < extra.size(); ++i) EXPECT_NEAR(govInterest[i], -extra[i], 1e-9) << i;
    EXPECT_EQ(moved.ledger.lineTotal(Party::Government, LineKind::Principal),
              base.ledger.lineTotal(Party::Government, LineKind::Principal));
    const auto lenders = minus(moved.ledger.partyFlows(Party::Lenders), base.ledger.partyFlows(Party::Lenders));
    for (std::size_t i = 0; i < extra.size(); ++i) EXPECT_NEAR(lenders[i], extra[i], 1e-9) << i;
    EXPECT_LT(moved.ledger.conservationError(), 1e-9);
    // A fixed loan does not move; a fall of rates is floored at a rate of 0.
    t.loanFloatingShare = 0.0;
    EXPECT_EQ(buildTraditional(p, projectFlows(p, up), t, {}).ledger.partyFlows(Party::Government),
              buildTraditional(p, projectFlows(p), t, {}).ledger.partyFlows(Party::Government));
    t.loanFloatingShare = 1.0;
    Scenario down;
    down.interestRateShift = -0.5;
    EXPECT_NEAR(total(buildTraditional(p, projectFlows(p, down), t, {}).ledger.lineTotal(Party::Government, LineKind::Interest)),
                0.0, 1e-9);
}

// ---- the SPV borrows: a PPP availability payment ----

namespace {

// A charge of 500 fixed at close, the senior debt at 5% with `share` of it floating.
Structure floatingPpp(double share) {
    PppAvailabilityTerms t = pppTerms(500.0);
    t.debt.floatingShare = share;
    return Structure{"ppp", "PPP", t, {}};
}

Scenario ratesMovedBy(double shift) {
    Scenario s;
    s.interestRateShift = shift;
    return s;
}

} // namespace

TEST(RiskDrivers, AFloatingSeniorDebtMovesTheSpvNotTheCharge) {
    // The senior debt all floating, rates up 1%: each repayment period's interest grows by 1% of
    // its opening balance. The city's charge does not move; the SPV pays the extra interest, less
    // the tax it saves (the city's tax receipt falls by that much); the lenders receive it; the
    // equity IRR and the DSCR achieved fall; the debt sized at close does not change.
    const Project p = spv_fixtures::smallProject();
    const Scenario up = ratesMovedBy(0.01);
    const Structure s = floatingPpp(1.0);
    const Evaluation base = evaluate(p, s, {}), moved = evaluate(p, s, up);
    const auto& sb = base.outcome.debt->schedule;
    std::vector<double> extra(sb.size(), 0.0);
    for (std::size_t i = sb.constructionPeriods; i < sb.size(); ++i) extra[i] = 0.01 * sb.openingBalance[i];
    ASSERT_GT(total(extra), 1.0);
    EXPECT_DOUBLE_EQ(moved.outcome.debt->amount, base.outcome.debt->amount);
    EXPECT_EQ(moved.outcome.ledger.lineTotal(Party::Government, LineKind::UnitaryCharge),
              base.outcome.ledger.lineTotal(Party::Government, LineKind::UnitaryCharge));
    const auto lenders = minus(moved.outcome.ledger.partyFlows(Party::Lenders), base.outcome.ledger.partyFlows(Party::Lenders));
    const auto spv = minus(moved.outcome.ledger.partyFlows(Party::Private), base.outcome.ledger.partyFlows(Party::Private));
    const auto city = minus(moved.outcome.ledger.partyFlows(Party::Government), base.outcome.ledger.partyFlows(Party::Government));
    for (std::size_t i = 0; i < extra.size(); ++i) {
        EXPECT_NEAR(lenders[i], extra[i], 1e-9) << i;
        EXPECT_NEAR(spv[i] + city[i], -extra[i], 1e-9) << i;  // nothing else moves
        EXPECT_LE(city[i], 1e-9) << i;                          // the city only loses tax
        EXPECT_GE(city[i], -0.25 * extra[i] - 1e-9) << i;       // at most the 25% tax shield
    }
    EXPECT_LT(total(spv), -0.75 * total(extra) + 1e-9);
    EXPECT_LT(moved.equityIrr.value, base.equityIrr.value);
    ASSERT_TRUE(moved.minDscr && base.minDscr);
    EXPECT_LT(*moved.minDscr, *base.minDscr);
    spv_fixtures::expectConserved(moved.outcome, moved.project);
    // The same debt fixed at close: the shift changes nothing.
    const Structure fixedDebt = floatingPpp(0.0);
    EXPECT_EQ(evaluate(p, fixedDebt, up).outcome.ledger.partyFlows(Party::Private),
              evaluate(p, fixedDebt, {}).outcome.ledger.partyFlows(Party::Private));
}

TEST(RiskDrivers, TheLendersNpvIsAtTheirMovedRateSoAFloatingLoanStaysNearPar) {
    // Rates up 1% on an all-floating senior debt: the lenders receive the extra interest, and their
    // own funding cost moved alike, so their NPV is taken at the debt's rate + 1% and stays near
    // par (only the interest capitalised during construction, fixed at close, is not moved); at
    // the close rate it would show the extra interest as a gain. A half-floating debt: + 0.5%.
    const Project p = spv_fixtures::smallProject();
    const Evaluation base = evaluate(p, floatingPpp(1.0), {}), moved = evaluate(p, floatingPpp(1.0), ratesMovedBy(0.01));
    const double closeRate = base.outcome.debt->schedule.periodRate;
    EXPECT_DOUBLE_EQ(base.party(Party::Lenders).discountRate, closeRate);
    EXPECT_DOUBLE_EQ(moved.party(Party::Lenders).discountRate, closeRate + 0.01);
    const double atCloseRate = finance::npv(closeRate, moved.party(Party::Lenders).flows);
    ASSERT_GT(atCloseRate, 1.0);  // the extra interest, as a gain at the close rate
    EXPECT_LT(std::abs(moved.party(Party::Lenders).npv), 0.1 * atCloseRate);
    EXPECT_DOUBLE_EQ(evaluate(p, floatingPpp(0.5), ratesMovedBy(0.01)).party(Party::Lenders).discountRate, closeRate + 0.005);
    // Floored with the debt's own rate.
    EXPECT_DOUBLE_EQ(evaluate(p, floatingPpp(0.5), ratesMovedBy(-1.0)).party(Party::Lenders).discountRate, 0.0);
}

// ---- risk borne, measured by the simulation ----

namespace {

// The shared risk fixtures' project and structures, the PPP's senior debt and the city's loan all
// floating, the concession's debt fixed at close; the register with a rise of rates added.
struct RateRun {
    RiskRun run;
    RiskBorne borne;
    std::size_t rateRisk = 0;
};

const RateRun& rateRun() {
    static const RateRun r = [] {
        std::vector<Structure> structures = risk_fixtures::structures();
        for (Structure& s : structures) {
            if (auto* t = std::get_if<PppAvailabilityTerms>(&s.terms)) t->debt.floatingShare = 1.0;
            if (auto* t = std::get_if<TraditionalTerms>(&s.terms)) t->loanFloatingShare = 1.0;
        }
        RiskRegister reg = risk_fixtures::reg();
        Risk rate;
        rate.id = "rates";
        rate.category = RiskCategory::InterestRate;
        rate.driver = RiskDriver::InterestRateShift;
        rate.distribution = finance::Distribution::uniform(0.01, 0.03);
        reg.risks.push_back(rate);
        RiskOptions o;
        o.paths = 400;
        o.threads = 2;
        o.seed = 5;
        RateRun x;
        x.run = runRisk(risk_fixtures::project(), {}, structures, reg, o);
        x.borne = measureRiskBorne(risk_fixtures::project(), {}, x.run, reg, o);
        x.rateRisk = reg.risks.size() - 1;
        return x;
    }();
    return r;
}

const StructureRiskBorne& borneOf(const std::string& id) {
    for (const auto& s : rateRun().borne.structures)
        if (s.structureId == id) return s;
    throw std::runtime_error("no structure " + id);
}

} // namespace

TEST(RiskDrivers, RisingRatesFallOnWhoeverBorrowsAtAFloatingRate) {
    const std::size_t gov = 0, priv = 1, lenders = 2, r = rateRun().rateRisk;
    // PPP: the SPV pays the extra interest (less the tax it saves, which the city loses); the
    // lenders receive it.
    const auto& ppp = borneOf("ppp").byRisk[r];
    EXPECT_GT(ppp[priv].expectedCost, 0.0);
    EXPECT_GT(ppp[gov].expectedCost, 0.0);
    EXPECT_LT(ppp[gov].expectedCost, ppp[priv].expectedCost / 2.0);
    EXPECT_LT(ppp[lenders].expectedCost, 0.0);
    // Traditional procurement with a floating municipal loan: the city alone.
    const auto& psc = borneOf("psc").byRisk[r];
    EXPECT_GT(psc[gov].expectedCost, 0.0);
    EXPECT_EQ(psc[priv].expectedCost, 0.0);
    EXPECT_NEAR(psc[lenders].expectedCost, -psc[gov].expectedCost, 1e-9 * psc[gov].expectedCost);
    // The concession's debt is fixed at close: nobody bears the rate risk.
    for (const RiskEffect& e : borneOf("bot").byRisk[r]) EXPECT_NEAR(e.expectedCost, 0.0, 1e-9);
}

TEST(RiskDrivers, TheRiskBorneTableStillSumsToTheTotalWithTheRateRisk) {
    for (const StructureRiskBorne& s : rateRun().borne.structures)
        for (std::size_t k = 0; k < kParties.size(); ++k) {
            double sum = s.interaction[k].expectedCost;
            for (const auto& risk : s.byRisk) sum += risk[k].expectedCost;
            EXPECT_NEAR(sum, s.total[k].expectedCost, 1e-9 * std::max(1.0, std::abs(s.total[k].expectedCost)))
                << s.structureId << " party " << k;
        }
}

// ---- inflation ----

TEST(RiskDrivers, InflationShiftMovesTheActualPriceIndexNotTheForecastByHand) {
    // Nominal, 2% inflation, shifted by 1%: every escalated amount on 1.03^t, the forecast the
    // guarantees are written on still on 1.02^t.
    Project p = twoPlusFour();
    p.basis = PriceBasis::Nominal;
    p.inflation = 0.02;
    Scenario s;
    s.inflationShift = 0.01;
    const ProjectFlows f = projectFlows(p, s);
    EXPECT_NEAR(f.priceIndex[3], std::pow(1.03, 3), 1e-12);
    EXPECT_NEAR(f.forecastPriceIndex[3], std::pow(1.02, 3), 1e-12);
    EXPECT_NEAR(f.capex[1], 400.0 * 1.03, 1e-9);
    EXPECT_NEAR(f.opex[2], 50.0 * 1.03 * 1.03, 1e-9);
    EXPECT_NEAR(f.userCharges[4], 200.0 * std::pow(1.03, 4), 1e-9);
    EXPECT_NEAR(f.forecastUserCharges[4], 200.0 * std::pow(1.02, 4), 1e-9);
    EXPECT_NEAR(f.residualValue[5], 100.0 * std::pow(1.03, 5), 1e-9);
    // No shift: the actual index is the forecast's, bit for bit.
    const ProjectFlows base = projectFlows(p);
    EXPECT_EQ(base.priceIndex, base.forecastPriceIndex);
    EXPECT_EQ(base.userCharges, base.forecastUserCharges);
}

TEST(RiskDrivers, InflationShiftIsRefusedInACaseInRealTermsWithThePath) {
    const Project real = twoPlusFour();
    Scenario s;
    s.inflationShift = 0.01;
    EXPECT_EQ(errorField([&] { projectFlows(real, s); }), "scenario.inflation_shift");
    const RiskRegister reg = readRiskRegister(nlohmann::json::parse(R"([
      {"id": "capex", "driver": "capex_factor", "distribution": {"type": "uniform", "min": 1.0, "max": 1.2}},
      {"id": "cpi", "category": "inflation", "driver": "inflation_shift", "distribution": {"type": "normal", "mean": 0, "stdev": 0.01}}])"));
    EXPECT_EQ(riskDriverId(reg.risks[1].driver), "inflation_shift");
    EXPECT_EQ(errorField([&] { validateRegisterForProject(reg, real); }), "risks[1].driver");
    RiskOptions o;
    o.paths = 10;
    EXPECT_EQ(errorField([&] { runRisk(real, {}, {Structure{"psc", "PSC", TraditionalTerms{}, {}}}, reg, o); }),
              "risks[1].driver");
    // A case file in real terms with such a risk does not load; in nominal terms it does.
    Case c = loadCaseFile(risk_fixtures::casesDir() + "/../bench/data/compare-30y.json");
    auto j = nlohmann::json::parse(caseToJson(c));
    j["risks"] = nlohmann::json::parse(riskRegisterToJson(reg).dump());
    EXPECT_EQ(errorField([&] { parseCase(j.dump()); }), "risks[1].driver");
    j["project"]["price_basis"] = "nominal";
    j["project"]["inflation"] = 0.02;
    j["scenario"]["inflation_shift"] = 0.005;
    const Case nominal = parseCase(j.dump());
    EXPECT_DOUBLE_EQ(nominal.scenario.inflationShift, 0.005);
    EXPECT_EQ(caseToJson(parseCase(caseToJson(nominal))), caseToJson(nominal));
    j["project"]["price_basis"] = "real";
    j["project"]["inflation"] = 0.0;
    j["risks"] = nlohmann::json::array();
    EXPECT_EQ(errorField([&] { parseCase(j.dump()); }), "scenario.inflation_shift");
}

TEST(RiskDrivers, InflationMovesTheIndexedHalfOfTheChargeAndNotTheDebtServiceByHand) {
    // A charge of 500 in the first operating year (t1), half indexed; nominal at 2% shifted to 3%:
    // the charge at t is 500 x (0.5 x 1.03^t / 1.03 + 0.5), so 500 at t1, 507.5 at t2,
    // 500 x (0.5 x 1.03^2 + 0.5) = 515.225 at t3. The senior debt's service, sized and fixed at
    // close, does not move; the SPV's opex does (60 x 1.03^t).
    Project p = spv_fixtures::smallProject();
    p.basis = PriceBasis::Nominal;
    p.inflation = 0.02;
    PppAvailabilityTerms t = pppTerms(500.0);
    t.indexation = 0.5;
    Scenario up;
    up.inflationShift = 0.01;
    const Structure s{"ppp", "PPP", t, {}};
    const Evaluation base = evaluate(p, s, {}), moved = evaluate(p, s, up);
    const auto charge = moved.outcome.ledger.lineTotal(Party::Private, LineKind::UnitaryCharge);
    EXPECT_NEAR(charge[1], 500.0, 1e-9);
    EXPECT_NEAR(charge[2], 507.5, 1e-9);
    EXPECT_NEAR(charge[3], 515.225, 1e-9);
    EXPECT_EQ(moved.outcome.ledger.partyFlows(Party::Lenders), base.outcome.ledger.partyFlows(Party::Lenders));
    EXPECT_NEAR(-moved.outcome.ledger.lineTotal(Party::Private, LineKind::Opex)[3], 60.0 * std::pow(1.03, 3), 1e-9);
    spv_fixtures::expectConserved(moved.outcome, moved.project);
    // Fully indexed charge: the SPV's margin grows with the index, so higher inflation helps it.
    t.indexation = 1.0;
    const Structure indexed{"ppp", "PPP", t, {}};
    EXPECT_GT(evaluate(p, indexed, up).equityIrr.value, evaluate(p, indexed, {}).equityIrr.value);
}

TEST(RiskDrivers, InflationLeavesBondCouponsAndTheBondSizeFixed) {
    Project p = twoPlusFour();
    p.basis = PriceBasis::Nominal;
    p.inflation = 0.02;
    GreenBondTerms g;
    g.tenorYears = 4;
    g.annualReportingCost = 5.0;
    Scenario up;
    up.inflationShift = 0.02;
    const Structure s{"bond", "Green bond", g, {}};
    const Evaluation base = evaluate(p, s, {}), moved = evaluate(p, s, up);
    EXPECT_EQ(moved.outcome.ledger.lineTotal(Party::Government, LineKind::Coupon),
              base.outcome.ledger.lineTotal(Party::Government, LineKind::Coupon));
    EXPECT_EQ(moved.outcome.ledger.lineTotal(Party::Government, LineKind::BondProceeds),
              base.outcome.ledger.lineTotal(Party::Government, LineKind::BondProceeds));
    // The escalated reporting cost moves: 5 x 1.04^2 at t2.
    EXPECT_NEAR(-moved.outcome.ledger.lineTotal(Party::Government, LineKind::ExternalReview)[2], 5.0 * 1.04 * 1.04, 1e-9);
    // The city's construction cost in year 1 is 400 x 1.04; the bond funded 400 x 1.02 of it.
    EXPECT_NEAR(-moved.outcome.ledger.lineTotal(Party::Government, LineKind::Capex)[1], 416.0, 1e-9);
}

namespace {

// The shared risk fixtures' project in nominal terms (2%), a PPP whose charge is not indexed, and
// a rise of inflation alongside the fixtures' risks.
struct InflationRun {
    RiskRun run;
    RiskBorne borne;
    std::size_t cpi = 0;
};

const InflationRun& inflationRun() {
    static const InflationRun r = [] {
        Project p = risk_fixtures::project();
        p.basis = PriceBasis::Nominal;
        p.inflation = 0.02;
        std::vector<Structure> structures = risk_fixtures::structures();
        RiskRegister reg = risk_fixtures::reg();
        Risk cpi;
        cpi.id = "cpi";
        cpi.category = RiskCategory::Inflation;
        cpi.driver = RiskDriver::InflationShift;
        cpi.distribution = finance::Distribution::uniform(0.005, 0.02);
        reg.risks.push_back(cpi);
        RiskOptions o;
        o.paths = 400;
        o.threads = 2;
        o.seed = 5;
        InflationRun x;
        x.run = runRisk(p, {}, structures, reg, o);
        x.borne = measureRiskBorne(p, {}, x.run, reg, o);
        x.cpi = reg.risks.size() - 1;
        return x;
    }();
    return r;
}

} // namespace

TEST(RiskDrivers, HigherInflationFallsOnWhoeverTheContractLeavesTheMismatchWith) {
    const std::size_t gov = 0, priv = 1, lenders = 2, r = inflationRun().cpi;
    const auto at = [&](const std::string& id) -> const StructureRiskBorne& {
        for (const auto& s : inflationRun().borne.structures)
            if (s.structureId == id) return s;
        throw std::runtime_error("no structure " + id);
    };
    // PPP with a charge fixed in nominal terms: the SPV's costs rise, its income does not; the
    // city keeps the escalating user charges against a fixed charge and gains.
    EXPECT_GT(at("ppp").byRisk[r][priv].expectedCost, 0.0);
    EXPECT_LT(at("ppp").byRisk[r][gov].expectedCost, 0.0);
    // The lenders' debt service is fixed in nominal terms.
    EXPECT_NEAR(at("ppp").byRisk[r][lenders].expectedCost, 0.0, 1e-9);
    // Traditional procurement: the city runs an asset whose revenue exceeds its costs; the loan is fixed.
    EXPECT_LT(at("psc").byRisk[r][gov].expectedCost, 0.0);
    for (const StructureRiskBorne& s : inflationRun().borne.structures)
        for (std::size_t k = 0; k < kParties.size(); ++k) {
            double sum = s.interaction[k].expectedCost;
            for (const auto& risk : s.byRisk) sum += risk[k].expectedCost;
            EXPECT_NEAR(sum, s.total[k].expectedCost, 1e-9 * std::max(1.0, std::abs(s.total[k].expectedCost)))
                << s.structureId << " party " << k;
        }
}

// ---- availability / performance ----

TEST(RiskDrivers, AvailabilityShortfallIsReadAndItsDrawsAddWithinZeroAndOne) {
    const RiskRegister reg = readRiskRegister(nlohmann::json::parse(R"([
      {"id": "downtime", "category": "availability", "driver": "availability_shortfall",
       "distribution": {"type": "pert", "min": 0, "mode": 0.01, "max": 0.1}},
      {"id": "outage", "category": "availability", "driver": "availability_shortfall",
       "distribution": {"type": "discrete", "values": [0, 0.3], "probabilities": [0.95, 0.05]}}])"));
    EXPECT_EQ(riskDriverId(reg.risks[0].driver), "availability_shortfall");
    EXPECT_EQ(riskRegisterToJson(readRiskRegister(riskRegisterToJson(reg))).dump(), riskRegisterToJson(reg).dump());
    const double draws[] = {0.05, 0.3};
    EXPECT_DOUBLE_EQ(applyDraws({}, reg, draws).availabilityShortfall, 0.35);
    const double wild[] = {0.9, 0.3}, negative[] = {-0.2, 0.0};
    EXPECT_DOUBLE_EQ(applyDraws({}, reg, wild).availabilityShortfall, 1.0);
    EXPECT_DOUBLE_EQ(applyDraws({}, reg, negative).availabilityShortfall, 0.0);
    Scenario bad;
    bad.availabilityShortfall = 1.5;
    const Project p = twoPlusFour();
    EXPECT_EQ(errorField([&] { projectFlows(p, bad); }), "scenario.availability_shortfall");
    PppAvailabilityTerms t = pppTerms(500.0);
    t.deductionMultiplier = -1.0;
    const Project sp = spv_fixtures::smallProject();
    EXPECT_EQ(errorField([&] { buildPppAvailability(sp, projectFlows(sp), t, {}); }), "terms.deduction_multiplier");
    // The multiplier and the scenario's shortfall are written and read back.
    Case c = loadCaseFile(risk_fixtures::casesDir() + "/../bench/data/compare-30y.json");
    for (Structure& s : c.structures)
        if (auto* pt = std::get_if<PppAvailabilityTerms>(&s.terms)) pt->deductionMultiplier = 2.0;
    c.scenario.availabilityShortfall = 0.04;
    const std::string text = caseToJson(c);
    EXPECT_NE(text.find("\"deduction_multiplier\""), std::string::npos);
    EXPECT_EQ(caseToJson(parseCase(text)), text);
}

TEST(RiskDrivers, UnavailableServiceIsDeductedFromTheChargeAndLostToTheCityByHand) {
    // Charge 500, 2% expected deductions, a multiplier of 2, 5% of the service unavailable beyond
    // the expected: 2% + 2 x 5% = 12% of the charge deducted, 60 a year (10 expected). The city
    // collects 95% of the user charges (380 of 400), market revenue (47.5 of 50) and savings
    // (28.5 of 30): it loses 24 a year of service and gets 50 more back from the SPV.
    const Project p = spv_fixtures::smallProject();
    PppAvailabilityTerms t = pppTerms(500.0);
    t.expectedDeductions = 0.02;
    t.deductionMultiplier = 2.0;
    Scenario down;
    down.availabilityShortfall = 0.05;
    const StructureOutcome base = buildPppAvailability(p, projectFlows(p), t, {});
    const StructureOutcome moved = buildPppAvailability(p, projectFlows(p, down), t, {});
    const auto deduction = moved.ledger.lineTotal(Party::Government, LineKind::AvailabilityDeduction);
    for (std::size_t i = 1; i < deduction.size(); ++i) EXPECT_NEAR(deduction[i], 60.0, 1e-9) << i;
    EXPECT_NEAR(moved.ledger.partyFlows(Party::Users)[2], -380.0, 1e-9);
    const auto city = minus(moved.ledger.partyFlows(Party::Government), base.ledger.partyFlows(Party::Government));
    const auto tax = minus(moved.ledger.lineTotal(Party::Government, LineKind::Tax), base.ledger.lineTotal(Party::Government, LineKind::Tax));
    for (std::size_t i = 1; i < city.size(); ++i) EXPECT_NEAR(city[i] - tax[i], 50.0 - 24.0, 1e-9) << i;
    spv_fixtures::expectConserved(moved, projectFlows(p, down));
}

TEST(RiskDrivers, UnavailableServiceLandsThroughEachStructuresMechanicsByHand) {
    // smallProject (fixtures_spv.hpp), 10% of the service unavailable: user charges 400 -> 360,
    // market revenue 50 -> 45, savings 30 -> 27 in every operating year.
    const Project p = spv_fixtures::smallProject();
    Scenario down;
    down.availabilityShortfall = 0.1;
    const ProjectFlows base = projectFlows(p), lost = projectFlows(p, down);
    EXPECT_NEAR(lost.userCharges[1], 360.0, 1e-9);
    EXPECT_NEAR(lost.marketRevenue[1], 45.0, 1e-9);
    EXPECT_NEAR(lost.energySavings[1], 27.0, 1e-9);
    EXPECT_EQ(lost.forecastUserCharges, base.forecastUserCharges);  // the forecast of close stays
    EXPECT_EQ(lost.opex, base.opex);                                // the costs of running it too

    // Service purchase: a fee of 300 paid for the service delivered, 270.
    PayAsYouGoTerms payg;
    payg.annualServiceFee = 300.0;
    const auto fee = buildPayAsYouGo(p, lost, payg, {}).ledger.lineTotal(Party::Government, LineKind::ServiceFee);
    EXPECT_NEAR(fee[1], -270.0, 1e-9);

    // Guaranteed-savings ESPC, 90% of the forecast guaranteed: 27 measured against 30 x 0.9 = 27,
    // no payment; at 20% unavailable, 24 measured, the ESCO pays 3.
    EspcTerms espc;
    espc.termYears = 4;
    down.availabilityShortfall = 0.2;
    const auto shortfall =
        buildEspc(p, projectFlows(p, down), espc, {}).ledger.lineTotal(Party::Government, LineKind::SavingsShortfall);
    EXPECT_NEAR(shortfall[1], 3.0, 1e-9);
    EXPECT_NEAR(total(buildEspc(p, lost, espc, {}).ledger.lineTotal(Party::Government, LineKind::SavingsShortfall)), 0.0, 1e-9);

    // Concession without a guarantee: the concessionaire collects 360 and pays the city its 10% fee, 36.
    ConcessionTerms con;
    con.debt.tenorYears = 4;
    con.concessionFeeShare = 0.1;
    const StructureOutcome bot = buildConcession(p, lost, con, {});
    EXPECT_NEAR(bot.ledger.lineTotal(Party::Private, LineKind::UserCharge)[1], 360.0, 1e-9);
    spv_fixtures::expectConserved(bot, lost);

    // Social outcomes scale with the service delivered: 90% of the value.
    SocialOutcome o;
    o.id = "trips";
    o.name = "Trips";
    o.unit = "trips";
    o.annualQuantity = 1000.0;
    o.proxyValue = 2.0;
    o.proxySource = "test";
    const StructureOutcome ppp = buildPppAvailability(p, base, pppTerms(500.0), {});
    const double full = socialReturn(p, base, ppp, {o}, {}).presentValue;
    EXPECT_NEAR(socialReturn(p, lost, ppp, {o}, {}).presentValue, 0.9 * full, 1e-9 * full);
}

namespace {

struct AvailabilityRun {
    RiskBorne borne;
    std::size_t downtime = 0;
};

const AvailabilityRun& availabilityRun() {
    static const AvailabilityRun r = [] {
        std::vector<Structure> structures = risk_fixtures::structures();
        for (Structure& s : structures)
            if (auto* t = std::get_if<PppAvailabilityTerms>(&s.terms)) t->deductionMultiplier = 1.5;
        RiskRegister reg = risk_fixtures::reg();
        Risk downtime;
        downtime.id = "downtime";
        downtime.category = RiskCategory::Availability;
        downtime.driver = RiskDriver::AvailabilityShortfall;
        downtime.distribution = finance::Distribution::pert(0.0, 0.03, 0.15);
        reg.risks.push_back(downtime);
        RiskOptions o;
        o.paths = 400;
        o.threads = 2;
        o.seed = 5;
        AvailabilityRun x;
        const RiskRun run = runRisk(risk_fixtures::project(), {}, structures, reg, o);
        x.borne = measureRiskBorne(risk_fixtures::project(), {}, run, reg, o);
        x.downtime = reg.risks.size() - 1;
        return x;
    }();
    return r;
}

} // namespace

TEST(RiskDrivers, UnavailabilityFallsOnTheSpvThroughDeductionsAndOnWhoeverCollectsTheRevenue) {
    const std::size_t gov = 0, priv = 1, r = availabilityRun().downtime;
    const auto at = [&](const std::string& id) -> const StructureRiskBorne& {
        for (const auto& s : availabilityRun().borne.structures)
            if (s.structureId == id) return s;
        throw std::runtime_error("no structure " + id);
    };
    // PPP: the SPV loses 1.5 x the share unavailable of its charge; the city loses the revenue but
    // is paid the deductions, so it bears less than under traditional procurement, where it bears
    // it alone.
    EXPECT_GT(at("ppp").byRisk[r][priv].expectedCost, 0.0);
    EXPECT_GT(at("psc").byRisk[r][gov].expectedCost, 0.0);
    EXPECT_LT(at("ppp").byRisk[r][gov].expectedCost, at("psc").byRisk[r][gov].expectedCost);
    EXPECT_NEAR(at("psc").byRisk[r][priv].expectedCost, 0.0, 1e-9);
    // BOT: the concessionaire loses its revenue, partly made good by the city's revenue guarantee.
    EXPECT_GT(at("bot").byRisk[r][priv].expectedCost, 0.0);
    for (const StructureRiskBorne& s : availabilityRun().borne.structures)
        for (std::size_t k = 0; k < kParties.size(); ++k) {
            double sum = s.interaction[k].expectedCost;
            for (const auto& risk : s.byRisk) sum += risk[k].expectedCost;
            EXPECT_NEAR(sum, s.total[k].expectedCost, 1e-9 * std::max(1.0, std::abs(s.total[k].expectedCost)))
                << s.structureId << " party " << k;
        }
}

// ---- counterparty default: the city's payments in arrears ----

TEST(RiskDrivers, PaymentShortfallIsReadAndItsDrawsAddWithinZeroAndOne) {
    const RiskRegister reg = readRiskRegister(nlohmann::json::parse(R"([
      {"id": "arrears", "category": "counterparty_default", "driver": "payment_shortfall",
       "distribution": {"type": "discrete", "values": [0, 0.2], "probabilities": [0.9, 0.1]}},
      {"id": "more", "driver": "payment_shortfall", "distribution": {"type": "uniform", "min": 0, "max": 0.1}}])"));
    EXPECT_EQ(riskDriverId(reg.risks[0].driver), "payment_shortfall");
    EXPECT_EQ(riskRegisterToJson(readRiskRegister(riskRegisterToJson(reg))).dump(), riskRegisterToJson(reg).dump());
    const double draws[] = {0.2, 0.05}, wild[] = {0.2, 0.9};
    EXPECT_DOUBLE_EQ(applyDraws({}, reg, draws).paymentShortfall, 0.25);
    EXPECT_DOUBLE_EQ(applyDraws({}, reg, wild).paymentShortfall, 1.0);
    Scenario bad;
    bad.paymentShortfall = -0.1;
    const Project p = twoPlusFour();
    EXPECT_EQ(errorField([&] { projectFlows(p, bad); }), "scenario.payment_shortfall");
    Case c = loadCaseFile(risk_fixtures::casesDir() + "/../bench/data/compare-30y.json");
    c.scenario.paymentShortfall = 0.1;
    const std::string text = caseToJson(c);
    EXPECT_NE(text.find("\"payment_shortfall\": 0.1"), std::string::npos);
    EXPECT_EQ(caseToJson(parseCase(text)), text);
}

TEST(RiskDrivers, ArrearsOnTheChargeAreTheSpvsLossAndStayWithTheCityByHand) {
    // Charge 500 with 2% expected deductions, 20% of what the city owes not paid: arrears of
    // 0.2 x 490 = 98 a year, booked from the SPV back to the city; nothing else moves before tax.
    const Project p = spv_fixtures::smallProject();
    PppAvailabilityTerms t = pppTerms(500.0);
    t.expectedDeductions = 0.02;
    Scenario late;
    late.paymentShortfall = 0.2;
    const StructureOutcome base = buildPppAvailability(p, projectFlows(p), t, {});
    const StructureOutcome moved = buildPppAvailability(p, projectFlows(p, late), t, {});
    const auto arrears = moved.ledger.lineTotal(Party::Government, LineKind::PaymentArrears);
    EXPECT_EQ(arrears[0], 0.0);
    for (std::size_t i = 1; i < arrears.size(); ++i) EXPECT_NEAR(arrears[i], 98.0, 1e-9) << i;
    EXPECT_EQ(moved.ledger.lineTotal(Party::Government, LineKind::UnitaryCharge),
              base.ledger.lineTotal(Party::Government, LineKind::UnitaryCharge));  // as contracted
    const auto spv = minus(moved.ledger.partyFlows(Party::Private), base.ledger.partyFlows(Party::Private));
    const auto tax = minus(moved.ledger.lineTotal(Party::Private, LineKind::Tax), base.ledger.lineTotal(Party::Private, LineKind::Tax));
    for (std::size_t i = 1; i < spv.size(); ++i) EXPECT_NEAR(spv[i] - tax[i], -98.0, 1e-9) << i;
    EXPECT_EQ(moved.ledger.partyFlows(Party::Lenders), base.ledger.partyFlows(Party::Lenders));
    spv_fixtures::expectConserved(moved, projectFlows(p, late));
    EXPECT_LT(moved.ledger.conservationError(), 1e-9);
    EXPECT_EQ(lineKindId(LineKind::PaymentArrears), "payment_arrears");
}

TEST(RiskDrivers, ArrearsLandOnWhoeverTheCityOwesInEachStructureByHand) {
    const Project p = spv_fixtures::smallProject();
    Scenario late;
    late.paymentShortfall = 0.25;
    const ProjectFlows f = projectFlows(p, late);
    // Service purchase: a quarter of a fee of 300.
    PayAsYouGoTerms payg;
    payg.annualServiceFee = 300.0;
    const StructureOutcome service = buildPayAsYouGo(p, f, payg, {});
    EXPECT_NEAR(service.ledger.lineTotal(Party::Private, LineKind::PaymentArrears)[2], -75.0, 1e-9);
    EXPECT_LT(service.ledger.conservationError(), 1e-9);
    // Build-transfer: a quarter of each instalment.
    BuildTransferTerms btTerms;
    btTerms.instalmentYears = 3;
    const StructureOutcome bt = buildBuildTransfer(p, f, btTerms, {});
    ASSERT_LT(total(bt.ledger.lineTotal(Party::Government, LineKind::Instalment)), -1000.0);
    const auto instalment = bt.ledger.lineTotal(Party::Government, LineKind::Instalment);
    const auto arrears = bt.ledger.lineTotal(Party::Government, LineKind::PaymentArrears);
    for (std::size_t i = 0; i < arrears.size(); ++i) EXPECT_NEAR(arrears[i], -0.25 * instalment[i], 1e-9) << i;
    // Guaranteed-savings ESPC: a quarter of the ESCO's fee of 20.
    EspcTerms espc;
    espc.termYears = 4;
    espc.annualFee = 20.0;
    EXPECT_NEAR(buildEspc(p, f, espc, {}).ledger.lineTotal(Party::Government, LineKind::PaymentArrears)[1], 5.0, 1e-9);
    // A concession's revenue guarantee: a quarter of each guarantee payment (demand at 50%,
    // 90% guaranteed: 0.9 x 400 - 200 = 160 owed, 40 not paid).
    ConcessionTerms con;
    con.debt.tenorYears = 4;
    SupportTerms mrg;
    mrg.minimumRevenueGuarantee = MinimumRevenueGuarantee{{{1, 4, 0.9}}, 0.0, {}};
    late.demandFactor = 0.5;
    const StructureOutcome bot = buildConcession(p, projectFlows(p, late), con, mrg);
    EXPECT_NEAR(bot.ledger.lineTotal(Party::Government, LineKind::RevenueGuarantee)[1], -160.0, 1e-9);
    EXPECT_NEAR(bot.ledger.lineTotal(Party::Government, LineKind::PaymentArrears)[1], 40.0, 1e-9);
    spv_fixtures::expectConserved(bot, projectFlows(p, late));
    // Traditional procurement owes nobody: no arrears, nothing moves.
    const TraditionalTerms psc{0.5, 0.04, 4};
    EXPECT_EQ(buildTraditional(p, f, psc, {}).ledger.partyFlows(Party::Government),
              buildTraditional(p, projectFlows(p), psc, {}).ledger.partyFlows(Party::Government));
}

TEST(RiskDrivers, ArrearsRiskIsBorneByThePrivateSideAndTheTableSumsToTheTotal) {
    RiskRegister reg = risk_fixtures::reg();
    Risk arrears;
    arrears.id = "arrears";
    arrears.category = RiskCategory::CounterpartyDefault;
    arrears.driver = RiskDriver::PaymentShortfall;
    arrears.distribution = finance::Distribution::discrete({0.0, 0.1, 0.3}, {0.7, 0.2, 0.1});
    reg.risks.push_back(arrears);
    RiskOptions o;
    o.paths = 400;
    o.threads = 2;
    o.seed = 5;
    const RiskRun run = runRisk(risk_fixtures::project(), {}, risk_fixtures::structures(), reg, o);
    const RiskBorne borne = measureRiskBorne(risk_fixtures::project(), {}, run, reg, o);
    const std::size_t gov = 0, priv = 1, r = reg.risks.size() - 1;
    for (const StructureRiskBorne& s : borne.structures) {
        if (s.structureId == "ppp" || s.structureId == "service") {
            EXPECT_GT(s.byRisk[r][priv].expectedCost, 0.0) << s.structureId;
            EXPECT_LT(s.byRisk[r][gov].expectedCost, 0.0) << s.structureId;  // what it keeps, less the tax lost
        }
        if (s.structureId == "psc") {
            for (const RiskEffect& e : s.byRisk[r]) EXPECT_NEAR(e.expectedCost, 0.0, 1e-9);
        }
        for (std::size_t k = 0; k < kParties.size(); ++k) {
            double sum = s.interaction[k].expectedCost;
            for (const auto& risk : s.byRisk) sum += risk[k].expectedCost;
            EXPECT_NEAR(sum, s.total[k].expectedCost, 1e-9 * std::max(1.0, std::abs(s.total[k].expectedCost)))
                << s.structureId << " party " << k;
        }
    }
}
