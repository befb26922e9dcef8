#pragma once
// The case's risk register: each risk names the scenario driver it moves (a factor of
// models::Scenario) and the distribution of that driver, with optional correlations to other risks.
// Several risks on the same factor multiply (capex overrun x scope creep); delays and shifts
// (interest_rate_shift) add up.
// The case file's "risks" section; format: docs/case-format.md ("Risk register").
// Defaults and their sources: docs/risk-defaults.md.

#include "finance/correlation.hpp"
#include "finance/distributions.hpp"
#include "models/project.hpp"
#include "models/social/social_return.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace cityfin::models {

enum class RiskCategory {
    ConstructionOverrun, Delay, Demand, Availability, SavingsShortfall, InterestRate, Inflation,
    CounterpartyDefault, Opex, Price, Outcome, Other
};

/// The factor of a Scenario that a risk moves.
enum class RiskDriver {
    CapexFactor, OpexFactor, DemandFactor, SavingsFactor, PriceFactor, DelayYears,
    OutcomeQuantityFactor, OutcomeProxyFactor, CarbonPriceFactor,  ///< social outcomes (models/social)
    InterestRateShift,  ///< additive, decimal per year, neutral 0 (Scenario::interestRateShift)
    InflationShift,     ///< additive to a nominal case's inflation, neutral 0 (Scenario::inflationShift)
    AvailabilityShortfall,  ///< additive share of the service lost, 0 to 1, neutral 0 (Scenario::availabilityShortfall)
    PaymentShortfall        ///< additive share of the city's payments not paid, 0 to 1, neutral 0 (Scenario::paymentShortfall)
};

struct RiskCorrelation {
    std::string with;    ///< id of another risk
    double rho = 0.0;    ///< Gaussian-copula correlation, -1 to 1
};

struct Risk {
    std::string id;
    std::string name;
    RiskCategory category = RiskCategory::Other;
    RiskDriver driver = RiskDriver::CapexFactor;
    finance::Distribution distribution = finance::Distribution::uniform(1.0, 1.0);
    std::vector<RiskCorrelation> correlations;
    std::string source;  ///< where the distribution comes from (optional)
};

struct RiskRegister {
    std::vector<Risk> risks;
    bool empty() const noexcept { return risks.empty(); }
};

std::string_view riskCategoryId(RiskCategory c);
std::string_view riskDriverId(RiskDriver d);

/// Whether draws on the driver add up from a neutral 0 (delay years, rate and inflation shifts,
/// shortfalls) rather than multiply a factor of 1.
bool isAdditive(RiskDriver d);

/// Reads the "risks" array of a case (path "risks"): strict, errors name the JSON path
/// ("risks[1].distribution.mode"). Checks ids are unique, correlations name other risks, are
/// symmetric when given both ways, and that the matrix is positive semi-definite.
RiskRegister readRiskRegister(const nlohmann::json& risks, const std::string& path = "risks");

/// The canonical JSON of a register; readRiskRegister(riskRegisterToJson(r)) gives back r.
nlohmann::ordered_json riskRegisterToJson(const RiskRegister& reg);

/// Throws InputError("risks[i].driver", ...) for a risk the project cannot take: an inflation shift
/// in a case in real terms. `path` is the register's JSON path.
void validateRegisterForProject(const RiskRegister& reg, const Project& project, const std::string& path = "risks");

/// The correlation matrix of the register's risks (identity when none is given).
finance::CorrelationMatrix riskCorrelation(const RiskRegister& reg);

/// The scenario for one draw of every risk: the base scenario with each factor multiplied by the
/// draws of the risks on it (delay: base + sum of draws, rounded, at least 0; interest rate shift:
/// base + sum of draws, kept within -1 to 1; inflation shift likewise; availability and payment
/// shortfalls: base + sum of draws, kept within 0 to 1). Factors stay >= 0.
/// active[i] false leaves risk i at its neutral value (1, or 0 years, or a shift of 0).
Scenario applyDraws(const Scenario& base, const RiskRegister& reg, const double* draws,
                    const std::vector<bool>* active = nullptr);

/// The multipliers one draw puts on the case's social outcomes: every outcome's quantity, its
/// proxy, and the carbon price (risks on the same factor multiply, each kept >= 0).
OutcomeFactors outcomeFactorsFromDraws(const RiskRegister& reg, const double* draws,
                                       const std::vector<bool>* active = nullptr);

} // namespace cityfin::models
