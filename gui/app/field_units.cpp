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

} // namespace

FieldHint fieldHint(const std::string& key, const QString& currency)
{
    if (key == "price_basis" || key == "currency" || key == "name" || key == "id") return {};
    if (key == "start_year") return {QCoreApplication::translate("FieldHint", "calendar year"), QCoreApplication::translate("FieldHint", "1901 to 2150")};
    if (endsWith(key, "_year") || key == "year") return {QCoreApplication::translate("FieldHint", "year"), QCoreApplication::translate("FieldHint", "within the project's life")};
    if (endsWith(key, "_years") || has(key, "tenor")) return {QCoreApplication::translate("FieldHint", "years"), QCoreApplication::translate("FieldHint", "whole number, 0 or more")};
    if (has(key, "dscr") || has(key, "ratio") || has(key, "factor")) return {QCoreApplication::translate("FieldHint", "ratio"), QCoreApplication::translate("FieldHint", "0 or more")};
    if (has(key, "volume")) return {QCoreApplication::translate("FieldHint", "units per year"), QCoreApplication::translate("FieldHint", "0 or more")};
    if (key == "public" || key == "private" || key == "social" || has(key, "rate") || has(key, "escalation") ||
        has(key, "growth") || has(key, "inflation") || has(key, "margin") || has(key, "coupon") ||
        has(key, "hurdle") || has(key, "yield"))
        return {QCoreApplication::translate("FieldHint", "fraction per year (0.05 = 5%)"), QCoreApplication::translate("FieldHint", "above -1")};
    if (has(key, "share") || has(key, "fraction") || has(key, "percent") || has(key, "gearing"))
        return {QCoreApplication::translate("FieldHint", "fraction (0.25 = 25%)"), QCoreApplication::translate("FieldHint", "0 to 1")};
    static constexpr std::array<std::string_view, 11> money = {"capex", "opex", "amount", "value", "price",
                                                               "cost", "payment", "fee", "grant", "cap", "subsid"};
    for (std::string_view m : money)
        if (has(key, m)) return {currency, QCoreApplication::translate("FieldHint", "0 or more")};
    return {};
}

QString fieldSection(const std::string& pointer, const QString& structureName)
{
    auto under = [&](std::string_view prefix) { return pointer.rfind(prefix, 0) == 0; };
    if (under("/structures/")) return QCoreApplication::translate("FieldHint", "Financing: %1").arg(structureName);
    if (under("/project/capex") || under("/project/annual_opex") || under("/project/opex") ||
        under("/project/lifecycle") || under("/project/depreciation"))
        return QCoreApplication::translate("FieldHint", "Costs");
    if (under("/project/revenues") || under("/project/energy_savings") || under("/project/residual"))
        return QCoreApplication::translate("FieldHint", "Revenues and energy savings");
    if (under("/project/rates") || under("/project/tax")) return QCoreApplication::translate("FieldHint", "Rates and tax");
    if (under("/project/")) return QCoreApplication::translate("FieldHint", "Project");
    if (under("/scenario")) return QCoreApplication::translate("FieldHint", "Scenario");
    if (under("/outcomes") || under("/carbon_price")) return QCoreApplication::translate("FieldHint", "Social outcomes");
    if (under("/risks")) return QCoreApplication::translate("FieldHint", "Risks");
    if (under("/plans")) return QCoreApplication::translate("FieldHint", "Plans");
    return QCoreApplication::translate("FieldHint", "Case");
}

int fieldSectionOrder(const std::string& pointer)
{
    static const std::array<std::string_view, 13> order = {
        "/project/revenues", "/project/energy_savings", "/project/residual", "/project/rates", "/project/tax",
        "/project/", "/structures/", "/scenario", "/outcomes", "/carbon_price", "/risks", "/plans", ""};
    // Costs and plain project fields share "/project/": tell them apart by their section.
    const QString section = fieldSection(pointer, {});
    if (section == QCoreApplication::translate("FieldHint", "Project")) return 0;
    if (section == QCoreApplication::translate("FieldHint", "Costs")) return 1;
    for (std::size_t i = 0; i < order.size(); ++i)
        if (pointer.rfind(order[i], 0) == 0) return 2 + static_cast<int>(i);
    return 99;
}

} // namespace cityfin::gui
