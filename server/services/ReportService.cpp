#include "ReportService.h"

#include "CsvWriter.h"
#include "RefundShare.h"

#include <QtCore/QHash>
#include <QtCore/QMap>
#include <QtCore/QSet>

namespace {
using Write = std::function<bool(const QByteArray &)>;

// Gathers records and hands them on once a part is full.
class Parts
{
public:
    // Every file begins with UTF-8's byte-order mark: without it a Korean Excel reads the
    // file as CP949 and shows Hangul as mojibake; with it, Excel, LibreOffice and
    // Python's utf-8-sig read UTF-8 (RFC 4180 allows any charset the MIME type names).
    explicit Parts(const Write &write) : m_write(write)
    {
        m_buffer.reserve(ReportService::kPartBytes + 4096);
        m_buffer += ReportService::kByteOrderMark;
    }
    bool add(const QList<QByteArray> &cells)
    {
        m_buffer += CsvWriter::record(cells);
        return m_buffer.size() < ReportService::kPartBytes || flush();
    }
    bool flush()
    {
        const bool sent = m_write(m_buffer);
        m_buffer.clear();
        return sent;
    }

private:
    const Write &m_write;
    QByteArray m_buffer;
};

QByteArray n(qint64 value)
{
    return CsvWriter::number(value);
}

QByteArray t(const QString &value)
{
    return CsvWriter::text(value);
}

// One header row: every cell text.
QList<QByteArray> header(std::initializer_list<const char *> names)
{
    QList<QByteArray> cells;
    for (const char *name : names)
        cells << CsvWriter::text(QString::fromLatin1(name));
    return cells;
}

// An order's state as an accountant reads it (the app shows the same states translated;
// the file is in English whatever the app's language, as its column names are).
QString statusInWords(const QString &status)
{
    static const QHash<QString, QString> words {
        { QStringLiteral("PAID"), QStringLiteral("Paid") },
        { QStringLiteral("PARTIALLY_REFUNDED"), QStringLiteral("Partially refunded") },
        { QStringLiteral("REFUNDED"), QStringLiteral("Refunded") },
        { QStringLiteral("CANCELLED"), QStringLiteral("Cancelled") },
    };
    // A state added later reads as its code in words rather than not at all.
    return words.value(status, status.left(1) + status.mid(1).toLower().replace(QLatin1Char('_'), QLatin1Char(' ')));
}

QByteArray fileName(const char *kind, const AdminRequests::ReportRange &range)
{
    return QByteArray(kind) + '-' + range.from.toString(Qt::ISODate).toLatin1() + '-' + range.to.toString(Qt::ISODate).toLatin1()
            + ".csv";
}

bool salesRows(Parts &parts, const QList<ReportRepository::SalesRow> &rows, bool named)
{
    for (const ReportRepository::SalesRow &r : rows) {
        // The key is a date (text) or an id (a number).
        QList<QByteArray> cells { named ? n(r.key.toLongLong()) : t(r.key) };
        if (named)
            cells << t(r.name);
        cells << n(r.orders) << n(r.units) << n(r.unitsReturned) << n(r.gross) << n(r.refunded) << n(r.gross - r.refunded);
        if (!parts.add(cells))
            return false;
    }
    return true;
}

struct LineMoney {
    qint64 paid = 0;
    qint64 refunded = 0;
};

// What each line of `order` (items by product id) was paid and was given back, so that
// its lines add up to the order's paidAmount and refundedAmount exactly, whatever the
// rounding: the by-product and by-category rows then add up to the by-day ones.
//
// Paid: the refund rule (RefundShare, the one copy) applied to the lines one at a time
// in product id order, as if each were refunded alone: every line its floor share of
// paidAmount by list price, the last line the rest. So a coupon is shared by the lines
// in proportion to their price, as a refund of them would share it.
//
// Refunded: each recorded refund's amount (refunds.amount) over its lines: a partial one
// by the refund rule's line shares (which is how its amount was made), the last of its
// lines the rest of that amount; the one that refunds everything, and a cancel (the part
// of refundedAmount no refund row explains), give each line what is left of its paid
// share, so a wholly refunded or cancelled order nets 0 on every line, not ±1 won of
// rounding on one product and the opposite on another.
QList<LineMoney> lineMoney(const Order &order)
{
    QList<LineMoney> out(order.items.size());
    if (out.isEmpty())
        return out;
    Order fresh = order; // nothing refunded yet: the state each replay starts from
    fresh.refundedAmount = 0;
    for (OrderLine &line : fresh.items)
        line.refundedQuantity = 0;

    Order replay = fresh;
    for (qsizetype i = 0; i < replay.items.size(); ++i) {
        OrderLine &line = replay.items[i];
        out[i].paid = RefundShare::amount(replay, { { line.productId, line.quantity } });
        replay.refundedAmount += out[i].paid;
        line.refundedQuantity = line.quantity;
    }

    // The rest of the order's money: each line what is left of its share, the last line
    // whatever the amount has over that (nothing, when the records agree).
    const auto giveRest = [&out](qint64 amount) {
        for (qsizetype i = 0; i + 1 < out.size(); ++i) {
            const qint64 left = out[i].paid - out[i].refunded;
            out[i].refunded += left;
            amount -= left;
        }
        out.last().refunded += amount;
    };
    const auto indexOf = [&order](qint64 productId) {
        for (qsizetype i = 0; i < order.items.size(); ++i)
            if (order.items.at(i).productId == productId)
                return i;
        return order.items.size() - 1; // a refund line always names a line of its order
    };

    Order before = fresh; // the order as each recorded refund found it
    qint64 recorded = 0;
    for (const OrderRefund &refund : order.refunds) {
        QHash<qint64, qint64> quantities;
        for (const RefundLine &line : refund.lines)
            quantities.insert(line.productId, line.quantity);
        if (RefundShare::refundsEverything(before, quantities)) {
            giveRest(refund.amount);
        } else {
            qint64 left = refund.amount;
            for (qsizetype j = 0; j < refund.lines.size(); ++j) {
                const RefundLine &line = refund.lines.at(j);
                const qsizetype i = indexOf(line.productId);
                const qint64 part = j + 1 < refund.lines.size()
                        ? RefundShare::lineShare(order.paidAmount, order.totalAmount, order.items.at(i).unitPrice, line.quantity)
                        : left;
                out[i].refunded += part;
                left -= part;
            }
        }
        before.refundedAmount += refund.amount;
        for (const RefundLine &line : refund.lines)
            before.items[indexOf(line.productId)].refundedQuantity += line.quantity;
        recorded += refund.amount;
    }
    if (order.refundedAmount != recorded)
        giveRest(order.refundedAmount - recorded);
    return out;
}

// The by-product or by-category rows of a period, keyed by id: every order of the
// period read a keyset page at a time, each line's money added to its group's row.
// Memory holds one row per product (or category) sold in the period, never the orders.
Result<QMap<qint64, ReportRepository::SalesRow>> salesByGroup(ReportRepository &reports, const AdminRequests::ReportRange &range,
                                                              bool byCategory)
{
    QMap<qint64, ReportRepository::SalesRow> rows;
    qint64 after = 0;
    for (;;) {
        const auto page = reports.soldOrders(range.from, range.to, after);
        if (!page)
            return page.failure();
        for (const Order &order : page->orders) {
            const bool standing = order.status == QLatin1String("PAID") || order.status == QLatin1String("PARTIALLY_REFUNDED");
            const bool cancelled = order.status == QLatin1String("CANCELLED");
            const QList<LineMoney> money = lineMoney(order);
            QSet<qint64> counted; // an order counts once per group, however many of its lines fall in it
            for (qsizetype i = 0; i < order.items.size(); ++i) {
                const OrderLine &line = order.items.at(i);
                const ReportRepository::Sold sold = page->products.value(line.productId);
                const qint64 key = byCategory ? sold.categoryId : line.productId;
                ReportRepository::SalesRow &row = rows[key];
                if (row.key.isEmpty()) {
                    row.key = QString::number(key);
                    row.name = byCategory ? sold.categoryName : sold.name;
                }
                if (standing && !counted.contains(key)) {
                    counted.insert(key);
                    ++row.orders;
                }
                row.units += line.quantity;
                row.unitsReturned += cancelled ? line.quantity : line.refundedQuantity;
                row.gross += money.at(i).paid;
                row.refunded += money.at(i).refunded;
            }
        }
        if (page->orders.size() < ReportRepository::kOrdersPerPage)
            return rows;
        after = page->orders.last().id;
    }
}
}

QString ReportService::localTime(const QDateTime &utc) const
{
    return utc.toTimeZone(m_zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

StreamedBody ReportService::salesCsv(const AdminRequests::ReportRange &range)
{
    StreamedBody body { "text/csv; charset=utf-8", fileName("sales", range), {} };
    body.produce = [this, range](const Write &write) {
        Parts parts(write);
        using By = AdminRequests::SalesGrouping;
        if (range.by == By::Day) {
            if (!parts.add(header({ "date", "orders", "units", "unitsReturned", "paid", "refunded", "net" })))
                return false;
            const auto days = m_reports.salesByDay(range.from, range.to);
            return days && salesRows(parts, days.value(), false) && parts.flush();
        }
        const bool byCategory = range.by == By::Category;
        if (!parts.add(header({ byCategory ? "categoryId" : "productId", "name", "orders", "units", "unitsReturned", "gross",
                                "refunded", "net" })))
            return false;
        const auto rows = salesByGroup(m_reports, range, byCategory);
        return rows && salesRows(parts, rows->values(), true) && parts.flush();
    };
    return body;
}

StreamedBody ReportService::ordersCsv(const AdminRequests::ReportRange &range)
{
    StreamedBody body { "text/csv; charset=utf-8", fileName("orders", range), {} };
    body.produce = [this, range](const Write &write) {
        Parts parts(write);
        // The time column names the zone its times are in; the cells are plain local
        // times, which a spreadsheet reads as dates.
        QList<QByteArray> head = header({ "orderId", "paidAt", "status", "userId", "username", "productId", "productName",
                                          "unitPrice", "quantity", "unitsReturned", "lineTotal", "orderPaid", "orderRefunded" });
        head[1] = t(QStringLiteral("paidAt (%1)").arg(QString::fromLatin1(m_zone.id())));
        if (!parts.add(head))
            return false;
        qint64 after = 0;
        for (;;) {
            const auto page = m_reports.orderLines(range.from, range.to, after);
            if (!page)
                return false;
            QSet<qint64> orders;
            for (const ReportRepository::OrderLineRow &r : page.value()) {
                orders.insert(r.orderId);
                if (!parts.add({ n(r.orderId), t(localTime(r.paidAt)), t(statusInWords(r.status)), n(r.userId), t(r.username), n(r.productId), t(r.productName),
                                 n(r.unitPrice), n(r.quantity), n(r.refundedQuantity), n(r.unitPrice * r.quantity),
                                 n(r.orderPaid), n(r.orderRefunded) }))
                    return false;
            }
            if (orders.size() < ReportRepository::kOrdersPerPage)
                return parts.flush();
            after = page->last().orderId;
        }
    };
    return body;
}

StreamedBody ReportService::shipmentsCsv(const QString &fulfilmentStatus)
{
    StreamedBody body { "text/csv; charset=utf-8", "shipments-" + fulfilmentStatus.toLower().toLatin1() + ".csv", {} };
    body.produce = [this, fulfilmentStatus](const Write &write) {
        Parts parts(write);
        if (!parts.add(header({ "orderId", "recipient", "phone", "postalCode", "address", "lines" })))
            return false;
        qint64 after = 0;
        for (;;) {
            const auto page = m_reports.shipmentLines(fulfilmentStatus, after);
            if (!page)
                return false;
            // The lines of one order come together (by order id): one record per order.
            qsizetype orders = 0;
            for (qsizetype i = 0; i < page->size();) {
                const ReportRepository::ShipmentLine &first = page->at(i);
                QStringList lines;
                for (; i < page->size() && page->at(i).orderId == first.orderId; ++i) {
                    if (page->at(i).quantity > 0)
                        lines << QStringLiteral("%1 \u00d7 %2").arg(page->at(i).productName, QString::number(page->at(i).quantity));
                }
                ++orders;
                const OrderShipping &to = first.to;
                const QString address = to.address2.isEmpty() ? to.address1 : to.address1 + QLatin1Char(' ') + to.address2;
                if (!parts.add({ n(first.orderId), t(to.recipient), t(to.phone), t(to.postalCode), t(address),
                                 t(lines.join(QStringLiteral("; "))) }))
                    return false;
            }
            if (orders < ReportRepository::kOrdersPerPage)
                return parts.flush();
            after = page->last().orderId;
        }
    };
    return body;
}
