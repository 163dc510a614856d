#include "InvariantChecker.h"

#include "Database.h"

#include <QtCore/QStringList>
#include <QtSql/QSqlRecord>

#include <iterator>

namespace {
struct Rule {
    const char *name;
    // Selects one row per violation; its columns are shown joined by spaces.
    const char *sql;
};

// Ledger amounts are positive; CHARGE and REFUND add, PAYMENT subtracts.
const Rule kRules[] = {
    { "every balance equals the sum of its ledger",
      "SELECT b.user_id, b.balance, COALESCE(l.net, 0) FROM balances b LEFT JOIN ("
      " SELECT user_id, SUM(CASE type WHEN 'PAYMENT' THEN -amount ELSE amount END) AS net FROM balance_ledger GROUP BY user_id) l"
      " ON l.user_id = b.user_id WHERE b.balance <> COALESCE(l.net, 0)" },
    { "no balance is negative", "SELECT user_id, balance FROM balances WHERE balance < 0" },
    { "no stock is negative", "SELECT id, stock FROM products WHERE stock < 0" },
    { "every coupon's issued count equals its user coupons",
      "SELECT c.id, c.issued, COUNT(uc.id) FROM coupons c LEFT JOIN user_coupons uc ON uc.coupon_id = c.id"
      " GROUP BY c.id, c.issued HAVING c.issued <> COUNT(uc.id)" },
    { "no coupon is issued past its quantity", "SELECT id, issued, quantity FROM coupons WHERE issued > quantity" },
    { "one coupon per user",
      "SELECT coupon_id, user_id, COUNT(*) FROM user_coupons GROUP BY coupon_id, user_id HAVING COUNT(*) > 1" },
    { "every order has exactly one PAYMENT ledger row for its paid amount",
      "SELECT o.id, o.paid_amount, COUNT(l.id), COALESCE(SUM(l.amount), 0) FROM orders o"
      " LEFT JOIN balance_ledger l ON l.order_id = o.id AND l.type = 'PAYMENT'"
      " GROUP BY o.id, o.paid_amount HAVING COUNT(l.id) <> 1 OR COALESCE(SUM(l.amount), 0) <> o.paid_amount" },
    { "an order's REFUND ledger rows add up to its refunded amount, never past what was paid",
      "SELECT o.id, o.status, o.paid_amount, o.refunded_amount, COALESCE(SUM(l.amount), 0) FROM orders o"
      " LEFT JOIN balance_ledger l ON l.order_id = o.id AND l.type = 'REFUND'"
      " GROUP BY o.id, o.status, o.paid_amount, o.refunded_amount"
      " HAVING o.refunded_amount <> COALESCE(SUM(l.amount), 0) OR o.refunded_amount > o.paid_amount OR o.refunded_amount < 0" },
    { "no line is refunded past what was bought, and its refunds add up",
      "SELECT l.order_id, l.product_id, l.quantity, l.refunded_quantity, COALESCE(r.units, 0) FROM order_lines l LEFT JOIN"
      " (SELECT f.order_id, rl.product_id, SUM(rl.quantity) AS units FROM refund_lines rl JOIN refunds f ON f.id = rl.refund_id"
      "  GROUP BY f.order_id, rl.product_id) r ON r.order_id = l.order_id AND r.product_id = l.product_id"
      " WHERE l.refunded_quantity < 0 OR l.refunded_quantity > l.quantity OR l.refunded_quantity <> COALESCE(r.units, 0)" },
    { "an order's status agrees with its refunds",
      "SELECT o.id, o.status, SUM(l.quantity), SUM(l.refunded_quantity), o.refunded_amount, o.paid_amount FROM orders o"
      " JOIN order_lines l ON l.order_id = o.id GROUP BY o.id, o.status, o.refunded_amount, o.paid_amount"
      " HAVING NOT ((o.status = 'PAID' AND SUM(l.refunded_quantity) = 0 AND o.refunded_amount = 0)"
      " OR (o.status = 'PARTIALLY_REFUNDED' AND SUM(l.refunded_quantity) > 0 AND SUM(l.refunded_quantity) < SUM(l.quantity))"
      " OR (o.status = 'REFUNDED' AND SUM(l.refunded_quantity) = SUM(l.quantity) AND o.refunded_amount = o.paid_amount)"
      " OR (o.status = 'CANCELLED' AND o.refunded_amount = o.paid_amount))" },
    { "every order has exactly one ORDER_PAID event, a cancelled one exactly one ORDER_CANCELLED, one ORDER_REFUNDED per refund",
      "SELECT o.id, o.status, SUM(e.event_type = 'ORDER_PAID'), SUM(e.event_type = 'ORDER_CANCELLED'),"
      " SUM(e.event_type = 'ORDER_REFUNDED') FROM orders o"
      " LEFT JOIN outbox e ON e.order_id = o.id GROUP BY o.id, o.status"
      " HAVING COALESCE(SUM(e.event_type = 'ORDER_PAID'), 0) <> 1"
      " OR COALESCE(SUM(e.event_type = 'ORDER_CANCELLED'), 0) <> (o.status = 'CANCELLED')"
      " OR COALESCE(SUM(e.event_type = 'ORDER_REFUNDED'), 0) <> (SELECT COUNT(*) FROM refunds r WHERE r.order_id = o.id)" },
    { "every product's stock equals the sum of its stock ledger",
      "SELECT p.id, p.stock, COALESCE(s.net, 0) FROM products p LEFT JOIN"
      " (SELECT product_id, SUM(delta) AS net FROM stock_ledger GROUP BY product_id) s ON s.product_id = p.id"
      " WHERE p.stock <> COALESCE(s.net, 0)" },
    { "order totals equal their lines, and paid = total - discount",
      "SELECT o.id, o.total_amount, COALESCE(SUM(l.unit_price * l.quantity), 0), o.discount_amount, o.paid_amount"
      " FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id"
      " GROUP BY o.id, o.total_amount, o.discount_amount, o.paid_amount"
      " HAVING o.total_amount <> COALESCE(SUM(l.unit_price * l.quantity), 0)"
      " OR o.paid_amount <> o.total_amount - o.discount_amount OR o.discount_amount < 0 OR o.paid_amount < 0" },
    { "a coupon is used by at most one paid order, an available one by none",
      "SELECT uc.id, uc.status, COUNT(o.id) FROM user_coupons uc LEFT JOIN orders o ON o.user_coupon_id = uc.id"
      " AND o.status IN ('PAID', 'PARTIALLY_REFUNDED') GROUP BY uc.id, uc.status"
      " HAVING (uc.status = 'USED' AND COUNT(o.id) > 1) OR (uc.status <> 'USED' AND COUNT(o.id) <> 0)" },
    { "the top-products aggregate equals the units sold, less cancels and refunds",
      "SELECT p.product_id, p.units, COALESCE(l.units, 0) FROM"
      " (SELECT product_id, SUM(units) AS units FROM product_sales_hourly GROUP BY product_id) p LEFT JOIN"
      " (SELECT ol.product_id, SUM(ol.quantity - ol.refunded_quantity) AS units FROM order_lines ol"
      "  JOIN orders o ON o.id = ol.order_id WHERE o.status <> 'CANCELLED' GROUP BY ol.product_id) l"
      " ON l.product_id = p.product_id WHERE p.units <> COALESCE(l.units, 0)"
      " UNION ALL"
      " SELECT ol.product_id, 0, SUM(ol.quantity - ol.refunded_quantity) FROM order_lines ol JOIN orders o ON o.id = ol.order_id"
      " WHERE o.status <> 'CANCELLED' AND ol.product_id NOT IN (SELECT product_id FROM product_sales_hourly)"
      " GROUP BY ol.product_id HAVING SUM(ol.quantity - ol.refunded_quantity) <> 0" },
    // Shipping (issue 26).
    { "no order ships without an address, a carrier and a tracking number, and a pickup never ships",
      "SELECT id, fulfilment_status, ship_recipient IS NULL, carrier, tracking_number FROM orders"
      " WHERE (fulfilment_status = 'SHIPPED' AND ship_recipient IS NULL)"
      " OR (fulfilment_status IN ('SHIPPED', 'DELIVERED') AND ship_recipient IS NOT NULL"
      " AND (carrier IS NULL OR tracking_number IS NULL OR shipped_at IS NULL))" },
    { "an order's fulfilment agrees with its status (CANCELLED exactly when cancelled or wholly refunded before shipping)",
      "SELECT id, status, fulfilment_status FROM orders"
      " WHERE (status = 'CANCELLED' AND fulfilment_status <> 'CANCELLED')"
      " OR (status = 'REFUNDED' AND fulfilment_status IN ('UNFULFILLED', 'PACKED'))"
      " OR (status IN ('PAID', 'PARTIALLY_REFUNDED') AND fulfilment_status = 'CANCELLED')"
      " OR fulfilment_status NOT IN ('UNFULFILLED', 'PACKED', 'SHIPPED', 'DELIVERED', 'CANCELLED')" },
    { "an accepted return has exactly its own refund, and no other return has one",
      "SELECT id, status, refund_id FROM returns WHERE (status = 'ACCEPTED') <> (refund_id IS NOT NULL)"
      " UNION ALL SELECT MIN(id), 'shared refund', refund_id FROM returns WHERE refund_id IS NOT NULL"
      " GROUP BY refund_id HAVING COUNT(*) > 1" },
    { "returns ask back only delivered units, never more than were bought",
      "SELECT r.order_id, r.id, 'not delivered', 0 FROM returns r JOIN orders o ON o.id = r.order_id WHERE o.delivered_at IS NULL"
      " UNION ALL SELECT r.order_id, rl.product_id, SUM(rl.quantity), MAX(l.quantity) FROM returns r"
      " JOIN return_lines rl ON rl.return_id = r.id"
      " LEFT JOIN order_lines l ON l.order_id = r.order_id AND l.product_id = rl.product_id"
      " GROUP BY r.order_id, rl.product_id HAVING MAX(l.quantity) IS NULL OR SUM(rl.quantity) > MAX(l.quantity)" },
};
constexpr int kShownRows = 5;
}

Result<QList<InvariantChecker::Violation>> InvariantChecker::run()
{
    QList<Violation> found;
    for (const Rule &rule : kRules) {
        const auto rows = m_database.run(QString::fromLatin1(rule.sql));
        if (!rows)
            return rows.failure();
        QSqlQuery *q = rows.value();
        Violation v { QString::fromLatin1(rule.name), {}, 0 };
        QStringList shown;
        while (q->next()) {
            if (++v.count <= kShownRows) {
                QStringList columns;
                for (int c = 0; c < q->record().count(); ++c)
                    columns << q->value(c).toString();
                shown << QLatin1Char('(') + columns.join(QStringLiteral(", ")) + QLatin1Char(')');
            }
        }
        if (v.count > 0) {
            v.detail = shown.join(QStringLiteral(" "));
            found.append(v);
        }
    }
    return found;
}

QString InvariantChecker::report(const QList<Violation> &violations)
{
    if (violations.isEmpty())
        return QStringLiteral("all %1 invariants hold").arg(int(std::size(kRules)));
    QStringList lines { QStringLiteral("%1 of %2 invariants violated:").arg(violations.size()).arg(int(std::size(kRules))) };
    for (const Violation &v : violations)
        lines << QStringLiteral("- %1: %2 row(s), e.g. %3").arg(v.rule).arg(v.count).arg(v.detail);
    return lines.join(QLatin1Char('\n'));
}
