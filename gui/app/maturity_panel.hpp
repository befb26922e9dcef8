#pragma once
// The Maturity tab: a city's answers file (as for `cityfin assess`) assessed on the white paper's
// ladder: each characteristic's level with the criterion that decided it, the target, the next
// step, and what the case suggests for financing, value assessment and business model; the radar
// chart beside it and the leapfrogging / isolation warnings. Texts in the program's language.

#include "models/maturity/assessment.hpp"
#include "models/maturity/case_suggestion.hpp"

#include <QStandardItemModel>
#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QSplitter;

namespace cityfin::gui {

class MaturityPanel : public QWidget {
    Q_OBJECT
public:
    explicit MaturityPanel(QWidget* parent = nullptr);

    /// Assesses the answers in this file; false (and the loader's message shown) when it cannot.
    bool loadAnswers(const QString& path);
    /// What the evaluated case suggests (from the latest results).
    void setSuggestions(std::vector<models::maturity::Suggestion> suggestions);

    QStandardItemModel* table() { return &table_; }
    QLabel* message() { return message_; }
    QLabel* warnings() { return warnings_; }
    bool hasChart() const { return chartView_ != nullptr; }
    /// "en" or "zh": the framework's language for the program's language.
    static std::string language();

private:
    void fill();

    QStandardItemModel table_;
    std::optional<models::maturity::Assessment> assessment_;
    std::vector<models::maturity::Suggestion> suggestions_;
    QLabel* message_ = nullptr;
    QLabel* warnings_ = nullptr;
    QSplitter* split_ = nullptr;
    QWidget* chartView_ = nullptr;
};

} // namespace cityfin::gui
