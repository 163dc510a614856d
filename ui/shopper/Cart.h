#pragma once

#include "ShopTypes.h"

#include <QtCore/QObject>

// What the shopper means to buy, kept in the app until paid. Prices shown here are
// those seen in the shop; the server charges its own at payment and answers with them.
class Cart : public QObject
{
    Q_OBJECT
public:
    explicit Cart(QObject *parent = nullptr);

    const QList<OrderLine> &lines() const { return m_lines; }
    bool isEmpty() const { return m_lines.isEmpty(); }
    qint64 total() const;
    int units() const;

    // Adds to the line of that product if there is one (an order has no product twice).
    void add(const Product &product, qint64 quantity);
    void setQuantity(qint64 productId, qint64 quantity);
    void remove(qint64 productId);
    void clear();

Q_SIGNALS:
    void changed();

private:
    QList<OrderLine> m_lines;
};
