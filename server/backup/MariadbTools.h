#pragma once

#include "MysqlEndpoint.h"
#include "Result.h"

#include <QtCore/QMap>
#include <QtCore/QStringList>
#include <QtCore/QTemporaryFile>

#include <memory>

class QIODevice;

// MariaDB's own client programs (mariadb-dump, mariadb, mariadb-binlog from Debian's
// mariadb-client), run against an endpoint. The password goes in a 0600 option file
// given with --defaults-extra-file, never on the command line where `ps` shows it.
class MariadbTools
{
public:
    explicit MariadbTools(MysqlEndpoint endpoint);

    // `mariadb-dump` of the endpoint's database, its standard output written to `out`.
    // A failed write (a full disk) or a failed dump is a failure naming it.
    Status dump(const QStringList &options, QIODevice &out);
    // `mariadb` into the endpoint's database, fed from `in` (a dump, a binary-log replay).
    Status load(QIODevice &in);
    // `mariadb-binlog` of the given files with the options; its SQL into `out`.
    Status decodeBinaryLog(const QStringList &options, const QStringList &files, QIODevice &out);

    // Exact row counts (COUNT(*)) of these tables, and dropping them: SQL whose text
    // names tables, so it goes through the mariadb client as a script, not through a
    // prepared statement; a name other than letters, digits and _ is refused.
    Result<QMap<QString, qint64>> countRows(const QStringList &tables);
    Status dropTables(const QStringList &tables);

    const MysqlEndpoint &endpoint() const { return m_endpoint; }

private:
    Status run(const QString &program, const QStringList &arguments, QIODevice *in, QIODevice *out);
    QString optionFile();

    MysqlEndpoint m_endpoint;
    std::unique_ptr<QTemporaryFile> m_options;
};
