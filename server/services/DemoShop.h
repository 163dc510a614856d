#pragma once

#include "Result.h"

#include <QtCore/QString>

#include <functional>

class Database;

// The demo shop, one loader for `storefront-server seed --demo` and the app's offer
// (POST /admin/demo-shop): a shop that looks lived in. Categories (12 at the top, 3
// under each), products with Korean or English names, descriptions, SKUs and a
// picture each, four first-come coupons, and orders from the shoppers spread over the last 14 days through the
// real order path (ledger, outbox, stock, sales aggregate all in step), then moved
// back in time together so the dashboard and top products have history. The
// invariant checker (`storefront-server check`) stays clean.
class DemoShop
{
public:
    struct Plan {
        int products = 240;
        int pictures = 400; // products beyond this many have none (a 10,000-product load shop)
        int orders = 600;
        int coupons = 4; // DemoCatalogue::coupons(), numbered past its four
        QList<qint64> shoppers; // who orders; charged enough first
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

    void advance(const Plan &plan, const QString &step);

    Database &m_database;
    int m_done = 0;
    int m_total = 0;
};
