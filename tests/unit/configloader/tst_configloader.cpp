#include "ConfigLoader.h"

#include <QtCore/QTemporaryFile>
#include <QtTest/QTest>

class tst_ConfigLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void precedence_data();
    void precedence();
    void invalid_data();
    void invalid();
    void defaults();
    void hotPathOptions();
    void instanceAndRetentionOptions();
    void backupOptions();
    void timeZone();

private:
    static Result<ServerConfig> load(const QStringList &arguments, const QStringList &environment,
                                     const QByteArray &file);
};

Result<ServerConfig> tst_ConfigLoader::load(const QStringList &arguments, const QStringList &environment,
                                            const QByteArray &file)
{
    QTemporaryFile ini;
    QStringList args { QStringLiteral("storefront-server") };
    if (!file.isNull()) {
        ini.open();
        ini.write(file);
        ini.flush();
        args << QStringLiteral("--config") << ini.fileName();
    }
    args << arguments;
    QCommandLineParser parser;
    ConfigLoader::addOptions(parser);
    if (!parser.parse(args))
        return Failure::validation(QStringLiteral("arguments"), parser.errorText());
    QProcessEnvironment env;
    for (const QString &pair : environment)
        env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    return ConfigLoader::load(parser, env);
}

void tst_ConfigLoader::precedence_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("workers");

    QTest::newRow("default") << QStringList() << QStringList() << QByteArray() << 16;
    QTest::newRow("file") << QStringList() << QStringList() << QByteArray("workers = 3\n") << 3;
    QTest::newRow("env over file") << QStringList() << QStringList { "STOREFRONT_WORKERS=5" }
                                   << QByteArray("workers = 3\n") << 5;
    QTest::newRow("cli over env and file") << QStringList { "--workers", "7" }
                                           << QStringList { "STOREFRONT_WORKERS=5" }
                                           << QByteArray("workers = 3\n") << 7;
    QTest::newRow("cli over file") << QStringList { "--workers", "2" } << QStringList()
                                   << QByteArray("workers = 3\n") << 2;
}

void tst_ConfigLoader::precedence()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QByteArray, file);
    QFETCH(int, workers);
    const Result<ServerConfig> config = load(arguments, environment, file);
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.failure().message));
    QCOMPARE(config->workers, workers);
}

void tst_ConfigLoader::invalid_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QString>("field");

    QTest::newRow("zero workers") << QStringList { "--workers", "0" } << QStringList() << "workers";
    QTest::newRow("text workers") << QStringList() << QStringList { "STOREFRONT_WORKERS=many" } << "workers";
    QTest::newRow("listen without port") << QStringList { "--listen", "127.0.0.1" } << QStringList() << "listen";
    QTest::newRow("listen bad host") << QStringList { "--listen", "example:80" } << QStringList() << "listen";
    QTest::newRow("listen port range") << QStringList { "--listen", "127.0.0.1:70000" } << QStringList()
                                       << "listen";
    QTest::newRow("mysql alone") << QStringList { "--mysql", "mysql://u@127.0.0.1:3306/db" } << QStringList()
                                 << "mysql";
    QTest::newRow("stack and external") << QStringList { "--stack", "/tmp/x", "--mysql", "mysql://u@h/d", "--redis",
                                                         "redis://h:1", "--kafka", "h:9092" }
                                        << QStringList() << "stack";
    QTest::newRow("idle timeout") << QStringList { "--idle-timeout", "-1" } << QStringList() << "idle-timeout";
    QTest::newRow("head timeout") << QStringList { "--head-timeout", "0" } << QStringList() << "head-timeout";
    QTest::newRow("cache") << QStringList { "--cache", "maybe" } << QStringList() << "cache";
    QTest::newRow("concurrency") << QStringList() << QStringList { "STOREFRONT_CONCURRENCY=mutex" } << "concurrency";
    QTest::newRow("short token secret") << QStringList { "--token-secret", "only-31-bytes-long-not-enough-x" } << QStringList()
                                        << "token-secret";
    QTest::newRow("trusted proxy") << QStringList { "--trusted-proxy", "10.0.0.1,haproxy" } << QStringList() << "trusted-proxy";
    QTest::newRow("outbox retention") << QStringList { "--outbox-retention", "0" } << QStringList() << "outbox-retention";
    QTest::newRow("backup every") << QStringList { "--backup-every", "0" } << QStringList() << "backup-every";
    QTest::newRow("backup keep") << QStringList() << QStringList { "STOREFRONT_BACKUP_KEEP=all" } << "backup-keep";
    QTest::newRow("time zone") << QStringList { "--time-zone", "Seoul" } << QStringList() << "time-zone";
}

void tst_ConfigLoader::invalid()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QString, field);
    const Result<ServerConfig> config = load(arguments, environment, QByteArray());
    QVERIFY(!config.ok());
    QCOMPARE(config.failure().code, ErrorCode::ValidationFailed);
    QCOMPARE(config.failure().details.value(QStringLiteral("field")).toString(), field);
}

void tst_ConfigLoader::defaults()
{
    const Result<ServerConfig> config = load({}, {}, QByteArray());
    QVERIFY(config.ok());
    QCOMPARE(config->listenAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(config->listenPort, quint16(8080));
    QVERIFY(config->usesLocalStack());
    QVERIFY(!config->stackDir.isEmpty());
    QCOMPARE(config->connections.idleTimeoutMs, 30000);

    const Result<ServerConfig> external = load({ "--listen", "0.0.0.0:9000" },
                                               { "STOREFRONT_MYSQL=mysql://u:p@db:3306/shop", "STOREFRONT_REDIS=redis://r:6379",
                                                 "STOREFRONT_KAFKA=k1:9092,k2:9092" },
                                               QByteArray());
    QVERIFY(external.ok());
    QVERIFY(!external->usesLocalStack());
    QCOMPARE(external->listenPort, quint16(9000));
    QCOMPARE(external->kafkaBrokers, QStringLiteral("k1:9092,k2:9092"));
}

void tst_ConfigLoader::hotPathOptions()
{
    const Result<ServerConfig> defaults = load({}, {}, QByteArray());
    QVERIFY(defaults.ok());
    QVERIFY(defaults->redisHotPaths);
    QCOMPARE(defaults->concurrency, ConcurrencyStrategy::DbLock);
    QCOMPARE(defaults->redisKeyPrefix, QByteArray("storefront:"));
    QCOMPARE(defaults->connections.headTimeoutMs, 10000);

    // DESIGN.md's INI spelling of the lock strategy, and the command line over it.
    const QByteArray ini("cache = off\nredis-prefix = shop2:\nhead-timeout = 3\n[concurrency]\nstrategy = redis-lock\n");
    const Result<ServerConfig> file = load({}, {}, ini);
    QVERIFY(file.ok());
    QVERIFY(!file->redisHotPaths);
    QCOMPARE(file->concurrency, ConcurrencyStrategy::RedisLock);
    QCOMPARE(file->redisKeyPrefix, QByteArray("shop2:"));
    QCOMPARE(file->connections.headTimeoutMs, 3000);
    const Result<ServerConfig> cli = load({ "--concurrency", "db-lock" }, {}, ini);
    QVERIFY(cli.ok());
    QCOMPARE(cli->concurrency, ConcurrencyStrategy::DbLock);
}

void tst_ConfigLoader::instanceAndRetentionOptions()
{
    const Result<ServerConfig> defaults = load({}, {}, QByteArray());
    QVERIFY(defaults.ok());
    QCOMPARE(defaults->outboxRetentionHours, 168);
    QCOMPARE(defaults->idempotencyRetentionHours, 24);
    QVERIFY(defaults->connections.trustedProxies.isEmpty());
    QVERIFY(defaults->tokenSecret.isEmpty()); // kept in the shop's database

    // Unquoted lists with commas, as the shipped storefront.ini writes kafka brokers.
    const QByteArray ini("trusted-proxy = 10.0.0.1, ::1\nkafka-topic = t\noutbox-retention = 48\nidempotency-retention = 2\n");
    const Result<ServerConfig> file = load({}, {}, ini);
    QVERIFY(file.ok());
    QCOMPARE(file->connections.trustedProxies,
             (QList<QHostAddress> { QHostAddress(QStringLiteral("10.0.0.1")), QHostAddress(QStringLiteral("::1")) }));
    QCOMPARE(file->outboxRetentionHours, 48);
    QCOMPARE(file->idempotencyRetentionHours, 2);
    const Result<ServerConfig> secret = load({ "--token-secret", QString(32, QLatin1Char('s')) }, {}, QByteArray());
    QVERIFY(secret.ok());
}

void tst_ConfigLoader::backupOptions()
{
    // Off unless a folder is given; a day between backups, a week of them kept.
    const Result<ServerConfig> defaults = load({}, {}, QByteArray());
    QVERIFY(defaults.ok());
    QCOMPARE(defaults->backupDir, QString());
    QCOMPARE(defaults->backupEveryHours, 24);
    QCOMPARE(defaults->backupKeep, 7);
    const QByteArray ini("backup-dir = /var/backups/storefront\nbackup-every = 6\nbackup-keep = 3\n");
    const Result<ServerConfig> file = load({}, {}, ini);
    QVERIFY(file.ok());
    QCOMPARE(file->backupDir, QStringLiteral("/var/backups/storefront"));
    QCOMPARE(file->backupEveryHours, 6);
    QCOMPARE(file->backupKeep, 3);
    const Result<ServerConfig> cli = load({ "--backup-keep", "10" }, {}, ini);
    QVERIFY(cli.ok());
    QCOMPARE(cli->backupKeep, 10);
}

void tst_ConfigLoader::timeZone()
{
    // The reports' times: Seoul's unless the shop says otherwise (issue 27).
    const Result<ServerConfig> defaults = load({}, {}, QByteArray());
    QVERIFY(defaults.ok());
    QCOMPARE(defaults->timeZone, QByteArray("Asia/Seoul"));
    const Result<ServerConfig> file = load({}, {}, QByteArray("time-zone = Europe/Berlin\n"));
    QVERIFY(file.ok());
    QCOMPARE(file->timeZone, QByteArray("Europe/Berlin"));
    const Result<ServerConfig> env = load({}, { "STOREFRONT_TIME_ZONE=UTC" }, QByteArray());
    QVERIFY(env.ok());
    QCOMPARE(env->timeZone, QByteArray("UTC"));
}

QTEST_GUILESS_MAIN(tst_ConfigLoader)
#include "tst_configloader.moc"
