#pragma once
// Table models over the latest results: the comparison (one row per structure, in rank order) and
// one structure's parties (rate, NPV, IRR, flows per year). Numbers in the user's locale.

#include "gui/app/recompute.hpp"

#include <QAbstractTableModel>

#include <memory>

namespace cityfin::gui {

class ComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;
    void setResults(std::shared_ptr<const Results> results);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const Results> results_;
};

class PartiesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;
    void setResults(std::shared_ptr<const Results> results, int evaluation);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const models::Evaluation* evaluation() const;
    std::shared_ptr<const Results> results_;
    int evaluation_ = -1;
};

/// The model's cells as tab-separated values with a header line (pastes into a spreadsheet).
/// Numbers are written as shown, in the user's locale.
QString tableAsTsv(const QAbstractItemModel& model);

} // namespace cityfin::gui
