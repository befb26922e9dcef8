#include "workbook_check.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace cityfin::test {
namespace {

std::invalid_argument errorAt(int line, const std::string& what) {
    return std::invalid_argument("line " + std::to_string(line) + ": " + what);
}

std::vector<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

double parseNumber(const std::string& text, int line) {
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) throw errorAt(line, "not a number: '" + text + "'");
    return value;
}

// The figure printed just before a check: the last number of `prefix`, followed by at most a unit
// and Markdown emphasis (" m", "%", " bn**", "x"), never by more text.
std::string figureBefore(const std::string& prefix, bool isId, int line) {
    static const std::regex number(R"((-?\d[\d,]*(?:\.\d+)?)([^\d]{0,8})$)");
    static const std::regex id(R"(`([A-Za-z0-9_.\-]+)`[*_)\s]*$)");
    std::smatch m;
    if (isId) {
        if (!std::regex_search(prefix, m, id)) throw errorAt(line, "no `structure-id` before the check");
        return m[1];
    }
    if (!std::regex_search(prefix, m, number)) throw errorAt(line, "no figure just before the check");
    std::string digits = m[1];
    std::erase(digits, ',');
    return digits;
}

int decimalsOf(const std::string& quoted) {
    const auto dot = quoted.find('.');
    return dot == std::string::npos ? 0 : static_cast<int>(quoted.size() - dot - 1);
}

double scaleOf(const std::string& unit) {
    const std::string u = !unit.empty() && unit[0] == '-' ? unit.substr(1) : unit;
    const double sign = !unit.empty() && unit[0] == '-' ? -1.0 : 1.0;
    if (u == "m") return sign * 1e-6;
    if (u == "bn") return sign * 1e-9;
    if (u == "k") return sign * 1e-3;
    if (u == "%") return sign * 100.0;
    if (u == "x") return sign;
    return 0.0;
}

std::string describe(const WorkbookCheck& c) {
    std::string where = "workbook line " + std::to_string(c.line) + ": case " + c.caseId;
    if (c.structureId != "-") where += ", structure " + c.structureId;
    where += ", " + c.metric;
    for (const auto& [key, value] : c.scenario) {
        std::ostringstream v;
        v << value;
        where += " (" + key + " " + v.str() + ")";
    }
    return where;
}

std::optional<std::string> verifyRank(const WorkbookCheck& c, const nlohmann::ordered_json& figures) {
    static const std::regex rank(R"(rank\.(city|investor|society)\.(\d+))");
    std::smatch m;
    if (!std::regex_match(c.metric, m, rank)) return describe(c) + ": unit id needs a metric rank.<perspective>.<n>";
    const auto& order = figures.at("rankings").at(m[1].str()).at("ranking");
    const auto position = std::stoul(m[2].str());
    if (position < 1 || position > order.size())
        return describe(c) + ": workbook says `" + c.quoted + "`, cityfin ranks only " + std::to_string(order.size());
    const std::string actual = order.at(position - 1).get<std::string>();
    if (actual != c.quoted) return describe(c) + ": workbook says `" + c.quoted + "`, cityfin computes `" + actual + "`";
    return std::nullopt;
}

} // namespace

std::vector<WorkbookCheck> parseWorkbookChecks(const std::string& markdown) {
    static const std::string open = "<!-- check:";
    std::vector<WorkbookCheck> checks;
    std::istringstream in(markdown);
    int lineNumber = 0;
    std::string last;
    for (std::string line; std::getline(in, line);) {
        ++lineNumber;
        const std::string previous = std::exchange(last, line);
        for (std::size_t at = line.find(open); at != std::string::npos; at = line.find(open, at + open.size())) {
            // A check shown as an example in inline code (`<!-- check: ... -->`) is not a check.
            if (std::count(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(at), '`') % 2 == 1) continue;
            const auto close = line.find("-->", at);
            if (close == std::string::npos) throw errorAt(lineNumber, "check comment not closed on its line");
            const auto w = words(line.substr(at + open.size(), close - at - open.size()));
            if (w.size() < 4) throw errorAt(lineNumber, "a check needs CASE STRUCTURE METRIC UNIT");
            WorkbookCheck c{lineNumber, w[0], w[1], w[2], w[3], {}, {}};
            if (c.unit != "id" && scaleOf(c.unit) == 0.0) throw errorAt(lineNumber, "unknown unit '" + c.unit + "'");
            for (std::size_t i = 4; i < w.size(); ++i) {
                const auto eq = w[i].find('=');
                if (eq == std::string::npos) throw errorAt(lineNumber, "expected key=value, got '" + w[i] + "'");
                c.scenario.emplace_back(w[i].substr(0, eq), parseNumber(w[i].substr(eq + 1), lineNumber));
            }
            // A comment opening its line follows the figure that ends the line before (Markdown wraps).
            std::string before = line.substr(0, at);
            if (before.find_first_not_of(" \t") == std::string::npos) before = previous;
            c.quoted = figureBefore(before, c.unit == "id", lineNumber);
            checks.push_back(std::move(c));
        }
    }
    return checks;
}

models::Scenario scenarioFor(models::Scenario s, const WorkbookCheck& check) {
    for (const auto& [key, value] : check.scenario) {
        if (key == "capex_factor") s.capexFactor = value;
        else if (key == "opex_factor") s.opexFactor = value;
        else if (key == "demand_factor") s.demandFactor = value;
        else if (key == "savings_factor") s.savingsFactor = value;
        else if (key == "price_factor") s.priceFactor = value;
        else if (key == "delay_years") s.delayYears = static_cast<int>(value);
        else throw errorAt(check.line, "unknown scenario field '" + key + "'");
    }
    return s;
}

std::optional<std::string> verifyCheck(const WorkbookCheck& c, const nlohmann::ordered_json& figures) {
    if (c.unit == "id") return verifyRank(c, figures);
    const auto& structures = figures.at("structures");
    if (!structures.contains(c.structureId)) return describe(c) + ": no such structure in the case";
    const auto& s = structures.at(c.structureId);
    if (!s.contains(c.metric)) return describe(c) + ": no such metric";
    if (s.at(c.metric).is_null()) return describe(c) + ": workbook says " + c.quoted + ", cityfin computes none";
    const double shown = s.at(c.metric).get<double>() * scaleOf(c.unit);
    const double quoted = parseNumber(c.quoted, c.line);
    const double tolerance = 0.5 * std::pow(10.0, -decimalsOf(c.quoted)) + 1e-9 * std::abs(quoted);
    if (std::abs(shown - quoted) <= tolerance) return std::nullopt;
    std::ostringstream out;
    out.precision(10);
    out << describe(c) << ": workbook says " << c.quoted << " (" << c.unit << "), cityfin computes " << shown;
    return out.str();
}

} // namespace cityfin::test
