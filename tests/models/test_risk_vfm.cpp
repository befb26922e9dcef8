// Value for money: a hand-worked example, and the figures of a simulated run hang together.

#include "models/risk/value_for_money.hpp"

#include "finance/errors.hpp"
#include "risk_fixtures.hpp"

#include <gtest/gtest.h>

using namespace cityfin;
using namespace cityfin::models;

namespace {

StructureRisk structureAt(const std::string& id, const std::string& kind, double cityPresentCost) {
    StructureRisk s;
    s.structureId = id;
    s.kind = kind;
    s.base.assign(kRiskMetricCount, 0.0);
    s.base[static_cast<std::size_t>(RiskMetric::CityPresentCost)] = cityPresentCost;
    return s;
}

StructureRiskBorne cityRisks(const std::string& id, double r1, double r2, double interaction) {
    StructureRiskBorne b;
    b.structureId = id;
    b.byRisk = {std::vector<RiskEffect>(kParties.size()), std::vector<RiskEffect>(kParties.size())};
    b.byRisk[0][0].expectedCost = r1;
    b.byRisk[1][0].expectedCost = r2;
    b.interaction.assign(kParties.size(), {});
    b.interaction[0].expectedCost = interaction;
    b.total.assign(kParties.size(), {});
    b.total[0].expectedCost = r1 + r2 + interaction;
    return b;
}

} // namespace

TEST(ValueForMoney, HandWorkedExample) {
    // PSC: raw cost 100; the city's risk costs 30 (overrun) + 10 (demand) + 2 (joint) = 42.
    // PPP: base cost to the city 120; it keeps 5 of the overrun, all 10 of demand and 1 joint = 16.
    // Transferable = 42 - 16 = 26 (25 overrun, 0 demand, 1 joint). Competitive neutrality 3.
    // Risk-adjusted PSC = 100 + 26 + 16 + 3 = 145; private = 120 + 16 = 136; VfM = 9 = 6.2069%.
    RiskRun run;
    run.structures = {structureAt("psc", "traditional", 100.0), structureAt("ppp", "ppp_availability", 120.0)};
    RiskBorne borne;
    borne.riskIds = {"overrun", "demand"};
    borne.structures = {cityRisks("psc", 30.0, 10.0, 2.0), cityRisks("ppp", 5.0, 10.0, 1.0)};
    const ValueForMoney v = valueForMoney(run, borne, 3.0);
    EXPECT_EQ(v.pscStructureId, "psc");
    ASSERT_EQ(v.structures.size(), 1u);
    const VfmResult& r = v.structures[0];
    EXPECT_DOUBLE_EQ(r.transferableRisk, 26.0);
    EXPECT_DOUBLE_EQ(r.retainedRisk, 16.0);
    EXPECT_DOUBLE_EQ(r.riskAdjustedPsc, 145.0);
    EXPECT_DOUBLE_EQ(r.privateTotal, 136.0);
    EXPECT_DOUBLE_EQ(r.vfmAmount, 9.0);
    EXPECT_NEAR(*r.vfmPercent, 9.0 / 145.0, 1e-15);
    ASSERT_EQ(r.lines.size(), 3u);
    EXPECT_DOUBLE_EQ(r.lines[0].transferable, 25.0);
    EXPECT_DOUBLE_EQ(r.lines[1].transferable, 0.0);
    EXPECT_EQ(r.lines[2].riskId, "interaction");
}

TEST(ValueForMoney, TheCitysOwnArrearsAreListedButNotCountedAsValueForMoney) {
    // As the hand-worked example, with the second risk the city's arrears under the PPP: the city
    // "gains" 10 by not paying (a cost of -10). Counted, it would lower the PPP's cost; it is money
    // still owed, so VfM is that of the overrun and the joint term alone: transferable 25 + 1,
    // retained 5 + 1; risk-adjusted PSC 100 + 26 + 6 = 132, private 120 + 6 = 126, VfM 6.
    RiskRun run;
    run.structures = {structureAt("psc", "traditional", 100.0), structureAt("ppp", "ppp_availability", 120.0)};
    RiskBorne borne;
    borne.riskIds = {"overrun", "arrears"};
    borne.riskDrivers = {RiskDriver::CapexFactor, RiskDriver::PaymentShortfall};
    borne.structures = {cityRisks("psc", 30.0, 0.0, 2.0), cityRisks("ppp", 5.0, -10.0, 1.0)};
    const VfmResult r = valueForMoney(run, borne).structures.at(0);
    ASSERT_EQ(r.lines.size(), 3u);
    EXPECT_TRUE(r.lines[0].counted);
    EXPECT_FALSE(r.lines[1].counted);
    EXPECT_DOUBLE_EQ(r.lines[1].retained, -10.0);  // still shown
    EXPECT_TRUE(r.lines[2].counted);
    EXPECT_DOUBLE_EQ(r.retainedRisk, 6.0);
    EXPECT_DOUBLE_EQ(r.transferableRisk, 26.0);
    EXPECT_DOUBLE_EQ(r.vfmAmount, 6.0);
}

TEST(ValueForMoney, NoTraditionalStructureMeansNoComparator) {
    RiskRun run;
    run.structures = {structureAt("ppp", "ppp_availability", 120.0)};
    RiskBorne borne;
    borne.structures = {cityRisks("ppp", 0, 0, 0)};
    EXPECT_TRUE(valueForMoney(run, borne).pscStructureId.empty());
    EXPECT_THROW(valueForMoney(run, borne, -1.0), InputError);
}

TEST(ValueForMoney, OnASimulationTheRiskAdjustedPscIsTheCitysExpectedCostUnderThePsc) {
    using namespace risk_fixtures;
    RiskOptions o;
    o.paths = 300;
    o.threads = 2;
    const RiskRun run = runRisk(project(), {}, structures(), reg(), o);
    const RiskBorne borne = measureRiskBorne(project(), {}, run, reg(), o);
    const ValueForMoney v = valueForMoney(run, borne, 0.0);
    const double pscExpected = run.structures[0].summary(RiskMetric::CityPresentCost).mean;
    for (std::size_t i = 0; i < v.structures.size(); ++i) {
        const VfmResult& r = v.structures[i];
        EXPECT_NEAR(r.riskAdjustedPsc, pscExpected, 1e-6 * std::abs(pscExpected));
        const double expected = run.structures[i + 1].summary(RiskMetric::CityPresentCost).mean;
        EXPECT_NEAR(r.privateTotal, expected, 1e-6 * std::max(1.0, std::abs(expected))) << r.structureId;
    }
}
