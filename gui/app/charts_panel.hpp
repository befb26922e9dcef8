#pragma once
// The Charts tab: a choice of the case's figures (the same ones `cityfin report` draws), the chosen
// chart and its data table beside it, with copy (tab-separated) and export to PNG or PDF.

#include "gui/charts/chart_data.hpp"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QSplitter;
#include <QStandardItemModel>
class QTableView;

namespace cityfin::gui {

class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget* parent = nullptr);

    /// Shows these figures, keeping the one on screen (by id) when it is still there.
    void setFigures(std::vector<charts::Figure> figures);
    /// Shows the figure with this id; false when there is none.
    bool showFigure(const std::string& id);
    const std::vector<charts::Figure>& figures() const { return figures_; }
    QStandardItemModel* table() const { return table_.get(); }

private:
    void show(int index);
    void exportChart(bool pdf);

    std::vector<charts::Figure> figures_;
    std::unique_ptr<QStandardItemModel> table_;
    QComboBox* list_ = nullptr;
    QSplitter* split_ = nullptr;
    QWidget* chartView_ = nullptr;
    QTableView* tableView_ = nullptr;
};

} // namespace cityfin::gui
