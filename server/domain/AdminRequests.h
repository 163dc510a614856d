#pragma once

#include "RequestValidation.h"

#include <QtCore/QDate>
#include <QtCore/QJsonObject>
#include <QtCore/QUrlQuery>

#include <optional>

// The bodies and query strings of API.md's "Running the shop" routes, turned into
// checked values or the VALIDATION_FAILED naming the field. Pure.
namespace AdminRequests {

struct RefundRequest {
    QList<RefundLine> lines; // ascending product id, no product twice
    bool restock = false;
    QString reason;
};
// {"lines": [{"productId", "quantity"}], "restock", "reason"}: 1..50 lines, 1..1,000
// units each, reason 1..200 characters.
Result<RefundRequest> refund(const QJsonObject &body);

struct StockChange {
    qint64 delta = 0;
    QString reason;
};
// {"delta", "reason"}: delta a non-zero whole number within ±kMaxStock, reason 1..200.
Result<StockChange> stockChange(const QJsonObject &body);

// {"disabled": true|false}.
Result<bool> userPatch(const QJsonObject &body);

struct UserQuery {
    RequestValidation::PageRequest page;
    QString usernamePrefix; // empty: everyone
};
// ?q&page&size: q 1..32 characters (the beginning of a username).
Result<UserQuery> users(const QUrlQuery &query);

struct AuditQuery {
    RequestValidation::PageRequest page;
    QString entity; // empty: every entity
};
// ?entity&page&size: entity product|category|coupon|order|user.
Result<AuditQuery> audit(const QUrlQuery &query);

struct OrderQuery {
    RequestValidation::PageRequest page;
    QString status; // empty: any
    qint64 userId = 0; // 0: any
    QDate from; // invalid: any
    QDate to; // inclusive; invalid: any
    QString query; // an order id or the beginning of a username; empty: any
    QString fulfilment; // UNFULFILLED, PACKED, SHIPPED, DELIVERED, CANCELLED; empty: any
};
// ?status&fulfilment&userId&from&to&q&page&size of GET /admin/orders (fulfilment: an
// extension of API.md, issue 26).
Result<OrderQuery> orders(const QUrlQuery &query);

enum class SalesGrouping { Day, Product, Category };
struct ReportRange {
    QDate from;
    QDate to; // inclusive
    SalesGrouping by = SalesGrouping::Day;
};
// ?from&to (YYYY-MM-DD, inclusive, at most 366 days) [&by=day|product|category].
Result<ReportRange> reportRange(const QUrlQuery &query, bool withGrouping);
}
