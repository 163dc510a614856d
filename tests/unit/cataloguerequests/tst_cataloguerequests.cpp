#include "CatalogueRequests.h"

#include <QtCore/QJsonDocument>

#include <QtTest/QTest>

// The catalogue's query parsing and bodies: what a shopper types becomes words (never
// search syntax), every bad parameter is VALIDATION_FAILED naming it.
class tst_CatalogueRequests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void searchWords_data();
    void searchWords();
    void productQuery_data();
    void productQuery();
    void sorts_data();
    void sorts();
    void category_data();
    void category();
};

void tst_CatalogueRequests::searchWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("boolean");
    QTest::newRow("hangul") << "무선 이어폰" << QStringList { "무선", "이어폰" } << "+무선* +이어폰*";
    QTest::newRow("case folded") << "Desk LAMP" << QStringList { "desk", "lamp" } << "+desk* +lamp*";
    QTest::newRow("every operator is a separator") << "+-*\"()~<>@" << QStringList {} << "";
    QTest::newRow("operators around words") << "+무선 -이어* \"lamp\"" << QStringList { "무선", "이어", "lamp" }
                                           << "+무선* +이어* +lamp*";
    QTest::newRow("sql quotes") << "' OR 1=1 --" << QStringList { "or", "1" } << "+or* +1*";
    QTest::newRow("duplicates once") << "lamp Lamp LAMP" << QStringList { "lamp" } << "+lamp*";
    QTest::newRow("sku punctuation") << "EAR-PRO.1" << QStringList { "ear", "pro", "1" } << "+ear* +pro* +1*";
    QTest::newRow("underscore stays") << "spk_9" << QStringList { "spk_9" } << "+spk_9*";
    QTest::newRow("digits and units") << "500ml" << QStringList { "500ml" } << "+500ml*";
    QTest::newRow("only spaces") << "   " << QStringList {} << "";
    QTest::newRow("full-width and CJK punctuation") << "무선、이어폰！" << QStringList { "무선", "이어폰" } << "+무선* +이어폰*";
    QTest::newRow("emoji is a separator") << "컵😀잔" << QStringList { "컵", "잔" } << "+컵* +잔*";
}

void tst_CatalogueRequests::searchWords()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    QFETCH(QString, boolean);
    QCOMPARE(CatalogueRequests::searchWords(text), words);
    CatalogueRequests::ProductQuery q;
    q.words = words;
    QCOMPARE(q.booleanQuery(), boolean);
}

void tst_CatalogueRequests::productQuery_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field"); // empty: valid
    QTest::newRow("nothing") << "" << "";
    QTest::newRow("everything") << "q=lamp&categoryId=3&minPrice=0&maxPrice=1000000000&inStock=true&sort=-price&page=2&size=100" << "";
    QTest::newRow("hostile q is fine") << "q=%2B-*%22()~%3C%3E%40" << "";
    QTest::newRow("q of 100") << "q=" + QString(100, QLatin1Char('a')) << "";
    QTest::newRow("q of 101") << "q=" + QString(101, QLatin1Char('a')) << "q";
    QTest::newRow("q empty") << "q=" << "q";
    QTest::newRow("categoryId 0") << "categoryId=0" << "categoryId";
    QTest::newRow("categoryId text") << "categoryId=abc" << "categoryId";
    QTest::newRow("minPrice negative") << "minPrice=-1" << "minPrice";
    QTest::newRow("minPrice plus") << "minPrice=%2B5" << "minPrice";
    QTest::newRow("maxPrice over the ceiling") << "maxPrice=1000000001" << "maxPrice";
    QTest::newRow("maxPrice fraction") << "maxPrice=1.5" << "maxPrice";
    QTest::newRow("min above max") << "minPrice=6&maxPrice=5" << "minPrice";
    QTest::newRow("min equals max") << "minPrice=5&maxPrice=5" << "";
    QTest::newRow("inStock 1") << "inStock=1" << "inStock";
    QTest::newRow("inStock false") << "inStock=false" << "";
    QTest::newRow("sort unknown") << "sort=name" << "sort";
    QTest::newRow("size 0") << "size=0" << "size";
    QTest::newRow("page 0") << "page=0" << "page";
}

void tst_CatalogueRequests::productQuery()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const auto parsed = CatalogueRequests::productQuery(QUrlQuery(query));
    QCOMPARE(parsed.ok(), field.isEmpty());
    if (!parsed.ok()) {
        QCOMPARE(parsed.failure().code, ErrorCode::ValidationFailed);
        QCOMPARE(parsed.failure().details.value(QStringLiteral("field")).toString(), field);
    }
}

void tst_CatalogueRequests::sorts_data()
{
    using S = CatalogueRequests::Sort;
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("sort");
    QTest::newRow("default without q") << "" << int(S::Id);
    QTest::newRow("default with q") << "q=lamp" << int(S::Relevance);
    QTest::newRow("relevance without words is by id") << "q=%2B%2B&sort=relevance" << int(S::Id);
    QTest::newRow("price") << "sort=price" << int(S::Price);
    QTest::newRow("-price") << "sort=-price" << int(S::PriceDescending);
    QTest::newRow("newest with q") << "q=lamp&sort=newest" << int(S::Newest);
    QTest::newRow("popular") << "sort=popular" << int(S::Popular);
}

void tst_CatalogueRequests::sorts()
{
    QFETCH(QString, query);
    QFETCH(int, sort);
    const auto parsed = CatalogueRequests::productQuery(QUrlQuery(query));
    QVERIFY(parsed.ok());
    QCOMPARE(int(parsed->sort), sort);
}

void tst_CatalogueRequests::category_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("create");
    QTest::addColumn<QString>("field");
    QTest::newRow("root") << QByteArray(R"({"name":"Kitchen"})") << true << "";
    QTest::newRow("child") << QByteArray(R"({"name":"주방","parentId":3})") << true << "";
    QTest::newRow("no name") << QByteArray(R"({"parentId":3})") << true << "name";
    QTest::newRow("blank name") << QByteArray(R"({"name":"  "})") << true << "name";
    QTest::newRow("long name") << QByteArray("{\"name\":\"" + QByteArray(101, 'n') + "\"}") << true << "name";
    QTest::newRow("slash in name") << QByteArray(R"({"name":"a/b"})") << true << "name";
    QTest::newRow("parent 0") << QByteArray(R"({"name":"x","parentId":0})") << true << "parentId";
    QTest::newRow("parent text") << QByteArray(R"({"name":"x","parentId":"3"})") << true << "parentId";
    QTest::newRow("move to root") << QByteArray(R"({"parentId":null})") << false << "";
    QTest::newRow("empty patch") << QByteArray(R"({})") << false << "name";
}

void tst_CatalogueRequests::category()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, create);
    QFETCH(QString, field);
    const auto parsed = CatalogueRequests::category(QJsonDocument::fromJson(body).object(), create);
    QCOMPARE(parsed.ok(), field.isEmpty());
    if (!parsed.ok())
        QCOMPARE(parsed.failure().details.value(QStringLiteral("field")).toString(), field);
}

QTEST_APPLESS_MAIN(tst_CatalogueRequests)
#include "tst_cataloguerequests.moc"
