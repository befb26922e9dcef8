#include "gui/app/field_units.hpp"

#include <QCoreApplication>

#include <array>
#include <string_view>

namespace cityfin::gui {
namespace {

bool has(std::string_view key, std::string_view part) { return key.find(part) != std::string_view::npos; }

bool endsWith(std::string_view key, std::string_view tail)
{
    return key.size() >= tail.size() && key.substr(key.size() - tail.size()) == tail;
}

QString tr(const char* text) { return QCoreApplication::translate("cityfin::gui::FieldHint", text); }

} // namespace

FieldHint fieldHint(const std::string& key, const QString& currency)
{
    if (key == "start_year") return {tr("calendar year"), tr("1900 to 2200")};
    if (endsWith(key, "_year") || key == "year") return {tr("year"), tr("within the project's life")};
    if (endsWith(key, "_years") || has(key, "tenor")) return {tr("years"), tr("whole number, 0 or more")};
    if (has(key, "dscr") || has(key, "ratio") || has(key, "factor")) return {tr("ratio"), tr("0 or more")};
    if (has(key, "volume")) return {tr("units per year"), tr("0 or more")};
    if (key == "public" || key == "private" || key == "social" || has(key, "rate") || has(key, "escalation") ||
        has(key, "growth") || has(key, "inflation") || has(key, "margin") || has(key, "coupon") ||
        has(key, "hurdle") || has(key, "yield"))
        return {tr("fraction per year (0.05 = 5%)"), tr("above -1")};
    if (has(key, "share") || has(key, "fraction") || has(key, "percent") || has(key, "gearing"))
        return {tr("fraction (0.25 = 25%)"), tr("0 to 1")};
    static constexpr std::array<std::string_view, 11> money = {"capex", "opex", "amount", "value", "price",
                                                               "cost", "payment", "fee", "grant", "cap", "subsid"};
    for (std::string_view m : money)
        if (has(key, m)) return {currency, tr("0 or more")};
    return {};
}

QString fieldSection(const std::string& pointer, const QString& structureName)
{
    auto under = [&](std::string_view prefix) { return pointer.rfind(prefix, 0) == 0; };
    if (under("/structures/")) return tr("Financing: %1").arg(structureName);
    if (under("/project/capex") || under("/project/annual_opex") || under("/project/opex") ||
        under("/project/lifecycle") || under("/project/depreciation"))
        return tr("Costs");
    if (under("/project/revenues") || under("/project/energy_savings") || under("/project/residual"))
        return tr("Revenues and energy savings");
    if (under("/project/rates") || under("/project/tax")) return tr("Rates and tax");
    if (under("/project/")) return tr("Project");
    if (under("/scenario")) return tr("Scenario");
    if (under("/outcomes") || under("/carbon_price")) return tr("Social outcomes");
    if (under("/risks")) return tr("Risks");
    if (under("/plans")) return tr("Plans");
    return tr("Case");
}

} // namespace cityfin::gui
