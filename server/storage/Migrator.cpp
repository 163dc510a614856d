#include "Migrator.h"

#include "Database.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtSql/QSqlQuery>

Q_LOGGING_CATEGORY(lcMigrations, "storefront.migrations")

namespace {
const QString kDir = QStringLiteral(":/storefront/migrations");

// Our migration files keep one statement per ';'-terminated line group; no procedures.
QStringList statements(const QString &sql)
{
    QStringList out;
    QString current;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.trimmed().startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (line.trimmed().endsWith(QLatin1Char(';'))) {
            out << current.trimmed().chopped(1);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}
}

Migrator::Migrator(Database &database) : m_database(database) { }

QStringList Migrator::available()
{
    QStringList files = QDir(kDir).entryList({ QStringLiteral("*.sql") }, QDir::Files, QDir::Name);
    return files;
}

Result<QStringList> Migrator::migrate(const QString &upTo)
{
    QSqlDatabase db = m_database.handle();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT GET_LOCK('storefront.migrate', 60)")) || !q.next() || q.value(0).toInt() != 1)
        return m_database.failure(q.lastError(), QStringLiteral("cannot take the migration lock"));
    struct Unlock {
        QSqlDatabase db;
        ~Unlock() { QSqlQuery(db).exec(QStringLiteral("DO RELEASE_LOCK('storefront.migrate')")); }
    } unlock { db };

    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                               " version VARCHAR(100) NOT NULL PRIMARY KEY,"
                               " applied_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)"
                               ") ENGINE=InnoDB")))
        return m_database.failure(q.lastError(), QStringLiteral("cannot create schema_migrations"));

    QSet<QString> applied;
    if (!q.exec(QStringLiteral("SELECT version FROM schema_migrations")))
        return m_database.failure(q.lastError(), QStringLiteral("cannot read schema_migrations"));
    while (q.next())
        applied.insert(q.value(0).toString());

    QStringList done;
    for (const QString &file : available()) {
        const QString version = file.chopped(4);
        if (!upTo.isEmpty() && version > upTo)
            break;
        if (applied.contains(version))
            continue;
        QFile f(kDir + QLatin1Char('/') + file);
        if (!f.open(QIODevice::ReadOnly))
            return Failure { ErrorCode::Internal, QStringLiteral("cannot read migration %1").arg(file), {} };
        // MySQL commits DDL implicitly, so a migration is not atomic: each file is
        // written to be re-runnable (IF NOT EXISTS) should one stop half-way.
        for (const QString &statement : statements(QString::fromUtf8(f.readAll()))) {
            if (!q.exec(statement))
                return m_database.failure(q.lastError(), QStringLiteral("migration %1 failed").arg(version));
        }
        q.prepare(QStringLiteral("INSERT INTO schema_migrations (version) VALUES (:version)"));
        q.bindValue(QStringLiteral(":version"), version);
        if (!q.exec())
            return m_database.failure(q.lastError(), QStringLiteral("cannot record migration %1").arg(version));
        qCInfo(lcMigrations).noquote() << "applied" << version;
        done << version;
    }
    return done;
}
