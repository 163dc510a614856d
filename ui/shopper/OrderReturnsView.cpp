#include "OrderReturnsView.h"

#include "Money.h"
#include "NoticeBar.h"
#include "OrderStatusText.h"
#include "Retranslate.h"
#include "ReturnDialog.h"
#include "ShippingClient.h"
#include "ShippingRules.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>

OrderReturnsView::OrderReturnsView(ShopClient *client, NoticeBar *notice, QWidget *parent)
    : QWidget(parent), m_shipping(new ShippingClient(client, this)), m_notice(notice), m_state(new QLabel(this)),
      m_ask(new QPushButton(this))
{
    setObjectName(QStringLiteral("orderReturns"));
    m_state->setObjectName(QStringLiteral("returnsState"));
    m_ask->setObjectName(QStringLiteral("returnItems"));
    m_state->setWordWrap(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state, 1);
    layout->addWidget(m_ask, 0, Qt::AlignTop);
    connect(m_ask, &QPushButton::clicked, this, &OrderReturnsView::openDialog);
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void OrderReturnsView::retranslateUi()
{
    m_ask->setText(tr("&Return items…"));
    show();
}

void OrderReturnsView::setOrder(const Order *order)
{
    const bool same = order && m_order && m_order->id == order->id;
    m_order = order ? std::optional<Order>(*order) : std::nullopt;
    if (!same)
        m_returns.clear();
    show();
    if (m_order && m_order->fulfilment.status == QLatin1String("DELIVERED"))
        load();
}

void OrderReturnsView::load()
{
    const qint64 orderId = m_order->id;
    m_shipping->myReturns(this, [this, orderId](const Result<Page<ProductReturn>> &found) {
        if (!found || !m_order || m_order->id != orderId)
            return;
        m_returns.clear();
        for (const ProductReturn &r : found->items)
            if (r.orderId == orderId)
                m_returns.append(r);
        show();
    });
}

QHash<qint64, qint64> OrderReturnsView::askedBack() const
{
    QHash<qint64, qint64> out;
    for (const ProductReturn &r : m_returns)
        if (r.status != QLatin1String("ACCEPTED")) // accepted units are refunded units already
            for (const RefundLine &l : r.lines)
                out[l.productId] += l.quantity;
    return out;
}

void OrderReturnsView::show()
{
    const bool delivered = m_order && m_order->fulfilment.status == QLatin1String("DELIVERED");
    setVisible(delivered);
    if (!delivered)
        return;
    QStringList states;
    for (const ProductReturn &r : m_returns) {
        if (r.status == QLatin1String("ACCEPTED"))
            states << tr("Return #%1: accepted, %2 refunded").arg(r.id).arg(Money::format(r.refundAmount));
        else if (r.status == QLatin1String("REJECTED"))
            states << tr("Return #%1: rejected").arg(r.id);
        else
            states << tr("Return #%1: waiting for the shop").arg(r.id);
    }
    const QDateTime until = m_order->fulfilment.deliveredAt.addDays(ShippingRules::kReturnWindowDays);
    const bool open = OrderStatusText::isOpen(m_order->status) && QDateTime::currentDateTimeUtc() <= until;
    const QHash<qint64, qint64> asked = askedBack();
    bool unitsLeft = false;
    for (const OrderLine &line : m_order->items)
        unitsLeft = unitsLeft || line.quantity - line.refundedQuantity - asked.value(line.productId) > 0;
    if (states.isEmpty())
        states << (open ? tr("Returns are possible until %1.").arg(Money::dateTime(until))
                        : tr("The time for returns has passed."));
    m_state->setText(states.join(QLatin1Char('\n')));
    m_ask->setEnabled(open && unitsLeft);
}

void OrderReturnsView::openDialog()
{
    if (!m_order)
        return;
    auto *dialog = new ReturnDialog(m_shipping, *m_order, askedBack(), this);
    connect(dialog, &ReturnDialog::asked, this, [this](const ProductReturn &asked) {
        m_notice->showSuccess(tr("Return #%1 asked: the shop will decide, and this order shows what it decided.").arg(asked.id));
        load();
    });
    dialog->open();
}
