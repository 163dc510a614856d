#pragma once

#include "ConcurrencyStrategy.h"
#include "ConnectionPolicy.h"

#include <QtCore/QString>
#include <QtNetwork/QHostAddress>

// How storefront-server runs: the result of command line, environment, config file
// and defaults (in that order of precedence; see ConfigLoader).
struct ServerConfig {
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8080;
    int workers = 16;
    // The embedded local stack's folder. Used when no external services are given.
    QString stackDir;
    // External services: all three, or none.
    QString mysqlUrl;
    QString redisUrl;
    QString kafkaBrokers;
    QString kafkaTopic = QStringLiteral("storefront.orders");
    // The shop's time zone (IANA id): the CSV reports write their times in it.
    QByteArray timeZone = QByteArrayLiteral("Asia/Seoul");
    QByteArray redisKeyPrefix = QByteArrayLiteral("storefront:");
    // Redis in the hot paths (catalogue cache, coupon gate, rankings).
    bool redisHotPaths = true;
    ConcurrencyStrategy concurrency = ConcurrencyStrategy::DbLock;
    // Orders meeting on a product share a transaction, up to this many (OrderBatcher);
    // 1: one transaction per order.
    int orderBatch = 32;
    // Charges share a transaction, up to this many (ChargeBatcher); 1: one each. Off by
    // default: measured, many users' charges run faster side by side than batched
    // (docs/reports/performance.md, issue 28).
    int chargeBatch = 1;
    // Run the data-platform consumer as a thread of this server.
    bool dataPlatform = true;
    ConnectionPolicy connections;
    int shutdownGraceMs = 10000;
    // Retention: PUBLISHED outbox rows and stored Idempotency-Key answers older than
    // this are deleted (in small batches, by one instance at a time).
    int outboxRetentionHours = 7 * 24;
    int idempotencyRetentionHours = 24;
    // Signs bearer tokens. Empty: generated once and kept in the data folder.
    QString tokenSecret;
    qint64 tokenLifetimeSeconds = 24 * 3600;
    int passwordIterations = 100000;
    // STOREFRONT_ADMIN_PASSWORD: the `admin` account is created or reset with it at start-up.
    QString adminPassword;
    // The desktop app's one-time secret for POST /api/v1/auth/owner (its first owner
    // creates the admin account). Empty, as on every standalone server: refused.
    QByteArray ownerSecret;
    // --tls-cert/--tls-key (PEM): HTTPS on --listen. Both or neither.
    QString tlsCertFile;
    QString tlsKeyFile;
    // The local stack keeps MariaDB's binary log (row format) for a restore to a moment.
    bool binaryLog = false;
    // Scheduled backups (BackupScheduler): into backupDir (empty: off) every
    // backupEveryHours, the backupKeep newest verified ones kept. Each instance looks
    // whether one is due every backupCheckMs (the first time that long after start).
    QString backupDir;
    int backupEveryHours = 24;
    int backupKeep = 7;
    int backupCheckMs = 60000;

    bool usesLocalStack() const { return mysqlUrl.isEmpty(); }
};
