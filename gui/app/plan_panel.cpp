#include "gui/app/plan_panel.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cityfin::gui {
namespace {

QStandardItem* cell(const QString& text, bool number = false)
{
    auto* item = new QStandardItem(text);
    item->setEditable(false);
    if (number) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// A rule's figure in the unit the engine gives it: rates and probabilities as percent, covers as x,
// money with separators.
QString figure(models::plans::RuleUnit unit, double v)
{
    using models::plans::RuleUnit;
    switch (unit) {
    case RuleUnit::Rate:
    case RuleUnit::Probability: return QLocale().toString(v * 100.0, 'f', 2) + QLatin1String(" %");
    case RuleUnit::Cover: return QLocale().toString(v, 'f', 2) + QLatin1String("x");
    case RuleUnit::Money: break;
    }
    return QLocale().toString(v, 'f', 0);
}

// A name that may be elided in its column: the whole of it as the tooltip.
QStandardItem* named(const QString& text)
{
    QStandardItem* item = cell(text);
    item->setToolTip(text);
    return item;
}

} // namespace

QStringList PlanPanel::headerLabels()
{
    return {tr("Plan"), tr("Rule"), tr("Value"), tr("Threshold"), tr("Holds"), tr("Why")};
}

QString PlanPanel::ruleName(const std::string& id)
{
    if (id == "equity_irr") return tr("Equity IRR at least the hurdle");
    if (id == "min_dscr") return tr("Minimum DSCR at least the covenant");
    if (id == "budget_cap") return tr("Peak annual outlay within the budget cap");
    if (id == "ppp_budget_share") return tr("PPP spending within 10% of the budget");
    if (id == "government_pay_ppp") return tr("Other PPP spending within 5% of the budget (government-pay PPP)");
    if (id == "funds_secured") return tr("Funds secured cover the capital cost");
    if (id == "risk_confidence") return tr("Cover, budget cap and PPP ceiling hold under risk with the confidence asked");
    return QString::fromStdString(id);
}

PlanPanel::PlanPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    verdict_ = new QLabel(this);
    verdict_->setWordWrap(true);
    verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    verdict_->setStyleSheet(QStringLiteral("font-weight: bold;"));
    layout->addWidget(verdict_);
    auto* split = new QSplitter(Qt::Vertical, this);
    auto* view = new QTableView(split);
    view->setModel(&table_);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    // The figures and the verdict fit their contents; the plan's and the rule's names are elided at a
    // width that leaves the figures on screen (their full text is the cell's tooltip).
    table_.setHorizontalHeaderLabels(headerLabels());
    QHeaderView* header = view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(0, QHeaderView::Interactive);
    header->setSectionResizeMode(1, QHeaderView::Interactive);
    header->resizeSection(0, 190);
    header->resizeSection(1, 260);
    header->setStretchLastSection(true);
    memo_ = new QTextBrowser(split);
    split->addWidget(view);
    split->addWidget(memo_);
    layout->addWidget(split, 1);
}

void PlanPanel::setResults(const Results& results)
{
    table_.removeRows(0, table_.rowCount());  // keeps the columns and the widths set for them
    if (!results.analyses) {
        verdict_->setText(results.planError.isEmpty() ? tr("No results.")
                                                      : tr("The plans cannot be evaluated: %1").arg(results.planError));
        memo_->clear();
        return;
    }
    const auto& chain = results.analyses->plans;
    // The engine writes the memo in the program's language (engineLanguage()); the verdict line leads with it.
    verdict_->setText(QString::fromStdString(chain.conclusion));
    QString memo;
    if (!results.analyses->casePlans)
        memo += QStringLiteral("<p><i>%1</i></p>").arg(tr("The case lists no plans: its structures are taken as plans in file order."));
    for (const auto& step : chain.steps) {
        for (const auto& rule : step.rules)
            table_.appendRow({named(QString::fromStdString(step.plan.label)), named(ruleName(rule.id)),
                              cell(rule.value ? figure(rule.unit, *rule.value) : QStringLiteral("—"), true),
                              cell(figure(rule.unit, rule.threshold), true), cell(rule.holds ? tr("yes") : tr("no")),
                              named(QString::fromStdString(rule.text))});
        memo += QStringLiteral("<p>%1</p>").arg(QString::fromStdString(step.memo).toHtmlEscaped());
    }
    memo += QStringLiteral("<p><b>%1</b></p>").arg(QString::fromStdString(chain.conclusion).toHtmlEscaped());
    memo_->setHtml(memo);
}

} // namespace cityfin::gui
