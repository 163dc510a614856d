#include "DemoShop.h"

#include "CategoryService.h"
#include "CouponRepository.h"
#include "DemoCatalogue.h"
#include "Database.h"
#include "ImageCodec.h"
#include "ImageRepository.h"
#include "OrderService.h"
#include "ProductRepository.h"
#include "SqlTime.h"
#include "WalletRepository.h"

#include <QtCore/QRandomGenerator>

namespace {
// Products written per transaction: one commit (one log flush) per batch, not per row.
constexpr int kProductsPerTransaction = 500;
constexpr qint64 kShopperFunds = 5'000'000;
}

Result<QList<qint64>> DemoShop::makeCategories(const Plan &plan, Report &report)
{
    CategoryService categories(m_database);
    QList<qint64> leaves;
    for (const DemoCatalogue::Category &c : DemoCatalogue::categories()) {
        const auto top = categories.create(CatalogueRequests::CategoryDraft { c.name, 0 }, 0);
        if (!top)
            return top.failure();
        ++report.categories;
        for (const QString &child : c.children) {
            const auto leaf = categories.create(CatalogueRequests::CategoryDraft { child, top->id }, 0);
            if (!leaf)
                return leaf.failure();
            ++report.categories;
            leaves << leaf->id;
        }
        advance(plan, QStringLiteral("categories"));
    }
    return leaves;
}

Result<QList<qint64>> DemoShop::makeProducts(const Plan &plan, const QList<qint64> &leaves, Report &report)
{
    ProductRepository products(m_database);
    ImageRepository images(m_database);
    // A run tag keeps SKUs unique when the demo is loaded twice into one database.
    const QString tag = QString::number(QDateTime::currentSecsSinceEpoch() % 100000);
    QList<qint64> ids;
    for (int start = 0; start < plan.products; start += kProductsPerTransaction) {
        const int end = qMin(plan.products, start + kProductsPerTransaction);
        const Status written = m_database.transaction<Done>([&]() -> Result<Done> {
            QList<qint64> batch;
            for (int i = start; i < end; ++i) {
                const DemoCatalogue::Item item = DemoCatalogue::item(i);
                const auto created = products.create(ProductRepository::Fields {
                        item.name, item.price, item.stock, item.sku + QLatin1Char('-') + tag, item.description,
                        leaves.value(item.category * 3 + item.child) });
                if (!created)
                    return created.failure();
                batch << created->id;
                advance(plan, QStringLiteral("products"));
                if (i >= plan.pictures)
                    continue;
                const auto prepared = ImageCodec::prepare("image/jpeg", DemoCatalogue::picture(i));
                if (!prepared)
                    return prepared.failure();
                const auto added = images.add(ImageRepository::NewImage {
                        created->id, prepared->width, prepared->height,
                        { prepared->full.contentType, prepared->full.bytes, prepared->full.etag },
                        { prepared->thumb.contentType, prepared->thumb.bytes, prepared->thumb.etag } });
                if (!added)
                    return added.failure();
            }
            ids << batch;
            return Done {};
        });
        if (!written)
            return written.failure();
    }
    report.products = int(ids.size());
    report.pictures = qMin(plan.pictures, report.products);
    return ids;
}

Status DemoShop::makeCoupons(const Plan &plan, Report &report)
{
    if (plan.coupons <= 0)
        return Done {};
    CouponRepository coupons(m_database);
    const QList<DemoCatalogue::CouponOffer> offers = DemoCatalogue::coupons();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return m_database.transaction<Done>([&]() -> Result<Done> {
        for (int i = 0; i < plan.coupons; ++i) {
            const DemoCatalogue::CouponOffer &offer = offers.at(i % offers.size());
            Coupon coupon;
            coupon.name = i < offers.size() ? offer.name : QStringLiteral("%1 #%2").arg(offer.name).arg(i / offers.size() + 1);
            coupon.discountType = offer.rate ? DiscountType::Rate : DiscountType::Fixed;
            coupon.discountValue = offer.value;
            coupon.quantity = offer.quantity;
            coupon.validFrom = now;
            coupon.validUntil = now.addDays(offer.validDays);
            const Result<Coupon> made = coupons.create(coupon);
            if (!made)
                return made.failure();
            if (report.firstCouponId == 0)
                report.firstCouponId = made->id;
            report.lastCouponId = made->id;
            ++report.coupons;
        }
        return Done {};
    });
}

Status DemoShop::placeOrders(const Plan &plan, const QList<qint64> &products, Report &report)
{
    if (plan.shoppers.isEmpty() || products.isEmpty())
        return Done {};
    WalletRepository wallet(m_database);
    for (const qint64 shopper : plan.shoppers) {
        const Status charged = m_database.transaction<Done>([&]() -> Result<Done> {
            const auto credited = wallet.credit(shopper, kShopperFunds, QStringLiteral("CHARGE"), 0, 1'000'000'000);
            if (!credited)
                return credited.failure();
            return Done {};
        });
        if (!charged)
            return charged.failure();
    }
    OrderService orders(m_database, {});
    QRandomGenerator random(16);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int n = 0; n < plan.orders; ++n) {
        RequestValidation::OrderRequest request;
        request.userId = plan.shoppers.at(n % plan.shoppers.size());
        // Popular products sell more: the square favours low indexes.
        const int lines = 1 + int(random.bounded(3));
        QSet<qint64> chosen;
        for (int l = 0; l < lines; ++l) {
            const double r = random.generateDouble();
            chosen.insert(products.at(int(r * r * double(qMin<qsizetype>(products.size(), 120)))));
        }
        QList<qint64> sorted(chosen.begin(), chosen.end());
        std::sort(sorted.begin(), sorted.end());
        for (const qint64 id : sorted)
            request.items.append({ id, 1 + qint64(random.bounded(2)) });
        const auto placed = orders.place(request, QString(), QByteArray());
        advance(plan, QStringLiteral("orders"));
        if (!placed) {
            if (placed.failure().code == ErrorCode::OutOfStock || placed.failure().code == ErrorCode::InsufficientBalance)
                continue; // a demo shopper's ordinary bad luck
            return placed.failure();
        }
        const qint64 orderId = placed->body.value(QStringLiteral("id")).toInteger();
        // Back in time, everything of the order together; the sales aggregate is
        // rebuilt from the orders below.
        const QDateTime at = now.addSecs(-qint64(random.bounded(14 * 24 * 3600)));
        const Status moved = m_database.transaction<Done>([&]() -> Result<Done> {
            for (const QString &sql : { QStringLiteral("UPDATE orders SET paid_at = ? WHERE id = ?"),
                                        QStringLiteral("UPDATE balance_ledger SET created_at = ? WHERE order_id = ?"),
                                        QStringLiteral("UPDATE outbox SET created_at = ? WHERE order_id = ?") }) {
                const auto r = m_database.run(sql, { SqlTime::param(at), orderId });
                if (!r)
                    return r.failure();
            }
            return Done {};
        });
        if (!moved)
            return moved.failure();
        ++report.orders;
    }
    // One statement pair in one transaction: the aggregate equals the paid orders' lines
    // by the hour they were paid (what the order path would have written then).
    return m_database.transaction<Done>([&]() -> Result<Done> {
        const auto cleared = m_database.run(QStringLiteral("DELETE FROM product_sales_hourly"));
        if (!cleared)
            return cleared.failure();
        const auto rebuilt = m_database.run(QStringLiteral(
                "INSERT INTO product_sales_hourly (bucket_start, product_id, units, revenue) "
                "SELECT DATE_FORMAT(o.paid_at, '%Y-%m-%d %H:00:00'), l.product_id, SUM(l.quantity), SUM(l.quantity * l.unit_price) "
                "FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.status = 'PAID' "
                "GROUP BY DATE_FORMAT(o.paid_at, '%Y-%m-%d %H:00:00'), l.product_id"));
        if (!rebuilt)
            return rebuilt.failure();
        return Done {};
    });
}

QString DemoShop::describe(const Report &report)
{
    return QStringLiteral("the demo shop is ready: %1 categories, %2 products, %3 pictures, %4 coupons, %5 orders over 14 days")
            .arg(report.categories)
            .arg(report.products)
            .arg(report.pictures)
            .arg(report.coupons)
            .arg(report.orders);
}

void DemoShop::advance(const Plan &plan, const QString &step)
{
    ++m_done;
    if (plan.progress)
        plan.progress(qMin(m_done, m_total), m_total, step);
}

Result<DemoShop::Report> DemoShop::run(const Plan &plan)
{
    Report report;
    m_done = 0;
    m_total = int(DemoCatalogue::categories().size()) + plan.products + (plan.shoppers.isEmpty() ? 0 : plan.orders);
    const auto leaves = makeCategories(plan, report);
    if (!leaves)
        return leaves.failure();
    const auto products = makeProducts(plan, leaves.value(), report);
    if (!products)
        return products.failure();
    if (Status offered = makeCoupons(plan, report); !offered)
        return offered.failure();
    if (Status ordered = placeOrders(plan, products.value(), report); !ordered)
        return ordered.failure();
    return report;
}
