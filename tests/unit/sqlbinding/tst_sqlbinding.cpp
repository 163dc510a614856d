#include "SqlSplices.h"

#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

// SQL only through bound parameters: every statement our server code sends is scanned,
// and any text spliced into SQL (QString::arg or +) must be really constant: a
// literal, a `k` constant the file declares const, or `SqlBatch::` placeholders for a
// fixed batch size (SqlSplices.h). Request data can then only ever reach MySQL as a
// bound value, and no SQL text depends on how many rows a request has.
class tst_SqlBinding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scannerCatchesConcatenation_data();
    void scannerCatchesConcatenation();
    void serverSendsOnlyBoundSql_data();
    void serverSendsOnlyBoundSql();
};

void tst_SqlBinding::scannerCatchesConcatenation_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("unsafe");
    QTest::newRow("bound") << QStringLiteral("m_database.run(QStringLiteral(\"SELECT id FROM users WHERE username = ?\"), { name });") << 0;
    QTest::newRow("arg with request data")
            << QStringLiteral("m_database.run(QStringLiteral(\"SELECT id FROM users WHERE username = '%1'\").arg(credentials.username));")
            << 1;
    QTest::newRow("plus with request data")
            << QStringLiteral("db.exec(QStringLiteral(\"DELETE FROM orders WHERE id = \") + QString::number(orderId));") << 1;
    QTest::newRow("placeholders joined per id")
            << QStringLiteral("m_database.run(QStringLiteral(\"SELECT id FROM products WHERE id IN (%1)\").arg(marks.join(QLatin1Char(','))), bindings);")
            << 1;
    QTest::newRow("rows joined per row")
            << QStringLiteral("m_database.run(QStringLiteral(\"INSERT INTO t VALUES %1\").arg(rows.join(QLatin1Char(','))), bindings);")
            << 1;
    QTest::newRow("batch placeholders")
            << QStringLiteral("m_database.run(QStringLiteral(\"SELECT id FROM products WHERE id IN (%1)\").arg(SqlBatch::marks(kBatch)), bindings);")
            << 0;
    QTest::newRow("column constant")
            << QStringLiteral("const QString kCouponColumns = QStringLiteral(\"id, name\");\n"
                              "m_database.run(QStringLiteral(\"SELECT %1 FROM coupons\").arg(kCouponColumns));")
            << 0;
    QTest::newRow("k name never declared const")
            << QStringLiteral("QString kFilter = input; m_database.run(QStringLiteral(\"SELECT id FROM coupons WHERE %1\").arg(kFilter));")
            << 1;
    QTest::newRow("literal")
            << QStringLiteral("m_database.run(QStringLiteral(\"SELECT %1 FROM coupons\").arg(QStringLiteral(\"id\")));") << 0;
    QTest::newRow("literal with request data in it")
            << QStringLiteral("m_database.run(QStringLiteral(\"SELECT id FROM users WHERE %1\").arg(QStringLiteral(\"name = '%1'\").arg(name)));")
            << 1;
    QTest::newRow("choice of constants")
            << QStringLiteral("static const QString kA = QStringLiteral(\"a\"); static const QString kB = QStringLiteral(\"b\");\n"
                              "m_database.run(QStringLiteral(\"SELECT 1\") + (x == 1 ? kA : kB), { id });")
            << 0;
    QTest::newRow("choice with request data")
            << QStringLiteral("static const QString kA = QStringLiteral(\"a\");\n"
                              "m_database.run(QStringLiteral(\"SELECT 1\") + (x == 1 ? kA : name), { id });")
            << 1;
    QTest::newRow("a WHERE variable") << QStringLiteral("m_database.run(QStringLiteral(\"SELECT id FROM t WHERE %1\").arg(where));")
                                      << 1;
}

void tst_SqlBinding::scannerCatchesConcatenation()
{
    QFETCH(QString, code);
    QFETCH(int, unsafe);
    QCOMPARE(SqlSplices::unsafe(code).size(), unsafe);
}

void tst_SqlBinding::serverSendsOnlyBoundSql_data()
{
    QTest::addColumn<QString>("path");
    QDirIterator files(QStringLiteral(STOREFRONT_SOURCE_DIR "/server"), { QStringLiteral("*.cpp") }, QDir::Files,
                       QDirIterator::Subdirectories);
    int count = 0;
    while (files.hasNext()) {
        const QString path = files.next();
        QTest::newRow(qPrintable(QDir(QStringLiteral(STOREFRONT_SOURCE_DIR)).relativeFilePath(path))) << path;
        ++count;
    }
    QVERIFY(count > 20);
}

void tst_SqlBinding::serverSendsOnlyBoundSql()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString fileName = QFileInfo(path).fileName();
    const QStringList unsafe = SqlSplices::unsafe(QString::fromUtf8(file.readAll()), fileName);
    QVERIFY2(unsafe.isEmpty(), qPrintable(QStringLiteral("SQL built from: ") + unsafe.join(QStringLiteral(" | "))));
}

QTEST_GUILESS_MAIN(tst_SqlBinding)
#include "tst_sqlbinding.moc"
