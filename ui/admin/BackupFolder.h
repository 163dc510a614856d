#pragma once

#include <QtCore/QString>

// Where the desktop app's own shop (its embedded server) puts its daily backups: beside
// its stack folder by default (<stack>/../backups), or a folder the owner chose on the
// Backups page (an external disk), remembered in QSettings and used from the app's next
// start — the server running now keeps the folder it was started with.
class BackupFolder
{
public:
    // The folder chosen on the Backups page; empty: the default.
    static QString chosen();
    static void choose(const QString &folder);
    static QString defaultFor(const QString &stackDir);
    // What app/main.cpp gives its embedded server: chosen(), or the default.
    static QString forStack(const QString &stackDir);

    // Told by app/main.cpp when it runs its own shop: the folder that server backs up
    // into and its stack folder. Unset (a remote server): the Backups page offers no
    // folder to change and no restore command of its own.
    static void setOwnShop(const QString &folderInUse, const QString &stackDir);
    static bool ownShop() { return !s_inUse.isEmpty(); }
    static QString inUse() { return s_inUse; }
    static QString stackDir() { return s_stackDir; }

private:
    static QString s_inUse;
    static QString s_stackDir;
};
