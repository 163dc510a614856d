#include "Database.h"
#include "Migrator.h"
#include "TestStack.h"

#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

// The search index of migration 0011 (issue 27) on a shop that had products before it:
// each product's normalised text and bigrams, written out by hand, and a second run
// that changes nothing. What the shop keeps up to date afterwards is tst_catalogue's.
class tst_SearchIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void olderShopGetsItsIndex();

private:
    MysqlEndpoint m_root;
};

void tst_SearchIndex::initTestCase()
{
    LocalStack *stack = TestStack::instance();
    QVERIFY(stack);
    m_root = MysqlEndpoint::fromUrl(stack->mysql().url()).value();
}

void tst_SearchIndex::olderShopGetsItsIndex()
{
    const QString name = QStringLiteral("migrate_search_index");
    {
        Database admin(m_root, QStringLiteral("admin-search-index"));
        QVERIFY(admin.open().ok());
        QSqlQuery q(admin.handle());
        QVERIFY(q.exec(QStringLiteral("DROP DATABASE IF EXISTS `%1`").arg(name)));
        QVERIFY(q.exec(QStringLiteral("CREATE DATABASE `%1`").arg(name)));
    }
    MysqlEndpoint endpoint = m_root;
    endpoint.database = name;
    Database db(endpoint, QStringLiteral("m-search-index"));
    QVERIFY(db.open().ok());
    Migrator migrator(db);
    QVERIFY(migrator.migrate(QStringLiteral("0010_shipping")).ok());

    // A shop as 0010 left it: a category under another, a product in it, one in none.
    QSqlQuery q(db.handle());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO categories (id, parent_id, name, path) VALUES "
                                  "(1, NULL, '음향기기 Audio', '/1/'), (2, 1, 'Wireless Earbuds', '/1/2/')")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO products (id, name, price, stock, sku, description, category_id) VALUES "
                                  "(1, '무선 이어폰 프로', 159000, 5, 'EAR-PRO-1', '노이즈 캔슬링!', 2), "
                                  "(2, 'Desk lamp', 30000, 3, NULL, '', NULL)")));

    const Result<QStringList> forward = migrator.migrate();
    QVERIFY2(forward.ok(), forward.ok() ? "" : qPrintable(forward.failure().message));
    QCOMPARE(forward.value(), QStringList { QStringLiteral("0011_search_grams") });

    const auto rows = [&q]() {
        QStringList out;
        if (q.exec(QStringLiteral("SELECT product_id, name_text, body FROM product_search ORDER BY product_id")))
            while (q.next())
                out << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString() + QLatin1Char(' ') + q.value(2).toString();
        return out;
    };
    const QStringList expectedRows { QStringLiteral("1 무선 이어폰 프로 |무선 이어폰 프로|노이즈 캔슬링|ear pro 1#음향기기 audio|wireless earbuds"),
                                     QStringLiteral("2 desk lamp |desk lamp||#") };
    QCOMPARE(rows(), expectedRows);

    const auto grams = [&q](int product) {
        QStringList out;
        if (q.exec(QStringLiteral("SELECT gram FROM product_search_grams WHERE product_id = %1 ORDER BY gram").arg(product)))
            while (q.next())
                out << q.value(0).toString();
        return out;
    };
    // Fields with their spaces gone: 무선이어폰프로 | 노이즈캔슬링 | earpro1 # 음향기기audio | wirelessearbuds.
    // "ea", "ar" (SKU and category) and "ud" (both categories) are one row each.
    QStringList first { "무선", "선이", "이어", "어폰", "폰프", "프로", "노이", "이즈", "즈캔", "캔슬", "슬링", "ea", "ar", "rp",
                        "pr", "ro", "o1", "음향", "향기", "기기", "기a", "au", "ud", "di", "io", "wi", "ir", "re",
                        "el", "le", "es", "ss", "se", "rb", "bu", "ds" };
    QStringList second { "de", "es", "sk", "kl", "la", "am", "mp" };
    const auto sorted = [&q](QStringList list) {
        // The database's order (utf8mb4_bin: by code point), as the query sorts them.
        std::sort(list.begin(), list.end(), [](const QString &a, const QString &b) { return a.toUcs4() < b.toUcs4(); });
        return list;
    };
    QCOMPARE(grams(1), sorted(first));
    QCOMPARE(grams(2), sorted(second));

    // The FULLTEXT index it replaces is gone.
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() "
                                  "AND table_name = 'products' AND index_name = 'ft_products_search'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);

    // Again over a shop that has moved on: the index follows the products as they are.
    QVERIFY(q.exec(QStringLiteral("UPDATE products SET name = 'Desk lamp XL' WHERE id = 2")));
    QVERIFY(q.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = '0011_search_grams'")));
    const Result<QStringList> again = migrator.migrate();
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.failure().message));
    QCOMPARE(again.value(), QStringList { QStringLiteral("0011_search_grams") });
    QCOMPARE(rows(), (QStringList { expectedRows.first(), QStringLiteral("2 desk lamp xl |desk lamp xl||#") }));
    QCOMPARE(grams(1), sorted(first));
    QCOMPARE(grams(2), sorted(second << "px" << "xl"));
}

QTEST_GUILESS_MAIN(tst_SearchIndex)
#include "tst_searchindex.moc"
