#pragma once

#include "AdminValues.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

// An audit entry in the shop's words, not the server's: the action as a sentence
// ("Refunded ₩3,000 of order #12: damaged", not `order.refund`) for the audit log's
// list, and every field it changed, whole and readable (names in the language shown,
// money as won, states as the app says them, lists item by item, nothing cut) for
// its details pane. Apart from AuditPage so the wording can be tested without a page.
class AuditText
{
    Q_DECLARE_TR_FUNCTIONS(AuditText)
public:
    // "Product", "Order", … (an unknown kind of record as the server names it).
    static QString entityName(const QString &entity);
    // One sentence, plain text: what the administrator did.
    static QString summary(const AuditEntry &entry);
    // The change, one field a line (HTML): "<b>Price</b>: ₩12,000 → ₩9,900".
    static QString describeChange(const AuditEntry &entry);
    // A field of a record in words: "refundedAmount" → "Refunded"; unknown ones as they are.
    static QString fieldName(const QString &field);
    // A field's value in words (plain text, whole).
    static QString valueText(const QString &field, const QJsonValue &value);
};
