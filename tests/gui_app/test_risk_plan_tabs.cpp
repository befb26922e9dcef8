// The Risk and Plan B tabs: the Monte Carlo runs off the UI thread after each edit, reports progress,
// can be cancelled, and its figures reach the Charts tab; the Plan B verdict follows the edits.
#include "gui/app/charts_panel.hpp"
#include "gui/app/engine_language.hpp"
#include "gui/app/field_model.hpp"
#include "gui/app/main_window.hpp"
#include "gui/app/maturity_panel.hpp"
#include "gui/app/plan_panel.hpp"
#include "gui/app/results_models.hpp"
#include "gui/app/risk_panel.hpp"
#include "tests/gui_app/gui_test_support.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTranslator>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace cityfin::gui::test {
namespace {

void edit(MainWindow& w, const std::string& pointer, const QString& text)
{
    FieldModel* f = w.fields();
    f->setData(f->index(f->rowOf(pointer), FieldModel::Value), text, Qt::EditRole);
}

bool hasFigure(ChartsPanel* charts, const std::string& id)
{
    const auto& f = charts->figures();
    return std::any_of(f.begin(), f.end(), [&](const auto& figure) { return figure.id() == id; });
}

struct RiskTabTest : ::testing::Test {
    QTemporaryDir recoveryDir;
    MainWindow window{recoveryDir.path()};

    // Opens a case with a small Monte Carlo; returns once the first run has finished.
    void open(const char* id, bool autoRun = true) { openPath(bundledCase(id), autoRun); }

    void openPath(const QString& path, bool autoRun = true)
    {
        window.risk()->pathsBox()->setValue(300);
        window.risk()->autoRun()->setChecked(autoRun);
        QSignalSpy ready(window.recompute(), &Recompute::resultsReady);
        QSignalSpy analysed(window.risk(), &RiskPanel::analysed);
        ASSERT_TRUE(window.openFile(path));
        ASSERT_TRUE(ready.wait(20'000));
        if (autoRun && !window.document()->lastGoodCase()->risks.empty()) {
            ASSERT_TRUE(analysed.wait(60'000));
        }
    }
};

TEST_F(RiskTabTest, AfterOpeningTheMonteCarloFillsTheTableAndAddsTheRiskCharts)
{
    open("qianhai-parking");
    const auto structures = window.document()->lastGoodCase()->structures.size();
    EXPECT_EQ(window.risk()->table()->rowCount(), static_cast<int>(structures));
    EXPECT_TRUE(window.risk()->status()->text().contains(QStringLiteral("300")));
    EXPECT_TRUE(hasFigure(window.charts(), "risk-sharing"));
    EXPECT_TRUE(hasFigure(window.charts(), "tornado-ppp"));
    EXPECT_TRUE(hasFigure(window.charts(), "plan-b-chain"));
    // The probability column reads as a percentage of the scenarios, or a dash where no rule applies.
    int percentages = 0;
    for (int r = 0; r < window.risk()->table()->rowCount(); ++r) {
        const QString p = window.risk()->table()->item(r, 1)->text();
        EXPECT_TRUE(p.endsWith(QStringLiteral("%")) || p == QStringLiteral("—")) << p.toStdString();
        percentages += p.endsWith(QStringLiteral("%"));
    }
    EXPECT_GT(percentages, 0);
}

TEST_F(RiskTabTest, AnEditCancelsTheRunningMonteCarloAndTheNextRunIsOfTheEditedCase)
{
    open("qianhai-parking");
    QSignalSpy analysed(window.risk(), &RiskPanel::analysed);
    edit(window, "/project/annual_opex", QStringLiteral("20000000"));
    edit(window, "/project/annual_opex", QStringLiteral("21000000"));
    ASSERT_TRUE(analysed.wait(60'000));
    const auto results = analysed.last().at(0).value<std::shared_ptr<const Results>>();
    ASSERT_TRUE(results);
    EXPECT_DOUBLE_EQ(results->input.project.annualOpex, 21000000.0);
    EXPECT_EQ(window.risk()->job()->base(), window.recompute()->latest());
}

TEST_F(RiskTabTest, CancelStopsALongRunAndKeepsTheLastResults)
{
    open("qianhai-parking");
    const int rows = window.risk()->table()->rowCount();
    window.risk()->pathsBox()->setValue(1'000'000);
    QSignalSpy progressed(window.risk()->job(), &RiskJob::progressed);
    QSignalSpy cancelled(window.risk()->job(), &RiskJob::cancelled);
    window.risk()->runButton()->click();
    ASSERT_TRUE(window.risk()->job()->running());
    EXPECT_TRUE(window.risk()->cancelButton()->isEnabled());
    ASSERT_TRUE(progressed.wait(10'000));
    window.risk()->cancelButton()->click();
    ASSERT_TRUE(cancelled.wait(20'000));
    EXPECT_FALSE(window.risk()->job()->running());
    EXPECT_TRUE(window.risk()->status()->text().startsWith(QStringLiteral("Cancelled")));
    EXPECT_EQ(window.risk()->table()->rowCount(), rows);
    EXPECT_TRUE(window.risk()->runButton()->isEnabled());
}

TEST_F(RiskTabTest, ExportWithoutAMonteCarloOnScreenRunsItOnTheWorkerThenWritesTheReport)
{
    open("qianhai-parking", false);  // nothing run yet
    QTemporaryDir out;
    QSignalSpy analysed(window.risk(), &RiskPanel::analysed);
    EXPECT_FALSE(window.exportReportTo(out.path()));  // not yet: the Monte Carlo runs first
    EXPECT_EQ(window.pendingReport(), out.path());
    EXPECT_TRUE(window.risk()->job()->running());
    EXPECT_EQ(window.resultTabs()->currentWidget(), window.risk());  // where its progress shows
    EXPECT_FALSE(QFileInfo::exists(out.filePath(QStringLiteral("qianhai-parking.xlsx"))));
    ASSERT_TRUE(analysed.wait(60'000));
    EXPECT_TRUE(window.pendingReport().isEmpty());
    EXPECT_TRUE(QFileInfo::exists(out.filePath(QStringLiteral("qianhai-parking.xlsx"))));
    EXPECT_TRUE(QFileInfo::exists(out.filePath(QStringLiteral("qianhai-parking.html"))));
    EXPECT_EQ(window.risk()->table()->rowCount(), static_cast<int>(window.document()->lastGoodCase()->structures.size()));
    // With the run on screen the next export is written at once, from the same run.
    QTemporaryDir again;
    EXPECT_TRUE(window.exportReportTo(again.path()));
    EXPECT_EQ(readFile(again.filePath(QStringLiteral("qianhai-parking.html"))),
              readFile(out.filePath(QStringLiteral("qianhai-parking.html"))));
}

TEST_F(RiskTabTest, ChangingThePerspectiveKeepsAWaitingReportWhileAnEditDropsItAndSaysSo)
{
    open("qianhai-parking", false);  // nothing run yet, no automatic runs
    QTemporaryDir out;
    EXPECT_FALSE(window.exportReportTo(out.path()));
    ASSERT_TRUE(window.risk()->job()->running());
    // The report does not depend on the comparison's perspective: it still waits, for the run on the
    // recomputed results, and is written when that finishes.
    QSignalSpy ready(window.recompute(), &Recompute::resultsReady);
    QSignalSpy analysed(window.risk(), &RiskPanel::analysed);
    window.perspectiveBox()->setCurrentIndex(1);
    EXPECT_EQ(window.pendingReport(), out.path());
    ASSERT_TRUE(ready.wait(20'000));
    EXPECT_EQ(window.pendingReport(), out.path());
    ASSERT_TRUE(analysed.wait(60'000));
    EXPECT_TRUE(window.pendingReport().isEmpty());
    EXPECT_TRUE(QFileInfo::exists(out.filePath(QStringLiteral("qianhai-parking.xlsx"))));
    // An edit of the case, by contrast, drops a waiting report and says why.
    edit(window, "/project/annual_opex", QStringLiteral("5000000"));
    ASSERT_TRUE(ready.wait(20'000));
    QTemporaryDir again;
    EXPECT_FALSE(window.exportReportTo(again.path()));
    ASSERT_EQ(window.pendingReport(), again.path());
    edit(window, "/project/annual_opex", QStringLiteral("6000000"));
    EXPECT_TRUE(window.pendingReport().isEmpty());
    ASSERT_TRUE(ready.wait(20'000));
    EXPECT_TRUE(window.statusBar()->currentMessage().startsWith(QStringLiteral("Report not written: the case changed")))
        << window.statusBar()->currentMessage().toStdString();
}

TEST_F(RiskTabTest, CancellingTheExportsMonteCarloWritesNothingAndSaysSo)
{
    open("qianhai-parking", false);
    window.risk()->pathsBox()->setValue(1'000'000);
    QTemporaryDir out;
    QSignalSpy progressed(window.risk()->job(), &RiskJob::progressed);
    QSignalSpy cancelled(window.risk()->job(), &RiskJob::cancelled);
    EXPECT_FALSE(window.exportReportTo(out.path()));
    ASSERT_TRUE(progressed.wait(10'000));
    window.risk()->cancelButton()->click();
    ASSERT_TRUE(cancelled.wait(20'000));
    EXPECT_TRUE(window.pendingReport().isEmpty());
    EXPECT_TRUE(window.statusBar()->currentMessage().startsWith(QStringLiteral("Report not written")))
        << window.statusBar()->currentMessage().toStdString();
    EXPECT_TRUE(QDir(out.path()).isEmpty());
}

TEST_F(RiskTabTest, ACaseWithoutARiskRegisterSaysSoAndRunsNothing)
{
    // Binhai's case with its register taken out.
    QFile bundled(bundledCase("binhai-data-platform"));
    ASSERT_TRUE(bundled.open(QIODevice::ReadOnly));
    nlohmann::json c = nlohmann::json::parse(bundled.readAll().toStdString());
    c.erase("risks");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no-register.json"));
    QFile out(path);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(QByteArray::fromStdString(c.dump(2)));
    out.close();
    openPath(path);
    EXPECT_FALSE(window.risk()->runButton()->isEnabled());
    EXPECT_FALSE(window.risk()->job()->running());
    EXPECT_TRUE(window.risk()->status()->text().contains(QStringLiteral("no risk register")));
}

TEST_F(RiskTabTest, ThePlanBVerdictFollowsAnEditOfAPlansRule)
{
    open("binhai-data-platform");
    PlanPanel* plans = window.plans();
    const QString before = plans->verdict()->text();
    // Plans A and B break the budget cap; Plan C, the phased build, keeps within it under risk too.
    ASSERT_TRUE(before.contains(QStringLiteral("Plan C"))) << before.toStdString();
    // Plan A breaches the city's budget cap: its row says "no".
    bool planAFails = false;
    for (int r = 0; r < plans->table()->rowCount(); ++r)
        planAFails = planAFails || (plans->table()->item(r, 0)->text().startsWith(QStringLiteral("Plan A")) &&
                                    plans->table()->item(r, 4)->text() == QStringLiteral("no"));
    EXPECT_TRUE(planAFails);
    // The verdict on the forecast comes with each recompute, the verdict under risk once the Monte Carlo
    // on the Risk tab has run: wait for the latter.
    const auto verdictBecomes = [&](const QString& wanted) {
        QElapsedTimer clock;
        clock.start();
        while (!plans->verdict()->text().contains(wanted) && clock.elapsed() < 60'000) QTest::qWait(20);
        return plans->verdict()->text().contains(wanted);
    };
    QSignalSpy ready(window.recompute(), &Recompute::resultsReady);
    // A cap that Plan A keeps within, in every scenario: Plan A is feasible as it stands.
    edit(window, "/plans/0/rules/budget_cap", QStringLiteral("500000000"));
    ASSERT_TRUE(ready.wait(20'000));
    EXPECT_TRUE(verdictBecomes(QStringLiteral("Plan A"))) << plans->verdict()->text().toStdString();
    window.document()->undoStack()->undo();
    ASSERT_TRUE(ready.wait(20'000));
    EXPECT_TRUE(verdictBecomes(before)) << plans->verdict()->text().toStdString();
}

TEST_F(RiskTabTest, TheRulesColumnNamesItsRulesAndShowsADashWhereNoneApplies)
{
    // Yangzhou: the PPP has equity and debt, the guaranteed-savings contract on the bond neither.
    open("yangzhou-smart-streetlights");
    QStandardItemModel* t = window.risk()->table();
    const auto row = [&](const QString& prefix) {
        for (int r = 0; r < t->rowCount(); ++r)
            if (t->item(r, 0)->text().startsWith(prefix)) return r;
        return -1;
    };
    const int ppp = row(QStringLiteral("Availability-payment PPP")), guaranteed = row(QStringLiteral("Energy-performance contract, guaranteed"));
    ASSERT_GE(ppp, 0);
    ASSERT_GE(guaranteed, 0);
    EXPECT_TRUE(t->item(ppp, 1)->text().endsWith(QLatin1Char('%')));
    const QString why = t->item(ppp, 1)->toolTip();
    EXPECT_TRUE(why.contains(QStringLiteral("Equity IRR at least")) && why.contains(QStringLiteral("Minimum DSCR at least 1.20x")))
        << why.toStdString();
    EXPECT_EQ(t->item(guaranteed, 1)->text(), QStringLiteral("—"));  // not a certain 100%
    EXPECT_FALSE(t->item(guaranteed, 1)->toolTip().isEmpty());
    EXPECT_TRUE(window.risk()->status()->text().contains(QStringLiteral("Plan B tab"))) << window.risk()->status()->text().toStdString();
}

TEST_F(RiskTabTest, EachRulesFigureReadsInItsOwnUnit)
{
    // Yangzhou's Plan A: the 10% ceiling's figures are money (the PPP spending against 10% of the
    // budget), the 5% rule's a share of the budget, the cover a multiple.
    open("yangzhou-smart-streetlights", false);
    QStandardItemModel* t = window.plans()->table();
    const auto row = [&](const char* rule) {
        for (int r = 0; r < t->rowCount(); ++r)
            if (t->item(r, 0)->text().startsWith(QStringLiteral("Plan A")) && t->item(r, 1)->text() == PlanPanel::ruleName(rule))
                return r;
        return -1;
    };
    const QLocale locale;
    const int ceiling = row("ppp_budget_share"), governmentPay = row("government_pay_ppp"), cover = row("min_dscr");
    ASSERT_GE(ceiling, 0);
    ASSERT_GE(governmentPay, 0);
    ASSERT_GE(cover, 0);
    EXPECT_EQ(t->item(ceiling, 3)->text(), locale.toString(600'000'000.0, 'f', 0));
    EXPECT_FALSE(t->item(ceiling, 2)->text().contains(QLatin1Char('%'))) << t->item(ceiling, 2)->text().toStdString();
    EXPECT_EQ(t->item(governmentPay, 2)->text(), locale.toString(9.83, 'f', 2) + QStringLiteral(" %"));
    EXPECT_EQ(t->item(governmentPay, 3)->text(), locale.toString(5.0, 'f', 2) + QStringLiteral(" %"));
    EXPECT_EQ(t->item(governmentPay, 4)->text(), QStringLiteral("no"));
    EXPECT_TRUE(t->item(cover, 2)->text().endsWith(QLatin1Char('x')));
    // The plan's and the rule's names may be elided in their columns: the whole name is the tooltip.
    EXPECT_EQ(t->item(ceiling, 0)->toolTip(), t->item(ceiling, 0)->text());
    EXPECT_EQ(t->item(ceiling, 1)->toolTip(), PlanPanel::ruleName("ppp_budget_share"));
}

} // namespace
} // namespace cityfin::gui::test

namespace cityfin::gui::test {
namespace {

TEST(GuiPlanLanguage, WithTheChineseTranslationInstalledThePlanBMemoIsWrittenInChinese)
{
    QTranslator zh;
    ASSERT_TRUE(zh.load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("cityfin"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")));
    struct Installed {
        QTranslator& t;
        explicit Installed(QTranslator& translator) : t(translator) { QCoreApplication::installTranslator(&t); }
        ~Installed() { QCoreApplication::removeTranslator(&t); }
    };
    {
        const Installed installed(zh);
        EXPECT_EQ(engineLanguage(), "zh");
        QTemporaryDir recoveryDir;
        MainWindow window{recoveryDir.path()};
        window.risk()->autoRun()->setChecked(false);
        ASSERT_TRUE(openAndWait(window, "binhai-data-platform"));
        const QString verdict = window.plans()->verdict()->text();
        EXPECT_TRUE(verdict.startsWith(QStringLiteral("建议转向“Plan C"))) << verdict.toStdString();
    }
    EXPECT_EQ(engineLanguage(), "en");
}

TEST(GuiMaturity, AnAnswersFilePlacesEachCharacteristicOnTheLadderWithTheRadarAndTheCasesSuggestions)
{
    QTemporaryDir recoveryDir;
    MainWindow window{recoveryDir.path()};
    window.risk()->autoRun()->setChecked(false);
    ASSERT_TRUE(openAndWait(window, "zhangzhou-city-wifi"));
    MaturityPanel* m = window.maturity();
    ASSERT_TRUE(m->loadAnswers(sourceDir() + QStringLiteral("/cases/maturity/zhangzhou.json")));
    const auto& framework = models::maturity::builtinFramework();
    ASSERT_EQ(m->table()->rowCount(), static_cast<int>(framework.characteristics.size()));
    EXPECT_EQ(m->table()->item(0, 0)->text().toStdString(), framework.characteristics[0].name.en);
    EXPECT_TRUE(m->hasChart());
    // The case suggests a financing level: its row carries it.
    bool suggested = false;
    for (int r = 0; r < m->table()->rowCount(); ++r)
        suggested = suggested || (m->table()->item(r, 0)->text().toStdString() == framework.find("financing")->name.en &&
                                  m->table()->item(r, 5)->text() != QStringLiteral("—"));
    EXPECT_TRUE(suggested);
    // A file that is not an answers file: the loader's message, the last assessment kept.
    EXPECT_FALSE(m->loadAnswers(bundledCase("zhangzhou-city-wifi")));
    EXPECT_TRUE(m->message()->text().startsWith(QStringLiteral("Cannot read the answers")));
    EXPECT_EQ(m->table()->rowCount(), static_cast<int>(framework.characteristics.size()));
}

} // namespace
} // namespace cityfin::gui::test

namespace cityfin::gui::test {
namespace {

TEST(GuiPlanErrors, APlanThatDoesNotReadIsReportedInThePlanAndRiskTabsWithoutACrash)
{
    QTemporaryDir recoveryDir;
    MainWindow window{recoveryDir.path()};
    window.risk()->pathsBox()->setValue(200);
    ASSERT_TRUE(openAndWait(window, "qianhai-parking"));
    QSignalSpy failed(window.risk()->job(), &RiskJob::failed);
    QSignalSpy ready(window.recompute(), &Recompute::resultsReady);
    // The case file reader keeps plans as written; the plans' own reader names the bad field.
    nlohmann::json plans = nlohmann::json::parse(R"([{"name": "Plan A", "structure": "no-such-structure"}])");
    window.document()->setValue("/plans", plans);
    ASSERT_TRUE(ready.wait(20'000));
    EXPECT_TRUE(window.plans()->verdict()->text().startsWith(QStringLiteral("The plans cannot be evaluated")))
        << window.plans()->verdict()->text().toStdString();
    ASSERT_TRUE(failed.wait(60'000));
    EXPECT_TRUE(window.risk()->status()->text().contains(QStringLiteral("plans[0]")))
        << window.risk()->status()->text().toStdString();
    EXPECT_FALSE(window.comparison()->rowCount() == 0);   // the evaluation itself stands
}

} // namespace
} // namespace cityfin::gui::test
