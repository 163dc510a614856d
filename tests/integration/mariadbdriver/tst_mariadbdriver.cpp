#include "Database.h"
#include "SqlTime.h"
#include "TestStack.h"

#include <QtCore/QDateTime>
#include <QtSql/QSqlRecord>
#include <QtTest/QTest>

// MariadbDriver on the test stack's real MariaDB: one round trip per execution (no
// COM_STMT_RESET), and values come back as the repositories read them — the same
// types QMYSQL gave, NULLs, whole-number DECIMALs, wall-clock DATETIMEs, Hangul text,
// and bytes longer than any fetch buffer.
class tst_MariadbDriver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void executionIsOneCommand();
    void valuesRoundTrip_data();
    void valuesRoundTrip();
    void nullsAreNull_data();
    void nullsAreNull();
    void longValuesGrowTheBuffer();
    void rowsCanBeReadAgain();
    void textQueriesGiveTheSameTypes();
    void errorsCarryTheServerCode();
    void affectedRowsAreMatchedRows();
    void insertReturningGivesItsRows();

private:
    qint64 sessionCounter(const char *name);

    std::unique_ptr<Database> m_db;
};

void tst_MariadbDriver::initTestCase()
{
    QVERIFY(TestStack::instance());
    const MysqlEndpoint endpoint = MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value();
    m_db = std::make_unique<Database>(endpoint, QStringLiteral("tst-mariadbdriver"));
    QVERIFY(m_db->open());
    QSqlQuery q(m_db->handle());
    QVERIFY2(q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS driver_values (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                                   "n BIGINT NULL, u INT UNSIGNED NULL, d DOUBLE NULL, t VARCHAR(200) NULL, "
                                   "b MEDIUMBLOB NULL, at DATETIME(3) NULL, day DATE NULL, price DECIMAL(12,2) NULL)")),
             qPrintable(q.lastError().text()));
}

void tst_MariadbDriver::cleanupTestCase()
{
    if (m_db)
        QSqlQuery(m_db->handle()).exec(QStringLiteral("DROP TABLE IF EXISTS driver_values"));
    m_db.reset();
}

qint64 tst_MariadbDriver::sessionCounter(const char *name)
{
    QSqlQuery q(m_db->handle());
    if (!q.exec(QStringLiteral("SHOW SESSION STATUS LIKE '%1'").arg(QLatin1String(name))) || !q.next())
        return -1;
    return q.value(1).toLongLong();
}

void tst_MariadbDriver::executionIsOneCommand()
{
    const QString sql = QStringLiteral("SELECT ? + 1");
    QVERIFY(m_db->run(sql, { 1 })); // prepared here, once
    const qint64 executes = sessionCounter("Com_stmt_execute");
    const qint64 resets = sessionCounter("Com_stmt_reset");
    const qint64 prepares = sessionCounter("Com_stmt_prepare");
    for (int i = 0; i < 50; ++i) {
        const Result<Statement> r = m_db->run(sql, { i });
        QVERIFY(r);
        QVERIFY(r.value()->next());
        QCOMPARE(r.value()->value(0).toLongLong(), qint64(i + 1));
    }
    QCOMPARE(sessionCounter("Com_stmt_execute") - executes, qint64(50));
    QCOMPARE(sessionCounter("Com_stmt_reset") - resets, qint64(0));
    QCOMPARE(sessionCounter("Com_stmt_prepare") - prepares, qint64(0));
}

void tst_MariadbDriver::valuesRoundTrip_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<int>("type");
    QTest::newRow("bigint") << "n" << QVariant(qlonglong(-9007199254740993LL)) << int(QMetaType::LongLong);
    QTest::newRow("bool as integer") << "n" << QVariant(true) << int(QMetaType::LongLong);
    QTest::newRow("unsigned") << "u" << QVariant(4294967295U) << int(QMetaType::ULongLong);
    QTest::newRow("double") << "d" << QVariant(0.1) << int(QMetaType::Double);
    QTest::newRow("hangul") << "t" << QVariant(QStringLiteral("무선 이어폰 프로, \"quoted\"")) << int(QMetaType::QString);
    QTest::newRow("empty text") << "t" << QVariant(QStringLiteral("")) << int(QMetaType::QString);
    QTest::newRow("bytes") << "b" << QVariant(QByteArray("\x00\x01\xff png", 8)) << int(QMetaType::QByteArray);
    QTest::newRow("datetime ms") << "at" << QVariant(QDateTime(QDate(2026, 12, 1), QTime(23, 59, 58, 123)))
                                 << int(QMetaType::QDateTime);
    QTest::newRow("date") << "day" << QVariant(QDate(2024, 2, 29)) << int(QMetaType::QDate);
}

void tst_MariadbDriver::valuesRoundTrip()
{
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    QFETCH(int, type);
    const auto inserted = m_db->run(QStringLiteral("INSERT INTO driver_values (%1) VALUES (?)").arg(column), { value });
    QVERIFY(inserted);
    const qint64 id = inserted.value()->lastInsertId().toLongLong();
    QVERIFY(id > 0);
    for (const bool prepared : { true, false }) {
        QVariant read;
        if (prepared) {
            const auto r = m_db->run(QStringLiteral("SELECT %1 FROM driver_values WHERE id = ?").arg(column), { id });
            QVERIFY(r && r.value()->next());
            read = r.value()->value(0);
        } else {
            QSqlQuery q(m_db->handle());
            QVERIFY(q.exec(QStringLiteral("SELECT %1 FROM driver_values WHERE id = %2").arg(column).arg(id)) && q.next());
            read = q.value(0);
        }
        QCOMPARE(read.typeId(), type);
        if (value.typeId() == QMetaType::Bool)
            QCOMPARE(read.toLongLong(), qint64(1));
        else if (type == QMetaType::QDateTime)
            QCOMPARE(read.toDateTime(), value.toDateTime());
        else
            QCOMPARE(read, value);
    }
}

void tst_MariadbDriver::nullsAreNull_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("null variant") << "n" << QVariant();
    QTest::newRow("null QString") << "t" << QVariant(QString());
    QTest::newRow("null QByteArray") << "b" << QVariant(QByteArray());
    QTest::newRow("invalid QDateTime") << "at" << QVariant(QDateTime());
    QTest::newRow("typed null") << "n" << QVariant(QMetaType(QMetaType::LongLong));
}

void tst_MariadbDriver::nullsAreNull()
{
    QFETCH(QString, column);
    QFETCH(QVariant, value);
    const auto inserted = m_db->run(QStringLiteral("INSERT INTO driver_values (%1) VALUES (?)").arg(column), { value });
    QVERIFY(inserted);
    const auto r = m_db->run(QStringLiteral("SELECT %1 IS NULL, %1 FROM driver_values WHERE id = ?").arg(column),
                             { inserted.value()->lastInsertId() });
    QVERIFY(r && r.value()->next());
    QCOMPARE(r.value()->value(0).toLongLong(), qint64(1));
    QVERIFY(r.value()->value(1).isNull());
    QVERIFY(r.value()->isNull(1));
}

void tst_MariadbDriver::longValuesGrowTheBuffer()
{
    // Two rows: a short one first (it fits the first buffer), then 8 MiB, then short again.
    QByteArray big(8 * 1024 * 1024, 'x');
    for (int i = 0; i < big.size(); i += 4096)
        big[i] = char(i / 4096);
    QList<qint64> ids;
    for (const QByteArray &bytes : { QByteArray("short"), big, QByteArray("again") }) {
        const auto r = m_db->run(QStringLiteral("INSERT INTO driver_values (b, t) VALUES (?, ?)"),
                                 { bytes, QString(QChar(0xD55C)).repeated(200) });
        QVERIFY(r);
        ids << r.value()->lastInsertId().toLongLong();
    }
    const auto r = m_db->run(QStringLiteral("SELECT b, t FROM driver_values WHERE id IN (?, ?, ?) ORDER BY id"),
                             { ids[0], ids[1], ids[2] });
    QVERIFY(r);
    QCOMPARE(r.value()->size(), 3);
    QVERIFY(r.value()->next());
    QCOMPARE(r.value()->value(0).toByteArray(), QByteArray("short"));
    QCOMPARE(r.value()->value(1).toString(), QString(QChar(0xD55C)).repeated(200)); // 600 bytes of UTF-8
    QVERIFY(r.value()->next());
    QCOMPARE(r.value()->value(0).toByteArray(), big);
    QVERIFY(r.value()->next());
    QCOMPARE(r.value()->value(0).toByteArray(), QByteArray("again"));
    QVERIFY(!r.value()->next());
}

void tst_MariadbDriver::rowsCanBeReadAgain()
{
    const auto r = m_db->run(QStringLiteral("SELECT seq, seq * 10 FROM seq_1_to_5 WHERE seq >= ?"), { 1 });
    QVERIFY(r);
    QSqlQuery *q = r.value();
    QCOMPARE(q->size(), 5);
    QVERIFY(q->last());
    QCOMPARE(q->value(0).toInt(), 5);
    QVERIFY(q->first());
    QCOMPARE(q->value(1).toInt(), 10);
    QVERIFY(q->seek(2));
    QCOMPARE(q->value(0).toInt(), 3);
    QVERIFY(q->next());
    QCOMPARE(q->value(0).toInt(), 4);
    QCOMPARE(q->record().fieldName(0), QStringLiteral("seq"));
}

void tst_MariadbDriver::textQueriesGiveTheSameTypes()
{
    // SUM of integers is DECIMAL(n, 0): a whole number, as the repositories read it.
    const auto prepared = m_db->run(QStringLiteral("SELECT SUM(seq), CAST(1.25 AS DECIMAL(5,2)), NOW(3) FROM seq_1_to_4 WHERE seq > ?"), { 0 });
    QVERIFY(prepared && prepared.value()->next());
    QSqlQuery text(m_db->handle());
    QVERIFY(text.exec(QStringLiteral("SELECT SUM(seq), CAST(1.25 AS DECIMAL(5,2)), NOW(3) FROM seq_1_to_4 WHERE seq > 0"))
            && text.next());
    for (QSqlQuery *q : { static_cast<QSqlQuery *>(prepared.value()), &text }) {
        QCOMPARE(q->value(0).typeId(), int(QMetaType::LongLong));
        QCOMPARE(q->value(0).toLongLong(), qint64(10));
        QCOMPARE(q->value(1).toDouble(), 1.25);
        const QDateTime now = SqlTime::utc(q->value(2));
        QVERIFY(qAbs(now.secsTo(QDateTime::currentDateTimeUtc())) < 60); // the session runs at +00:00
    }
}

void tst_MariadbDriver::errorsCarryTheServerCode()
{
    const auto inserted = m_db->run(QStringLiteral("INSERT INTO driver_values (id) VALUES (?)"), { 999999 });
    QVERIFY(inserted);
    const auto again = m_db->run(QStringLiteral("INSERT INTO driver_values (id) VALUES (?)"), { 999999 });
    QVERIFY(!again);
    QVERIFY(Database::isDuplicateKey(m_db->lastError()));
    const auto bad = m_db->run(QStringLiteral("SELECT no_such_column FROM driver_values WHERE id = ?"), { 1 });
    QVERIFY(!bad);
    QCOMPARE(m_db->lastError().nativeErrorCode(), QStringLiteral("1054"));
    // The connection is still good after both.
    const auto fine = m_db->run(QStringLiteral("SELECT ?"), { 7 });
    QVERIFY(fine && fine.value()->next());
    QCOMPARE(fine.value()->value(0).toInt(), 7);
}

void tst_MariadbDriver::affectedRowsAreMatchedRows()
{
    const auto inserted = m_db->run(QStringLiteral("INSERT INTO driver_values (n) VALUES (?)"), { 5 });
    QVERIFY(inserted);
    const QVariant id = inserted.value()->lastInsertId();
    // CLIENT_FOUND_ROWS: a row matched but left as it was still counts, which is what
    // the conditional updates test.
    const auto same = m_db->run(QStringLiteral("UPDATE driver_values SET n = ? WHERE id = ?"), { 5, id });
    QVERIFY(same);
    QCOMPARE(same.value()->numRowsAffected(), 1);
    const auto none = m_db->run(QStringLiteral("UPDATE driver_values SET n = ? WHERE id = ? AND n > 100"), { 6, id });
    QVERIFY(none);
    QCOMPARE(none.value()->numRowsAffected(), 0);
}

void tst_MariadbDriver::insertReturningGivesItsRows()
{
    // MariaDB's prepare of an INSERT … RETURNING describes no columns; the rows come
    // after the execute (the stock ledger reads its stock_after this way). Before, they
    // stayed unread and the connection's next command failed out of sync (2014).
    const QString sql = QStringLiteral("INSERT INTO driver_values (n, t) VALUES (?, ?), (?, ?) RETURNING n * 2, t");
    const qint64 resets = sessionCounter("Com_stmt_reset");
    for (int round = 0; round < 3; ++round) { // prepared once, then from the statement cache
        const auto inserted = m_db->run(sql, { round, QStringLiteral("첫째"), round + 10, QStringLiteral("second") });
        QVERIFY(inserted);
        QVERIFY(inserted.value()->next());
        QCOMPARE(inserted.value()->value(0).toLongLong(), qint64(round * 2));
        QCOMPARE(inserted.value()->value(1).toString(), QStringLiteral("첫째"));
        QVERIFY(inserted.value()->next());
        QCOMPARE(inserted.value()->value(0).toLongLong(), qint64((round + 10) * 2));
        QCOMPARE(inserted.value()->value(1).toString(), QStringLiteral("second"));
        QVERIFY(!inserted.value()->next());
        const auto after = m_db->run(QStringLiteral("SELECT COUNT(*) FROM driver_values WHERE n = ?"), { round + 10 });
        QVERIFY(after && after.value()->next());
        QCOMPARE(after.value()->value(0).toLongLong(), qint64(1));
    }
    QCOMPARE(sessionCounter("Com_stmt_reset") - resets, qint64(0));
}

QTEST_GUILESS_MAIN(tst_MariadbDriver)
#include "tst_mariadbdriver.moc"
