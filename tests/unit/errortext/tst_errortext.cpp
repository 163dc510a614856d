#include "ErrorText.h"
#include "Translator.h"

#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

// A failure in the person's language: the app's own words for every error code of
// API.md, in English with the server's reason, in Korean without its English; a code
// this build does not know still reads as a sentence.
class tst_ErrorText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Translator::use(QStringLiteral("en")); }
    void everyCodeHasItsWords_data();
    void everyCodeHasItsWords();
    void describe_data();
    void describe();
    void appsOwnWordsKeptAsWritten();
};

void tst_ErrorText::everyCodeHasItsWords_data()
{
    QTest::addColumn<int>("code");
    for (int code = int(ErrorCode::InvalidJson); code <= int(ErrorCode::Internal); ++code)
        QTest::newRow(qPrintable(ErrorCodes::name(ErrorCode(code)))) << code;
}

void tst_ErrorText::everyCodeHasItsWords()
{
    QFETCH(int, code);
    Translator::use(QStringLiteral("en"));
    const QString english = ErrorText::title(ErrorCode(code));
    QVERIFY(!english.isEmpty());
    Translator::use(QStringLiteral("ko"));
    const QString korean = ErrorText::title(ErrorCode(code));
    QVERIFY2(korean != english, qPrintable(english));
    QVERIFY2(korean.contains(QRegularExpression(QStringLiteral("[\\x{AC00}-\\x{D7A3}]"))), qPrintable(korean));
    // Said alone, the title is a sentence of its own.
    const QString said = ErrorText::describe(Failure { ErrorCode(code), QStringLiteral("the server's own words"), {} });
    QVERIFY2(said.endsWith(QLatin1Char('.')) || said.endsWith(QStringLiteral(".\u201D")), qPrintable(said));
}

void tst_ErrorText::describe_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QJsonObject>("body"); // the server's error body
    QTest::addColumn<QString>("text");
    const QJsonObject outOfStock { { "error",
                                     QJsonObject { { "code", "OUT_OF_STOCK" }, { "message", "product 12 has 3 left" } } } };
    const QJsonObject unknown { { "error", QJsonObject { { "code", "WAREHOUSE_CLOSED" }, { "message", "warehouse closed." } } } };
    const QJsonObject same { { "error",
                               QJsonObject { { "code", "COUPON_ALREADY_ISSUED" }, { "message", "you already have this coupon" } } } };
    QTest::newRow("en: the reason follows") << QStringLiteral("en") << outOfStock
                                            << QStringLiteral("Out of stock \u2014 product 12 has 3 left.");
    QTest::newRow("ko: the app's words only") << QStringLiteral("ko") << outOfStock
                                              << QStringLiteral("\uC7AC\uACE0\uAC00 \uBD80\uC871\uD569\uB2C8\uB2E4.");
    QTest::newRow("en: said once") << QStringLiteral("en") << same << QStringLiteral("You already have this coupon.");
    QTest::newRow("ko: said once") << QStringLiteral("ko") << same
                                   << QStringLiteral("\uC774\uBBF8 \uBC1B\uC740 \uCFE0\uD3F0\uC785\uB2C8\uB2E4.");
    QTest::newRow("en: an unknown code") << QStringLiteral("en") << unknown
                                         << QStringLiteral("Something went wrong \u2014 warehouse closed.");
    QTest::newRow("ko: an unknown code")
            << QStringLiteral("ko") << unknown
            << QStringLiteral("\uBB38\uC81C\uAC00 \uBC1C\uC0DD\uD588\uC2B5\uB2C8\uB2E4. \uC11C\uBC84 \uBA54\uC2DC\uC9C0: "
                              "\u201Cwarehouse closed\u201D.");
    QTest::newRow("ko: not an error body") << QStringLiteral("ko") << QJsonObject()
                                           << QStringLiteral("\uBB38\uC81C\uAC00 \uBC1C\uC0DD\uD588\uC2B5\uB2C8\uB2E4.");
}

void tst_ErrorText::describe()
{
    QFETCH(QString, language);
    QFETCH(QJsonObject, body);
    QFETCH(QString, text);
    Translator::use(language);
    QCOMPARE(ErrorText::describe(Failure::fromJson(body)), text);
}

void tst_ErrorText::appsOwnWordsKeptAsWritten()
{
    // A refused certificate starts with its host name; "Localhost" was seen in the sign-in
    // dialog under Xvfb (the sentence rule capitalised it).
    const QString said = QStringLiteral("localhost\uC758 \uC778\uC99D\uC11C\uB97C \uC2E0\uB8B0\uD560 \uC218 \uC5C6\uC2B5\uB2C8\uB2E4.");
    const Failure failure { ErrorCode::Unavailable, said, QJsonObject { { QStringLiteral("fromApp"), true } } };
    for (const QString &language : { QStringLiteral("en"), QStringLiteral("ko") }) {
        Translator::use(language);
        QCOMPARE(ErrorText::describe(failure), said);
        QCOMPARE(ErrorText::fieldProblem(failure), said);
    }
}

QTEST_GUILESS_MAIN(tst_ErrorText)
#include "tst_errortext.moc"
