#pragma once
// Every scalar field of the case document as one editable row: section, field (its JSON path),
// value (shown and entered in the user's locale), unit and valid range. Edits go to the
// CaseDocument as undoable commands; the row the loader's error names is marked with its message.

#include <QAbstractTableModel>

#include <string>
#include <vector>

namespace cityfin::gui {

class CaseDocument;

class FieldModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Section, Field, Value, Unit, Range, ColumnCount };

    explicit FieldModel(CaseDocument* doc, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// The row of a JSON pointer, or of the first field under it; -1 when none.
    int rowOf(const std::string& pointer) const;
    std::string pointerAt(int row) const { return rows_.at(static_cast<std::size_t>(row)).pointer; }
    QStringList sections() const;

private:
    struct Row {
        std::string pointer;
        QString section, unit, range;
    };
    void rebuild();
    void onValueChanged(const std::string& pointer);
    bool marked(int row) const;

    CaseDocument* doc_;
    std::vector<Row> rows_;
};

} // namespace cityfin::gui
