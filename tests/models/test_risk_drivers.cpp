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

TEST(RiskDrivers, AFloatingSeniorDebtMovesTheSpvNotTheCharge) {
    // A charge of 500 fixed at close; the senior debt at 5%, all floating, rates up 1%: each
    // repayment period's interest grows by 1% of its opening balance. The city's charge does not
    // move; the SPV pays the extra interest, less the tax it saves (the city's tax receipt falls by
    // that much); the lenders receive it; the equity IRR and the DSCR achieved fall; the debt sized
    // at close does not change.
    const Project p = spv_fixtures::smallProject();
    PppAvailabilityTerms t = pppTerms(500.0);
    t.debt.floatingShare = 1.0;
    Scenario up;
    up.interestRateShift = 0.01;
    const Structure s{"ppp", "PPP", t, {}};
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
    t.debt.floatingShare = 0.0;
    const Structure fixedDebt{"ppp", "PPP", t, {}};
    EXPECT_EQ(evaluate(p, fixedDebt, up).outcome.ledger.partyFlows(Party::Private),
              evaluate(p, fixedDebt, {}).outcome.ledger.partyFlows(Party::Private));
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
