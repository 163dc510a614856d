#pragma once

#include "AdminRequests.h"
#include "ReportRepository.h"
#include "StreamedBody.h"

#include <QtCore/QTimeZone>

// The admin's CSV reports (API.md, Reports), streamed: each is a StreamedBody whose
// producer reads MySQL a keyset page at a time and hands the CSV on in parts of about
// kPartBytes, so a year of order lines never sits in memory.
class ReportService
{
public:
    static constexpr int kPartBytes = 64 * 1024;
    // The first bytes of every report: UTF-8's byte-order mark (EF BB BF).
    static constexpr const char *kByteOrderMark = "\xEF\xBB\xBF";

    // `zone`: the shop's (--time-zone): the times in the files are written in it.
    ReportService(Database &database, const QTimeZone &zone) : m_reports(database), m_zone(zone) { }

    // by=day: date, orders, units, unitsReturned, paid, refunded, net.
    // by=product / category: id, name, orders, units, unitsReturned, gross, refunded,
    // net, in money paid: each order's paidAmount shared by its lines with the refund
    // rule (RefundShare), refunds by their recorded amounts, so every grouping of a
    // period adds up to the same gross, refunded and net as by=day.
    StreamedBody salesCsv(const AdminRequests::ReportRange &range);
    // One row per order line: the order, the line, what of it was refunded or cancelled.
    // paidAt in the shop's time zone, named in the header ("paidAt (Asia/Seoul)"); the
    // status in words ("Partially refunded"). The from/to days are UTC days (API.md).
    StreamedBody ordersCsv(const AdminRequests::ReportRange &range);
    // One row per order to send (API.md, Shipping: shipments.csv), oldest order first:
    // orderId, recipient, phone, postalCode, address (road address and detail), lines
    // ("name × units" of what is left to send, joined by "; "). Pickups are not listed.
    StreamedBody shipmentsCsv(const QString &fulfilmentStatus);

private:
    QString localTime(const QDateTime &utc) const;

    ReportRepository m_reports;
    QTimeZone m_zone;
};
