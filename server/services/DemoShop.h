#pragma once

#include "Result.h"

#include <QtCore/QDateTime>
#include <QtCore/QString>

#include <functional>

class Database;

// The demo shop, one loader for `storefront-server seed --demo` and the app's offer
// (POST /admin/demo-shop): one Korean shop that looks lived in. Categories (12 at the
// top, 3 under each), products with Korean names, descriptions, SKUs and a picture
// each, four first-come coupons, the shoppers' addresses, and orders from them spread
// over the last 14 days through the real order path (ledger, outbox, stock, sales
// aggregate all in step), shipped, delivered or still in the packing queue as their
// age says, a few returned (DemoShopShipping). Each thing's rows are then moved back
// in time together (DemoShopRepository), so the dashboard, the stock ledger and the
// top products have history. The invariant checker (`storefront-server check`) stays
// clean. An admin's load is one row of the audit log.
class DemoShop
{
public:
    struct Plan {
        int products = 240;
        int pictures = 400; // products beyond this many have none (a 10,000-product load shop)
        int orders = 600;
        int coupons = 4; // DemoCatalogue::coupons(), numbered past its four
        QList<qint64> shoppers; // who orders; charged enough first
        qint64 adminId = 0; // who asked for it (audited); 0: the command line, not an admin
        // Told after each category, product and order (from the thread that runs it):
        // POST /admin/demo-shop shows how far it has come.
        std::function<void(int done, int total, const QString &step)> progress = {};
    };
    struct Report {
        int categories = 0;
        int products = 0;
        int pictures = 0;
        int orders = 0;
        int coupons = 0;
        int returns = 0;
        qint64 firstCouponId = 0;
        qint64 lastCouponId = 0;
    };

    explicit DemoShop(Database &database) : m_database(database) { }
    Result<Report> run(const Plan &plan);
    // "the demo shop is ready: 48 categories, …": what both loaders report.
    static QString describe(const Report &report);

private:
    Result<QList<qint64>> makeCategories(const Plan &plan, Report &report);
    Result<QList<qint64>> makeProducts(const Plan &plan, const QList<qint64> &categories, Report &report);
    Status makeCoupons(const Plan &plan, Report &report);
    Status placeOrders(const Plan &plan, const QList<qint64> &products, Report &report);
    // 100 more of a sold-out product, delivered at `at`.
    Status restock(qint64 productId, const QDateTime &at);
    // A shopper's charge of 2,000,000 won at `at`.
    Status topUp(qint64 shopper, const QDateTime &at);
    Status audit(const Plan &plan, const Report &report);

    void advance(const Plan &plan, const QString &step);

    Database &m_database;
    // The load's moment and the shop's first day, 14 days before it.
    QDateTime m_now;
    QDateTime m_opened;
    int m_done = 0;
    int m_total = 0;
};
