#pragma once
// What `cityfin calc` answers, and its two renderings: lines for people and one JSON object.

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace cityfin::cli {

enum class FigureKind { Money, Rate, Periods, Years, Price, Ratio };

struct Figure {
    std::string key;       ///< JSON key
    std::string label;     ///< for people
    std::optional<double> value;
    FigureKind kind = FigureKind::Money;
};

struct CalcReport {
    explicit CalcReport(std::string name) : function(std::move(name)) {}

    std::string function;
    nlohmann::ordered_json inputs = nlohmann::ordered_json::object();
    /// The first figure is `result`; when resultIsObject, all figures form the `result` object.
    std::vector<Figure> figures;
    bool resultIsObject = false;
    std::string reason;  ///< why there is no result
    std::vector<std::string> warnings;
};

void writeJson(const CalcReport& report, std::ostream& out);
void writeHuman(const CalcReport& report, std::ostream& out);

} // namespace cityfin::cli
