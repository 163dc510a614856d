#include "Cart.h"

Cart::Cart(QObject *parent) : QObject(parent) { }

qint64 Cart::total() const
{
    qint64 sum = 0;
    for (const OrderLine &line : m_lines)
        sum += line.unitPrice * line.quantity;
    return sum;
}

int Cart::units() const
{
    qint64 sum = 0;
    for (const OrderLine &line : m_lines)
        sum += line.quantity;
    return int(sum);
}

void Cart::add(const Product &product, qint64 quantity)
{
    for (OrderLine &line : m_lines) {
        if (line.productId == product.id) {
            line.quantity += quantity;
            line.unitPrice = product.price;
            Q_EMIT changed();
            return;
        }
    }
    m_lines.append(OrderLine { product.id, product.name, product.price, quantity });
    Q_EMIT changed();
}

void Cart::setQuantity(qint64 productId, qint64 quantity)
{
    for (OrderLine &line : m_lines) {
        if (line.productId == productId && line.quantity != quantity) {
            line.quantity = quantity;
            Q_EMIT changed();
            return;
        }
    }
}

void Cart::remove(qint64 productId)
{
    if (m_lines.removeIf([productId](const OrderLine &line) { return line.productId == productId; }) > 0)
        Q_EMIT changed();
}

void Cart::clear()
{
    m_lines.clear();
    Q_EMIT changed();
}
