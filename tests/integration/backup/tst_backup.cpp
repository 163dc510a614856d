#include "BackupService.h"
#include "Database.h"
#include "HttpClient.h"
#include "InvariantChecker.h"
#include "LocalStack.h"
#include "ShopCommands.h"
#include "StorefrontServer.h"

#include <QtCore/QBuffer>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QLoggingCategory>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtGui/QImage>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

#include <atomic>
#include <memory>
#include <thread>

// Backups (API.md, Operations; issue 25): a shop with orders, refunds, pictures, its
// stock ledger and audit rows backed up while orders keep being paid, restored into a
// new stack and compared with what was there; a restore to a moment between two
// orders; damaged, newer and unwritable cases refused. The shop's stack keeps its
// binary log (binlog = on), as a restore to a moment needs.
class tst_Backup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void backupWhileOrdersArePaid();
    void restoredShopIsTheSame();
    void verifyChecksTheRestore();
    void restoreToAMoment();
    void damagedBackupRefused();
    void newerSchemaRefused();
    void nonEmptyDatabaseRefusedUnlessReplace();
    void unwritableTargetLeavesNothing();
    void twoBackupsInOneSecond();

private:
    struct Shopper {
        qint64 id = 0;
        QHash<QByteArray, QByteArray> auth;
    };
    Shopper shopper(const QString &name);
    int placeOrder(const Shopper &who, qint64 productId);
    static qint64 count(const MysqlEndpoint &endpoint, const QString &sql);
    static QByteArray bytes(const MysqlEndpoint &endpoint, const QString &sql);
    MysqlEndpoint shopEndpoint() const { return MysqlEndpoint::fromUrl(m_stack->mysql().url()).value(); }
    // A new, empty stack to restore into.
    std::unique_ptr<LocalStack> freshStack();

    std::unique_ptr<LocalStack> m_stack;
    std::unique_ptr<StorefrontServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    QHash<QByteArray, QByteArray> m_admin;
    QTemporaryDir m_backups;
    QString m_taken; // the folder backupWhileOrdersArePaid made
    qint64 m_product = 0;
    Shopper m_buyer;
};

void tst_Backup::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("storefront.http.requests.info=false"));
    m_stack = std::make_unique<LocalStack>(LocalStack::Mode::Ephemeral);
    m_stack->mysql().setBinaryLog(true);
    QVERIFY(m_stack->start().ok());
    ServerConfig config;
    config.listenPort = 0;
    config.workers = 4;
    config.dataPlatform = true;
    config.passwordIterations = 1000;
    config.adminPassword = QStringLiteral("backup-admin-1");
    config.mysqlUrl = m_stack->mysql().url();
    config.redisUrl = m_stack->redis().url();
    config.kafkaBrokers = m_stack->kafka().bootstrapServers();
    m_server = std::make_unique<StorefrontServer>(config);
    QVERIFY(m_server->start().ok());
    m_client = std::make_unique<HttpClient>(QUrl(m_server->baseUrl()));
    const HttpClient::Reply login = m_client->post(QStringLiteral("/api/v1/auth/login"),
                                                   { { "username", "admin" }, { "password", "backup-admin-1" } });
    QCOMPARE(login.status, 200);
    m_admin = { { "Authorization", "Bearer " + login.json().value("token").toString().toLatin1() } };

    // A shop with something of everything: products (one with a picture), a coupon,
    // orders, a refund, a stock adjustment (ledger and audit rows).
    const HttpClient::Reply product = m_client->post(QStringLiteral("/api/v1/admin/products"),
                                                     { { "name", "백업 녹차" }, { "price", 1000 }, { "stock", 100000 } }, m_admin);
    QCOMPARE(product.status, 201);
    m_product = product.json().value("id").toInteger();
    QImage image(320, 200, QImage::Format_RGB32);
    image.fill(QColor(200, 40, 90));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    QHash<QByteArray, QByteArray> upload = m_admin;
    upload.insert("Content-Type", "image/png");
    QCOMPARE(m_client->send("POST", QStringLiteral("/api/v1/admin/products/%1/images").arg(m_product), png, upload).status, 201);
    QCOMPARE(m_client->post(QStringLiteral("/api/v1/admin/products/%1/stock").arg(m_product), { { "delta", 5 }, { "reason", "입고" } }, m_admin)
                     .status,
             200);
    m_buyer = shopper(QStringLiteral("backup-buyer"));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(placeOrder(m_buyer, m_product), 201);
    const qint64 first = count(shopEndpoint(), QStringLiteral("SELECT MIN(id) FROM orders"));
    QCOMPARE(m_client->post(QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(first),
                            { { "lines", QJsonArray { QJsonObject { { "productId", m_product }, { "quantity", 1 } } } },
                              { "restock", true }, { "reason", "고객 변심" } },
                            m_admin)
                     .status,
             201);
    // The data platform has stored the events it was sent.
    QTRY_VERIFY_WITH_TIMEOUT(count(shopEndpoint(), QStringLiteral("SELECT COUNT(*) FROM data_platform_events")) >= 6, 20000);
}

void tst_Backup::cleanupTestCase()
{
    m_client.reset();
    m_server.reset();
    m_stack.reset();
}

tst_Backup::Shopper tst_Backup::shopper(const QString &name)
{
    const QJsonObject who { { "username", name }, { "password", "password-123" } };
    m_client->post(QStringLiteral("/api/v1/auth/register"), who);
    const HttpClient::Reply login = m_client->post(QStringLiteral("/api/v1/auth/login"), who);
    Shopper s { login.json().value("user").toObject().value("id").toInteger(),
                { { "Authorization", "Bearer " + login.json().value("token").toString().toLatin1() } } };
    m_client->post(QStringLiteral("/api/v1/users/%1/balance/charge").arg(s.id), { { "amount", 10'000'000 } }, s.auth);
    return s;
}

int tst_Backup::placeOrder(const Shopper &who, qint64 productId)
{
    return m_client
            ->post(QStringLiteral("/api/v1/orders"),
                   { { "userId", who.id }, { "items", QJsonArray { QJsonObject { { "productId", productId }, { "quantity", 1 } } } } },
                   who.auth)
            .status;
}

qint64 tst_Backup::count(const MysqlEndpoint &endpoint, const QString &sql)
{
    Database db(endpoint, QStringLiteral("backup-count"));
    if (!db.open())
        return -1;
    QSqlQuery q(db.handle());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

QByteArray tst_Backup::bytes(const MysqlEndpoint &endpoint, const QString &sql)
{
    Database db(endpoint, QStringLiteral("backup-bytes"));
    if (!db.open())
        return {};
    QSqlQuery q(db.handle());
    return q.exec(sql) && q.next() ? q.value(0).toByteArray() : QByteArray();
}

std::unique_ptr<LocalStack> tst_Backup::freshStack()
{
    auto stack = std::make_unique<LocalStack>(LocalStack::Mode::Ephemeral);
    if (!stack->start().ok())
        return nullptr;
    return stack;
}

void tst_Backup::backupWhileOrdersArePaid()
{
    // The backup runs on its own thread while this one keeps paying orders: none is
    // refused or lost, and the backup is one consistent snapshot of them.
    std::atomic<bool> done { false };
    Result<BackupService::Taken> taken = Failure { ErrorCode::Internal, QStringLiteral("not run"), {} };
    const MysqlEndpoint endpoint = shopEndpoint();
    const QString binlogDir = m_stack->mysql().binaryLogDir();
    std::thread backup([&] {
        taken = BackupService(endpoint, binlogDir).backup(m_backups.path());
        done = true;
    });
    int paid = 0;
    int refused = 0;
    while (!done || paid < 20) {
        (placeOrder(m_buyer, m_product) == 201 ? paid : refused) += 1;
        QCoreApplication::processEvents();
    }
    backup.join();
    QVERIFY2(taken.ok(), taken.ok() ? "" : qPrintable(taken.failure().message));
    QCOMPARE(refused, 0);
    m_taken = taken->folder;
    QVERIFY(QFileInfo(m_taken).fileName().startsWith(QLatin1String("storefront-")));
    QVERIFY(!QFileInfo::exists(m_taken + QStringLiteral(".partial")));
    const BackupManifest &manifest = taken->manifest;
    QCOMPARE(manifest.schemaVersion, BackupService::latestSchema());
    QVERIFY(!manifest.binaryLogFile.isEmpty());
    QVERIFY(manifest.binaryLogPosition > 0);
    // Every table, with the snapshot's rows: what was there before the backup began at
    // least, and never more orders than exist now.
    for (const char *table : { "users", "balances", "balance_ledger", "products", "product_images", "orders", "order_lines",
                               "refunds", "stock_ledger", "audit_log", "outbox", "data_platform_events", "schema_migrations" })
        QVERIFY2(manifest.rows.contains(QString::fromLatin1(table)), table);
    QVERIFY(manifest.rows.value(QStringLiteral("orders")) >= 5);
    QVERIFY(manifest.rows.value(QStringLiteral("orders")) <= count(endpoint, QStringLiteral("SELECT COUNT(*) FROM orders")));
    QCOMPARE(manifest.rows.value(QStringLiteral("product_images")), 1);
    QCOMPARE(manifest.rows.value(QStringLiteral("refunds")), 1);
    QVERIFY(manifest.rows.value(QStringLiteral("data_platform_events")) >= 6);
    QCOMPARE(manifest.files.size(), 1);
    QVERIFY(manifest.checkFiles(m_taken).ok());
    QVERIFY(BackupManifest::read(m_taken).ok());
}

void tst_Backup::restoredShopIsTheSame()
{
    QVERIFY(!m_taken.isEmpty());
    auto target = freshStack();
    QVERIFY(target);
    const MysqlEndpoint restoredAt = MysqlEndpoint::fromUrl(target->mysql().url()).value();
    const Result<BackupManifest> restored = BackupService(restoredAt).restore(m_taken, {});
    QVERIFY2(restored.ok(), restored.ok() ? "" : qPrintable(restored.failure().message));
    for (auto it = restored->rows.cbegin(); it != restored->rows.cend(); ++it)
        QVERIFY2(count(restoredAt, QStringLiteral("SELECT COUNT(*) FROM `%1`").arg(it.key())) == it.value(), qPrintable(it.key()));
    // Every balance equals its ledger, and every other invariant holds.
    QCOMPARE(count(restoredAt, QStringLiteral("SELECT COUNT(*) FROM balances b WHERE b.balance <> (SELECT COALESCE(SUM(CASE type "
                                              "WHEN 'PAYMENT' THEN -amount ELSE amount END), 0) FROM balance_ledger l WHERE l.user_id = b.user_id)")),
             0);
    Database db(restoredAt, QStringLiteral("restored-check"));
    QVERIFY(db.open().ok());
    const auto violations = InvariantChecker(db).run();
    QVERIFY(violations.ok());
    QVERIFY2(violations->isEmpty(), qPrintable(InvariantChecker::report(violations.value())));
    // The picture's bytes, the Hangul names and the refund's reason, as they were.
    const QString picture = QStringLiteral("SELECT bytes FROM product_images ORDER BY id LIMIT 1");
    const QByteArray original = bytes(shopEndpoint(), picture);
    QVERIFY(original.size() > 100);
    QCOMPARE(bytes(restoredAt, picture), original);
    QCOMPARE(QString::fromUtf8(bytes(restoredAt, QStringLiteral("SELECT name FROM products WHERE id = %1").arg(m_product))),
             QStringLiteral("백업 녹차"));
    QCOMPARE(QString::fromUtf8(bytes(restoredAt, QStringLiteral("SELECT reason FROM refunds LIMIT 1"))), QStringLiteral("고객 변심"));

    // A server starts on the restored data (and would migrate an older schema).
    ServerConfig config;
    config.listenPort = 0;
    config.workers = 2;
    config.dataPlatform = false;
    config.mysqlUrl = target->mysql().url();
    config.redisUrl = target->redis().url();
    config.kafkaBrokers = target->kafka().bootstrapServers();
    StorefrontServer server(config);
    QVERIFY(server.start().ok());
    HttpClient client { QUrl(server.baseUrl()) };
    const HttpClient::Reply login = client.post(QStringLiteral("/api/v1/auth/login"),
                                                { { "username", "backup-buyer" }, { "password", "password-123" } });
    QCOMPARE(login.status, 200);
    const qint64 id = login.json().value("user").toObject().value("id").toInteger();
    const HttpClient::Reply balance = client.get(QStringLiteral("/api/v1/users/%1/balance").arg(id),
                                                 { { "Authorization", "Bearer " + login.json().value("token").toString().toLatin1() } });
    QCOMPARE(balance.status, 200);
    QCOMPARE(balance.json().value("balance").toInteger(),
             count(restoredAt, QStringLiteral("SELECT balance FROM balances WHERE user_id = %1").arg(id)));
}

void tst_Backup::verifyChecksTheRestore()
{
    QVERIFY(!m_taken.isEmpty());
    ServerConfig config;
    config.mysqlUrl = m_stack->mysql().url();
    config.redisUrl = m_stack->redis().url();
    config.kafkaBrokers = m_stack->kafka().bootstrapServers();
    StorefrontServer server(config);
    const Result<QString> verdict = ShopCommands(server).verifyBackup(m_taken);
    QVERIFY2(verdict.ok(), verdict.ok() ? "" : qPrintable(verdict.failure().message));
    QVERIFY2(verdict->contains(QLatin1String("verified")) && verdict->contains(QLatin1String("invariants hold")), qPrintable(verdict.value()));
}

void tst_Backup::restoreToAMoment()
{
    // Order A, then a moment, then order B: restored up to the moment, A is there and B
    // is not. The binary log counts whole seconds, so the moment is a whole second with
    // A before it and B at least a second after it.
    const Result<BackupService::Taken> taken = BackupService(shopEndpoint(), m_stack->mysql().binaryLogDir()).backup(m_backups.path());
    QVERIFY(taken.ok());
    QCOMPARE(placeOrder(m_buyer, m_product), 201);
    const qint64 orderA = count(shopEndpoint(), QStringLiteral("SELECT MAX(id) FROM orders"));
    QDateTime moment = QDateTime::currentDateTimeUtc().addSecs(1);
    moment.setTime(QTime(moment.time().hour(), moment.time().minute(), moment.time().second()));
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() >= moment.addSecs(1), 5000);
    QCOMPARE(placeOrder(m_buyer, m_product), 201);
    const qint64 orderB = count(shopEndpoint(), QStringLiteral("SELECT MAX(id) FROM orders"));
    QVERIFY(orderB > orderA);

    auto target = freshStack();
    QVERIFY(target);
    const MysqlEndpoint restoredAt = MysqlEndpoint::fromUrl(target->mysql().url()).value();
    BackupService::RestoreOptions options;
    options.until = moment;
    const Result<BackupManifest> restored = BackupService(restoredAt).restore(taken->folder, options);
    QVERIFY2(restored.ok(), restored.ok() ? "" : qPrintable(restored.failure().message));
    QCOMPARE(count(restoredAt, QStringLiteral("SELECT COUNT(*) FROM orders WHERE id = %1").arg(orderA)), 1);
    QCOMPARE(count(restoredAt, QStringLiteral("SELECT COUNT(*) FROM orders WHERE id = %1").arg(orderB)), 0);
    QCOMPARE(count(restoredAt, QStringLiteral("SELECT COUNT(*) FROM orders")), restored->rows.value(QStringLiteral("orders")) + 1);
    Database db(restoredAt, QStringLiteral("moment-check"));
    QVERIFY(db.open().ok());
    const auto violations = InvariantChecker(db).run();
    QVERIFY(violations.ok());
    QVERIFY2(violations->isEmpty(), qPrintable(InvariantChecker::report(violations.value())));

    // A backup taken without a binary log cannot go to a moment, and says so.
    auto plain = freshStack();
    QVERIFY(plain);
    const MysqlEndpoint plainAt = MysqlEndpoint::fromUrl(plain->mysql().url()).value();
    QVERIFY(BackupService(plainAt).restore(taken->folder, {}).ok());
    QTemporaryDir plainBackups;
    const Result<BackupService::Taken> withoutLog = BackupService(plainAt).backup(plainBackups.path());
    QVERIFY(withoutLog.ok());
    QVERIFY(withoutLog->manifest.binaryLogFile.isEmpty());
    auto another = freshStack();
    const Result<BackupManifest> refused =
            BackupService(MysqlEndpoint::fromUrl(another->mysql().url()).value()).restore(withoutLog->folder, options);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.failure().message.contains(QLatin1String("without a binary log")), qPrintable(refused.failure().message));
}

void tst_Backup::damagedBackupRefused()
{
    QVERIFY(!m_taken.isEmpty());
    QTemporaryDir copy;
    const QString damaged = copy.filePath(QStringLiteral("damaged"));
    QVERIFY(QDir().mkpath(damaged));
    for (const QString &name : QDir(m_taken).entryList(QDir::Files))
        QVERIFY(QFile::copy(QDir(m_taken).filePath(name), QDir(damaged).filePath(name)));
    {
        QFile dump(QDir(damaged).filePath(QStringLiteral("shop.sql")));
        QVERIFY(dump.open(QIODevice::ReadWrite));
        dump.seek(dump.size() / 2);
        const char byte = dump.peek(1).at(0);
        dump.write(QByteArray(1, char(byte ^ 0x20)));
    }
    auto target = freshStack();
    QVERIFY(target);
    const Result<BackupManifest> restored = BackupService(MysqlEndpoint::fromUrl(target->mysql().url()).value()).restore(damaged, {});
    QVERIFY(!restored.ok());
    QVERIFY2(restored.failure().message.contains(QLatin1String("does not match the manifest")), qPrintable(restored.failure().message));
    QCOMPARE(count(MysqlEndpoint::fromUrl(target->mysql().url()).value(),
                   QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()")),
             0);
    ServerConfig config;
    StorefrontServer server(config);
    const Result<QString> verdict = ShopCommands(server).verifyBackup(damaged);
    QVERIFY(!verdict.ok());
    QVERIFY2(verdict.failure().message.contains(QLatin1String("damaged")), qPrintable(verdict.failure().message));
}

void tst_Backup::newerSchemaRefused()
{
    QVERIFY(!m_taken.isEmpty());
    QTemporaryDir copy;
    const QString future = copy.filePath(QStringLiteral("future"));
    QVERIFY(QDir().mkpath(future));
    for (const QString &name : QDir(m_taken).entryList(QDir::Files))
        QVERIFY(QFile::copy(QDir(m_taken).filePath(name), QDir(future).filePath(name)));
    QFile manifest(QDir(future).filePath(QStringLiteral("manifest.json")));
    QVERIFY(manifest.open(QIODevice::ReadWrite));
    QByteArray json = manifest.readAll();
    json.replace(BackupService::latestSchema().toUtf8(), "9999_from_a_later_version");
    QVERIFY(manifest.resize(0) && manifest.write(json) == json.size());
    manifest.close();
    auto target = freshStack();
    const Result<BackupManifest> restored = BackupService(MysqlEndpoint::fromUrl(target->mysql().url()).value()).restore(future, {});
    QVERIFY(!restored.ok());
    QVERIFY2(restored.failure().message.contains(QLatin1String("newer than this build")), qPrintable(restored.failure().message));
}

void tst_Backup::nonEmptyDatabaseRefusedUnlessReplace()
{
    QVERIFY(!m_taken.isEmpty());
    auto target = freshStack();
    const MysqlEndpoint at = MysqlEndpoint::fromUrl(target->mysql().url()).value();
    QVERIFY(BackupService(at).restore(m_taken, {}).ok());
    QCOMPARE(count(at, QStringLiteral("SELECT COUNT(*) FROM products")), 1);
    {
        Database db(at, QStringLiteral("extra"));
        QVERIFY(db.open().ok());
        QVERIFY(QSqlQuery(db.handle()).exec(QStringLiteral("INSERT INTO products (name, price, stock) VALUES ('after', 1, 1)")));
    }
    const Result<BackupManifest> refused = BackupService(at).restore(m_taken, {});
    QVERIFY(!refused.ok());
    QVERIFY2(refused.failure().message.contains(QLatin1String("is not empty")), qPrintable(refused.failure().message));
    QCOMPARE(count(at, QStringLiteral("SELECT COUNT(*) FROM products")), 2);
    BackupService::RestoreOptions replace;
    replace.replace = true;
    QVERIFY(BackupService(at).restore(m_taken, replace).ok());
    QCOMPARE(count(at, QStringLiteral("SELECT COUNT(*) FROM products")), 1);
}

void tst_Backup::unwritableTargetLeavesNothing()
{
    // A folder that cannot be made (a file is in the way), then a disk that fills up
    // half-way (a 256 KiB tmpfs, when this runs as root): refused, nothing left behind
    // that looks like a backup.
    QTemporaryDir scratch;
    QFile blocker(scratch.filePath(QStringLiteral("a-file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const Result<BackupService::Taken> blocked = BackupService(shopEndpoint()).backup(blocker.fileName() + QStringLiteral("/backups"));
    QVERIFY(!blocked.ok());
    QVERIFY2(blocked.failure().message.contains(QLatin1String("cannot")), qPrintable(blocked.failure().message));

    const QString small = scratch.filePath(QStringLiteral("small-disk"));
    QVERIFY(QDir().mkpath(small));
    QProcess mount;
    mount.start(QStringLiteral("mount"), { QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), QStringLiteral("size=256k"),
                                           QStringLiteral("tmpfs"), small });
    if (!mount.waitForFinished(10000) || mount.exitCode() != 0)
        QSKIP("cannot mount a small tmpfs here (not root): the full-disk case is left out");
    const Result<BackupService::Taken> full = BackupService(shopEndpoint()).backup(small);
    const QStringList left = QDir(small).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    QProcess::execute(QStringLiteral("umount"), { small });
    QVERIFY(!full.ok());
    QVERIFY2(full.failure().message.contains(QLatin1String("cannot write")), qPrintable(full.failure().message));
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
}

void tst_Backup::twoBackupsInOneSecond()
{
    // A scheduled backup and one an admin asked for can start in the same second: the
    // second one takes the suffix -2, never "exists already". The folders of this second
    // and the next few are made first, so the clock cannot step past the collision.
    QTemporaryDir into;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList taken;
    for (int second = 0; second < 5; ++second) {
        const QString name = QStringLiteral("storefront-") + now.addSecs(second).toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        QVERIFY(QDir(into.path()).mkdir(name));
        taken << name;
    }
    const Result<BackupService::Taken> second = BackupService(shopEndpoint()).backup(into.path());
    QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.failure().message));
    const QString name = QFileInfo(second->folder).fileName();
    QVERIFY2(name.endsWith(QLatin1String("-2")), qPrintable(name));
    QVERIFY2(taken.contains(name.chopped(2)), qPrintable(name));
    QVERIFY(QFileInfo::exists(QDir(second->folder).filePath(QStringLiteral("manifest.json"))));
}

QTEST_GUILESS_MAIN(tst_Backup)
#include "tst_backup.moc"
