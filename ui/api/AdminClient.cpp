#include "AdminClient.h"

#include "ReportDownload.h"

#include <QtCore/QJsonArray>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>

namespace {
QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

// A report of a year is written by the server as it reads; a pause longer than this
// between two chunks is a lost server.
constexpr int kReportStallMs = 30000;
}

QString AdminClient::OrderQuery::toUrlQuery() const
{
    QStringList items { QStringLiteral("page=%1").arg(page), QStringLiteral("size=%1").arg(size) };
    if (!status.isEmpty())
        items.append(QStringLiteral("status=") + encoded(status));
    if (!fulfilment.isEmpty())
        items.append(QStringLiteral("fulfilment=") + encoded(fulfilment));
    if (from.isValid())
        items.append(QStringLiteral("from=") + from.toString(Qt::ISODate));
    if (to.isValid())
        items.append(QStringLiteral("to=") + to.toString(Qt::ISODate));
    const QString q = text.trimmed();
    if (!q.isEmpty())
        items.append(QStringLiteral("q=") + encoded(q.startsWith(QLatin1Char('#')) ? q.mid(1) : q));
    return items.join(QLatin1Char('&'));
}

AdminClient::AdminClient(ShopClient *client) : QObject(client), m_client(client) { }

void AdminClient::orders(const OrderQuery &query, QObject *context, Done<Page<Order>> done)
{
    m_client->sendJson<Page<Order>>(
            { "GET", QStringLiteral("/api/v1/admin/orders?") + query.toUrlQuery(), {}, tr("Loading orders") }, context,
            std::move(done), [](const QJsonObject &json) { return ApiValues::page(json, &Order::fromJson); });
}

void AdminClient::order(qint64 orderId, QObject *context, Done<Order> done)
{
    m_client->sendJson<Order>({ "GET", QStringLiteral("/api/v1/orders/%1").arg(orderId), {}, tr("Loading the order") },
                              context, std::move(done), &Order::fromJson);
}

void AdminClient::refund(qint64 orderId, const QList<RefundLine> &lines, bool restock, const QString &reason,
                         QObject *context, Done<Order> done)
{
    QJsonArray items;
    for (const RefundLine &line : lines)
        items.append(QJsonObject { { "productId", line.productId }, { "quantity", line.quantity } });
    const QJsonObject body { { "lines", items }, { "restock", restock }, { "reason", reason } };
    m_client->sendJson<Order>({ "POST", QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(orderId), compact(body),
                                tr("Refunding") },
                              context, std::move(done), &Order::fromJson);
}

void AdminClient::customers(const QString &usernamePrefix, int page, int size, QObject *context,
                            Done<Page<Customer>> done)
{
    QString path = QStringLiteral("/api/v1/admin/users?page=%1&size=%2").arg(page).arg(size);
    if (!usernamePrefix.trimmed().isEmpty())
        path += QStringLiteral("&q=") + encoded(usernamePrefix.trimmed());
    m_client->sendJson<Page<Customer>>({ "GET", path, {}, tr("Loading customers") }, context, std::move(done),
                                       [](const QJsonObject &json) { return ApiValues::page(json, &Customer::fromJson); });
}

void AdminClient::customer(qint64 userId, QObject *context, Done<CustomerDetail> done)
{
    m_client->sendJson<CustomerDetail>({ "GET", QStringLiteral("/api/v1/admin/users/%1").arg(userId), {},
                                         tr("Loading the customer") },
                                       context, std::move(done), &CustomerDetail::fromJson);
}

void AdminClient::setDisabled(qint64 userId, bool disabled, QObject *context, Done<Customer> done)
{
    m_client->sendJson<Customer>({ "PATCH", QStringLiteral("/api/v1/admin/users/%1").arg(userId),
                                   compact({ { "disabled", disabled } }),
                                   disabled ? tr("Disabling the account") : tr("Enabling the account") },
                                 context, std::move(done), &Customer::fromJson);
}

void AdminClient::adjustStock(qint64 productId, qint64 delta, const QString &reason, QObject *context,
                              Done<Product> done)
{
    m_client->sendJson<Product>({ "POST", QStringLiteral("/api/v1/admin/products/%1/stock").arg(productId),
                                  compact({ { "delta", delta }, { "reason", reason } }), tr("Adjusting the stock") },
                                context, std::move(done), &Product::fromJson);
}

void AdminClient::stockHistory(qint64 productId, int page, int size, QObject *context, Done<Page<StockEntry>> done)
{
    m_client->sendJson<Page<StockEntry>>(
            { "GET", QStringLiteral("/api/v1/admin/products/%1/stock/history?page=%2&size=%3").arg(productId).arg(page).arg(size),
              {}, tr("Loading the stock history") },
            context, std::move(done), [](const QJsonObject &json) { return ApiValues::page(json, &StockEntry::fromJson); });
}

void AdminClient::audit(const QString &entity, int page, int size, QObject *context, Done<Page<AuditEntry>> done)
{
    QString path = QStringLiteral("/api/v1/admin/audit?page=%1&size=%2").arg(page).arg(size);
    if (!entity.isEmpty())
        path += QStringLiteral("&entity=") + encoded(entity);
    m_client->sendJson<Page<AuditEntry>>({ "GET", path, {}, tr("Loading the audit log") }, context, std::move(done),
                                         [](const QJsonObject &json) { return ApiValues::page(json, &AuditEntry::fromJson); });
}

void AdminClient::backups(QObject *context, Done<BackupList> done)
{
    m_client->sendJson<BackupList>({ "GET", QStringLiteral("/api/v1/admin/backups"), {}, tr("Loading the backups") }, context,
                                   std::move(done), &BackupList::fromJson);
}

void AdminClient::startBackup(QObject *context, Done<BackupEntry> done)
{
    m_client->sendJson<BackupEntry>({ "POST", QStringLiteral("/api/v1/admin/backups"), {}, tr("Starting a backup") }, context,
                                    std::move(done), &BackupEntry::fromJson);
}

ReportDownload *AdminClient::downloadReport(const ReportRequest &report, const QString &fileName, QObject *context)
{
    // Not through ShopClient::send, which keeps the whole answer in memory: this reply
    // is read chunk by chunk into the file.
    QNetworkRequest request = m_client->request(report.path());
    request.setTransferTimeout(kReportStallMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setRawHeader("Authorization", "Bearer " + m_client->session().token);
    QNetworkReply *reply = m_client->m_network->get(request);
    Q_EMIT m_client->requestStarted("GET", report.path());
    ++m_client->m_inFlight;
    const QString activity = tr("Downloading the report");
    Q_EMIT m_client->activityChanged(m_client->m_inFlight, activity);
    auto *download = new ReportDownload(reply, fileName, context);
    connect(download, &ReportDownload::finished, m_client, [client = m_client] {
        --client->m_inFlight;
        Q_EMIT client->activityChanged(client->m_inFlight, QString());
    });
    return download;
}
