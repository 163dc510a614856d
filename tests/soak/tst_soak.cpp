#include "Database.h"
#include "OutboxRepository.h"
#include "ShopFixture.h"
#include "SoakLoad.h"
#include "Loopback.h"
#include "TestStack.h"

#include <QtCore/QFile>
#include <QtCore/QLoggingCategory>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

// A shop that runs for months, compressed: STOREFRONT_SOAK_ORDERS orders (2,000 in the
// default suite, 20,000 under the `soak` label) with charges, claims, cancels and
// replayed Idempotency-Keys between them, at a steady concurrency against one
// `storefront-server` process on the test stack. After warm-up nothing may grow with
// the orders: MariaDB's prepared statements, the server process's memory, an order's
// latency; and the shop is exact at the end. (The in-process fixture server only sets
// the shop up; the Kafka mock, which keeps every event in memory, lives in this test
// process, not the server's.)
class tst_Soak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void nothingGrowsPerOrder();

private:
    qint64 preparedStatements();
    qint64 residentKiB() const;

    ShopFixture m_shop;
    std::unique_ptr<Database> m_db;
    QProcess m_server;
    QUrl m_serverUrl;
};

void tst_Soak::initTestCase()
{
    // One line per request would be most of the run's output.
    QLoggingCategory::setFilterRules(QStringLiteral("storefront.http.requests.info=false"));
    QVERIFY(TestStack::instance());
    QVERIFY(TestStack::truncateAll());
    QVERIFY(m_shop.start(2));
    m_db = std::make_unique<Database>(MysqlEndpoint::fromUrl(TestStack::instance()->mysql().url()).value(),
                                      QStringLiteral("soak-probe"));
    QVERIFY(m_db->open());

    const QString binary = qEnvironmentVariable("STOREFRONT_SERVER_BINARY");
    QVERIFY2(!binary.isEmpty(), "STOREFRONT_SERVER_BINARY is not set (run through ctest)");
    LocalStack *stack = TestStack::instance();
    const quint16 port = Loopback::freePort();
    m_serverUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("storefront.http.requests.info=false"));
    m_server.setProcessEnvironment(environment);
    m_server.start(binary, { QStringLiteral("serve"), QStringLiteral("--mysql"), stack->mysql().url(), QStringLiteral("--redis"),
                             stack->redis().url(), QStringLiteral("--kafka"), stack->kafka().bootstrapServers(),
                             QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--workers"),
                             QStringLiteral("8"), QStringLiteral("--data-platform"), QStringLiteral("off"),
                             QStringLiteral("--token-secret"), QStringLiteral("test-secret-test-secret-test-secret") });
    QVERIFY(m_server.waitForStarted());
    HttpClient probe(m_serverUrl);
    QTRY_VERIFY_WITH_TIMEOUT(probe.get(QStringLiteral("/readyz")).status == 200, 30000);
}

void tst_Soak::cleanupTestCase()
{
    if (m_server.state() != QProcess::NotRunning) {
        m_server.terminate();
        m_server.waitForFinished(30000);
    }
    m_db.reset();
    m_shop.stop();
}

qint64 tst_Soak::preparedStatements()
{
    const auto row = m_db->run(QStringLiteral("SHOW GLOBAL STATUS LIKE 'Prepared_stmt_count'"));
    if (!row || !row.value()->next())
        return -1;
    return row.value()->value(1).toLongLong();
}

qint64 tst_Soak::residentKiB() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(m_server.processId()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpression rss(QStringLiteral("VmRSS:\\s+(\\d+) kB"));
    return rss.match(QString::fromLatin1(status.readAll())).captured(1).toLongLong();
}

void tst_Soak::nothingGrowsPerOrder()
{
    const int orders = qEnvironmentVariableIsSet("STOREFRONT_SOAK_ORDERS") ? qEnvironmentVariableIntValue("STOREFRONT_SOAK_ORDERS")
                                                                            : 2000;
    QVERIFY(orders >= 100);
    const int shoppers = 40;
    // Claims are one in ten steps (half as many as orders... see SoakLoad's rhythm):
    // enough coupons that none runs out.
    const int coupons = orders * 3 / 10 / shoppers + 2;

    QList<ShopFixture::User> users;
    for (int i = 0; i < shoppers; ++i) {
        users << m_shop.newShopper();
        QVERIFY(users.last().id > 0);
        QVERIFY(m_shop.charge(users.last(), 5'000'000));
    }
    QList<qint64> products;
    for (int i = 0; i < 50; ++i) {
        products << m_shop.createProduct(QStringLiteral("Soak %1").arg(i), 100 + i, 1'000'000);
        QVERIFY(products.last() > 0);
    }
    QList<qint64> couponIds;
    for (int i = 0; i < coupons; ++i) {
        couponIds << m_shop.createCoupon(i % 2 ? QStringLiteral("RATE") : QStringLiteral("FIXED"), i % 2 ? 10 : 50, 1'000'000);
        QVERIFY(couponIds.last() > 0);
    }

    SoakLoad load(m_serverUrl, users, products, couponIds, orders, 6);
    QElapsedTimer clock;
    clock.start();
    qint64 warmStatements = -1;
    qint64 warmKiB = -1;
    qint64 peakStatements = 0;
    qint64 peakKiB = 0;
    // Warm-up: every worker's connection has met each path, and the relay most of its
    // batch shapes (fixed sizes, SqlBatch), which first appear as deliveries vary.
    const int warmUp = qMax(orders / 10, qMin(orders / 2, 1000));
    load.onProgress([&](int n) {
        if (n % qMax(1, orders / 50) != 0)
            return;
        const qint64 statements = preparedStatements();
        const qint64 kib = residentKiB();
        // Warm-up also covers the first retention sweep (10 s after start), whose few
        // statements are prepared once.
        if (n >= warmUp && clock.elapsed() > 12000 && warmStatements < 0) {
            warmStatements = statements;
            warmKiB = kib;
        }
        peakStatements = qMax(peakStatements, statements);
        if (warmStatements >= 0)
            peakKiB = qMax(peakKiB, kib);
        qInfo("soak: order %d, prepared statements %lld, server RSS %lld KiB", n, statements, kib);
    });
    load.start();
    QTRY_VERIFY_WITH_TIMEOUT(load.finished(), orders * 50 + 60000);
    const qint64 seconds = qMax<qint64>(1, clock.elapsed() / 1000);
    // Let the relay finish publishing, then read the final figures.
    OutboxRepository outbox(*m_db);
    QTRY_VERIFY_WITH_TIMEOUT(outbox.counts() && outbox.counts()->pending == 0, 30000);
    const qint64 endStatements = preparedStatements();
    const qint64 endKiB = residentKiB();

    const SoakLoad::Figures &f = load.figures();
    qInfo("soak: %d orders, %d charges, %d claims, %d cancels, %d replays in %lld s (%lld orders/s)", f.orders,
          f.charges, f.claims, f.cancels, f.replays, seconds, f.orders / seconds);
    qInfo("soak: prepared statements after warm-up %lld, peak %lld, end %lld", warmStatements, peakStatements,
          endStatements);
    qInfo("soak: server RSS after warm-up %lld KiB, peak %lld KiB, end %lld KiB", warmKiB, peakKiB, endKiB);
    QString tenths;
    for (double ms : f.orderMeanMs)
        tenths += QString::number(ms, 'f', 2) + QLatin1Char(' ');
    qInfo("soak: order mean latency per tenth (ms): %s", qPrintable(tenths));

    QVERIFY2(f.unexpected == 0, qPrintable(QStringLiteral("%1 unexpected answers, first: %2").arg(f.unexpected).arg(f.firstUnexpected)));
    QCOMPARE(f.orders, orders);
    QVERIFY(f.charges > 0 && f.claims > 0 && f.cancels > 0 && f.replays > 0);
    // Statements: a few late first uses are allowed (a relay batch of a size not seen
    // yet); the outbox leak added about 1.8 per order.
    QVERIFY2(endStatements - warmStatements <= 8,
             qPrintable(QStringLiteral("prepared statements grew %1 → %2").arg(warmStatements).arg(endStatements)));
    QVERIFY2(endKiB - warmKiB <= 16 * 1024, qPrintable(QStringLiteral("RSS grew %1 → %2 KiB").arg(warmKiB).arg(endKiB)));
    QVERIFY2(f.orderMeanMs[9] <= 1.5 * f.orderMeanMs[0],
             qPrintable(QStringLiteral("order latency first tenth %1 ms, last %2 ms").arg(f.orderMeanMs[0]).arg(f.orderMeanMs[9])));
    const QString violations = m_shop.invariantViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations));
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM orders")), qint64(orders));
}

QTEST_GUILESS_MAIN(tst_Soak)
#include "tst_soak.moc"
