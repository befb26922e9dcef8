// Payback and discounted payback: the (fractional) period at which the cumulative flow last turns
// non-negative, with linear interpolation inside that period.

#include "finance/metrics.hpp"

#include "finance/errors.hpp"
#include "finance/flow_checks.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace cityfin::finance {

namespace {

/// `what` names the series in the messages: "cumulative flow" or "cumulative discounted flow".
Answer paybackOf(Flows flows, const std::string& what) {
    double cumulative = 0.0;
    double cumulativeAtLastNegative = 0.0;
    std::size_t lastNegative = 0;
    bool everNegative = false;
    int recoveries = 0; // times the cumulative flow goes from negative to non-negative
    for (std::size_t i = 0; i < flows.size(); ++i) {
        const bool wasNegative = cumulative < 0.0;
        cumulative += flows[i];
        if (cumulative < 0.0) {
            everNegative = true;
            lastNegative = i;
            cumulativeAtLastNegative = cumulative;
        } else if (wasNegative) {
            ++recoveries;
        }
    }
    if (cumulative < 0.0)
        return {std::nullopt, "never paid back: the " + what + " is still negative after the last period",
                {}};
    if (!everNegative) return {0.0, "", {}};
    Answer answer;
    // cumulative(k+1) = cumulative(k) + flows[k+1] >= 0 > cumulative(k), so flows[k+1] > 0.
    answer.value = static_cast<double>(lastNegative) - cumulativeAtLastNegative / flows[lastNegative + 1];
    if (recoveries > 1)
        answer.warnings.push_back("the " + what + " turns negative again after first recovering; payback "
                                  "is counted to the last time it turns non-negative");
    return answer;
}

} // namespace

Answer payback(Flows flows) {
    detail::requireNonEmpty("flows", flows);
    detail::requireAllFinite("flows", flows);
    return paybackOf(flows, "cumulative flow");
}

Answer discountedPayback(Flows flows, double rate) {
    detail::requireNonEmpty("flows", flows);
    detail::requireAllFinite("flows", flows);
    detail::requireRateFast("rate", rate);
    const double v = 1.0 / (1.0 + rate);
    std::vector<double> discounted(flows.size());
    double factor = 1.0;
    for (std::size_t i = 0; i < flows.size(); ++i, factor *= v) {
        discounted[i] = flows[i] * factor;
        if (!std::isfinite(discounted[i])) detail::throwNonFiniteResult(flows, rate);
    }
    return paybackOf(discounted, "cumulative discounted flow");
}

} // namespace cityfin::finance
