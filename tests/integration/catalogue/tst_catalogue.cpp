#include "ShopFixture.h"
#include "TestStack.h"

#include <QtCore/QJsonArray>
#include <QtTest/QTest>

// The catalogue of API.md over real HTTP on real MariaDB: search (Hangul, prefixes,
// several words, shoppers' operators), filters, sorts, exact totals, the category
// tree and its refusals. Pictures are tst_pictures.
class tst_Catalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void productJsonAsApi();
    void skuAndCategoryRefusals();
    void search_data();
    void search();
    void hostileQueryNever500_data();
    void hostileQueryNever500();
    void badParameters_data();
    void badParameters();
    void categorySubtreeAndCounts();
    void categoryRefusals();
    void sorts();
    void popularReadsSales();
    void stockIsLive();
    void categoryNamesFollowRenamesAndMoves();
    void relevanceByName();

private:
    HttpClient::Reply get(const QString &path) { return m_shop.client().get(path, m_shopper.auth()); }
    HttpClient::Reply admin(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        return m_shop.client().send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), m_shop.admin().auth());
    }
    qint64 category(const QString &name, qint64 parent);
    qint64 product(const QJsonObject &fields);
    QList<qint64> ids(const QString &query, qint64 *total = nullptr);

    ShopFixture m_shop;
    ShopFixture::User m_shopper;
    QHash<QString, qint64> m_id;
};

qint64 tst_Catalogue::category(const QString &name, qint64 parent)
{
    QJsonObject body { { "name", name } };
    if (parent > 0)
        body.insert("parentId", parent);
    const HttpClient::Reply r = admin("POST", QStringLiteral("/api/v1/admin/categories"), body);
    return r.status == 201 ? r.json().value("id").toInteger() : 0;
}

qint64 tst_Catalogue::product(const QJsonObject &fields)
{
    const HttpClient::Reply r = admin("POST", QStringLiteral("/api/v1/admin/products"), fields);
    return r.status == 201 ? r.json().value("id").toInteger() : 0;
}

QList<qint64> tst_Catalogue::ids(const QString &query, qint64 *total)
{
    const HttpClient::Reply r = get(QStringLiteral("/api/v1/products?size=100&") + query);
    QList<qint64> out;
    if (r.status != 200)
        return { -r.status };
    for (const QJsonValue &item : r.json().value("items").toArray())
        out << item.toObject().value("id").toInteger();
    if (total)
        *total = r.json().value("total").toInteger();
    return out;
}

void tst_Catalogue::initTestCase()
{
    QVERIFY(TestStack::truncateAll());
    QVERIFY(m_shop.start(4));
    m_shopper = m_shop.newShopper();
    QVERIFY(m_shopper.id > 0);
    m_id["audio"] = category(QStringLiteral("Audio"), 0);
    m_id["earphones"] = category(QStringLiteral("Earphones"), m_id["audio"]);
    m_id["kitchen"] = category(QStringLiteral("Kitchen"), 0);
    for (const char *key : { "audio", "earphones", "kitchen" })
        QVERIFY2(m_id[key] > 0, key);
    m_id["buds"] = product({ { "name", "무선 이어폰 프로" }, { "price", 159000 }, { "stock", 5 }, { "sku", "EAR-PRO-1" },
                             { "description", "노이즈 캔슬링 블루투스 이어폰" }, { "categoryId", m_id["earphones"] } });
    m_id["speaker"] = product({ { "name", "블루투스 무선 스피커" }, { "price", 89000 }, { "stock", 0 }, { "categoryId", m_id["audio"] } });
    m_id["lamp"] = product({ { "name", "Desk lamp" }, { "price", 30000 }, { "stock", 3 }, { "description", "A warm LED lamp" } });
    m_id["tumbler"] = product({ { "name", "스테인리스 텀블러 500ml" }, { "price", 15000 }, { "stock", 9 }, { "categoryId", m_id["kitchen"] } });
    for (const char *key : { "buds", "speaker", "lamp", "tumbler" })
        QVERIFY2(m_id[key] > 0, key);
}

void tst_Catalogue::productJsonAsApi()
{
    const QJsonObject p = get(QStringLiteral("/api/v1/products/%1").arg(m_id["lamp"])).json();
    for (const char *key : { "id", "name", "price", "stock", "sku", "description", "categoryId", "images", "createdAt" })
        QVERIFY2(p.contains(QLatin1String(key)), key);
    QVERIFY(p.value("sku").isNull());
    QVERIFY(p.value("categoryId").isNull());
    QCOMPARE(p.value("images").toArray().size(), 0);
    QVERIFY(p.value("createdAt").toString().endsWith(QLatin1Char('Z')));
    const QJsonObject buds = get(QStringLiteral("/api/v1/products/%1").arg(m_id["buds"])).json();
    QCOMPARE(buds.value("sku").toString(), QStringLiteral("EAR-PRO-1"));
    QCOMPARE(buds.value("categoryId").toInteger(), m_id["earphones"]);
    QCOMPARE(buds.value("description").toString(), QStringLiteral("노이즈 캔슬링 블루투스 이어폰"));

    // PATCH: a field at a time, null clears; the other fields stay.
    HttpClient::Reply r = admin("PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(m_id["lamp"]), { { "sku", "LAMP-1" } });
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value("sku").toString(), QStringLiteral("LAMP-1"));
    QCOMPARE(r.json().value("description").toString(), QStringLiteral("A warm LED lamp"));
    r = admin("PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(m_id["lamp"]), { { "sku", QJsonValue::Null } });
    QCOMPARE(r.status, 200);
    QVERIFY(r.json().value("sku").isNull());
}

void tst_Catalogue::skuAndCategoryRefusals()
{
    HttpClient::Reply r = admin("POST", QStringLiteral("/api/v1/admin/products"),
                                { { "name", "Copy" }, { "price", 1 }, { "stock", 1 }, { "sku", "EAR-PRO-1" } });
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), QStringLiteral("SKU_TAKEN"));
    r = admin("PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(m_id["lamp"]), { { "sku", "EAR-PRO-1" } });
    QCOMPARE(r.errorCode(), QStringLiteral("SKU_TAKEN"));
    r = admin("POST", QStringLiteral("/api/v1/admin/products"), { { "name", "X" }, { "price", 1 }, { "stock", 1 }, { "categoryId", 999999 } });
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION_FAILED"));
    for (const QJsonObject &bad : { QJsonObject { { "sku", "has space" } }, QJsonObject { { "sku", QString(65, QLatin1Char('a')) } },
                                    QJsonObject { { "description", QString(5001, QLatin1Char('d')) } }, QJsonObject { { "categoryId", "x" } } }) {
        r = admin("PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(m_id["lamp"]), bad);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("error").toObject().value("details").toObject().value("field").toString(), bad.keys().first());
    }
}

void tst_Catalogue::search_data()
{
    QTest::addColumn<QString>("q");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("hangul prefix") << QStringLiteral("이어") << QStringList { "buds" };
    QTest::newRow("two-syllable word") << QStringLiteral("무선") << QStringList { "buds", "speaker" };
    QTest::newRow("several words, all must match") << QStringLiteral("블루투스 스피") << QStringList { "speaker" };
    QTest::newRow("description words") << QStringLiteral("노이즈") << QStringList { "buds" };
    QTest::newRow("english prefix") << QStringLiteral("lam") << QStringList { "lamp" };
    QTest::newRow("case-insensitive") << QStringLiteral("DESK LAMP") << QStringList { "lamp" };
    QTest::newRow("sku") << QStringLiteral("ear-pro") << QStringList { "buds" };
    QTest::newRow("one letter") << QStringLiteral("a") << QStringList { "lamp" };
    QTest::newRow("digits in a name") << QStringLiteral("500") << QStringList { "tumbler" };
    QTest::newRow("no match") << QStringLiteral("xyzzy") << QStringList {};
    QTest::newRow("a word and a miss") << QStringLiteral("무선 xyzzy") << QStringList {};
    // Issue 27: Hangul typed without its spaces, parts of words, category names.
    QTest::newRow("hangul without spaces") << QStringLiteral("무선이어폰") << QStringList { "buds" };
    QTest::newRow("the end of a word") << QStringLiteral("어폰") << QStringList { "buds" };
    QTest::newRow("across a space") << QStringLiteral("선이어") << QStringList { "buds" };
    QTest::newRow("whole name run together") << QStringLiteral("무선이어폰프로") << QStringList { "buds" };
    QTest::newRow("english inside a word") << QStringLiteral("amp") << QStringList { "lamp" };
    QTest::newRow("misspelt hangul") << QStringLiteral("이어퐁") << QStringList {};
    QTest::newRow("misspelt english") << QStringLiteral("lampz") << QStringList {};
    QTest::newRow("bigrams of two names are no match") << QStringLiteral("무선스피커텀블러") << QStringList {};
    QTest::newRow("its category") << QStringLiteral("earphones") << QStringList { "buds" };
    QTest::newRow("a category above it") << QStringLiteral("audio") << QStringList { "buds", "speaker" };
    QTest::newRow("a category and a name word") << QStringLiteral("kitchen 텀블러") << QStringList { "tumbler" };
    QTest::newRow("not across fields") << QStringLiteral("프로노이즈") << QStringList {};
}

void tst_Catalogue::search()
{
    QFETCH(QString, q);
    QFETCH(QStringList, expected);
    qint64 total = -1;
    QList<qint64> found = ids(QStringLiteral("q=") + QString::fromLatin1(QUrl::toPercentEncoding(q)), &total);
    QList<qint64> want;
    for (const QString &key : expected)
        want << m_id[key];
    std::sort(found.begin(), found.end());
    std::sort(want.begin(), want.end());
    QCOMPARE(found, want);
    QCOMPARE(total, qint64(want.size()));
}

void tst_Catalogue::hostileQueryNever500_data()
{
    QTest::addColumn<QString>("q");
    for (const char *q : { "+-*\"()~<>@", "\"", "*", "+무선 -이어", "lam*", "(desk", "@3 lamp", "' OR 1=1 --", "%", "_", "\\", "a\"b",
                           "~lamp", ">lamp <desk" })
        QTest::newRow(q) << QString::fromUtf8(q);
}

void tst_Catalogue::hostileQueryNever500()
{
    QFETCH(QString, q);
    const HttpClient::Reply r =
            get(QStringLiteral("/api/v1/products?q=") + QString::fromLatin1(QUrl::toPercentEncoding(q)));
    QCOMPARE(r.status, 200);
    QVERIFY(r.json().contains("total"));
}

void tst_Catalogue::badParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("empty q") << "q=" << "q";
    QTest::newRow("q too long") << "q=" + QString(101, QLatin1Char('a')) << "q";
    QTest::newRow("min above max") << "minPrice=10&maxPrice=5" << "minPrice";
    QTest::newRow("negative price") << "minPrice=-1" << "minPrice";
    QTest::newRow("price not a number") << "maxPrice=ten" << "maxPrice";
    QTest::newRow("inStock") << "inStock=yes" << "inStock";
    QTest::newRow("sort") << "sort=cheapest" << "sort";
    QTest::newRow("categoryId") << "categoryId=0" << "categoryId";
    QTest::newRow("unknown category") << "categoryId=987654" << "categoryId";
    QTest::newRow("size") << "size=101" << "size";
}

void tst_Catalogue::badParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const HttpClient::Reply r = get(QStringLiteral("/api/v1/products?") + query);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION_FAILED"));
    QCOMPARE(r.json().value("error").toObject().value("details").toObject().value("field").toString(), field);
}

void tst_Catalogue::categorySubtreeAndCounts()
{
    qint64 total = 0;
    QCOMPARE(ids(QStringLiteral("categoryId=%1").arg(m_id["audio"]), &total), (QList<qint64> { m_id["buds"], m_id["speaker"] }));
    QCOMPARE(total, 2);
    QCOMPARE(ids(QStringLiteral("categoryId=%1").arg(m_id["earphones"])), QList<qint64> { m_id["buds"] });
    QCOMPARE(ids(QStringLiteral("categoryId=%1&inStock=true").arg(m_id["audio"])), QList<qint64> { m_id["buds"] });
    QCOMPARE(ids(QStringLiteral("q=%1&categoryId=%2").arg(QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("무선")))).arg(m_id["earphones"])),
             QList<qint64> { m_id["buds"] });

    const QJsonArray items = get(QStringLiteral("/api/v1/categories")).json().value("items").toArray();
    QStringList paths;
    QHash<QString, qint64> counts;
    for (const QJsonValue &v : items) {
        paths << v.toObject().value("path").toString();
        counts[v.toObject().value("path").toString()] = v.toObject().value("productCount").toInteger();
    }
    // Depth first, siblings by name.
    QCOMPARE(paths.mid(0, 3), (QStringList { "Audio", "Audio/Earphones", "Kitchen" }));
    QCOMPARE(counts.value("Audio"), 2);
    QCOMPARE(counts.value("Audio/Earphones"), 1);
    QCOMPARE(counts.value("Kitchen"), 1);
}

void tst_Catalogue::categoryRefusals()
{
    const qint64 a = category(QStringLiteral("Garden"), 0);
    const qint64 b = category(QStringLiteral("Tools"), a);
    const qint64 c = category(QStringLiteral("Saws"), b);
    QVERIFY(a > 0 && b > 0 && c > 0);
    // Under itself or a descendant: a cycle.
    for (const qint64 parent : { a, c }) {
        const HttpClient::Reply r = admin("PATCH", QStringLiteral("/api/v1/admin/categories/%1").arg(a), { { "parentId", parent } });
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("VALIDATION_FAILED"));
    }
    // Siblings' names are unique, roots included.
    QCOMPARE(admin("POST", QStringLiteral("/api/v1/admin/categories"), { { "name", "Garden" } }).errorCode(), QStringLiteral("NAME_TAKEN"));
    QCOMPARE(admin("POST", QStringLiteral("/api/v1/admin/categories"), { { "name", "Saws" }, { "parentId", b } }).errorCode(),
             QStringLiteral("NAME_TAKEN"));
    // A move carries the subtree: Saws moves to the root, then Tools under Kitchen.
    HttpClient::Reply r = admin("PATCH", QStringLiteral("/api/v1/admin/categories/%1").arg(b), { { "parentId", m_id["kitchen"] }, { "name", "Knives" } });
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value("path").toString(), QStringLiteral("Kitchen/Knives"));
    const qint64 knife = product({ { "name", "Knife" }, { "price", 100 }, { "stock", 1 }, { "categoryId", c } });
    QVERIFY(ids(QStringLiteral("categoryId=%1").arg(m_id["kitchen"])).contains(knife));
    // Not empty while it holds categories or products.
    QCOMPARE(admin("DELETE", QStringLiteral("/api/v1/admin/categories/%1").arg(b)).errorCode(), QStringLiteral("CATEGORY_NOT_EMPTY"));
    QCOMPARE(admin("DELETE", QStringLiteral("/api/v1/admin/categories/%1").arg(c)).errorCode(), QStringLiteral("CATEGORY_NOT_EMPTY"));
    QCOMPARE(admin("PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(knife), { { "categoryId", QJsonValue::Null } }).status, 200);
    QCOMPARE(admin("DELETE", QStringLiteral("/api/v1/admin/categories/%1").arg(c)).status, 204);
    QCOMPARE(admin("DELETE", QStringLiteral("/api/v1/admin/categories/%1").arg(b)).status, 204);
    QCOMPARE(admin("DELETE", QStringLiteral("/api/v1/admin/categories/%1").arg(b)).status, 404);
}

void tst_Catalogue::sorts()
{
    const QString audio = QStringLiteral("categoryId=%1&").arg(m_id["audio"]);
    QCOMPARE(ids(audio + "sort=price"), (QList<qint64> { m_id["speaker"], m_id["buds"] }));
    QCOMPARE(ids(audio + "sort=-price"), (QList<qint64> { m_id["buds"], m_id["speaker"] }));
    QCOMPARE(ids(audio + "sort=newest"), (QList<qint64> { m_id["speaker"], m_id["buds"] }));
    QCOMPARE(ids(audio + "sort=id"), (QList<qint64> { m_id["buds"], m_id["speaker"] }));
    QCOMPARE(ids(QStringLiteral("minPrice=15000&maxPrice=30000&sort=price")), (QList<qint64> { m_id["tumbler"], m_id["lamp"] }));
    // Pages: exact total whatever the page, no item twice.
    qint64 total = 0;
    const QList<qint64> first = ids(QStringLiteral("size=1&page=1&sort=price"), &total);
    QVERIFY(total >= 4);
    const HttpClient::Reply second = get(QStringLiteral("/api/v1/products?size=1&page=2&sort=price"));
    QCOMPARE(second.json().value("total").toInteger(), total);
    QVERIFY(second.json().value("items").toArray().first().toObject().value("id").toInteger() != first.value(0));
}

void tst_Catalogue::popularReadsSales()
{
    // Sales are in the hourly aggregate (what orders keep), not in orders.
    QCOMPARE(m_shop.execute(QStringLiteral("INSERT INTO product_sales_hourly (bucket_start, product_id, units, revenue) "
                                           "VALUES (DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:00:00'), ?, 7, 7), "
                                           "(DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:00:00'), ?, 3, 3), "
                                           "(UTC_TIMESTAMP() - INTERVAL 5 DAY, ?, 100, 100)"),
                            { m_id["tumbler"], m_id["lamp"], m_id["buds"] }),
             3);
    const QList<qint64> popular = ids(QStringLiteral("sort=popular&size=3"));
    QCOMPARE(popular.mid(0, 2), (QList<qint64> { m_id["tumbler"], m_id["lamp"] }));
}

void tst_Catalogue::stockIsLive()
{
    const QString lampQuery = QStringLiteral("/api/v1/products?q=lamp");
    QCOMPARE(get(lampQuery).json().value("items").toArray().first().toObject().value("stock").toInteger(), 3);
    QVERIFY(m_shop.charge(m_shopper, 100000));
    const HttpClient::Reply order = m_shop.client().post(
            QStringLiteral("/api/v1/orders"),
            { { "userId", m_shopper.id }, { "items", QJsonArray { QJsonObject { { "productId", m_id["lamp"] }, { "quantity", 2 } } } } },
            m_shopper.auth());
    QCOMPARE(order.status, 201);
    QCOMPARE(get(lampQuery).json().value("items").toArray().first().toObject().value("stock").toInteger(), 1);
    QCOMPARE(get(QStringLiteral("/api/v1/products/%1").arg(m_id["lamp"])).json().value("stock").toInteger(), 1);
}

void tst_Catalogue::categoryNamesFollowRenamesAndMoves()
{
    // A product found only by its category's name ("earbuds" is in no product field).
    const qint64 earbuds = category(QStringLiteral("Wireless Earbuds"), 0);
    QVERIFY(earbuds > 0);
    const qint64 galaxy = product({ { "name", "갤럭시 버즈3" }, { "price", 199000 }, { "stock", 4 }, { "categoryId", earbuds } });
    QVERIFY(galaxy > 0);
    QCOMPARE(ids(QStringLiteral("q=earbuds")), QList<qint64> { galaxy });
    QCOMPARE(ids(QStringLiteral("q=wirelessearbuds")), QList<qint64> { galaxy });
    QCOMPARE(ids(QStringLiteral("q=%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("버즈"))))), QList<qint64> { galaxy });

    // A rename: the cached answer for "earbuds" goes with it, the new name finds it.
    QCOMPARE(admin("PATCH", QStringLiteral("/api/v1/admin/categories/%1").arg(earbuds), { { "name", "True Wireless" } }).status, 200);
    QCOMPARE(ids(QStringLiteral("q=earbuds")), QList<qint64> {});
    QCOMPARE(ids(QStringLiteral("q=true%20wireless")), QList<qint64> { galaxy });

    // A move under Audio: "audio" now finds it too, with Audio's two.
    QCOMPARE(admin("PATCH", QStringLiteral("/api/v1/admin/categories/%1").arg(earbuds), { { "parentId", m_id["audio"] } }).status, 200);
    QList<qint64> audio = ids(QStringLiteral("q=audio"));
    std::sort(audio.begin(), audio.end());
    QCOMPARE(audio, (QList<qint64> { m_id["buds"], m_id["speaker"], galaxy }));

    // A product's new name is searched, its old one no longer.
    QCOMPARE(admin("PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(galaxy), { { "name", "버즈 프로 3" } }).status, 200);
    QCOMPARE(ids(QStringLiteral("q=%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("갤럭시"))))), QList<qint64> {});
    QCOMPARE(ids(QStringLiteral("q=%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("버즈프로"))))), QList<qint64> { galaxy });
    // Its category leaves it: no category name finds it.
    QCOMPARE(admin("PATCH", QStringLiteral("/api/v1/admin/products/%1").arg(galaxy), { { "categoryId", QJsonValue::Null } }).status, 200);
    QCOMPARE(ids(QStringLiteral("q=wireless")), QList<qint64> {});
}

void tst_Catalogue::relevanceByName()
{
    // "이어폰" begins this name (ranked first though newer), is inside buds' name, and only
    // in the description of the third.
    const qint64 cases = product({ { "name", "이어폰 케이스" }, { "price", 9000 }, { "stock", 2 } });
    const qint64 cable = product({ { "name", "충전 케이블" }, { "price", 5000 }, { "stock", 2 }, { "description", "이어폰 충전용" } });
    QVERIFY(cases > 0 && cable > 0);
    const QString q = QStringLiteral("q=%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("이어폰"))));
    QCOMPARE(ids(q), (QList<qint64> { cases, m_id["buds"], cable }));
    QCOMPARE(ids(q + QStringLiteral("&sort=id")), (QList<qint64> { m_id["buds"], cases, cable }));
    QCOMPARE(ids(q + QStringLiteral("&sort=price")), (QList<qint64> { cable, cases, m_id["buds"] }));
}

QTEST_GUILESS_MAIN(tst_Catalogue)
#include "tst_catalogue.moc"
