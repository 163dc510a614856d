#include "DumpReader.h"

#include <QtTest/QTest>

// The manifest's row counts come from the dump itself (its snapshot, not a later
// COUNT): tuples are counted in both layouts mariadb-dump writes, with strings that
// hold parentheses, quotes, semicolons and escapes skipped over.
class tst_DumpReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows_data();
    void rows();
    void binaryLogPosition();
};

void tst_DumpReader::rows_data()
{
    QTest::addColumn<QByteArrayList>("lines");
    QTest::addColumn<QString>("table");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("one line") << QByteArrayList { "INSERT INTO `orders` VALUES (1,'PAID',100),(2,'PAID',200),(3,'CANCELLED',0);\n" }
                              << QStringLiteral("orders") << qint64(3);
    QTest::newRow("a tuple a line (MariaDB 10.11)")
            << QByteArrayList { "INSERT INTO `orders` VALUES\n", "(1,'PAID',100),\n", "(2,'PAID',200),\n", "(3,'PAID',300);\n",
                                "INSERT INTO `users` VALUES\n", "(1,'kim');\n" }
            << QStringLiteral("orders") << qint64(3);
    QTest::newRow("the next table stays apart")
            << QByteArrayList { "INSERT INTO `orders` VALUES\n", "(1,'PAID',100);\n", "INSERT INTO `users` VALUES\n", "(1,'kim'),\n",
                                "(2,'lee');\n" }
            << QStringLiteral("users") << qint64(2);
    QTest::newRow("strings with ( ) ; and quotes")
            << QByteArrayList { "INSERT INTO `refunds` VALUES (1,'a (b) c;',2),(2,'it\\'s (1),(2);',3),(3,'\\\\',4);\n" }
            << QStringLiteral("refunds") << qint64(3);
    QTest::newRow("Hangul and hex blobs")
            << QByteArrayList { "INSERT INTO `product_images` VALUES\n", "(1,0x89504E47,'녹차 (큰 것)'),\n", "(2,0x00,'x');\n" }
            << QStringLiteral("product_images") << qint64(2);
    QTest::newRow("two statements add up")
            << QByteArrayList { "INSERT INTO `outbox` VALUES (1,'{\\\"a\\\": [1, 2]}');\n", "INSERT INTO `outbox` VALUES (2,'{}'),(3,'{}');\n" }
            << QStringLiteral("outbox") << qint64(3);
    QTest::newRow("an empty table") << QByteArrayList { "CREATE TABLE `coupons` (\n", "  `id` bigint(20) NOT NULL\n", ");\n" }
                                    << QStringLiteral("coupons") << qint64(0);
}

void tst_DumpReader::rows()
{
    QFETCH(QByteArrayList, lines);
    QFETCH(QString, table);
    QFETCH(qint64, expected);
    DumpReader reader;
    for (const QByteArray &line : lines)
        reader.addLine(line);
    QVERIFY(reader.rows().contains(table));
    QCOMPARE(reader.rows().value(table), expected);
}

void tst_DumpReader::binaryLogPosition()
{
    DumpReader reader;
    reader.addLine("-- Position to start replication or point-in-time recovery from\n");
    reader.addLine("-- CHANGE MASTER TO MASTER_LOG_FILE='binlog.000003', MASTER_LOG_POS=48213;\n");
    QCOMPARE(reader.binaryLogFile(), QStringLiteral("binlog.000003"));
    QCOMPARE(reader.binaryLogPosition(), qint64(48213));
}

QTEST_GUILESS_MAIN(tst_DumpReader)
#include "tst_dumpreader.moc"
