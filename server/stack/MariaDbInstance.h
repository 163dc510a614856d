#pragma once

#include "ManagedProcess.h"

#include <QtCore/QString>

// A private mariadbd on 127.0.0.1 with its data folder under the stack's folder.
// A new data folder is copied from a template made once per machine and MariaDB
// version (mariadb-install-db plus our database and user), so a fresh stack skips the
// ~1 s bootstrap.
class MariaDbInstance
{
public:
    explicit MariaDbInstance(QString stackDir);

    Status start(QDeadlineTimer deadline);
    void stop();
    void kill();
    bool isRunning() const { return m_process.isRunning(); }

    quint16 port() const { return m_port; }
    // mysql://storefront@127.0.0.1:PORT/storefront
    QString url() const;
    QString logTail() const { return m_process.logTail(); }

    static QString databaseName() { return QStringLiteral("storefront"); }

    // Before start(): keep the binary log (row format, 64 MiB files, 8 days) in the data
    // folder, for a restore to a moment (BackupService). Off: --skip-log-bin.
    void setBinaryLog(bool on) { m_binaryLog = on; }
    bool binaryLog() const { return m_binaryLog; }
    // Where its binary-log files are (binlog.000001, …).
    QString binaryLogDir() const { return m_dataDir; }

private:
    Status ensureDataDir();
    static Status makeTemplate(const QString &templateDir);
    static QString templateDir();
    static QStringList commonArguments();

    QString m_stackDir;
    QString m_dataDir;
    quint16 m_port = 0;
    bool m_binaryLog = false;
    ManagedProcess m_process;
};
