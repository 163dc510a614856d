#include "AuditText.h"
#include "Translator.h"

#include <QtCore/QJsonDocument>
#include <QtTest/QTest>

#include <algorithm>

Q_DECLARE_METATYPE(AuditEntry)

// The audit log in words (issue 27 point 8): each action the server records, as the
// server writes it (server/services: product.stock, order.refund, …), said as a
// sentence in English and Korean; its details whole and readable, not cut JSON.
class tst_AuditText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Translator::use(QStringLiteral("en")); }
    void summary_data();
    void summary();
    void detailsAreWholeAndInWords_data();
    void detailsAreWholeAndInWords();

private:
    static QJsonObject json(const char *text) { return QJsonDocument::fromJson(text).object(); }
    static AuditEntry entry(const char *action, const char *entity, qint64 id, const char *before, const char *after)
    {
        AuditEntry e;
        e.id = 1;
        e.actor = QStringLiteral("admin");
        e.action = QLatin1String(action);
        e.entity = QLatin1String(entity);
        e.entityId = id;
        e.before = json(before);
        e.after = json(after);
        e.at = QDateTime(QDate(2026, 12, 1), QTime(16, 26, 47), Qt::UTC);
        return e;
    }
};

void tst_AuditText::summary_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<AuditEntry>("entry");
    QTest::addColumn<QString>("said");
    const AuditEntry refund = entry("order.refund", "order", 12, R"({"id":12,"refundedAmount":0})",
                                    R"({"id":12,"refundedAmount":3000,"refund":{"id":4,"amount":3000,"reason":"damaged",
                                        "restocked":false,"lines":[{"productId":5,"quantity":1}]}})");
    QTest::newRow("refund en") << "en" << refund << QStringLiteral("Refunded \u20A93,000 of order #12: damaged");
    QTest::newRow("refund ko") << "ko" << refund << QStringLiteral("주문 #12에서 3,000원 환불: damaged");
    const AuditEntry taken = entry("product.stock", "product", 5, R"({"stock":14})",
                                   R"({"stock":11,"delta":-3,"reason":"broken in storage"})");
    QTest::newRow("stock taken en") << "en" << taken
                                    << QStringLiteral("Took 3 from the stock of product #5 (now 11): broken in storage");
    QTest::newRow("stock taken ko") << "ko" << taken << QStringLiteral("상품 #5 재고 3개 차감(현재 11개): broken in storage");
    const AuditEntry added = entry("product.stock", "product", 5, R"({"stock":14})",
                                   R"({"stock":26,"delta":12,"reason":"12월 입고분"})");
    QTest::newRow("stock added en") << "en" << added
                                    << QStringLiteral("Added 12 to the stock of product #5 (now 26): 12월 입고분");
    const AuditEntry coupon = entry("coupon.create", "coupon", 3, "{}",
                                    R"({"name":"Spring 10%","discountType":"RATE","discountValue":10,"quantity":1000})");
    QTest::newRow("coupon en") << "en" << coupon << QStringLiteral("Created coupon \u201CSpring 10%\u201D: 10% off, 1,000 to claim");
    QTest::newRow("coupon ko") << "ko" << coupon << QStringLiteral("쿠폰 \u201CSpring 10%\u201D 발행: 10% 할인, 1,000장");
    const AuditEntry disabled = entry("user.disable", "user", 7, R"({"username":"minji.kim","disabled":false})",
                                      R"({"username":"minji.kim","disabled":true})");
    QTest::newRow("disable en") << "en" << disabled << QStringLiteral("Disabled account \u201Cminji.kim\u201D");
    QTest::newRow("disable ko") << "ko" << disabled << QStringLiteral("계정 \u201Cminji.kim\u201D 정지");
    const AuditEntry price = entry("product.update", "product", 9, R"({"name":"Teapot","price":12000,"stock":3})",
                                   R"({"name":"Teapot","price":9900,"stock":3})");
    QTest::newRow("product en") << "en" << price << QStringLiteral("Changed product \u201CTeapot\u201D: price");
    QTest::newRow("product ko") << "ko" << price << QStringLiteral("상품 \u201CTeapot\u201D 수정: 가격");
    const AuditEntry cancel = entry("order.cancel", "order", 31, R"({"status":"PAID","refundedAmount":1000})",
                                    R"({"status":"CANCELLED","refundedAmount":25000})");
    QTest::newRow("cancel en") << "en" << cancel << QStringLiteral("Cancelled order #31: \u20A924,000 back to the wallet");
    const AuditEntry shipped = entry("order.fulfilment", "order", 8, R"({"fulfilment":{"status":"PACKED"}})",
                                     R"({"fulfilment":{"status":"SHIPPED","carrier":"CJ","trackingNumber":"123456789012"}})");
    QTest::newRow("shipped en") << "en" << shipped
                                << QStringLiteral("Shipped order #8 with CJ Logistics, tracking number 123456789012");
    const AuditEntry category = entry("category.update", "category", 2, R"({"name":"Tea","parentId":null})",
                                      R"({"name":"Teas","parentId":null})");
    QTest::newRow("category en") << "en" << category << QStringLiteral("Renamed category \u201CTea\u201D to \u201CTeas\u201D");
    // As server/services/DemoShop writes it.
    const AuditEntry demo = entry("shop.demo-load", "shop", 1, "{}",
                                  R"({"categories":6,"products":48,"pictures":48,"coupons":4,"orders":120,"returns":3})");
    QTest::newRow("demo en") << "en" << demo << QStringLiteral("Loaded the demo shop: 48 products, 120 orders");
    QTest::newRow("demo ko") << "ko" << demo << QStringLiteral("데모 상점 불러오기: 상품 48개, 주문 120건");
    const AuditEntry plainDemo = entry("shop.demo-load", "shop", 1, "{}", "{}");
    QTest::newRow("demo, nothing counted") << "en" << plainDemo << QStringLiteral("Loaded the demo shop");
    const AuditEntry unknown = entry("product.archive", "product", 4, "{}", "{}");
    QTest::newRow("an action from a newer server") << "en" << unknown << QStringLiteral("product.archive on product #4");
}

void tst_AuditText::summary()
{
    QFETCH(QString, language);
    QFETCH(AuditEntry, entry);
    QFETCH(QString, said);
    Translator::use(language);
    QCOMPARE(AuditText::summary(entry), said);
}

void tst_AuditText::detailsAreWholeAndInWords_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QStringList>("absent");
    const QString longNote = QStringLiteral("The box was crushed in transit and two of the three cups inside were broken; "
                                            "the customer sent photos of every piece, and the carrier confirmed the damage "
                                            "on their side as well.");
    QTest::newRow("en") << "en"
                        << QStringList { QStringLiteral("<b>Refunded \u20A93,000 of order #12: ") + longNote + QStringLiteral("</b>"),
                                         QStringLiteral("<b>Refunded</b>: \u20A90 \u2192 \u20A93,000"),
                                         QStringLiteral("<b>Refund \u203A Reason</b>: ") + longNote,
                                         QStringLiteral("<b>Refund \u203A Lines</b>: 1 \u00D7 Cup"),
                                         QStringLiteral("<b>Refund \u203A Back in stock</b>: no"),
                                         QStringLiteral("<b>Status</b>: Paid \u2192 Partially refunded"),
                                         QStringLiteral("<b>Delivery \u203A Status</b>: Waiting to be packed \u2192 Packed"),
                                         QStringLiteral("<b>Lines</b>: 3 \u00D7 Cup at \u20A94,000 \u2192 3 \u00D7 Cup at \u20A94,000 (1 refunded)") }
                        << QStringList { QStringLiteral("\u2026"), QStringLiteral("refundedAmount"), QStringLiteral("{") };
    QTest::newRow("ko") << "ko"
                        << QStringList { QStringLiteral("<b>환불 금액</b>: 0원 \u2192 3,000원"),
                                         QStringLiteral("<b>환불 \u203A 사유</b>: ") + longNote,
                                         QStringLiteral("<b>상태</b>: "),
                                         QStringLiteral("<b>배송 \u203A 상태</b>: ") }
                        << QStringList { QStringLiteral("\u2026"), QStringLiteral("refundedAmount"), QStringLiteral("Refund") };
}

void tst_AuditText::detailsAreWholeAndInWords()
{
    QFETCH(QString, language);
    QFETCH(QStringList, lines);
    QFETCH(QStringList, absent);
    Translator::use(language);
    const QString note = QStringLiteral("The box was crushed in transit and two of the three cups inside were broken; "
                                        "the customer sent photos of every piece, and the carrier confirmed the damage "
                                        "on their side as well.");
    QJsonObject after = json(R"({"id":12,"status":"PARTIALLY_REFUNDED","refundedAmount":3000,
        "items":[{"productId":5,"name":"Cup","unitPrice":4000,"quantity":3,"refundedQuantity":1}],
        "fulfilment":{"status":"PACKED"},
        "refund":{"id":4,"amount":3000,"restocked":false,"lines":[{"productId":5,"quantity":1}]}})");
    QJsonObject refund = after.value(QStringLiteral("refund")).toObject();
    refund.insert(QStringLiteral("reason"), note);
    after.insert(QStringLiteral("refund"), refund);
    AuditEntry e = entry("order.refund", "order", 12, R"({"id":12,"status":"PAID","refundedAmount":0,
        "items":[{"productId":5,"name":"Cup","unitPrice":4000,"quantity":3,"refundedQuantity":0}],
        "fulfilment":{"status":"UNFULFILLED"}})", "{}");
    e.after = after;
    const QString details = AuditText::describeChange(e);
    const QStringList shown = details.split(QStringLiteral("<br>"));
    for (const QString &line : lines)
        QVERIFY2(std::any_of(shown.cbegin(), shown.cend(), [&](const QString &l) { return l.startsWith(line); }),
                 qPrintable(line + QStringLiteral("\n not in:\n") + shown.join(QLatin1Char('\n'))));
    for (const QString &word : absent)
        QVERIFY2(!details.contains(word), qPrintable(word + QStringLiteral(" in:\n") + details));
}

QTEST_GUILESS_MAIN(tst_AuditText)
#include "tst_audittext.moc"
