#include "gui/charts/chart_data.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cityfin::charts {

const std::string& Figure::id() const {
    if (bars) return bars->id;
    if (heatMap) return heatMap->id;
    if (radar) return radar->id;
    if (band) return band->id;
    if (histogram) return histogram->id;
    throw std::logic_error("Figure::id of an empty figure");
}

const std::string& Figure::title() const {
    if (bars) return bars->title;
    if (heatMap) return heatMap->title;
    if (radar) return radar->title;
    if (band) return band->title;
    if (histogram) return histogram->title;
    throw std::logic_error("Figure::title of an empty figure");
}

MoneyScale moneyScale(double largestMagnitude, const std::string& currency) {
    const double m = std::abs(largestMagnitude);
    if (m >= 5e9) return {1e9, currency + " billion"};
    if (m >= 5e6) return {1e6, currency + " million"};
    if (m >= 5e3) return {1e3, currency + " thousand"};
    return {1.0, currency};
}

HistogramData binSamples(std::string id, std::string title, std::string valueAxisTitle,
                         const std::vector<std::string>& seriesNames,
                         const std::vector<std::vector<double>>& samples, int bins) {
    HistogramData h{std::move(id), std::move(title), std::move(valueAxisTitle), seriesNames, {}, {}};
    double lo = 0.0, hi = 0.0;
    bool any = false;
    for (const auto& s : samples)
        for (double v : s) {
            if (!std::isfinite(v)) continue;  // an undefined figure (no IRR) is not a sample
            lo = any ? std::min(lo, v) : v;
            hi = any ? std::max(hi, v) : v;
            any = true;
        }
    if (bins < 1) bins = 1;
    if (!any) { lo = 0.0; hi = 1.0; }
    if (hi <= lo) { lo -= 0.5; hi += 0.5; }  // every sample equal: one bin around it
    const double width = (hi - lo) / bins;
    for (int i = 0; i <= bins; ++i) h.edges.push_back(lo + width * i);
    for (const auto& s : samples) {
        std::vector<double> counts(static_cast<std::size_t>(bins), 0.0);
        for (double v : s) {
            if (!std::isfinite(v)) continue;
            auto bin = static_cast<int>((v - lo) / width);
            counts[static_cast<std::size_t>(std::clamp(bin, 0, bins - 1))] += 1.0;  // hi falls in the last bin
        }
        h.counts.push_back(std::move(counts));
    }
    return h;
}

} // namespace cityfin::charts
