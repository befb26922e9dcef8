#pragma once
// A small project, five structures and a risk register shared by the risk tests.

#include "fixtures_spv.hpp"
#include "models/risk/risk_register.hpp"

#include <cmath>
#include <cstdlib>
#include <string>

namespace risk_fixtures {

using namespace cityfin::models;

/// smallProject with 12 operating years.
inline Project project() { return spv_fixtures::smallProject(12); }

inline std::vector<Structure> structures() {
    TraditionalTerms t;
    t.loanShare = 0.5;
    t.loanTenorYears = 10;
    PppAvailabilityTerms pt;
    pt.debt.tenorYears = 10;
    ConcessionTerms ct;
    ct.debt.tenorYears = 10;
    Structure psc{"psc", "PSC", t, {}};
    Structure ppp{"ppp", "PPP", pt, {}};
    Structure bot{"bot", "BOT", ct, {}};
    MinimumRevenueGuarantee mrg;
    mrg.bands = {{1, 12, 0.9}};
    mrg.noPaymentBelow = 0.0;
    bot.support.minimumRevenueGuarantee = mrg;
    Structure espc{"espc", "ESPC", EspcTerms{}, {}};
    Structure service{"service", "Service", PayAsYouGoTerms{}, {}};
    return {psc, ppp, bot, espc, service};
}

/// capex overrun (PERT, correlated with delay), delay (discrete), demand (lognormal), savings (triangular).
inline RiskRegister reg() {
    return readRiskRegister(nlohmann::json::parse(R"([
      {"id": "capex", "category": "construction_overrun", "driver": "capex_factor",
       "distribution": {"type": "pert", "min": 0.95, "mode": 1.05, "max": 1.6}, "correlations": {"delay": 0.5}},
      {"id": "delay", "category": "delay", "driver": "delay_years",
       "distribution": {"type": "discrete", "values": [0, 1], "probabilities": [0.7, 0.3]}},
      {"id": "demand", "category": "demand", "driver": "demand_factor",
       "distribution": {"type": "lognormal", "mean": 0.9, "stdev": 0.25}},
      {"id": "savings", "category": "savings_shortfall", "driver": "savings_factor",
       "distribution": {"type": "triangular", "min": 0.6, "mode": 0.95, "max": 1.1}}
    ])"));
}

/// The bundled cases: $CITYFIN_SOURCE_DIR/cases (ctest sets it), else ./cases.
inline std::string casesDir() {
    const char* root = std::getenv("CITYFIN_SOURCE_DIR");
    return std::string(root ? root : ".") + "/cases";
}

inline bool sameOrBothNaN(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

} // namespace risk_fixtures
