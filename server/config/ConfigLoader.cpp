#include "ConfigLoader.h"

#include "ClientAddress.h"

#include "LocalStack.h"

#include <QtCore/QFileInfo>
#include <QtCore/QSettings>
#include <QtCore/QTimeZone>

#include <array>

namespace {
struct OptionSpec {
    const char *name;
    const char *valueName;
    const char *description;
    const char *defaultText;
};

constexpr std::array<OptionSpec, 31> kOptions { {
    { "listen", "host:port", "Address and port to listen on.", "127.0.0.1:8080" },
    { "tls-cert", "file",
      "Serve HTTPS (TLS 1.2 or newer) on --listen with this PEM certificate chain (the server's first). Needs "
      "--tls-key. SIGHUP reads both files again.",
      "none: plain HTTP" },
    { "tls-key", "file", "The certificate's PEM private key, unencrypted, readable by its owner only (mode 0600).", "none" },
    { "workers", "n", "HTTP worker threads, each with its own MySQL and Redis connection.", "16" },
    { "stack", "dir",
      "Run the embedded local stack (private MariaDB, Redis, Kafka mock) with its data in DIR. Used when no "
      "external services are given.",
      "<app data>/stack" },
    { "mysql", "url", "External MySQL: mysql://user:password@host:port/database.", "" },
    { "binlog", "on|off",
      "The local stack keeps MariaDB's binary log (row format, 8 days), so `restore --until TIME` can replay it "
      "after a backup. An external MySQL keeps its own.",
      "off" },
    { "backup-dir", "dir",
      "Take scheduled backups into DIR (storefront-server backup --to DIR), each verified by a restore into a "
      "scratch stack. One instance of a shop at a time; every instance should see the same DIR.",
      "none: no scheduled backups" },
    { "backup-every", "hours", "With backup-dir: take a backup when none was taken for this long.", "24" },
    { "backup-keep", "n", "With backup-dir: keep this many newest verified backups; older ones are removed.", "7" },
    { "redis", "url", "External Redis: redis://host:port[/db].", "" },
    { "kafka", "brokers", "External Kafka bootstrap servers: host:port[,host:port...].", "" },
    { "redis-prefix", "prefix", "Prefix of every Redis key this server uses (several shops may share one Redis).",
      "storefront:" },
    { "cache", "on|off", "Redis in the hot paths: catalogue cache, coupon gate, live rankings. off: MySQL alone.", "on" },
    { "concurrency", "db-lock|redis-lock",
      "How charges and orders are kept apart: MySQL row locks alone, or a Redis lock per user and product first. "
      "In the config file also `[concurrency] strategy = ...`.",
      "db-lock" },
    { "order-batch", "n",
      "Orders that meet on a product while another order of it is in flight share one transaction, up to n of "
      "them (each still all or nothing). 1: every order its own transaction.",
      "32" },
    { "charge-batch", "n",
      "Charges that arrive while others are in flight share one transaction, up to n of them (each still all "
      "or nothing). 1: every charge its own transaction (measured faster here: charges of many users do not "
      "meet on a row).",
      "1" },
    { "kafka-topic", "topic", "Topic the order events go to.", "storefront.orders" },
    { "time-zone", "zone",
      "The shop's time zone (an IANA name such as Asia/Seoul): the CSV reports write their times in it and name it.",
      "Asia/Seoul" },
    { "data-platform", "on|off", "Run the data-platform consumer inside this server.", "on" },
    { "config", "file", "INI file with any of these options as `name = value`.", "" },
    { "idle-timeout", "seconds", "Close connections idle this long.", "30" },
    { "head-timeout", "seconds", "Cut a connection whose request head is not complete this long after its first byte.",
      "10" },
    { "trusted-proxy", "addr[,addr...]",
      "Load balancers whose X-Forwarded-For is believed: the client address that login limits and the request log "
      "use. Others' X-Forwarded-For is ignored.",
      "none" },
    { "max-connections", "n", "Open connections over all workers; more are answered 503.", "10000" },
    { "shutdown-grace", "seconds", "On SIGTERM/SIGINT, how long requests in flight may take to finish.", "10" },
    { "outbox-retention", "hours",
      "Delete outbox rows this long after they were published (pending and failed ones stay).", "168, i.e. 7 days" },
    { "idempotency-retention", "hours", "Forget a stored Idempotency-Key answer this long after it was first given.",
      "24" },
    { "token-secret", "secret",
      "Key that signs bearer tokens, at least 32 bytes (keep it secret). Every instance of one shop must use the same.",
      "created once in the shop's database, shared by every instance" },
    { "token-lifetime", "seconds", "How long a login token is valid.", "86400" },
    { "password-iterations", "n", "PBKDF2-HMAC-SHA256 iterations for new password hashes (at least 1000).", "100000" },
} };

QString environmentName(const char *option)
{
    return QStringLiteral("STOREFRONT_") + QString::fromLatin1(option).toUpper().replace(QLatin1Char('-'), QLatin1Char('_'));
}

// The value of one option by precedence; empty when nowhere set.
class Sources
{
public:
    Sources(const QCommandLineParser &parser, const QProcessEnvironment &environment, const QSettings *file)
        : m_parser(parser), m_environment(environment), m_file(file)
    {
    }
    QString value(const char *option) const
    {
        const QString name = QString::fromLatin1(option);
        if (m_parser.isSet(name))
            return m_parser.value(name);
        const QString env = environmentName(option);
        if (m_environment.contains(env))
            return m_environment.value(env);
        if (m_file && m_file->contains(name)) {
            // QSettings reads an unquoted value with commas as a list (kafka = a:9092,b:9092).
            const QVariant value = m_file->value(name);
            if (value.typeId() == QMetaType::QStringList)
                return value.toStringList().join(QLatin1Char(','));
            return value.toString();
        }
        // The INI spelling DESIGN.md uses for the lock strategy.
        if (m_file && name == QLatin1String("concurrency") && m_file->contains(QStringLiteral("concurrency/strategy")))
            return m_file->value(QStringLiteral("concurrency/strategy")).toString();
        return QString();
    }

private:
    const QCommandLineParser &m_parser;
    const QProcessEnvironment &m_environment;
    const QSettings *m_file;
};

Result<int> positive(const QString &text, const char *option, int fallback, int max)
{
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 1 || n > max)
        return Failure::validation(QString::fromLatin1(option),
                                   QStringLiteral("--%1 must be a whole number from 1 to %2, not \"%3\"")
                                           .arg(QLatin1String(option))
                                           .arg(max)
                                           .arg(text));
    return n;
}
}

void ConfigLoader::addOptions(QCommandLineParser &parser)
{
    for (const OptionSpec &o : kOptions) {
        QString description = QString::fromLatin1(o.description) + QStringLiteral(" [env ")
                + environmentName(o.name) + QLatin1Char(']');
        if (*o.defaultText)
            description += QStringLiteral(" (default %1)").arg(QLatin1String(o.defaultText));
        parser.addOption(QCommandLineOption(QString::fromLatin1(o.name), description, QString::fromLatin1(o.valueName)));
    }
}

Result<ServerConfig> ConfigLoader::load(const QCommandLineParser &parser, const QProcessEnvironment &environment)
{
    std::unique_ptr<QSettings> file;
    {
        const Sources noFile(parser, environment, nullptr);
        const QString path = noFile.value("config");
        if (!path.isEmpty()) {
            if (!QFileInfo(path).isReadable())
                return Failure::validation(QStringLiteral("config"), QStringLiteral("cannot read %1").arg(path));
            file = std::make_unique<QSettings>(path, QSettings::IniFormat);
            if (file->status() != QSettings::NoError)
                return Failure::validation(QStringLiteral("config"), QStringLiteral("%1 is not a valid INI file").arg(path));
        }
    }
    const Sources sources(parser, environment, file.get());
    ServerConfig config;

    const QString listen = sources.value("listen");
    if (!listen.isEmpty()) {
        const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const int port = listen.mid(colon + 1).toInt(&ok);
        QString host = listen.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        const QHostAddress address(host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : host);
        if (colon <= 0 || !ok || port < 0 || port > 65535 || address.isNull())
            return Failure::validation(QStringLiteral("listen"),
                                       QStringLiteral("--listen must be HOST:PORT with an IP address, not \"%1\"").arg(listen));
        config.listenAddress = address;
        config.listenPort = quint16(port);
    }

    const Result<int> workers = positive(sources.value("workers"), "workers", config.workers, 1024);
    if (!workers)
        return workers.failure();
    config.workers = workers.value();
    const Result<int> idle = positive(sources.value("idle-timeout"), "idle-timeout", config.connections.idleTimeoutMs / 1000, 86400);
    if (!idle)
        return idle.failure();
    config.connections.idleTimeoutMs = idle.value() * 1000;
    const Result<int> head = positive(sources.value("head-timeout"), "head-timeout", config.connections.headTimeoutMs / 1000, 3600);
    if (!head)
        return head.failure();
    config.connections.headTimeoutMs = head.value() * 1000;
    const Result<int> cap = positive(sources.value("max-connections"), "max-connections", config.connections.maxConnections, 1000000);
    if (!cap)
        return cap.failure();
    config.connections.maxConnections = cap.value();
    const QString proxies = sources.value("trusted-proxy");
    if (!proxies.isEmpty()) {
        QString bad;
        config.connections.trustedProxies = ClientAddress::parseList(proxies, &bad);
        if (config.connections.trustedProxies.isEmpty())
            return Failure::validation(QStringLiteral("trusted-proxy"),
                                       QStringLiteral("--trusted-proxy must be IP addresses separated by commas, not \"%1\"")
                                               .arg(bad.isEmpty() ? proxies : bad));
    }
    const Result<int> outboxKept = positive(sources.value("outbox-retention"), "outbox-retention",
                                            config.outboxRetentionHours, 24 * 366 * 10);
    if (!outboxKept)
        return outboxKept.failure();
    config.outboxRetentionHours = outboxKept.value();
    const Result<int> keysKept = positive(sources.value("idempotency-retention"), "idempotency-retention",
                                          config.idempotencyRetentionHours, 24 * 366 * 10);
    if (!keysKept)
        return keysKept.failure();
    config.idempotencyRetentionHours = keysKept.value();
    const Result<int> grace = positive(sources.value("shutdown-grace"), "shutdown-grace", config.shutdownGraceMs / 1000, 3600);
    if (!grace)
        return grace.failure();
    config.shutdownGraceMs = grace.value() * 1000;

    const Result<int> lifetime = positive(sources.value("token-lifetime"), "token-lifetime", int(config.tokenLifetimeSeconds), 365 * 86400);
    if (!lifetime)
        return lifetime.failure();
    config.tokenLifetimeSeconds = lifetime.value();
    const Result<int> iterations = positive(sources.value("password-iterations"), "password-iterations", config.passwordIterations, 10000000);
    if (!iterations || iterations.value() < 1000)
        return Failure::validation(QStringLiteral("password-iterations"),
                                   QStringLiteral("--password-iterations must be a whole number from 1000 to 10000000"));
    config.passwordIterations = iterations.value();
    config.tokenSecret = sources.value("token-secret");
    if (!config.tokenSecret.isEmpty() && config.tokenSecret.toUtf8().size() < 32)
        return Failure::validation(QStringLiteral("token-secret"),
                                   QStringLiteral("--token-secret must be at least 32 bytes long (it is %1)")
                                           .arg(config.tokenSecret.toUtf8().size()));
    config.adminPassword = environment.value(QStringLiteral("STOREFRONT_ADMIN_PASSWORD"));
    config.tlsCertFile = sources.value("tls-cert");
    config.tlsKeyFile = sources.value("tls-key");
    if (config.tlsCertFile.isEmpty() != config.tlsKeyFile.isEmpty())
        return Failure::validation(config.tlsCertFile.isEmpty() ? QStringLiteral("tls-cert") : QStringLiteral("tls-key"),
                                   QStringLiteral("give both --tls-cert and --tls-key, or neither"));

    if (const QString topic = sources.value("kafka-topic"); !topic.isEmpty())
        config.kafkaTopic = topic;
    if (const QString zone = sources.value("time-zone"); !zone.isEmpty()) {
        if (!QTimeZone::isTimeZoneIdAvailable(zone.toLatin1()))
            return Failure::validation(QStringLiteral("time-zone"),
                                       QStringLiteral("--time-zone must name a time zone such as Asia/Seoul, not \"%1\"").arg(zone));
        config.timeZone = zone.toLatin1();
    }
    const QString dataPlatform = sources.value("data-platform");
    if (!dataPlatform.isEmpty() && dataPlatform != QLatin1String("on") && dataPlatform != QLatin1String("off"))
        return Failure::validation(QStringLiteral("data-platform"), QStringLiteral("--data-platform must be on or off"));
    config.dataPlatform = dataPlatform != QLatin1String("off");

    const QString cache = sources.value("cache");
    if (!cache.isEmpty() && cache != QLatin1String("on") && cache != QLatin1String("off"))
        return Failure::validation(QStringLiteral("cache"), QStringLiteral("--cache must be on or off"));
    config.redisHotPaths = cache != QLatin1String("off");
    if (const QString strategy = sources.value("concurrency"); !strategy.isEmpty()) {
        const std::optional<ConcurrencyStrategy> parsed = concurrencyStrategyFromName(strategy);
        if (!parsed)
            return Failure::validation(QStringLiteral("concurrency"),
                                       QStringLiteral("--concurrency must be db-lock or redis-lock, not \"%1\"").arg(strategy));
        config.concurrency = *parsed;
    }
    const Result<int> batch = positive(sources.value("order-batch"), "order-batch", config.orderBatch, 256);
    if (!batch)
        return batch.failure();
    config.orderBatch = batch.value();
    const Result<int> charges = positive(sources.value("charge-batch"), "charge-batch", config.chargeBatch, 256);
    if (!charges)
        return charges.failure();
    config.chargeBatch = charges.value();
    if (const QString prefix = sources.value("redis-prefix"); !prefix.isEmpty())
        config.redisKeyPrefix = prefix.toUtf8();

    const QString binlog = sources.value("binlog");
    if (!binlog.isEmpty() && binlog != QLatin1String("on") && binlog != QLatin1String("off"))
        return Failure::validation(QStringLiteral("binlog"), QStringLiteral("--binlog must be on or off"));
    config.binaryLog = binlog == QLatin1String("on");
    config.backupDir = sources.value("backup-dir");
    const Result<int> every = positive(sources.value("backup-every"), "backup-every", config.backupEveryHours, 24 * 366);
    if (!every)
        return every.failure();
    config.backupEveryHours = every.value();
    const Result<int> keep = positive(sources.value("backup-keep"), "backup-keep", config.backupKeep, 10000);
    if (!keep)
        return keep.failure();
    config.backupKeep = keep.value();
    config.mysqlUrl = sources.value("mysql");
    config.redisUrl = sources.value("redis");
    config.kafkaBrokers = sources.value("kafka");
    config.stackDir = sources.value("stack");
    const int external = int(!config.mysqlUrl.isEmpty()) + int(!config.redisUrl.isEmpty()) + int(!config.kafkaBrokers.isEmpty());
    if (external != 0 && external != 3)
        return Failure::validation(QStringLiteral("mysql"),
                                   QStringLiteral("give all of --mysql, --redis and --kafka for external services, or none "
                                                  "of them for the local stack"));
    if (external == 3 && !config.stackDir.isEmpty())
        return Failure::validation(QStringLiteral("stack"),
                                   QStringLiteral("--stack and external services (--mysql, --redis, --kafka) exclude each other"));
    if (external == 0 && config.stackDir.isEmpty())
        config.stackDir = LocalStack::defaultDir();
    return config;
}
