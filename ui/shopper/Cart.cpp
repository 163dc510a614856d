#include "Cart.h"

#include "Money.h"
#include "ShopLimits.h"

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

qint64 Cart::quantityOf(qint64 productId) const
{
    for (const OrderLine &line : m_lines) {
        if (line.productId == productId)
            return line.quantity;
    }
    return 0;
}

void Cart::noteStock(qint64 productId, qint64 stock)
{
    if (m_stock.value(productId, -1) == stock)
        return;
    m_stock.insert(productId, stock);
    if (quantityOf(productId) > 0)
        Q_EMIT changed();
}

qint64 Cart::lineLimit(qint64 productId) const
{
    const qint64 stock = stockOf(productId);
    return stock < 0 ? ShopLimits::kMaxLineQuantity : qMin(ShopLimits::kMaxLineQuantity, stock);
}

qint64 Cart::room(const Product &product) const
{
    return qMax<qint64>(0, qMin(ShopLimits::kMaxLineQuantity, product.stock) - quantityOf(product.id));
}

QList<OrderLine> Cart::overStock() const
{
    QList<OrderLine> over;
    for (const OrderLine &line : m_lines) {
        const qint64 stock = stockOf(line.productId);
        if (stock >= 0 && line.quantity > stock)
            over.append(line);
    }
    return over;
}

void Cart::add(const Product &product, qint64 quantity)
{
    m_stock.insert(product.id, product.stock);
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

QString Cart::roomText(const Product &product) const
{
    const qint64 inCart = quantityOf(product.id);
    const qint64 left = room(product);
    if (product.stock <= 0)
        return tr("%1 is sold out.").arg(product.name);
    if (left <= 0)
        return tr("All %1 in stock are already in your cart.").arg(Money::count(product.stock));
    if (left == ShopLimits::kMaxLineQuantity - inCart && product.stock > ShopLimits::kMaxLineQuantity)
        return tr("At most %1 of one product per order.").arg(Money::count(ShopLimits::kMaxLineQuantity));
    if (inCart > 0)
        return tr("Only %1 more: %2 in stock, %3 already in your cart.")
                .arg(Money::count(left), Money::count(product.stock), Money::count(inCart));
    return tr("Only %1 in stock.").arg(Money::count(product.stock));
}
