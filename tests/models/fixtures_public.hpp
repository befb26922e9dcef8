#pragma once
// Small projects with round numbers for the tests of the city-side structures (traditional, BT,
// pay-as-you-go), and comparisons of per-period vectors.

#include "models/ledger.hpp"
#include "models/outcome.hpp"
#include "models/project.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace cityfin::models::public_fixtures {

/// Real terms; 2 construction years (600, 400), 4 operating years; opex 50; user charges
/// 100 x 2 = 200 a year; residual value 100. Operating cash 150 a year; periods 0..5.
inline Project twoPlusFour() {
    Project p;
    p.name = "two plus four";
    p.constructionYears = 2;
    p.operatingYears = 4;
    p.capex = {600.0, 400.0};
    p.annualOpex = 50.0;
    RevenueStream parking;
    parking.name = "parking";
    parking.annualVolume = 100.0;
    parking.unitPrice = 2.0;
    p.revenues = {parking};
    p.residualValue = 100.0;
    p.rates = {0.04, 0.10, 0.035};
    p.taxRate = 0.25;
    return p;
}

/// Real terms; 1 construction year (1000), 4 operating years; opex 50; user charges 200 a year;
/// energy saved 1000 kWh x 0.3 x 0.1 = 30 a year; no residual value. Periods 0..4.
inline Project onePlusFour() {
    Project p = twoPlusFour();
    p.name = "one plus four";
    p.constructionYears = 1;
    p.capex = {1000.0};
    p.residualValue = 0.0;
    EnergySaving led;
    led.name = "led";
    led.baselineKwh = 1000.0;
    led.savingFraction = 0.3;
    led.pricePerKwh = 0.1;
    p.energySavings = {led};
    return p;
}

inline void expectFlowsNear(const std::vector<double>& actual, const std::vector<double>& expected,
                            double tolerance = 1e-9) {
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t t = 0; t < actual.size(); ++t)
        EXPECT_NEAR(actual[t], expected[t], tolerance) << "period " << t;
}

inline double total(const std::vector<double>& v) {
    double sum = 0.0;
    for (double x : v) sum += x;
    return sum;
}

/// Money is conserved: the parties' lines sum to the real lines in every period.
inline void expectConserved(const StructureOutcome& outcome, double scale = 1000.0) {
    EXPECT_LT(outcome.ledger.conservationError(), 1e-9 * scale);
}

inline const SolvedTerm* solvedTerm(const StructureOutcome& outcome, const std::string& id) {
    const auto it = std::find_if(outcome.solved.begin(), outcome.solved.end(),
                                 [&](const SolvedTerm& s) { return s.id == id; });
    return it == outcome.solved.end() ? nullptr : &*it;
}

inline bool hasNote(const StructureOutcome& outcome, const std::string& text) {
    return std::any_of(outcome.notes.begin(), outcome.notes.end(),
                       [&](const std::string& n) { return n.find(text) != std::string::npos; });
}

inline bool hasLine(const StructureOutcome& outcome, Party party, LineKind kind) {
    const auto& lines = outcome.ledger.lines();
    return std::any_of(lines.begin(), lines.end(), [&](const Line& l) { return l.party == party && l.kind == kind; });
}

} // namespace cityfin::models::public_fixtures
