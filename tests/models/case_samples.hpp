#pragma once
// Case texts shared by the case file tests: a minimal case and a full one with every structure
// type and every support instrument (the same as the examples in docs/case-format.md).

#include "finance/errors.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace cityfin::test {

inline const char* const minimalCase = R"({
  "cityfin": 1,
  "id": "led-pilot",
  "name": "LED street lighting pilot",
  "project": {
    "name": "LED retrofit of 2,000 street lights",
    "capex": [1000000]
  },
  "structures": [
    {"id": "psc", "name": "Public procurement", "type": "traditional", "terms": {}}
  ]
})";

inline const char* const fullCase = R"({
  "cityfin": 1,
  "id": "district-parking-lighting",
  "name": "Smart parking and LED lighting, one district",
  "description": "Eight ways to pay for the same project.",
  "source": "5.(三)-(四), box 10",
  "project": {
    "name": "Smart parking and street lighting",
    "currency": "CNY",
    "price_basis": "nominal",
    "inflation": 0.02,
    "start_year": 2027,
    "construction_years": 2,
    "operating_years": 15,
    "capex": [60000000, 40000000],
    "annual_opex": 3500000,
    "opex_escalation": 0.005,
    "lifecycle": [{"operating_year": 8, "amount": 12000000}],
    "revenues": [
      {"name": "parking fees", "payer": "users", "annual_volume": 4000000, "unit_price": 4.5,
       "volume_growth": 0.03, "price_escalation": 0.01, "ramp_up_years": 2},
      {"name": "advertising", "payer": "market", "annual_volume": 1, "unit_price": 800000}
    ],
    "energy_savings": [
      {"name": "LED lighting", "baseline_kwh": 9000000, "saving_fraction": 0.3, "price_per_kwh": 0.85,
       "price_escalation": 0.015, "degradation": 0.01}
    ],
    "residual_value": 5000000,
    "rates": {"public": 0.035, "private": 0.09, "social": 0.03},
    "tax_rate": 0.25,
    "depreciation_years": 12
  },
  "scenario": {"capex_factor": 1.1, "opex_factor": 1.05, "demand_factor": 0.9, "savings_factor": 0.95,
               "price_factor": 1.0, "delay_years": 1},
  "structures": [
    {"id": "psc", "name": "Public sector comparator", "type": "traditional",
     "terms": {"loan_share": 0.5, "loan_rate": 0.038, "loan_tenor_years": 15},
     "support": {"grants": [{"source": "National smart-city pilot fund", "amount": 2000000, "year": 0}]}},
    {"id": "ppp", "name": "DBFO availability PPP", "type": "ppp_availability",
     "terms": {"debt": {"gearing_cap": 0.8, "rate": 0.055, "tenor_years": 12, "target_dscr": 1.3,
                        "grace_years": 1, "profile": "sculpted"},
               "equity_hurdle": 0.1, "indexation": 1, "expected_deductions": 0.02},
     "support": {"credit_guarantee": {"spread_reduction": 0.01, "fee_rate": 0.004},
                 "co_investment": {"public_equity_share": 0.0333}}},
    {"id": "bot", "name": "Parking concession", "type": "concession",
     "terms": {"variant": "bot", "debt": {"gearing_cap": 0.7, "rate": 0.06, "tenor_years": 10,
                                          "profile": "annuity"},
               "concession_fee_share": 0.05},
     "support": {"grants": [{"source": "EU city partnership", "amount": 1500000, "year": 1, "to_private": true}],
                 "construction_subsidy_share": 0.3,
                 "minimum_revenue_guarantee": {
                   "bands": [{"from_year": 1, "to_year": 5, "guaranteed_share": 0.8},
                             {"from_year": 6, "to_year": 10, "guaranteed_share": 0.7}],
                   "no_payment_below": 0.5,
                   "clawback": [{"above": 1.2, "city_share": 0.5}]},
                 "tax_incentive": {"exempt_three_half_three": true, "reduced_rate": 0.15}}},
    {"id": "bt", "name": "Build-transfer, paid in instalments", "type": "build_transfer",
     "terms": {"contractor_margin": 0.06, "contractor_finance_rate": 0.065, "instalment_rate": 0.05,
               "instalment_years": 5}},
    {"id": "green", "name": "Green bond", "type": "green_bond",
     "terms": {"tenor_years": 10, "coupon_rate": 0.032, "conventional_yield": 0.034, "greenium_bp": 8,
               "issuance_cost_share": 0.004, "external_review_cost": 150000, "annual_reporting_cost": 50000,
               "amortising": true},
     "support": {"tax_increment": {"annual_increment": 1500000, "share_captured": 0.6, "years": 10}}},
    {"id": "espc", "name": "Shared-savings ESPC", "type": "espc",
     "terms": {"variant": "shared_savings", "term_years": 12, "esco_share": 0.6,
               "esco_debt": {"gearing_cap": 0.6, "rate": 0.058, "tenor_years": 8, "target_dscr": 1.25,
                             "profile": "level_principal"},
               "equity_hurdle": 0.12, "mv_cost_per_year": 80000}},
    {"id": "service", "name": "Parking as a service", "type": "pay_as_you_go",
     "terms": {"variant": "service_purchase", "contract_years": 10, "annual_service_fee": 9000000,
               "equity_hurdle": 0.09}},
    {"id": "operator", "name": "Telecom operator co-invests", "type": "revenue_sharing",
     "terms": {"operator_capex_share": 0.5, "operator_opex_share": 0.4, "operator_revenue_share": 0.45,
               "term_years": 15},
     "support": {"crowdfunding": {"amount": 3000000, "rate": 0.045, "tenor_years": 5}}}
  ],
  "plans": [{"name": "Plan A", "structure": "bot"}, {"name": "Plan B", "structure": "ppp"}]
})";

/// The minimal case with `change` applied to its JSON, as text.
inline std::string editedCase(const std::function<void(nlohmann::json&)>& change, const char* base = minimalCase) {
    nlohmann::json doc = nlohmann::json::parse(base);
    change(doc);
    return doc.dump(2);
}

/// The message of the InputError that fn throws; "no error" or "other exception: ..." otherwise.
inline std::string errorOf(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const InputError& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("other exception: ") + e.what();
    }
    return "no error";
}

} // namespace cityfin::test
