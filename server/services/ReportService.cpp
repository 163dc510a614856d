#include "ReportService.h"

#include "CsvWriter.h"

#include <QtCore/QSet>

namespace {
using Write = std::function<bool(const QByteArray &)>;

// Gathers records and hands them on once a part is full.
class Parts
{
public:
    explicit Parts(const Write &write) : m_write(write) { m_buffer.reserve(ReportService::kPartBytes + 4096); }
    bool add(const QStringList &fields)
    {
        m_buffer += CsvWriter::record(fields);
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

QString n(qint64 value)
{
    return QString::number(value);
}

QByteArray fileName(const char *kind, const AdminRequests::ReportRange &range)
{
    return QByteArray(kind) + '-' + range.from.toString(Qt::ISODate).toLatin1() + '-' + range.to.toString(Qt::ISODate).toLatin1()
            + ".csv";
}

bool salesRows(Parts &parts, const QList<ReportRepository::SalesRow> &rows, bool named)
{
    for (const ReportRepository::SalesRow &r : rows) {
        QStringList fields { r.key };
        if (named)
            fields << r.name;
        fields << n(r.orders) << n(r.units) << n(r.unitsReturned) << n(r.gross) << n(r.refunded) << n(r.net);
        if (!parts.add(fields))
            return false;
    }
    return true;
}
}

StreamedBody ReportService::salesCsv(const AdminRequests::ReportRange &range)
{
    StreamedBody body { "text/csv; charset=utf-8", fileName("sales", range), {} };
    body.produce = [this, range](const Write &write) {
        Parts parts(write);
        using By = AdminRequests::SalesGrouping;
        if (range.by == By::Day) {
            if (!parts.add({ QStringLiteral("date"), QStringLiteral("orders"), QStringLiteral("units"),
                             QStringLiteral("unitsReturned"), QStringLiteral("paid"), QStringLiteral("refunded"),
                             QStringLiteral("net") }))
                return false;
            const auto days = m_reports.salesByDay(range.from, range.to);
            return days && salesRows(parts, days.value(), false) && parts.flush();
        }
        const QString key = range.by == By::Product ? QStringLiteral("productId") : QStringLiteral("categoryId");
        if (!parts.add({ key, QStringLiteral("name"), QStringLiteral("orders"), QStringLiteral("units"),
                         QStringLiteral("unitsReturned"), QStringLiteral("gross"), QStringLiteral("refunded"),
                         QStringLiteral("net") }))
            return false;
        if (range.by == By::Category) {
            const auto categories = m_reports.salesByCategory(range.from, range.to);
            return categories && salesRows(parts, categories.value(), true) && parts.flush();
        }
        qint64 after = 0;
        for (;;) {
            const auto page = m_reports.salesByProduct(range.from, range.to, after);
            if (!page || !salesRows(parts, page.value(), true))
                return false;
            if (page->size() < ReportRepository::kProductsPerPage)
                return parts.flush();
            after = page->last().key.toLongLong();
        }
    };
    return body;
}

StreamedBody ReportService::ordersCsv(const AdminRequests::ReportRange &range)
{
    StreamedBody body { "text/csv; charset=utf-8", fileName("orders", range), {} };
    body.produce = [this, range](const Write &write) {
        Parts parts(write);
        if (!parts.add({ QStringLiteral("orderId"), QStringLiteral("paidAt"), QStringLiteral("status"), QStringLiteral("userId"),
                         QStringLiteral("username"), QStringLiteral("productId"), QStringLiteral("productName"),
                         QStringLiteral("unitPrice"), QStringLiteral("quantity"), QStringLiteral("unitsReturned"),
                         QStringLiteral("lineTotal"), QStringLiteral("orderPaid"), QStringLiteral("orderRefunded") }))
            return false;
        qint64 after = 0;
        for (;;) {
            const auto page = m_reports.orderLines(range.from, range.to, after);
            if (!page)
                return false;
            QSet<qint64> orders;
            for (const ReportRepository::OrderLineRow &r : page.value()) {
                orders.insert(r.orderId);
                if (!parts.add({ n(r.orderId), r.paidAt, r.status, n(r.userId), r.username, n(r.productId), r.productName,
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
