#include "cli/calc_report.hpp"

#include "models/number_format.hpp"

namespace cityfin::cli {
namespace {

using models::formatFixed;
using models::formatPercent;

nlohmann::ordered_json jsonValue(const Figure& figure) {
    return figure.value ? nlohmann::ordered_json(*figure.value) : nlohmann::ordered_json(nullptr);
}

std::string humanValue(const Figure& figure) {
    const double x = *figure.value;
    switch (figure.kind) {
    case FigureKind::Money: return formatFixed(x, 2);
    case FigureKind::Rate: return formatPercent(x, 4) + "  (" + formatFixed(x, 8) + ")";
    case FigureKind::Periods: return formatFixed(x, 4) + " periods";
    case FigureKind::Years: return formatFixed(x, 4) + " years";
    case FigureKind::Price: return formatFixed(x, 6);
    case FigureKind::Ratio: return formatFixed(x, 6);
    }
    return formatFixed(x, 6);
}

} // namespace

void writeJson(const CalcReport& report, std::ostream& out) {
    nlohmann::ordered_json doc;
    doc["function"] = report.function;
    doc["inputs"] = report.inputs;
    if (report.resultIsObject) {
        nlohmann::ordered_json result = nlohmann::ordered_json::object();
        for (const Figure& figure : report.figures) result[figure.key] = jsonValue(figure);
        doc["result"] = result;
    } else {
        doc["result"] = report.figures.empty() ? nlohmann::ordered_json(nullptr) : jsonValue(report.figures[0]);
        for (std::size_t i = 1; i < report.figures.size(); ++i)
            doc[report.figures[i].key] = jsonValue(report.figures[i]);
    }
    if (!report.reason.empty()) doc["reason"] = report.reason;
    if (!report.warnings.empty()) doc["warnings"] = report.warnings;
    out << doc.dump(2) << "\n";
}

void writeHuman(const CalcReport& report, std::ostream& out) {
    std::size_t width = 0;
    for (const Figure& figure : report.figures) width = std::max(width, figure.label.size());
    for (const Figure& figure : report.figures) {
        out << figure.label << ":" << std::string(width - figure.label.size() + 2, ' ');
        out << (figure.value ? humanValue(figure) : std::string("none")) << "\n";
    }
    if (!report.reason.empty()) out << "  " << report.reason << "\n";
    for (const std::string& warning : report.warnings) out << "warning: " << warning << "\n";
}

} // namespace cityfin::cli
