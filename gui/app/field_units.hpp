#pragma once
// The unit and valid range shown beside a case field, from its key as docs/case-format.md names it.
// A hint for the reader only: the loader (models::parseCase) alone decides what is valid.

#include <QString>

#include <string>

namespace cityfin::gui {

struct FieldHint {
    QString unit;
    QString range;
};

/// key: the field's last JSON key (for an array element, the array's key); currency: the case's.
FieldHint fieldHint(const std::string& key, const QString& currency);

/// The group a finance officer looks for a field in: "Project", "Costs", "Revenues and energy
/// savings", "Rates and tax", "Financing: <structure>", "Scenario", "Social outcomes", ...
QString fieldSection(const std::string& pointer, const QString& structureName);

/// The order of those groups on screen (smaller first): project, costs, revenues, rates, financing,
/// scenario, outcomes, risks, plans, then the case's own fields.
int fieldSectionOrder(const std::string& pointer);

} // namespace cityfin::gui
