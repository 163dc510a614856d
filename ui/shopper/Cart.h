#pragma once

#include "ShopTypes.h"

#include <QtCore/QHash>
#include <QtCore/QObject>

// What the shopper means to buy, kept in the app until paid (and only while signed in:
// signing out empties it). Prices shown here are those seen in the shop; the server
// charges its own at payment and answers with them.
//
// The cart also knows each product's stock as last read (the shop page re-reads it
// every few seconds, the cart page when shown): a line never grows past it, and a line
// that no longer fits is reported by overStock().
class Cart : public QObject
{
    Q_OBJECT
public:
    explicit Cart(QObject *parent = nullptr);

    const QList<OrderLine> &lines() const { return m_lines; }
    bool isEmpty() const { return m_lines.isEmpty(); }
    qint64 total() const;
    int units() const;
    qint64 quantityOf(qint64 productId) const;

    // Stock as last read; -1 when not known.
    qint64 stockOf(qint64 productId) const { return m_stock.value(productId, -1); }
    void noteStock(qint64 productId, qint64 stock);
    // How many more of the product one line may take: its stock less what the cart
    // holds, and at most ShopLimits::kMaxLineQuantity per line.
    qint64 room(const Product &product) const;
    // Why room() is what it is, in words, for the quantity field under "Add to cart"
    // ("Only 3 in stock.", "All 5 in stock are already in your cart.").
    QString roomText(const Product &product) const;
    // The most one line of this product may hold now.
    qint64 lineLimit(qint64 productId) const;
    // Lines asking for more than the stock last read.
    QList<OrderLine> overStock() const;

    // Adds to the line of that product if there is one (an order has no product twice).
    void add(const Product &product, qint64 quantity);
    void setQuantity(qint64 productId, qint64 quantity);
    void remove(qint64 productId);
    void clear();

Q_SIGNALS:
    void changed();

private:
    QList<OrderLine> m_lines;
    QHash<qint64, qint64> m_stock;
};
