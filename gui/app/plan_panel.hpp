#pragma once
// The Plan B tab: the verdict (the chain's conclusion), every evaluated plan's rules with their
// values, thresholds and whether they hold, and the memo paragraphs the engine writes (with the
// break-even value that would mend each failing rule). After a Monte Carlo run the chain includes
// the rule under risk.

#include "gui/app/recompute.hpp"

#include <QStandardItemModel>
#include <QWidget>

class QLabel;
class QTextBrowser;

namespace cityfin::gui {

class PlanPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlanPanel(QWidget* parent = nullptr);

    void setResults(const Results& results);

    QLabel* verdict() { return verdict_; }
    QStandardItemModel* table() { return &table_; }
    QTextBrowser* memo() { return memo_; }
    /// A feasibility rule's name for people (models/plans/feasibility.hpp ids), translated.
    static QString ruleName(const std::string& id);
    static QStringList headerLabels();

private:
    QLabel* verdict_ = nullptr;
    QStandardItemModel table_;
    QTextBrowser* memo_ = nullptr;
};

} // namespace cityfin::gui
