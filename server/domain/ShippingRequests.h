#pragma once

#include "RequestValidation.h"

#include <QtCore/QJsonObject>
#include <QtCore/QUrlQuery>

// The bodies and query strings of API.md's fulfilment and returns routes, turned into
// checked values or the VALIDATION_FAILED naming the field. Whether a move or a return is
// allowed for an order is the services' (it needs the order); this is only the shape. Pure.
namespace ShippingRequests {

struct FulfilmentMove {
    QString status; // PACKED, SHIPPED or DELIVERED (any state name: moving back is a 409, not a 400)
    QString carrier; // empty: not given
    QString trackingNumber; // empty: not given
};
// {"status", "carrier"?, "trackingNumber"?}: status a fulfilment state; carrier and
// trackingNumber strings when given, and only with SHIPPED (whether they are right is the
// move's rule: 409 INVALID_TRANSITION).
Result<FulfilmentMove> fulfilmentMove(const QJsonObject &body);

struct StatusPage {
    RequestValidation::PageRequest page;
    QString status; // empty: every state
};
// ?status&page&size of the packing queue: UNFULFILLED, PACKED, SHIPPED or DELIVERED.
Result<StatusPage> fulfilmentQueue(const QUrlQuery &query);
// ?status&page&size of the admin's returns: REQUESTED, ACCEPTED or REJECTED.
Result<StatusPage> returns(const QUrlQuery &query);
// ?status of shipments.csv: UNFULFILLED, PACKED (the default), SHIPPED or DELIVERED.
Result<QString> shipmentsStatus(const QUrlQuery &query);

struct ReturnAsk {
    QList<RefundLine> lines; // ascending product id, no product twice
    QString reason;
};
// {"lines": [{"productId", "quantity"}], "reason"}: 1..50 lines, 1..1,000 units, reason 1..200.
Result<ReturnAsk> returnAsk(const QJsonObject &body);

struct ReturnDecision {
    bool accept = false;
    bool restock = false;
    QString note;
};
// {"decision": "ACCEPT"|"REJECT", "restock": true|false, "note"?}: restock required to
// accept, note 0..200 characters.
Result<ReturnDecision> returnDecision(const QJsonObject &body);
}
