#include "SqlSplices.h"

#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtTest/QTest>

// SQL only through bound parameters: every statement our server code sends is scanned,
// and any text spliced into SQL (QString::arg or +) must be one of the few pieces
// built from constants — placeholder lists, column lists, fixed WHERE fragments.
// Request data can then only ever reach MySQL as a bound value.
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
    QTest::newRow("placeholder list")
            << QStringLiteral("m_database.run(QStringLiteral(\"SELECT id FROM products WHERE id IN (%1)\").arg(marks.join(QLatin1Char(','))), bindings);")
            << 0;
    QTest::newRow("column constant")
            << QStringLiteral("m_database.run(QStringLiteral(\"SELECT %1 FROM coupons\").arg(kCouponColumns));") << 0;
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
    const QStringList unsafe = SqlSplices::unsafe(QString::fromUtf8(file.readAll()));
    QVERIFY2(unsafe.isEmpty(), qPrintable(QStringLiteral("SQL built from: ") + unsafe.join(QStringLiteral(" | "))));
}

QTEST_GUILESS_MAIN(tst_SqlBinding)
#include "tst_sqlbinding.moc"
