#include "BackupFolder.h"

#include <QtCore/QDir>
#include <QtCore/QSettings>

namespace {
const QString kKey = QStringLiteral("backups/folder");
}

QString BackupFolder::s_inUse;
QString BackupFolder::s_stackDir;

QString BackupFolder::chosen()
{
    return QSettings().value(kKey).toString();
}

void BackupFolder::choose(const QString &folder)
{
    QSettings settings;
    if (folder.isEmpty())
        settings.remove(kKey);
    else
        settings.setValue(kKey, QDir::cleanPath(folder));
}

QString BackupFolder::defaultFor(const QString &stackDir)
{
    return QDir::cleanPath(QDir(stackDir).absoluteFilePath(QStringLiteral("../backups")));
}

QString BackupFolder::forStack(const QString &stackDir)
{
    const QString folder = chosen();
    return folder.isEmpty() ? defaultFor(stackDir) : folder;
}

void BackupFolder::setOwnShop(const QString &folderInUse, const QString &stackDir)
{
    s_inUse = folderInUse;
    s_stackDir = stackDir;
}
