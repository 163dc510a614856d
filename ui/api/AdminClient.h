#pragma once

#include "AdminValues.h"
#include "ApiValues.h"
#include "ShopClient.h"

class ReportDownload;

// Running the shop (API.md, issue 17) over the ShopClient's connection and session:
// every order with refunds by line, customers, the stock ledger, the audit log and the
// CSV reports. Same rules as ShopClient: a context and a callback on the GUI thread,
// nothing runs when the context is gone.
class AdminClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Done = ShopClient::Done<T>;

    // GET /admin/orders; empty or 0 fields are left out.
    struct OrderQuery {
        int page = 1;
        int size = 20;
        QString status; // PAID, PARTIALLY_REFUNDED, REFUNDED, CANCELLED
        QDate from;
        QDate to;
        QString text; // an order id or the beginning of a username
        QString fulfilment; // UNFULFILLED, PACKED, SHIPPED, DELIVERED, CANCELLED; empty: any
        QString toUrlQuery() const;
    };

    explicit AdminClient(ShopClient *client);

    void orders(const OrderQuery &query, QObject *context, Done<Page<Order>> done);
    // The single-order answer, with its refunds.
    void order(qint64 orderId, QObject *context, Done<Order> done);
    void refund(qint64 orderId, const QList<RefundLine> &lines, bool restock, const QString &reason, QObject *context,
                Done<Order> done);

    void customers(const QString &usernamePrefix, int page, int size, QObject *context, Done<Page<Customer>> done);
    void customer(qint64 userId, QObject *context, Done<CustomerDetail> done);
    void setDisabled(qint64 userId, bool disabled, QObject *context, Done<Customer> done);

    void adjustStock(qint64 productId, qint64 delta, const QString &reason, QObject *context, Done<Product> done);
    void stockHistory(qint64 productId, int page, int size, QObject *context, Done<Page<StockEntry>> done);

    // entity: product, category, coupon, order, user; empty for every one.
    void audit(const QString &entity, int page, int size, QObject *context, Done<Page<AuditEntry>> done);

    // The shop's backups (API.md, Operations), and one taken now: the server answers
    // once it has begun (its entry, state running); poll backups() for how it ends.
    void backups(QObject *context, Done<BackupList> done);
    void startBackup(QObject *context, Done<BackupEntry> done);

    // Streams the report into `fileName` as it arrives (a year of orders can be large);
    // the download reports progress and ends with finished(). Owned by `context`.
    ReportDownload *downloadReport(const ReportRequest &report, const QString &fileName, QObject *context);

private:
    ShopClient *m_client;
};
