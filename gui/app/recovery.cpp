#include "gui/app/recovery.hpp"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace cityfin::gui {

Recovery::Recovery(QString dir)
    : dir_(dir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : std::move(dir))
{
}

QString Recovery::file() const { return QDir(dir_).filePath(QStringLiteral("recovery.json")); }

void Recovery::write(const models::Case& c) const
{
    QDir().mkpath(dir_);
    models::saveCaseFileAtomically(file().toStdString(), c);
}

std::optional<models::Case> Recovery::read() const
{
    if (!QFile::exists(file())) return std::nullopt;
    try {
        return models::loadCaseFile(file().toStdString());
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

void Recovery::clear() const { QFile::remove(file()); }

} // namespace cityfin::gui
