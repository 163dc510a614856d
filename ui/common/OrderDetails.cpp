#include "OrderDetails.h"

#include "FulfilmentView.h"
#include "Money.h"
#include "OrderStatusText.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "Retranslate.h"

#include <QtCore/QCoreApplication>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QBoxLayout>
#include <QtWidgets/QVBoxLayout>

namespace {
QString unitsText(const Order &order, const OrderRefund &refund)
{
    QStringList parts;
    for (const RefundLine &l : refund.lines) {
        QString name = QStringLiteral("#%1").arg(l.productId);
        for (const OrderLine &line : order.items) {
            if (line.productId == l.productId)
                name = line.name;
        }
        parts << QCoreApplication::translate("OrderDetails", "%1 \u00D7 %2", "units × product").arg(Money::count(l.quantity), name);
    }
    return parts.join(QStringLiteral(", "));
}
}

OrderDetails::OrderDetails(QWidget *parent)
    : Card(QString(), parent),
      m_linesModel(new RecordTableModel({ { {}, RecordTableModel::Kind::Text },
                                          { {}, RecordTableModel::Kind::Money },
                                          { {}, RecordTableModel::Kind::Number },
                                          { {}, RecordTableModel::Kind::Number },
                                          { {}, RecordTableModel::Kind::Money } },
                                        this)),
      m_lines(new RecordTableView(this)),
      m_refundsModel(new RecordTableModel({ { {}, RecordTableModel::Kind::Time },
                                            { {}, RecordTableModel::Kind::Money },
                                            { {}, RecordTableModel::Kind::Text },
                                            { {}, RecordTableModel::Kind::Text },
                                            { {}, RecordTableModel::Kind::Text } },
                                          this)),
      m_refunds(new RecordTableView(this)), m_refundsTitle(new QLabel(this)),
      m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("orderDetails"));
    m_lines->setObjectName(QStringLiteral("orderLines"));
    m_refunds->setObjectName(QStringLiteral("orderRefunds"));
    m_summary->setObjectName(QStringLiteral("orderSummary"));
    m_lines->setModel(m_linesModel);
    m_refunds->setModel(m_refundsModel);
    m_lines->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_lines->horizontalHeader()->setStretchLastSection(false);
    // A narrow card wraps a long name onto more lines instead of cutting it ("Blue Sli…").
    m_lines->setWordWrap(true);
    m_lines->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The card is narrow: the time, amount and stock take what they need, the units and
    // the reason share the rest (elided, whole in the tooltip), so no column scrolls away.
    QHeaderView *refundColumns = m_refunds->horizontalHeader();
    refundColumns->setStretchLastSection(false);
    for (int column : { 0, 1, 3 })
        refundColumns->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    for (int column : { 2, 4 })
        refundColumns->setSectionResizeMode(column, QHeaderView::Stretch);
    // The units and the reason wrap: read whole, not cut to a letter in a narrow card.
    m_refunds->setWordWrap(true);
    m_refunds->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_refunds->setMaximumHeight(150);
    m_refunds->setMinimumHeight(90);
    m_lines->setMinimumHeight(120);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    // The lines, then the rest (amounts, fulfilment, refunds): one above the other in a
    // narrow card, side by side in a wide one (the admin's orders put it under the list).
    m_columns = new QBoxLayout(QBoxLayout::TopToBottom);
    m_columns->addWidget(m_lines, 1);
    auto *rest = new QVBoxLayout;
    rest->addWidget(m_summary);
    // Where it goes and how far it got (issue 26).
    m_fulfilment = new FulfilmentView(this);
    rest->addWidget(m_fulfilment);
    rest->addWidget(m_refundsTitle);
    rest->addWidget(m_refunds);
    rest->addStretch();
    m_columns->addLayout(rest);
    content()->addLayout(m_columns, 1);
    setMinimumWidth(380);
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void OrderDetails::resizeEvent(QResizeEvent *event)
{
    Card::resizeEvent(event);
    const bool wide = width() >= kTwoColumnsWidth;
    m_columns->setDirection(wide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    m_columns->setStretch(0, 1);
    m_columns->setStretch(1, wide ? 1 : 0);
}

void OrderDetails::retranslateUi()
{
    m_linesModel->setHeaders({ tr("Product"), tr("Price"), tr("Quantity"), tr("Refunded"), tr("Subtotal") });
    m_refundsModel->setHeaders({ tr("Refunded at"), tr("Amount"), tr("Units"), tr("Stock"), tr("Reason") });
    m_refundsTitle->setText(tr("<b>Refunds</b>"));
    m_refunds->setEmptyText(tr("No refunds."));
    m_lines->setAccessibleName(tr("Order lines"));
    m_refunds->setAccessibleName(tr("Refunds"));
    const std::optional<Order> shown = m_order;
    setOrder(shown ? &*shown : nullptr);
}

void OrderDetails::setOrder(const Order *order)
{
    m_order = order ? std::optional<Order>(*order) : std::nullopt;
    QList<RecordTableModel::Row> rows;
    QList<RecordTableModel::Row> refunds;
    if (order) {
        // A cancelled order's lines were not refunded one by one: "Refunded 0" would be untrue.
        const bool cancelled = order->status == QLatin1String("CANCELLED");
        for (const OrderLine &l : order->items)
            rows.append({ l.productId,
                          { l.name, l.unitPrice, l.quantity, cancelled ? QVariant() : QVariant(l.refundedQuantity),
                            l.unitPrice * l.quantity },
                          cancelled || l.refundedQuantity == l.quantity });
        for (const OrderRefund &r : order->refunds)
            refunds.append({ r.id,
                             { r.createdAt, r.amount, unitsText(*order, r),
                               r.restocked ? tr("Back in stock") : tr("Not restocked"), r.reason } });
    }
    m_linesModel->setRows(std::move(rows));
    m_refundsModel->setRows(std::move(refunds));
    m_fulfilment->setOrder(order);
    // Lists of orders leave refunds out: the table shows only for the single-order answer.
    const bool showRefunds = order && order->withRefunds && !order->refunds.isEmpty();
    m_refunds->setVisible(showRefunds);
    m_refundsTitle->setVisible(showRefunds);
    if (!order) {
        setTitle(tr("Details"));
        m_summary->setText(tr("Select an order to see its lines."));
        return;
    }
    setTitle(tr("Order #%1").arg(order->id));
    QString text = tr("Status: <b>%1</b><br>Total %2<br>Coupon discount %3<br><b>Paid %4</b>")
                           .arg(OrderStatusText::text(order->status), Money::format(order->totalAmount),
                                Money::format(order->discountAmount), Money::format(order->paidAmount));
    if (order->refundedAmount > 0)
        // Money back is news, not an error: said in the summary's own colour.
        text += tr("<br>Refunded <b>%1</b> to the wallet; %2 kept.")
                        .arg(Money::format(order->refundedAmount), Money::format(order->paidAmount - order->refundedAmount));
    m_summary->setText(text);
}
