#include "gui/app/case_document.hpp"
#include "gui/app/field_model.hpp"
#include "gui/app/json_path.hpp"
#include "gui/app/list_items.hpp"
#include "finance/errors.hpp"
#include "tests/gui_app/gui_test_support.hpp"

#include <QLocale>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace cityfin::gui::test {
namespace {

using Json = nlohmann::json;

double opexOf(const CaseDocument& doc) { return doc.lastGoodCase()->project.annualOpex; }

TEST(GuiJsonPath, LoaderPathsBecomePointersAndBack)
{
    EXPECT_EQ(pointerFromPath("structures[2].terms.debt.tenor_years"), "/structures/2/terms/debt/tenor_years");
    EXPECT_EQ(pointerFromPath("project.capex[1]"), "/project/capex/1");
    EXPECT_EQ(pathFromPointer("/structures/2/terms/debt/tenor_years"), "structures[2].terms.debt.tenor_years");
    EXPECT_EQ(pathFromPointer("/project/capex/1"), "project.capex[1]");
}

TEST(GuiCaseDocument, AnEditReparsesAndUndoRestoresTheValue)
{
    CaseDocument doc;
    doc.open(bundledCase("qianhai-parking"));
    const double before = opexOf(doc);
    QSignalSpy changed(&doc, &CaseDocument::caseChanged);
    doc.setValue("/project/annual_opex", before + 500000.0);
    EXPECT_EQ(changed.count(), 1);
    EXPECT_DOUBLE_EQ(opexOf(doc), before + 500000.0);
    EXPECT_TRUE(doc.isModified());
    doc.undoStack()->undo();
    EXPECT_DOUBLE_EQ(opexOf(doc), before);
    EXPECT_FALSE(doc.isModified());
    doc.undoStack()->redo();
    EXPECT_DOUBLE_EQ(opexOf(doc), before + 500000.0);
}

TEST(GuiCaseDocument, AnInvalidValueGivesTheLoadersMessageAndKeepsTheLastGoodCase)
{
    CaseDocument doc;
    doc.open(bundledCase("qianhai-parking"));
    const int years = doc.lastGoodCase()->project.operatingYears;
    doc.setValue("/project/operating_years", -3);
    ASSERT_FALSE(doc.valid());
    // The very message the loader gives for the same document.
    std::string loaderMessage;
    try {
        models::parseCase(doc.json().dump());
    } catch (const InputError& e) {
        loaderMessage = e.what();
        EXPECT_EQ(doc.errorPointer(), pointerFromPath(e.field()));
    }
    EXPECT_EQ(doc.errorMessage().toStdString(), loaderMessage);
    EXPECT_EQ(doc.errorPointer(), "/project/operating_years");
    EXPECT_EQ(doc.lastGoodCase()->project.operatingYears, years);
    doc.undoStack()->undo();
    EXPECT_TRUE(doc.valid());
}

TEST(GuiCaseDocument, SaveAndReloadRoundTripsByteForByteWithCaseToJson)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    for (const char* id : {"qianhai-parking", "nansha-hvac-retrofit", "zhangzhou-city-wifi"}) {
        CaseDocument doc;
        doc.open(bundledCase(id));
        doc.save(path);
        const std::string saved = readFile(path);
        EXPECT_EQ(saved, models::caseToJson(models::parseCase(readFile(bundledCase(id))))) << id;
        CaseDocument again;
        again.open(path);
        again.save();
        EXPECT_EQ(readFile(path), saved) << id;
        EXPECT_FALSE(again.isModified());
    }
}

TEST(GuiCaseDocument, AnInvalidDocumentIsNotSavedAndTheFileStaysAsItWas)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    CaseDocument doc;
    doc.open(bundledCase("qianhai-parking"));
    doc.save(path);
    const std::string before = readFile(path);
    doc.setValue("/project/annual_opex", "lots");
    EXPECT_THROW(doc.save(), InputError);
    EXPECT_EQ(readFile(path), before);
    EXPECT_TRUE(doc.isModified());
}

TEST(GuiFieldModel, NumbersAreEnteredInTheUsersLocaleAndStoredAsNumbers)
{
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    CaseDocument doc;
    doc.open(bundledCase("qianhai-parking"));
    FieldModel model(&doc);
    const int row = model.rowOf("/project/opex_escalation");
    ASSERT_GE(row, 0);
    EXPECT_EQ(model.data(model.index(row, FieldModel::Value), Qt::DisplayRole).toString(), QStringLiteral("0,01"));
    EXPECT_TRUE(model.setData(model.index(row, FieldModel::Value), QStringLiteral("0,025"), Qt::EditRole));
    EXPECT_DOUBLE_EQ(doc.json().at(Json::json_pointer("/project/opex_escalation")).get<double>(), 0.025);
    EXPECT_DOUBLE_EQ(doc.lastGoodCase()->project.opexEscalation, 0.025);
    QLocale::setDefault(previous);
}

TEST(GuiFieldModel, TextThatIsNotANumberReachesTheLoaderWhichNamesTheField)
{
    CaseDocument doc;
    doc.open(bundledCase("qianhai-parking"));
    FieldModel model(&doc);
    const int row = model.rowOf("/project/annual_opex");
    ASSERT_GE(row, 0);
    model.setData(model.index(row, FieldModel::Value), QStringLiteral("twelve million"), Qt::EditRole);
    ASSERT_FALSE(doc.valid());
    EXPECT_EQ(doc.errorPointer(), "/project/annual_opex");
    EXPECT_TRUE(doc.errorMessage().startsWith(QStringLiteral("project.annual_opex: got")));
    EXPECT_EQ(model.data(model.index(row, FieldModel::Value), Qt::ToolTipRole).toString(), doc.errorMessage());
    EXPECT_TRUE(model.data(model.index(row, FieldModel::Value), Qt::BackgroundRole).isValid());
    EXPECT_FALSE(model.data(model.index(0, FieldModel::Value), Qt::BackgroundRole).isValid());
}

TEST(GuiFieldModel, FieldsAreGroupedAndShowTheirUnits)
{
    CaseDocument doc;
    doc.open(bundledCase("qianhai-parking"));
    FieldModel model(&doc);
    const QStringList sections = model.sections();
    for (const char* s : {"Project", "Costs", "Revenues and energy savings", "Rates and tax"})
        EXPECT_TRUE(sections.contains(QString::fromUtf8(s))) << s;
    const int capex = model.rowOf("/project/capex/0");
    EXPECT_EQ(model.data(model.index(capex, FieldModel::Unit), Qt::DisplayRole).toString(), QStringLiteral("CNY"));
    EXPECT_EQ(model.data(model.index(capex, FieldModel::Section), Qt::DisplayRole).toString(), QStringLiteral("Costs"));
    const int rate = model.rowOf("/project/rates/public");
    EXPECT_EQ(model.data(model.index(rate, FieldModel::Section), Qt::DisplayRole).toString(), QStringLiteral("Rates and tax"));
    EXPECT_TRUE(model.data(model.index(rate, FieldModel::Unit), Qt::DisplayRole).toString().contains(QStringLiteral("fraction")));
}

} // namespace
} // namespace cityfin::gui::test

#include <QTranslator>

namespace cityfin::gui::test {
namespace {

TEST(GuiTranslation, TheChineseTranslationIsEmbeddedAndComplete)
{
    QTranslator zh;
    ASSERT_TRUE(zh.load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("cityfin"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")));
    EXPECT_EQ(zh.translate("cityfin::gui::MainWindow", "Comparison"), QStringLiteral("方案比较"));
    EXPECT_EQ(zh.translate("FieldHint", "Costs"), QStringLiteral("成本"));
    EXPECT_EQ(zh.translate("cityfin::gui::PartiesModel", "Private partner"), QStringLiteral("社会资本方"));
    EXPECT_EQ(zh.translate("cityfin::gui::MainWindow", "Plan B"), QStringLiteral("备选方案"));
    EXPECT_EQ(zh.translate("cityfin::gui::RiskPanel", "Run Monte Carlo"), QStringLiteral("运行蒙特卡洛模拟"));
    EXPECT_EQ(zh.translate("cityfin::gui::PlanPanel", "Other PPP spending within 5% of the budget (government-pay PPP)"),
              QStringLiteral("其他PPP支出不超过一般公共预算的5%（政府付费项目）"));
    // Every message of the .ts file is translated (none left "unfinished").
    const std::string ts = readFile(sourceDir() + QStringLiteral("/gui/app/translations/cityfin_zh_CN.ts"));
    ASSERT_FALSE(ts.empty());
    EXPECT_EQ(ts.find("type=\"unfinished\""), std::string::npos);
}

} // namespace
} // namespace cityfin::gui::test

namespace cityfin::gui::test {
namespace {

TEST(GuiListItems, TheItemIsInTheInnermostListOnTheFieldsPath)
{
    const auto doc = nlohmann::json::parse(R"({"project": {"name": "x", "capex": [1, 2]},
        "structures": [{"id": "a"}, {"id": "b", "support": {"grants": [{"amount": 5}]}, "a/b": [7]}]})");
    const auto structure = listItemAt(doc, "/structures/1/id");
    ASSERT_TRUE(structure);
    EXPECT_EQ(structure->arrayPointer, "/structures");
    EXPECT_EQ(structure->index, 1u);
    const auto grant = listItemAt(doc, "/structures/1/support/grants/0/amount");
    ASSERT_TRUE(grant);
    EXPECT_EQ(grant->arrayPointer, "/structures/1/support/grants");
    EXPECT_EQ(grant->index, 0u);
    const auto escaped = listItemAt(doc, "/structures/1/a~1b/0");
    ASSERT_TRUE(escaped);
    EXPECT_EQ(escaped->arrayPointer, "/structures/1/a~1b");
    EXPECT_EQ(listItemAt(doc, "/project/capex/1")->arrayPointer, "/project/capex");
    EXPECT_FALSE(listItemAt(doc, "/project/name"));
    EXPECT_FALSE(listItemAt(doc, "/structures/9/id"));
}

TEST(GuiListItems, ACopyGetsAnIdNoOtherItemHasAndRemovalTakesOneItem)
{
    const auto array = nlohmann::json::parse(R"([{"id": "ppp"}, {"id": "ppp-2"}, {"id": "bot"}])");
    const auto copied = withItemCopied(array, 0);
    ASSERT_EQ(copied.size(), 4u);
    EXPECT_EQ(copied[1]["id"], "ppp-3");
    EXPECT_EQ(copied[2]["id"], "ppp-2");
    const auto removed = withItemRemoved(array, 1);
    EXPECT_EQ(removed, nlohmann::json::parse(R"([{"id": "ppp"}, {"id": "bot"}])"));
    EXPECT_EQ(withItemCopied(nlohmann::json::parse("[1.5, 2]"), 1), nlohmann::json::parse("[1.5, 2, 2]"));
}

} // namespace
} // namespace cityfin::gui::test
