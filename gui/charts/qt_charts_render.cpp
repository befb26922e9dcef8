// Headless rendering: the chart is laid out in a scene at a logical size and painted scaled, so a
// print-resolution image keeps the proportions of the screen chart with crisp text.
#include "gui/charts/qt_charts.hpp"

#include <QtCharts/QChartView>
#include <QtGui/QImage>
#include <QtGui/QPageSize>
#include <QtGui/QPainter>
#include <QtGui/QPdfWriter>
#include <QtWidgets/QApplication>
#include <QtWidgets/QGraphicsScene>

#include <sys/stat.h>
#include <unistd.h>

#include <clocale>
#include <string>
#include <stdexcept>

namespace cityfin::charts {
namespace {

// Lays the chart out at `logical` size in a scene and paints it into `target` of the painter.
void paintChart(QChart& chart, QPainter& painter, const QRectF& target, QSizeF logical) {
    QGraphicsScene scene;
    scene.addItem(&chart);
    chart.setGeometry(QRectF(QPointF(0, 0), logical));
    QApplication::processEvents();  // let the chart's layout settle before painting
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&painter, target, QRectF(QPointF(0, 0), logical));
    scene.removeItem(&chart);
}

} // namespace

void ensureApplication(bool headless) {
    if (QCoreApplication::instance()) {
        if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
            throw std::logic_error("charts need a QApplication, and a QCoreApplication already exists");
        return;
    }
    const bool noDisplay = qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && (headless || noDisplay))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        // Qt would warn on stderr and fall back to this same private folder.
        const std::string dir = "/tmp/runtime-" + std::to_string(::getuid());
        ::mkdir(dir.c_str(), 0700);
        qputenv("XDG_RUNTIME_DIR", QByteArray::fromStdString(dir));
    }
    static int argc = 1;
    static char name[] = "cityfin";
    static char* argv[] = {name, nullptr};
    // Deliberately never destroyed: Qt's globals may be gone when static destructors run.
    new QApplication(argc, argv);
    std::setlocale(LC_NUMERIC, "C");  // files are written with the C locale's numbers
}

QWidget* createChartView(std::unique_ptr<QChart> chart, QWidget* parent) {
    auto* view = new QChartView(chart.release(), parent);
    view->setRenderHint(QPainter::Antialiasing);
    return view;
}

void renderPng(QChart& chart, const std::string& path, QSize pixels, int dpi) {
    if (pixels.isEmpty() || dpi <= 0) throw std::invalid_argument("renderPng: empty size or non-positive dpi");
    const double scale = dpi / 96.0;
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    const int dotsPerMetre = static_cast<int>(dpi / 0.0254 + 0.5);
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    QPainter painter(&image);
    paintChart(chart, painter, QRectF(QPointF(0, 0), QSizeF(pixels)), QSizeF(pixels) / scale);
    painter.end();
    if (!image.save(QString::fromStdString(path), "PNG"))
        throw std::runtime_error("cannot write the image " + path);
}

void renderPdf(QChart& chart, const std::string& path, QSizeF millimetres, int dpi) {
    if (millimetres.isEmpty() || dpi <= 0) throw std::invalid_argument("renderPdf: empty size or non-positive dpi");
    QPdfWriter writer(QString::fromStdString(path));
    writer.setResolution(dpi);
    writer.setPageSize(QPageSize(millimetres, QPageSize::Millimeter));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setCreator("cityfin");
    writer.setTitle(chart.title());
    QPainter painter;
    if (!painter.begin(&writer)) throw std::runtime_error("cannot write the PDF " + path);
    const QSizeF logical = millimetres / 25.4 * 96.0;  // the chart laid out as on a 96 dpi screen
    paintChart(chart, painter, QRectF(painter.viewport()), logical);
    painter.end();
}

} // namespace cityfin::charts
