#include "DemoShop.h"

#include "AuditRepository.h"
#include "CategoryService.h"
#include "CouponRepository.h"
#include "DemoCatalogue.h"
#include "DemoShopRepository.h"
#include "DemoShopShipping.h"
#include "Database.h"
#include "ImageCodec.h"
#include "ImageRepository.h"
#include "OrderService.h"
#include "ProductRepository.h"
#include "StockService.h"
#include "WalletRepository.h"

#include <QtCore/QRandomGenerator>

namespace {
// Products written per transaction: one commit (one log flush) per batch, not per row.
constexpr int kProductsPerTransaction = 500;
constexpr qint64 kShopperFunds = 5'000'000;
constexpr int kHistoryDays = 14;
constexpr qint64 kRestock = 100;
constexpr qint64 kTopUp = 2'000'000;

Status inTransaction(Database &database, const std::function<Status()> &work)
{
    return database.transaction<Done>([&]() -> Result<Done> {
        if (Status done = work(); !done)
            return done.failure();
        return Done {};
    });
}
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
    // On the shelves, opening stock counted, the evening before the first order.
    if (!ids.isEmpty()) {
        DemoShopRepository history(m_database);
        const auto [first, last] = std::minmax_element(ids.cbegin(), ids.cend());
        const Status dated = inTransaction(m_database, [&] { return history.dateCatalogue(*first, *last, m_opened.addSecs(-6 * 3600)); });
        if (!dated)
            return dated.failure();
    }
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
    DemoShopShipping shipping(m_database);
    const auto books = shipping.addressBooks(plan.shoppers, m_now.addSecs(-1), m_opened);
    if (!books)
        return books.failure();
    OrderService orders(m_database, {});
    DemoShopRepository history(m_database);
    QRandomGenerator random(16);
    // When each order was paid, oldest first: placed in that order, ids, stock ledger
    // rows and balances run forward in time as they would have.
    QList<QDateTime> times;
    const qint64 window = m_opened.secsTo(m_now) - 600;
    for (int n = 0; n < plan.orders; ++n)
        times << m_opened.addSecs(qint64(random.bounded(window)));
    std::sort(times.begin(), times.end());
    QList<DemoShopShipping::Placed> placed;
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
        // One in eight is picked up in person; a shopper with an office sends some there.
        const QList<qint64> book = books->value(request.userId);
        const bool pickup = random.bounded(8) == 0 || book.isEmpty();
        request.addressId = pickup ? 0 : book.at(book.size() > 1 && random.bounded(4) == 0 ? 1 : 0);
        auto made = orders.place(request, QString(), QByteArray());
        // Sold out before the last two days: the shop restocked it (between the order
        // before and this one, so the ledger's times run as its rows do) and the order
        // went through. What sells out later stays sold out: the shop shows some. A
        // shopper short of money charges the wallet then, as shoppers do.
        const QDateTime before = n > 0 ? times.at(n - 1) : m_opened;
        const QDateTime between = before.addSecs(before.secsTo(times.at(n)) / 2);
        for (int attempt = 0; attempt < 2 && !made; ++attempt) {
            if (made.failure().code == ErrorCode::OutOfStock && times.at(n) < m_now.addDays(-2)) {
                const qint64 product = made.failure().details.value(QStringLiteral("productId")).toInteger();
                if (Status restocked = restock(product, between); !restocked)
                    return restocked.failure();
            } else if (made.failure().code == ErrorCode::InsufficientBalance) {
                if (Status charged = topUp(request.userId, between); !charged)
                    return charged.failure();
            } else {
                break;
            }
            made = orders.place(request, QString(), QByteArray());
        }
        advance(plan, QStringLiteral("orders"));
        if (!made) {
            if (made.failure().code == ErrorCode::OutOfStock || made.failure().code == ErrorCode::InsufficientBalance)
                continue; // a demo shopper's ordinary bad luck
            return made.failure();
        }
        const qint64 orderId = made->body.value(QStringLiteral("id")).toInteger();
        // Back in time, everything of the order together; the sales aggregate is
        // rebuilt from the orders below.
        const Status moved = inTransaction(m_database, [&] { return history.datePlaced(orderId, times.at(n)); });
        if (!moved)
            return moved.failure();
        placed.append({ orderId, request.userId, times.at(n), pickup });
        ++report.orders;
    }
    if (plan.progress)
        plan.progress(qMin(m_done, m_total), m_total, QStringLiteral("shipping"));
    const auto delivered = shipping.fulfil(placed, m_now);
    if (!delivered)
        return delivered.failure();
    const auto returned = shipping.returns(delivered.value(), m_now);
    if (!returned)
        return returned.failure();
    report.returns = returned.value();
    advance(plan, QStringLiteral("sales"));
    const Status sales = inTransaction(m_database, [&] { return history.rebuildSales(); });
    advance(plan, QStringLiteral("sales"));
    return sales;
}

Status DemoShop::restock(qint64 productId, const QDateTime &at)
{
    // adminId 0: the demo's own delivery, not an admin's edit (no audit row).
    const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-1);
    const auto after = StockService(m_database).adjust(productId, { kRestock, QStringLiteral("입고") }, 0);
    if (!after)
        return after.failure();
    DemoShopRepository history(m_database);
    return inTransaction(m_database, [&] { return history.dateRestock(productId, since, at); });
}

Status DemoShop::topUp(qint64 shopper, const QDateTime &at)
{
    const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-1);
    WalletRepository wallet(m_database);
    DemoShopRepository history(m_database);
    return inTransaction(m_database, [&]() -> Status {
        const auto credited = wallet.credit(shopper, kTopUp, QStringLiteral("CHARGE"), 0, 1'000'000'000);
        if (!credited)
            return credited.failure();
        return history.dateCharges(shopper, since, at);
    });
}

Status DemoShop::audit(const Plan &plan, const Report &report)
{
    // One row for the whole load (its many transactions are the demo's, not an admin's
    // edits): the Audit page shows who filled the shop, and with what.
    AuditRepository log(m_database);
    const QJsonObject after { { QStringLiteral("categories"), report.categories }, { QStringLiteral("products"), report.products },
                              { QStringLiteral("pictures"), report.pictures },     { QStringLiteral("coupons"), report.coupons },
                              { QStringLiteral("orders"), report.orders },         { QStringLiteral("returns"), report.returns } };
    // Entity "shop" #1: the shop itself (there is one).
    return inTransaction(m_database, [&] { return log.record(plan.adminId, QStringLiteral("shop.demo-load"), QStringLiteral("shop"), 1, {}, after); });
}

QString DemoShop::describe(const Report &report)
{
    return QStringLiteral("the demo shop is ready: %1 categories, %2 products, %3 pictures, %4 coupons, %5 orders over 14 days, "
                          "%6 returns")
            .arg(report.categories)
            .arg(report.products)
            .arg(report.pictures)
            .arg(report.coupons)
            .arg(report.orders)
            .arg(report.returns);
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
    m_now = QDateTime::currentDateTimeUtc();
    m_opened = m_now.addDays(-kHistoryDays);
    // Two steps after the orders (deliveries and returns, then the sales aggregate) take
    // seconds: counted, so the bar does not sit at 100 % while they run.
    m_total = int(DemoCatalogue::categories().size()) + plan.products + (plan.shoppers.isEmpty() ? 0 : plan.orders + 2);
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
    if (Status audited = audit(plan, report); !audited)
        return audited.failure();
    return report;
}
