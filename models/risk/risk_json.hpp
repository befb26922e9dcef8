#pragma once
// The risk analysis as JSON, for `cityfin risk --format json`, the charts and the GUI: per structure
// the metric summaries (with histogram data), rule probabilities, contingent payments; the
// risk-borne table; value for money; a tornado when asked. NaN never appears: undefined is null.

#include "models/risk/risk_borne.hpp"
#include "models/risk/tornado.hpp"
#include "models/risk/value_for_money.hpp"

#include <nlohmann/json.hpp>

namespace cityfin::models {

nlohmann::ordered_json riskRunJson(const RiskRun& run);
nlohmann::ordered_json riskBorneJson(const RiskBorne& borne);
nlohmann::ordered_json valueForMoneyJson(const ValueForMoney& vfm);
nlohmann::ordered_json tornadoJson(const Tornado& t);

} // namespace cityfin::models
