#pragma once

#include "ShopClient.h"

// The signed-in person's own account (API.md, Authentication), over the ShopClient's
// connection: changing the password, one of my orders with its refunds. After a change every earlier token is refused,
// so a successful change signs in again with the new password.
class AccountClient : public QObject
{
    Q_OBJECT
public:
    explicit AccountClient(ShopClient *client, QObject *parent = nullptr);

    // done(true) once the password is changed and the session renewed with it.
    void changePassword(const QString &current, const QString &next, QObject *context, ShopClient::Done<bool> done);
    // One of my orders as the single-order answer: with its refunds (lists leave them out).
    void order(qint64 orderId, QObject *context, ShopClient::Done<Order> done);

private:
    ShopClient *m_client;
};
