#pragma once
// Small projects and checks shared by the SPV structure tests (PPP availability, concession).

#include "models/evaluation.hpp"
#include "models/project.hpp"
#include "models/structure.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace spv_fixtures {

using namespace cityfin::models;

/// One construction year (capex 1000), `operating` years in real terms: user charges 1000 x 0.4 = 400
/// a year, market revenue 50 x 1 = 50, energy saved 1000 kWh x 0.3 x 0.1 = 30, opex 60, a lifecycle
/// cost of 40 in operating year 2, residual value 100; tax 25% over the operating years.
inline Project smallProject(int operating = 4) {
    Project p;
    p.name = "small";
    p.currency = "EUR";
    p.constructionYears = 1;
    p.operatingYears = operating;
    p.capex = {1000.0};
    p.annualOpex = 60.0;
    p.lifecycle = {{2, 40.0}};
    p.revenues = {{"fees", RevenueStream::Payer::Users, 1000.0, 0.4},
                  {"ads", RevenueStream::Payer::Market, 50.0, 1.0}};
    p.energySavings = {{"lighting", 1000.0, 0.3, 0.1}};
    p.residualValue = 100.0;
    p.rates.publicRate = 0.04;
    p.rates.privateRate = 0.10;
    p.taxRate = 0.25;
    return p;
}

/// Every support instrument that applies to an SPV, at modest values.
inline SupportTerms allSupport() {
    SupportTerms s;
    s.grants = {{"EU", 100.0, 0, false}, {"national", 50.0, 0, true}};
    s.constructionSubsidyShare = 0.2;
    s.creditGuarantee = CreditGuarantee{0.01, 0.005};
    s.taxIncentive = TaxIncentive{true, std::nullopt};
    s.taxIncrement = TaxIncrementFinancing{20.0, 0.5, 0};
    s.crowdfunding = Crowdfunding{50.0, 0.06, 3};
    s.coInvestment = CoInvestmentFund{0.1};
    return s;
}

inline double maxAbs(const std::vector<double>& v) {
    double m = 1.0;
    for (double x : v) m = std::max(m, std::abs(x));
    return m;
}

/// Money is conserved, and the real lines are exactly the project's own flows (capex, opex,
/// lifecycle, market revenue, savings, residual value) plus the tax increment the city captures; the
/// user charges are a transfer from the users, who pay exactly the project's user charges.
inline void expectConserved(const StructureOutcome& o, const ProjectFlows& flows) {
    const double scale = maxAbs(flows.capex) + maxAbs(flows.userCharges);
    EXPECT_LT(o.ledger.conservationError(), 1e-9 * scale);
    const std::vector<double> pre = flows.preFinancingCashFlow();
    const std::vector<double> tif = o.ledger.lineTotal(Party::Government, LineKind::TaxIncrement);
    for (std::size_t t = 0; t < pre.size(); ++t)
        EXPECT_NEAR(o.ledger.realFlows()[t], pre[t] - flows.userCharges[t] + tif[t], 1e-9 * scale) << "period " << t;
    const std::vector<double> users = o.ledger.partyFlows(Party::Users);
    for (std::size_t t = 0; t < pre.size(); ++t) EXPECT_NEAR(users[t], -flows.userCharges[t], 1e-9 * scale);
    // Every transfer is booked twice, so the parties' nets add up to the real flows too.
    for (std::size_t t = 0; t < pre.size(); ++t) {
        double total = 0.0;
        for (Party p : kParties) total += o.ledger.partyFlows(p)[t];
        EXPECT_NEAR(total, o.ledger.realFlows()[t], 1e-9 * scale);
    }
}

inline bool hasNote(const StructureOutcome& o, const std::string& words) {
    return std::any_of(o.notes.begin(), o.notes.end(),
                       [&](const std::string& n) { return n.find(words) != std::string::npos; });
}

} // namespace spv_fixtures
