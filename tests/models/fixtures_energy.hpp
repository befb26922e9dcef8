#pragma once
// Small projects and a catalogue of support instruments shared by the green bond, ESPC and
// revenue-sharing tests. Round numbers, so that the tests can work the mechanics out by hand.

#include "models/evaluation.hpp"
#include "models/outcome.hpp"
#include "models/project.hpp"
#include "models/structure.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace cityfin::models::energy_fixtures {

/// 1 construction year (capex 1000), 4 operating years: opex 20, energy saved 1000 kWh x 30% x 1 = 300
/// a year. No revenue, no residual. Real terms, public 4%, private 10%, tax 25%.
inline Project smallRetrofit() {
    Project p;
    p.name = "Small retrofit";
    p.startYear = 2026;
    p.constructionYears = 1;
    p.operatingYears = 4;
    p.capex = {1000.0};
    p.annualOpex = 20.0;
    p.energySavings = {{"air-conditioning", 1000.0, 0.3, 1.0, 0.0, 0.0}};
    p.rates = {0.04, 0.10, 0.035};
    p.taxRate = 0.25;
    return p;
}

/// Nansha-like: IoT sensing repairs a building portfolio's air-conditioning and saves about 30% of
/// its 10 GWh a year at 1 CNY/kWh: 3,000,000 CNY a year. Capex 12,000,000 CNY in one year, opex
/// 200,000 CNY a year, 10 operating years. (Consumption, price and costs are assumptions.)
inline Project nanshaRetrofit() {
    Project p;
    p.name = "Nansha building air-conditioning";
    p.startYear = 2026;
    p.constructionYears = 1;
    p.operatingYears = 10;
    p.capex = {12'000'000.0};
    p.annualOpex = 200'000.0;
    p.energySavings = {{"air-conditioning", 10'000'000.0, 0.3, 1.0, 0.0, 0.0}};
    p.rates = {0.04, 0.10, 0.035};
    p.taxRate = 0.25;
    return p;
}

/// 2 construction years (600, 400), 4 operating years: user charges 100 x 2 = 200 a year, market
/// revenue 50 x 1 = 50, energy saved 100 kWh x 30% x 1 = 30, opex 50, lifecycle 40 in operating year
/// 4, residual value 100. Real terms, public 4%, private 10%, tax 25%.
inline Project smallNetwork() {
    Project p;
    p.name = "Small network";
    p.startYear = 2026;
    p.constructionYears = 2;
    p.operatingYears = 4;
    p.capex = {600.0, 400.0};
    p.annualOpex = 50.0;
    p.lifecycle = {{4, 40.0}};
    p.revenues = {{"users", RevenueStream::Payer::Users, 100.0, 2.0, 0.0, 0.0, 0},
                  {"services", RevenueStream::Payer::Market, 50.0, 1.0, 0.0, 0.0, 0}};
    p.energySavings = {{"lighting", 100.0, 0.3, 1.0, 0.0, 0.0}};
    p.residualValue = 100.0;
    p.rates = {0.04, 0.10, 0.035};
    p.taxRate = 0.25;
    return p;
}

inline Structure structureOf(StructureTerms terms, SupportTerms support = {}) {
    Structure s;
    s.id = "s";
    s.name = "Structure under test";
    s.terms = std::move(terms);
    s.support = std::move(support);
    return s;
}

/// Each support instrument alone, then all of them together, on a project with operating years
/// 1..operatingYears and periods 0..periods-1.
inline std::vector<std::pair<std::string, SupportTerms>> supportCatalogue(const Project& p) {
    std::vector<std::pair<std::string, SupportTerms>> all;
    SupportTerms s;
    s.grants = {{"EU programme", 100.0, 0, false}};
    all.emplace_back("grant to the city", s);
    s = {};
    s.grants = {{"National fund", 80.0, 0, true}};
    all.emplace_back("grant to the private party", s);
    s = {};
    s.constructionSubsidyShare = 0.3;
    all.emplace_back("construction subsidy", s);
    s = {};
    s.minimumRevenueGuarantee = MinimumRevenueGuarantee{{{1, p.operatingYears, 0.9}}, 0.5, {{1.1, 0.5}}};
    all.emplace_back("minimum revenue guarantee", s);
    s = {};
    s.creditGuarantee = CreditGuarantee{0.01, 0.005};
    all.emplace_back("credit guarantee", s);
    s = {};
    s.taxIncentive = TaxIncentive{true, std::nullopt};
    all.emplace_back("tax incentive", s);
    s = {};
    s.taxIncrement = TaxIncrementFinancing{20.0, 0.5, 0};
    all.emplace_back("tax increment financing", s);
    s = {};
    s.crowdfunding = Crowdfunding{100.0, 0.06, std::min(3, p.periods() - 1)};
    all.emplace_back("crowdfunding", s);
    s = {};
    s.coInvestment = CoInvestmentFund{0.1};
    all.emplace_back("co-investment", s);
    SupportTerms every;
    for (const auto& [name, one] : all) {
        every.grants.insert(every.grants.end(), one.grants.begin(), one.grants.end());
        every.constructionSubsidyShare = std::max(every.constructionSubsidyShare, one.constructionSubsidyShare);
        if (one.minimumRevenueGuarantee) every.minimumRevenueGuarantee = one.minimumRevenueGuarantee;
        if (one.creditGuarantee) every.creditGuarantee = one.creditGuarantee;
        if (one.taxIncentive) every.taxIncentive = one.taxIncentive;
        if (one.taxIncrement) every.taxIncrement = one.taxIncrement;
        if (one.crowdfunding) every.crowdfunding = one.crowdfunding;
        if (one.coInvestment) every.coInvestment = one.coInvestment;
    }
    all.emplace_back("all instruments", every);
    return all;
}

/// Largest absolute amount in the ledger: the scale for conservation checks.
inline double ledgerScale(const Ledger& ledger) {
    double scale = 1.0;
    for (const Line& line : ledger.lines())
        for (double x : line.amounts) scale = std::max(scale, std::abs(x));
    return scale;
}

inline bool hasNote(const StructureOutcome& outcome, const std::string& start) {
    return std::any_of(outcome.notes.begin(), outcome.notes.end(),
                       [&](const std::string& n) { return n.rfind(start, 0) == 0; });
}

inline bool hasLine(const Ledger& ledger, Party party, LineKind kind) {
    const auto total = ledger.lineTotal(party, kind);
    return std::any_of(total.begin(), total.end(), [](double x) { return x != 0.0; });
}

} // namespace cityfin::models::energy_fixtures
