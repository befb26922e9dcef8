// Tornado: each risk alone from P10 to P90 (or the mean +-x%), the metric's swing, sorted.

#include "models/risk/tornado.hpp"

#include "finance/errors.hpp"
#include "risk_fixtures.hpp"

#include <gtest/gtest.h>

using namespace cityfin;
using namespace cityfin::models;
using namespace risk_fixtures;

TEST(Tornado, BarsRunFromP10ToP90AndAreSortedBySwing) {
    const RiskRegister risks = reg();
    const Tornado t = tornado(project(), {}, structures(), reg(), "bot", RiskMetric::NpvPrivate);
    ASSERT_EQ(t.bars.size(), 4u);
    for (std::size_t i = 1; i < t.bars.size(); ++i) EXPECT_GE(t.bars[i - 1].swing, t.bars[i].swing);
    for (const TornadoBar& b : t.bars) {
        const Risk& r = *std::find_if(risks.risks.begin(), risks.risks.end(), [&](const Risk& x) { return x.id == b.riskId; });
        EXPECT_DOUBLE_EQ(b.lowInput, r.distribution.quantile(0.1));
        EXPECT_DOUBLE_EQ(b.highInput, r.distribution.quantile(0.9));
        EXPECT_DOUBLE_EQ(b.swing, std::abs(b.highValue - b.lowValue));
    }
    EXPECT_EQ(t.range, "p10-p90");
    EXPECT_NEAR(t.baseValue, evaluate(project(), fixTermsAtClose(project(), {structures()[2]})[0]).party(Party::Private).npv, 1e-6);
}

TEST(Tornado, DemandDoesNotMoveTheAvailabilityPppsEquity) {
    const Tornado t = tornado(project(), {}, structures(), reg(), "ppp", RiskMetric::NpvPrivate);
    for (const TornadoBar& b : t.bars)
        if (b.riskId == "demand") {
            EXPECT_EQ(b.swing, 0.0);
        } else if (b.riskId == "capex") {
            EXPECT_GT(b.swing, 0.0);
        }
}

TEST(Tornado, SwingMovesTheMeanByTheFraction) {
    const RiskRegister risks = reg();
    const Tornado t = tornado(project(), {}, structures(), reg(), "psc", RiskMetric::CityPresentCost, 0.1);
    EXPECT_EQ(t.range, "+-10%");
    for (const TornadoBar& b : t.bars) {
        const Risk& r = *std::find_if(risks.risks.begin(), risks.risks.end(), [&](const Risk& x) { return x.id == b.riskId; });
        if (isAdditive(r.driver)) continue;  // next test
        EXPECT_EQ(b.range, "+-10%");
        EXPECT_NEAR(b.lowInput, 0.9 * r.distribution.mean(), 1e-12);
        EXPECT_NEAR(b.highInput, 1.1 * r.distribution.mean(), 1e-12);
    }
}

TEST(Tornado, AdditiveDriversKeepTheirP10AndP90UnderASwingAndSaySo) {
    // A shortfall's neutral value is 0: its mean x (1 +- 10%) would hardly move anything, and a
    // delay's would round to the same whole year. So they run from P10 to P90, and the bar says it.
    RiskRegister risks = reg();
    risks.risks.push_back(readRiskRegister(nlohmann::json::parse(R"([{"id": "downtime", "driver": "availability_shortfall",
        "distribution": {"type": "pert", "min": 0, "mode": 0.01, "max": 0.1}}])")).risks[0]);
    const Tornado t = tornado(project(), {}, structures(), risks, "ppp", RiskMetric::NpvPrivate, 0.1);
    std::size_t additive = 0;
    for (const TornadoBar& b : t.bars) {
        const Risk& r = *std::find_if(risks.risks.begin(), risks.risks.end(), [&](const Risk& x) { return x.id == b.riskId; });
        if (!isAdditive(r.driver)) continue;
        ++additive;
        EXPECT_EQ(b.range, "p10-p90") << b.riskId;
        EXPECT_DOUBLE_EQ(b.lowInput, r.distribution.quantile(0.1));
        EXPECT_DOUBLE_EQ(b.highInput, r.distribution.quantile(0.9));
        if (b.riskId == "downtime") {
            EXPECT_GT(b.swing, 0.0);  // the deductions move the SPV's NPV
            EXPECT_LT(b.highValue, b.lowValue);
        }
    }
    EXPECT_EQ(additive, 2u);  // delay and downtime
}

TEST(Tornado, UnknownStructureOrBadSwingIsAnInputError) {
    EXPECT_THROW(tornado(project(), {}, structures(), reg(), "nope", RiskMetric::NpvPrivate), InputError);
    EXPECT_THROW(tornado(project(), {}, structures(), reg(), "ppp", RiskMetric::NpvPrivate, -0.1), InputError);
    // A PPP's payments, asked of a structure that is no PPP: said, not a tornado of blanks.
    EXPECT_THROW(tornado(project(), {}, structures(), reg(), "psc", RiskMetric::PppSpendingPeak), InputError);
    EXPECT_NO_THROW(tornado(project(), {}, structures(), reg(), "ppp", RiskMetric::PppSpendingPeak));
}
