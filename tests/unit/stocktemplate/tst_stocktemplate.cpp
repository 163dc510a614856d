#include "StockTemplate.h"

#include <QtTest/QtTest>

// A cached catalogue answer is its stored bytes with the live stocks written in: the
// bytes out must be exactly the answer QJsonDocument would have written with them.
class tst_StockTemplate : public QObject
{
    Q_OBJECT

private slots:
    void render_data();
    void render();
    void storedForm();
    void refusesWhatItDidNotWrite_data();
    void refusesWhatItDidNotWrite();
    void refusesStocksThatDoNotMatch();
};

void tst_StockTemplate::render_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::addColumn<QList<qint64>>("stocks");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("product, fewer digits")
            << QByteArray(R"({"categoryId":null,"id":7,"images":[],"name":"Kettle","price":1000,"sku":"K-1","stock":1000})")
            << QList<qint64> { 7 } << QList<qint64> { 7 }
            << QByteArray(R"({"categoryId":null,"id":7,"images":[],"name":"Kettle","price":1000,"sku":"K-1","stock":7})");
    QTest::newRow("product, more digits")
            << QByteArray(R"({"id":7,"name":"Kettle","stock":0})") << QList<qint64> { 7 } << QList<qint64> { 12345 }
            << QByteArray(R"({"id":7,"name":"Kettle","stock":12345})");
    QTest::newRow("page of two")
            << QByteArray(R"({"items":[{"id":1,"stock":5},{"id":2,"stock":0}],"page":1,"size":2,"total":2})")
            << QList<qint64> { 1, 2 } << QList<qint64> { 12, 3 }
            << QByteArray(R"({"items":[{"id":1,"stock":12},{"id":2,"stock":3}],"page":1,"size":2,"total":2})");
    QTest::newRow("empty page")
            << QByteArray(R"({"items":[],"page":3,"size":20,"total":0})") << QList<qint64> {} << QList<qint64> {}
            << QByteArray(R"({"items":[],"page":3,"size":20,"total":0})");
    QTest::newRow("stock in a name is text")
            << QByteArray(R"({"id":3,"name":"\"stock\":9 in stock","stock":4})") << QList<qint64> { 3 } << QList<qint64> { 100 }
            << QByteArray(R"({"id":3,"name":"\"stock\":9 in stock","stock":100})");
    QTest::newRow("top items, stock between keys")
            << QByteArray(R"([{"name":"A","price":10,"productId":4,"rank":1,"soldQuantity":9,"stock":2},)"
                          R"({"name":"B","price":20,"productId":8,"rank":2,"soldQuantity":3,"stock":60}])")
            << QList<qint64> { 4, 8 } << QList<qint64> { 0, 59 }
            << QByteArray(R"([{"name":"A","price":10,"productId":4,"rank":1,"soldQuantity":9,"stock":0},)"
                          R"({"name":"B","price":20,"productId":8,"rank":2,"soldQuantity":3,"stock":59}])");
}

void tst_StockTemplate::render()
{
    QFETCH(QByteArray, json);
    QFETCH(QList<qint64>, ids);
    QFETCH(QList<qint64>, stocks);
    QFETCH(QByteArray, expected);

    const std::optional<StockTemplate> built = StockTemplate::fromJson(json, ids);
    QVERIFY(built);
    QCOMPARE(built->productIds(), ids);
    QCOMPARE(built->render(stocks), expected);
    // As Redis hands it back.
    const std::optional<StockTemplate> stored = StockTemplate::parse(built->serialise());
    QVERIFY(stored);
    QCOMPARE(stored->productIds(), ids);
    QCOMPARE(stored->render(stocks), expected);
    // The stocks it was built with give the answer it was built from.
    QCOMPARE(stored->render(stored->storedStocks()), json);
}

void tst_StockTemplate::storedForm()
{
    // The first line is what the cache's Lua script reads: whose stocks to fetch.
    const std::optional<StockTemplate> built = StockTemplate::fromJson(
            R"({"items":[{"id":1,"stock":5},{"id":2,"stock":0}],"page":1,"size":2,"total":2})", { 1, 2 });
    QVERIFY(built);
    QCOMPARE(built->serialise(),
             QByteArray("1,2\n26,44\n5,0\n" R"({"items":[{"id":1,"stock":},{"id":2,"stock":}],"page":1,"size":2,"total":2})"));
    QCOMPARE(StockTemplate::fromJson(R"({"items":[],"total":0})", {})->serialise(), QByteArray("\n\n\n{\"items\":[],\"total\":0}"));
}

void tst_StockTemplate::refusesWhatItDidNotWrite_data()
{
    QTest::addColumn<QByteArray>("stored");
    QTest::newRow("an entry of the JSON kind") << QByteArray(R"({"id":7,"name":"Kettle","stock":3})");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("two lines only") << QByteArray("7\n3\n{\"stock\":}");
    QTest::newRow("fewer offsets than ids") << QByteArray("7,8\n9\n1,2\n{\"stock\":}");
    QTest::newRow("offset past the bytes") << QByteArray("7\n99\n1\n{\"stock\":}");
    QTest::newRow("offsets backwards") << QByteArray("7,8\n9,2\n1,2\n{\"stock\":},{\"stock\":}");
    QTest::newRow("not a number") << QByteArray("7\nx\n1\n{\"stock\":}");
}

void tst_StockTemplate::refusesWhatItDidNotWrite()
{
    QFETCH(QByteArray, stored);
    QVERIFY(!StockTemplate::parse(stored));
}

void tst_StockTemplate::refusesStocksThatDoNotMatch()
{
    QVERIFY(!StockTemplate::fromJson(R"({"id":1,"stock":5})", { 1, 2 }));
    QVERIFY(!StockTemplate::fromJson(R"({"id":1,"stock":5})", {}));
    QVERIFY(!StockTemplate::fromJson(R"({"id":1,"stock":null})", { 1 }));
}

QTEST_APPLESS_MAIN(tst_StockTemplate)
#include "tst_stocktemplate.moc"
