#include "AccountClient.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QPointer>

AccountClient::AccountClient(ShopClient *client, QObject *parent) : QObject(parent), m_client(client) { }

void AccountClient::changePassword(const QString &current, const QString &next, QObject *context,
                                   ShopClient::Done<bool> done)
{
    const QByteArray body = QJsonDocument(QJsonObject { { "currentPassword", current }, { "newPassword", next } })
                                    .toJson(QJsonDocument::Compact);
    const QString username = m_client->session().username;
    QPointer<QObject> guard(context);
    m_client->send({ "POST", m_client->userPath(QStringLiteral("password")), body, tr("Changing the password") },
                   context, [this, username, next, guard, done](const Result<QByteArray> &raw) {
                       if (!raw) {
                           done(raw.failure());
                           return;
                       }
                       // The old token stops working within seconds: take a new one now.
                       m_client->login(username, next, guard, [done](const Result<Session> &session) {
                           if (!session)
                               done(session.failure());
                           else
                               done(true);
                       });
                   });
}

void AccountClient::order(qint64 orderId, QObject *context, ShopClient::Done<Order> done)
{
    m_client->sendJson<Order>({ "GET", QStringLiteral("/api/v1/orders/%1").arg(orderId), {}, tr("Loading the order") },
                              context, std::move(done), &Order::fromJson);
}
