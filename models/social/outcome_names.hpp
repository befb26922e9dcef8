#pragma once
// The case file's names for the outcome enumerations (reader, writer and front ends share them).

#include "models/case_names.hpp"
#include "models/social/outcomes.hpp"

namespace cityfin::models {

inline constexpr std::array<NamedValue<OutcomeCategory>, 4> outcomeCategoryNames{{
    {OutcomeCategory::Economic, "economic"}, {OutcomeCategory::Environmental, "environmental"},
    {OutcomeCategory::Social, "social"}, {OutcomeCategory::Cultural, "cultural"}}};

inline constexpr std::array<NamedValue<OutcomeValuation>, 2> outcomeValuationNames{{
    {OutcomeValuation::Proxy, "proxy"}, {OutcomeValuation::CarbonPrice, "carbon_price"}}};

} // namespace cityfin::models
