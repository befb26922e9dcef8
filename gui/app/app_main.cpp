#include "gui/app/app_main.hpp"

#include "gui/app/charts_panel.hpp"
#include "gui/app/figure_table.hpp"
#include "gui/app/main_window.hpp"
#include "gui/app/maturity_panel.hpp"
#include "gui/app/results_models.hpp"
#include "gui/app/risk_panel.hpp"
#include "gui/charts/qt_charts.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QTabWidget>
#include <QTimer>
#include <QTranslator>

#include <iostream>

namespace cityfin::gui {
namespace {

void installTranslations(QApplication& app, const QString& lang)
{
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    QLocale::setDefault(locale);
    auto* own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("cityfin"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(own);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)) ||
        qt->load(locale, QStringLiteral("qt"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}

bool writeText(const QString& path, const QString& text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    f.write(text.toUtf8());
    return true;
}

} // namespace

int exportCharts(const QString& casePath, const QString& dir)
{
    QLocale::setDefault(QLocale::c());   // files carry C-locale numbers, whatever the user's locale
    try {
        const models::Case c = models::loadCaseFile(casePath.toStdString());
        auto results = Recompute::evaluateNow(c, models::Perspective::City);
        if (!results->error.isEmpty()) throw std::runtime_error(results->error.toStdString());
        if (!c.risks.empty())   // the risk figures too, from the report's default run (2000 paths, seed 1)
            results = withAnalyses(*results, std::make_shared<const report::CaseAnalyses>(report::analyseCase(c, {})));
        QDir().mkpath(dir);
        ComparisonModel comparison;
        comparison.setResults(results);
        bool ok = writeText(QDir(dir).filePath(QStringLiteral("comparison.tsv")), tableAsTsv(comparison));
        for (std::size_t i = 0; i < results->evaluations.size(); ++i) {
            PartiesModel parties;
            parties.setResults(results, static_cast<int>(i));
            const QString name = QStringLiteral("parties-%1.tsv").arg(QString::fromStdString(results->evaluations[i].structureId));
            ok = writeText(QDir(dir).filePath(name), tableAsTsv(parties)) && ok;
        }
        for (const charts::Figure& figure : results->figures) {
            const QString stem = QDir(dir).filePath(QString::fromStdString(figure.id()));
            auto chart = charts::buildChart(figure);
            charts::renderPng(*chart, (stem + QStringLiteral(".png")).toStdString());
            charts::renderPdf(*chart, (stem + QStringLiteral(".pdf")).toStdString());
            ok = writeText(stem + QStringLiteral(".tsv"), tableAsTsv(*figureTable(figure))) && ok;
        }
        if (!ok) throw std::runtime_error("cannot write into " + dir.toStdString());
        std::cerr << "cityfin-gui: " << results->figures.size() << " charts (PNG, PDF and data table) written to "
                  << dir.toStdString() << '\n';
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "cityfin-gui: " << e.what() << '\n';
        return 2;
    }
}

int runGui(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("cityfin"));
    QApplication::setApplicationName(QStringLiteral("cityfin-gui"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("cityfin: financing decisions for smart-city projects"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("case"), QStringLiteral("the case file to open"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("language, e.g. zh_CN or en"), QStringLiteral("locale"));
    const QCommandLineOption exportDir(QStringLiteral("export-charts"), QStringLiteral("render the case's charts into DIR and exit"), QStringLiteral("dir"));
    const QCommandLineOption shot(QStringLiteral("screenshot"), QStringLiteral("save a picture of the window to FILE and exit"), QStringLiteral("file"));
    const QCommandLineOption tab(QStringLiteral("tab"), QStringLiteral("show this results tab first (0 comparison, 1 parties, 2 Plan B, 3 risk, 4 charts, 5 maturity)"), QStringLiteral("n"));
    const QCommandLineOption chart(QStringLiteral("chart"), QStringLiteral("show this chart (its id, e.g. risk-sharing) in the charts tab"), QStringLiteral("id"));
    const QCommandLineOption answers(QStringLiteral("answers"), QStringLiteral("a city's maturity answers file for the maturity tab"), QStringLiteral("file"));
    parser.addOptions({lang, exportDir, shot, tab, chart, answers});
    parser.process(app);
    installTranslations(app, parser.value(lang));

    const QStringList args = parser.positionalArguments();
    if (parser.isSet(exportDir)) {
        if (args.isEmpty()) {
            std::cerr << "cityfin-gui: --export-charts needs a case file\n";
            return 2;
        }
        return exportCharts(args.front(), parser.value(exportDir));
    }

    MainWindow window;
    if (parser.isSet(shot)) window.resize(1100, 640);
    window.resultTabs()->setCurrentIndex(parser.value(tab).toInt());
    window.show();
    if (parser.isSet(answers)) window.maturity()->loadAnswers(parser.value(answers));
    if (!args.isEmpty() && !window.openFile(args.front()) && parser.isSet(shot)) return 2;
    if (parser.isSet(shot)) {
        // The picture is taken once the results are in: after the Monte Carlo when the case has risks.
        const QString file = parser.value(shot);
        const std::string chartId = parser.value(chart).toStdString();
        const auto take = [&window, file, chartId] {
            if (!chartId.empty()) window.charts()->showFigure(chartId);
            QTimer::singleShot(100, &window, [&window, file] {
                window.grab().save(file);
                QApplication::exit(0);
            });
        };
        const bool risks = window.document()->lastGoodCase() && !window.document()->lastGoodCase()->risks.empty();
        if (risks) QObject::connect(window.risk(), &RiskPanel::analysed, &window, take);
        else QObject::connect(window.recompute(), &Recompute::resultsReady, &window, take);
        return app.exec();
    }
    window.offerRecovery();
    return app.exec();
}

} // namespace cityfin::gui
