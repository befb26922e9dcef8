#include "gui/app/field_model.hpp"

#include "gui/app/case_document.hpp"
#include "gui/app/field_units.hpp"
#include "gui/app/json_path.hpp"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace cityfin::gui {
namespace {

using Json = nlohmann::json;

QString displayValue(const Json& v)
{
    const QLocale locale;
    if (v.is_number_integer()) {   // years and small counts without a group separator ("2027")
        const qlonglong n = v.get<qlonglong>();
        return n > -10000 && n < 10000 ? QString::number(n) : locale.toString(n);
    }
    if (v.is_number()) return locale.toString(v.get<double>(), 'g', 15);
    if (v.is_boolean()) return v.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.is_string()) return QString::fromStdString(v.get<std::string>());
    if (v.is_null()) return {};
    return QString::fromStdString(v.dump());
}

// Text typed for a field that held `before`: a number in the user's locale (or in C form), true/false;
// anything else is kept as text so that the loader reports it in its own words.
Json parseEntry(const QString& text, const Json& before)
{
    if (before.is_string()) return text.toStdString();
    const QString t = text.trimmed();
    if (before.is_boolean()) {
        if (t == QLatin1String("true")) return true;
        if (t == QLatin1String("false")) return false;
        return t.toStdString();
    }
    bool ok = false;
    double x = QLocale().toDouble(t, &ok);
    if (!ok) {   // C form, independent of the process locale
        const std::string s = t.toStdString();
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
        ok = ec == std::errc() && end == s.data() + s.size() && !s.empty();
    }
    if (!ok) return t.toStdString();
    if (before.is_number_integer() && std::floor(x) == x && std::abs(x) < 9e15) return static_cast<long long>(x);
    return x;
}

void collect(const Json& v, const std::string& pointer, std::vector<std::string>& out)
{
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) collect(it.value(), pointer + "/" + it.key(), out);
    } else if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i) collect(v[i], pointer + "/" + std::to_string(i), out);
    } else {
        out.push_back(pointer);
    }
}

std::string lastKey(const std::string& pointer)
{
    // For an array element, the array's key ("/project/capex/1" -> "capex").
    std::string p = pointer;
    while (!p.empty()) {
        const auto slash = p.rfind('/');
        std::string key = p.substr(slash + 1);
        if (!key.empty() && !std::isdigit(static_cast<unsigned char>(key.front()))) return key;
        p.erase(slash);
    }
    return {};
}

} // namespace

FieldModel::FieldModel(CaseDocument* doc, QObject* parent) : QAbstractTableModel(parent), doc_(doc)
{
    connect(doc_, &CaseDocument::documentReset, this, &FieldModel::rebuild);
    connect(doc_, &CaseDocument::valueChanged, this, &FieldModel::onValueChanged);
    connect(doc_, &CaseDocument::shapeChanged, this, &FieldModel::rebuild);
    connect(doc_, &CaseDocument::errorChanged, this, [this] {
        if (!rows_.empty()) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    });
    rebuild();
}

void FieldModel::rebuild()
{
    beginResetModel();
    rows_.clear();
    std::vector<std::string> pointers;
    const Json& json = doc_->json();
    if (!json.is_object()) {   // no case open yet
        endResetModel();
        return;
    }
    collect(json, "", pointers);
    const QString currency = QString::fromStdString(json.value(Json::json_pointer("/project/currency"), std::string()));
    for (const std::string& p : pointers) {
        QString structure;
        if (p.rfind("/structures/", 0) == 0) {
            const std::string index = p.substr(12, p.find('/', 12) - 12);
            structure = QString::fromStdString(
                json.value(Json::json_pointer("/structures/" + index + "/name"), std::string("#") + index));
        }
        const FieldHint hint = fieldHint(lastKey(p), currency);
        rows_.push_back({p, fieldSection(p, structure), hint.unit, hint.range});
    }
    std::stable_sort(rows_.begin(), rows_.end(), [](const Row& a, const Row& b) {
        return fieldSectionOrder(a.pointer) < fieldSectionOrder(b.pointer);
    });
    endResetModel();
}

void FieldModel::onValueChanged(const std::string& pointer)
{
    const int row = rowOf(pointer);
    if (row >= 0) Q_EMIT dataChanged(index(row, Value), index(row, Value));
}

int FieldModel::rowOf(const std::string& pointer) const
{
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].pointer == pointer) return static_cast<int>(i);
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].pointer.rfind(pointer + "/", 0) == 0) return static_cast<int>(i);
    return -1;
}

bool FieldModel::marked(int row) const
{
    const std::string& e = doc_->errorPointer();
    if (doc_->valid() || e.empty()) return false;
    const std::string& p = rows_[static_cast<std::size_t>(row)].pointer;
    return p == e || p.rfind(e + "/", 0) == 0;
}

QStringList FieldModel::sections() const
{
    QStringList out;
    for (const Row& r : rows_)
        if (!out.contains(r.section)) out << r.section;
    return out;
}

int FieldModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int FieldModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant FieldModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()) return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    const bool bad = marked(index.row());
    if (role == Qt::BackgroundRole && bad) return QBrush(QColor(255, 205, 205));
    if (role == Qt::ToolTipRole && bad) return doc_->errorMessage();
    if (role != Qt::DisplayRole && role != Qt::EditRole) return {};
    switch (index.column()) {
    case Section: return r.section;
    case Field: return QString::fromStdString(pathFromPointer(r.pointer));
    case Value: {
        const Json::json_pointer ptr(r.pointer);
        return doc_->json().contains(ptr) ? displayValue(doc_->json().at(ptr)) : QString();
    }
    case Unit: return r.unit;
    case Range: return r.range;
    default: return {};
    }
}

bool FieldModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.column() != Value || role != Qt::EditRole) return false;
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    const Json::json_pointer ptr(r.pointer);
    const Json before = doc_->json().contains(ptr) ? doc_->json().at(ptr) : Json();
    doc_->setValue(r.pointer, parseEntry(value.toString(), before));
    return true;
}

Qt::ItemFlags FieldModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == Value && rows_[static_cast<std::size_t>(index.row())].pointer != "/cityfin")
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant FieldModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Section: return tr("Section");
    case Field: return tr("Field");
    case Value: return tr("Value");
    case Unit: return tr("Unit");
    case Range: return tr("Valid range");
    default: return {};
    }
}

} // namespace cityfin::gui
