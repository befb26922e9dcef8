#include "gui/app/charts_panel.hpp"
#include "gui/app/field_model.hpp"
#include "gui/app/main_window.hpp"
#include "gui/app/results_models.hpp"
#include "tests/gui_app/gui_test_support.hpp"

#include <QAbstractButton>
#include <QApplication>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

namespace cityfin::gui::test {
namespace {

// The city's present cost of the first-ranked structure, as the comparison table shows it.
QString topCityCost(MainWindow& w) { return w.comparison()->data(w.comparison()->index(0, 4), Qt::DisplayRole).toString(); }

bool waitForResults(MainWindow& w)
{
    QSignalSpy ready(w.recompute(), &Recompute::resultsReady);
    return ready.wait(20'000);
}

void edit(MainWindow& w, const std::string& pointer, const QString& text)
{
    FieldModel* f = w.fields();
    f->setData(f->index(f->rowOf(pointer), FieldModel::Value), text, Qt::EditRole);
}

struct MainWindowTest : ::testing::Test {
    QTemporaryDir recoveryDir;
    MainWindow window{recoveryDir.path()};
    void SetUp() override
    {
        QSignalSpy ready(window.recompute(), &Recompute::resultsReady);
        ASSERT_TRUE(window.openFile(bundledCase("qianhai-parking")));
        ASSERT_TRUE(ready.wait(20'000));
    }
};

TEST_F(MainWindowTest, EditingAFieldRecomputesTheResultsAndUndoRestoresThem)
{
    const QString before = topCityCost(window);
    ASSERT_FALSE(before.isEmpty());
    EXPECT_GT(window.comparison()->rowCount(), 1);
    edit(window, "/project/annual_opex", QStringLiteral("20000000"));
    ASSERT_TRUE(waitForResults(window));
    EXPECT_NE(topCityCost(window), before);
    EXPECT_TRUE(window.isWindowModified());
    window.document()->undoStack()->undo();
    ASSERT_TRUE(waitForResults(window));
    EXPECT_EQ(topCityCost(window), before);
    EXPECT_FALSE(window.isWindowModified());
}

TEST_F(MainWindowTest, APppsPeakOutlayCellTellsItsGrossPaymentsWhichTheCeilingCounts)
{
    // Qianhai's availability PPP: the city collects the parking fees, so its net peak outlay is below
    // the unitary charge; the tooltip gives the charge, what the 10% ceiling counts. Not a PPP: none.
    const auto* model = window.comparison();
    int ppp = -1, psc = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString name = model->data(model->index(row, 1), Qt::DisplayRole).toString();
        if (name.contains(QStringLiteral("availability"), Qt::CaseInsensitive)) ppp = row;
        if (name.contains(QStringLiteral("comparator"), Qt::CaseInsensitive)) psc = row;
    }
    ASSERT_GE(ppp, 0);
    ASSERT_GE(psc, 0);
    const QString tip = model->data(model->index(ppp, 5), Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(QStringLiteral("10% PPP ceiling"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QLocale().toString(35420106.0, 'f', 0))) << tip.toStdString();
    EXPECT_FALSE(model->data(model->index(psc, 5), Qt::ToolTipRole).isValid());
}

TEST_F(MainWindowTest, RapidEditsGiveOneResultForTheLastValue)
{
    QSignalSpy ready(window.recompute(), &Recompute::resultsReady);
    for (int opex : {13000000, 14000000, 15000000, 16000000})
        edit(window, "/project/annual_opex", QString::number(opex));
    ASSERT_TRUE(ready.wait(20'000));
    QTest::qWait(600);   // past the debounce: no further, stale result arrives
    EXPECT_EQ(ready.count(), 1);
    EXPECT_DOUBLE_EQ(window.recompute()->latest()->input.project.annualOpex, 16000000.0);
}

TEST_F(MainWindowTest, AnInvalidEntryShowsTheLoadersMessageAndKeepsTheResults)
{
    const auto results = window.recompute()->latest();
    const QString before = topCityCost(window);
    edit(window, "/project/operating_years", QStringLiteral("-3"));
    ASSERT_FALSE(window.document()->valid());
    EXPECT_FALSE(window.errorLabel()->isHidden());
    EXPECT_TRUE(window.errorLabel()->text().contains(window.document()->errorMessage()));
    EXPECT_TRUE(window.document()->errorMessage().startsWith(QStringLiteral("project.operating_years: got -3")));
    QTest::qWait(600);
    EXPECT_EQ(window.recompute()->latest(), results);
    EXPECT_EQ(topCityCost(window), before);
}

TEST_F(MainWindowTest, TheComparisonCopiesAsTabSeparatedValues)
{
    const QString tsv = tableAsTsv(*window.comparison());
    const QStringList lines = tsv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), window.comparison()->rowCount() + 1);
    EXPECT_EQ(lines.front().split(QLatin1Char('\t')).size(), window.comparison()->columnCount());
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("1\t")));
}

TEST_F(MainWindowTest, AnAutosavedCaseIsOfferedBackAtTheNextStart)
{
    edit(window, "/project/annual_opex", QStringLiteral("17000000"));
    window.autosave();
    ASSERT_TRUE(QFile::exists(window.recovery().file()));

    MainWindow next{recoveryDir.path()};
    QTimer::singleShot(0, [] {   // answer the question "Restore the unsaved case?" with Yes
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box) box->button(QMessageBox::Yes)->click();
    });
    next.offerRecovery();
    ASSERT_TRUE(next.document()->lastGoodCase().has_value());
    EXPECT_DOUBLE_EQ(next.document()->lastGoodCase()->project.annualOpex, 17000000.0);
    EXPECT_TRUE(next.document()->isModified());
    EXPECT_TRUE(next.document()->path().isEmpty());
}

TEST_F(MainWindowTest, EachChartHasADataTableThatFollowsTheEdits)
{
    ChartsPanel* charts = window.charts();
    ASSERT_FALSE(charts->figures().empty());
    EXPECT_EQ(charts->figures().front().id(), "npv-by-party");
    const QStandardItemModel* table = charts->table();
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->rowCount(), window.comparison()->rowCount());   // one row per structure
    const QString before = tableAsTsv(*table);
    edit(window, "/project/annual_opex", QStringLiteral("20000000"));
    ASSERT_TRUE(waitForResults(window));
    EXPECT_NE(tableAsTsv(*charts->table()), before);
}

// Answers the next modal question box with `button`.
void answerNextQuestion(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, [button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box) box->button(button)->click();
    });
}

TEST_F(MainWindowTest, ClosingWithUnsavedChangesAsksAndCancelKeepsTheWindow)
{
    window.show();
    edit(window, "/project/annual_opex", QStringLiteral("12500000"));
    answerNextQuestion(QMessageBox::Cancel);
    EXPECT_FALSE(window.close());
    EXPECT_TRUE(window.isVisible());
    answerNextQuestion(QMessageBox::Discard);
    EXPECT_TRUE(window.close());
    EXPECT_EQ(readFile(bundledCase("qianhai-parking")).find("12500000"), std::string::npos);   // nothing saved
}

TEST_F(MainWindowTest, TheTitleCarriesTheFileNameAndTheModifiedMarker)
{
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("case.json[*]")));
    EXPECT_FALSE(window.isWindowModified());
    edit(window, "/project/annual_opex", QStringLiteral("12500000"));
    EXPECT_TRUE(window.isWindowModified());
}

} // namespace
} // namespace cityfin::gui::test

#include "gui/app/app_main.hpp"

#include <charconv>

namespace cityfin::gui::test {
namespace {

TEST(GuiExport, ExportChartsWritesTheTablesWithCLocaleNumbers)
{
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QTemporaryDir dir;
    ASSERT_EQ(exportCharts(bundledCase("qianhai-parking"), dir.path()), 0);
    QLocale::setDefault(previous);
    const QStringList lines = QString::fromStdString(readFile(dir.filePath(QStringLiteral("comparison.tsv"))))
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 6);   // header and the five Qianhai structures
    for (int row = 1; row < lines.size(); ++row) {
        const std::string cost = lines[row].split(QLatin1Char('\t')).at(4).toStdString();
        double x = 0.0;
        const auto [end, ec] = std::from_chars(cost.data(), cost.data() + cost.size(), x);
        EXPECT_TRUE(ec == std::errc() && end == cost.data() + cost.size()) << cost;
    }
    EXPECT_TRUE(QFile::exists(dir.filePath(QStringLiteral("parties-psc.tsv"))));
    for (const char* file : {"npv-by-party.png", "npv-by-party.pdf", "npv-by-party.tsv"})
        EXPECT_GT(QFileInfo(dir.filePath(QString::fromUtf8(file))).size(), 100) << file;
    EXPECT_EQ(exportCharts(QStringLiteral("/nonexistent/case.json"), dir.path()), 2);
}

} // namespace
} // namespace cityfin::gui::test

namespace cityfin::gui::test {
namespace {

TEST(GuiListEditing, CopyingAStructureAddsItToTheComparisonAndUndoTakesItAway)
{
    QTemporaryDir recoveryDir;
    MainWindow window{recoveryDir.path()};
    ASSERT_TRUE(openAndWait(window, "qianhai-parking"));
    QSignalSpy ready(window.recompute(), &Recompute::resultsReady);
    const int structures = window.comparison()->rowCount();
    ASSERT_TRUE(window.copyListItem("/structures/1/name"));
    ASSERT_TRUE(ready.wait(20'000));
    EXPECT_EQ(window.comparison()->rowCount(), structures + 1);
    EXPECT_GE(window.fields()->rowOf("/structures/" + std::to_string(structures) + "/name"), 0);
    EXPECT_EQ(window.document()->lastGoodCase()->structures[2].id, "ppp-2");
    window.document()->undoStack()->undo();
    ASSERT_TRUE(ready.wait(20'000));
    EXPECT_EQ(window.comparison()->rowCount(), structures);
    EXPECT_LT(window.fields()->rowOf("/structures/" + std::to_string(structures) + "/name"), 0);
    ASSERT_TRUE(window.removeListItem("/structures/4/name"));
    ASSERT_TRUE(ready.wait(20'000));
    EXPECT_EQ(window.comparison()->rowCount(), structures - 1);
    EXPECT_FALSE(window.copyListItem("/project/name"));   // not in a list
}

} // namespace
} // namespace cityfin::gui::test
