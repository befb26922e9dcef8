#include "gui/app/results_models.hpp"

#include <QLocale>

#include <algorithm>

namespace cityfin::gui {
namespace {

QString money(double x) { return QLocale().toString(x, 'f', 0); }
QString percent(const finance::Answer& a)
{
    return a.value ? QLocale().toString(*a.value * 100.0, 'f', 2) + QLatin1String(" %") : QStringLiteral("—");
}
QString ratio(const std::optional<double>& x) { return x ? QLocale().toString(*x, 'f', 2) : QStringLiteral("—"); }

// The party names of models/party.cpp, for lupdate.
[[maybe_unused]] constexpr const char* kPartyNames[] = {
    QT_TRANSLATE_NOOP("cityfin::gui::PartiesModel", "City"),
    QT_TRANSLATE_NOOP("cityfin::gui::PartiesModel", "Private partner"),
    QT_TRANSLATE_NOOP("cityfin::gui::PartiesModel", "Lenders"),
    QT_TRANSLATE_NOOP("cityfin::gui::PartiesModel", "Users"),
    QT_TRANSLATE_NOOP("cityfin::gui::PartiesModel", "Outside funders"),
};

} // namespace

void ComparisonModel::setResults(std::shared_ptr<const Results> results)
{
    beginResetModel();
    results_ = std::move(results);
    endResetModel();
}

int ComparisonModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !results_ ? 0 : static_cast<int>(results_->comparison.ranking.size());
}

// Columns 8 and 9 (economic NPV, SROI ratio) are shown when the case has social outcomes.
int ComparisonModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid()) return 0;
    const bool social = results_ && std::any_of(results_->evaluations.begin(), results_->evaluations.end(),
                                                [](const auto& e) { return e.social.has_value(); });
    return social ? 10 : 8;
}

QVariant ComparisonModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::ToolTipRole && index.isValid() && index.column() == 1) return data(index, Qt::DisplayRole);
    if (role == Qt::ToolTipRole && index.isValid() && index.column() == 5) {  // a PPP's gross payments
        const auto& e = results_->evaluations[results_->comparison.ranking[static_cast<std::size_t>(index.row())].evaluation];
        if (!e.pppSpendingPeak) return {};
        return tr("The city's payments under this PPP peak at %1 in %2: what the 10% PPP ceiling counts (net outlay: %3)")
            .arg(money(*e.pppSpendingPeak)).arg(e.pppSpendingYear).arg(money(e.cityPeakOutlay));
    }
    if (!index.isValid() || role != Qt::DisplayRole) {
        if (role == Qt::TextAlignmentRole && index.column() >= 2)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    const models::RankedStructure& r = results_->comparison.ranking[static_cast<std::size_t>(index.row())];
    const models::Evaluation& e = results_->evaluations[r.evaluation];
    switch (index.column()) {
    case 0: return r.rank;
    case 1: return QString::fromStdString(e.structureName);
    case 2: return r.score ? QLocale().toString(*r.score, 'f', 2) : QStringLiteral("—");
    case 3: return r.feasible ? tr("yes") : tr("no");
    case 4: return money(e.cityPresentCost);
    case 5: return money(e.cityPeakOutlay);
    case 6: return percent(e.equityIrr);
    case 7: return ratio(e.minDscr);
    case 8: return e.social ? money(e.social->economicNpv) : QStringLiteral("—");
    case 9: return e.social ? ratio(e.social->sroiRatio) : QStringLiteral("—");
    default: return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case 0: return tr("Rank");
    case 1: return tr("Structure");
    case 2: return results_ ? QString::fromStdString(results_->comparison.scoreLabel) : tr("Score");
    case 3: return tr("Feasible");
    case 4: return tr("City present cost");
    case 5: return tr("City peak outlay");
    case 6: return tr("Equity IRR");
    case 7: return tr("Min DSCR");
    case 8: return tr("Economic NPV");
    case 9: return tr("SROI ratio");
    default: return {};
    }
}

void PartiesModel::setResults(std::shared_ptr<const Results> results, int evaluation)
{
    beginResetModel();
    results_ = std::move(results);
    evaluation_ = evaluation;
    endResetModel();
}

const models::Evaluation* PartiesModel::evaluation() const
{
    if (!results_ || evaluation_ < 0 || evaluation_ >= static_cast<int>(results_->evaluations.size())) return nullptr;
    return &results_->evaluations[static_cast<std::size_t>(evaluation_)];
}

int PartiesModel::rowCount(const QModelIndex& parent) const
{
    const auto* e = evaluation();
    return parent.isValid() || !e ? 0 : static_cast<int>(e->parties.size());
}

int PartiesModel::columnCount(const QModelIndex& parent) const
{
    const auto* e = evaluation();
    const int years = e && !e->parties.empty() ? static_cast<int>(e->parties.front().flows.size()) : 0;
    return parent.isValid() ? 0 : 4 + years;
}

QVariant PartiesModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::TextAlignmentRole && index.column() >= 1) return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    const auto* e = evaluation();
    if (!index.isValid() || role != Qt::DisplayRole || !e) return {};
    const models::PartyResult& p = e->parties[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case 0: return tr(std::string(models::partyName(p.party)).c_str());
    case 1: return QLocale().toString(p.discountRate * 100.0, 'f', 2) + QLatin1String(" %");
    case 2: return money(p.npv);
    case 3: return percent(p.irr);
    default: return money(p.flows[static_cast<std::size_t>(index.column() - 4)]);
    }
}

QVariant PartiesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case 0: return tr("Party");
    case 1: return tr("Discount rate");
    case 2: return tr("NPV");
    case 3: return tr("IRR");
    default: {
        const int start = results_ ? results_->input.project.startYear : 0;
        return QString::number(start + section - 4);   // calendar year, no digit grouping
    }
    }
}

QString tableAsTsv(const QAbstractItemModel& model)
{
    QString out;
    auto cell = [](QString s) { return s.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' ')); };
    for (int c = 0; c < model.columnCount(); ++c)
        out += (c ? QStringLiteral("\t") : QString()) + cell(model.headerData(c, Qt::Horizontal).toString());
    out += QLatin1Char('\n');
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < model.columnCount(); ++c)
            out += (c ? QStringLiteral("\t") : QString()) + cell(model.data(model.index(r, c)).toString());
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace cityfin::gui
