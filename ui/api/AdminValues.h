#pragma once

#include "ShopTypes.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtCore/QList>

// Answers of API.md's "Running the shop (admin)" that only the app reads. Plain values:
// the admin pages copy them into their models.

// GET /admin/users: one account as an admin sees it.
struct Customer {
    qint64 id = 0;
    QString username;
    QString role; // SHOPPER, ADMIN
    qint64 balance = 0;
    qint64 orderCount = 0;
    bool disabled = false;
    QDateTime createdAt;
    static Customer fromJson(const QJsonObject &json);
};

// GET /admin/users/{id}: the account with its latest orders and its coupons.
struct CustomerDetail {
    Customer customer;
    QList<Order> recentOrders;
    QList<UserCoupon> coupons;
    static CustomerDetail fromJson(const QJsonObject &json);
};

// One line of a product's stock ledger (GET /admin/products/{id}/stock/history).
struct StockEntry {
    qint64 id = 0;
    qint64 delta = 0;
    qint64 stockAfter = 0;
    QString reason; // INITIAL, ORDER, CANCEL, REFUND, ADJUSTMENT
    qint64 orderId = 0; // 0: none
    QString note;
    QString actor;
    QDateTime createdAt;
    static StockEntry fromJson(const QJsonObject &json);
};

// One admin write (GET /admin/audit), with the record before and after it.
struct AuditEntry {
    qint64 id = 0;
    qint64 actorId = 0;
    QString actor;
    QString action; // product.update, order.refund, user.disable, ...
    QString entity; // product, category, coupon, order, user
    qint64 entityId = 0;
    QJsonObject before; // empty when the write created it
    QJsonObject after;  // empty when the write deleted it
    QDateTime at;
    static AuditEntry fromJson(const QJsonObject &json);
};

// One backup of the shop (GET /admin/backups), as the Backups page lists it.
struct BackupEntry {
    qint64 id = 0;
    QDateTime startedAt;
    QDateTime finishedAt; // invalid while its dump runs
    qint64 bytes = 0;
    bool verified = false;
    QString state; // running, verifying, verified, failed
    QString folder; // on the server's computer; empty before the dump is written
    QString error; // why it failed
    qint64 rows = 0; // over every table of its snapshot
    bool inProgress() const { return state == QLatin1String("running") || state == QLatin1String("verifying"); }
    static BackupEntry fromJson(const QJsonObject &json);
};

// GET /admin/backups: newest first, and the answering server's schedule.
struct BackupList {
    QList<BackupEntry> items;
    bool running = false; // a backup runs on some instance of the shop
    QString directory; // empty: this server takes no backups (no backup-dir)
    int everyHours = 0;
    int keep = 0;
    static BackupList fromJson(const QJsonObject &json);
};

// Which CSV report to download (GET /admin/reports/sales.csv or orders.csv).
struct ReportRequest {
    enum class Kind { Sales, Orders };
    Kind kind = Kind::Sales;
    QDate from;
    QDate to;
    QString by = QStringLiteral("day"); // day, product, category: sales only
    QString path() const;
};
