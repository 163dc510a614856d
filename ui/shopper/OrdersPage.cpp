#include "OrdersPage.h"

#include "AccountClient.h"
#include "ConfirmDialog.h"
#include "ErrorText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "OrderDetails.h"
#include "OrderReturnsView.h"
#include "OrderStatusText.h"
#include "Pager.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "Retranslate.h"
#include "ShopClient.h"

#include <QtCore/QCoreApplication>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace {
QString itemsText(const Order &order)
{
    if (order.items.isEmpty())
        return QString();
    const OrderLine &line = order.items.first();
    const QString first = QCoreApplication::translate("OrdersPage", "%1 \u00D7 %2", "units × product")
                                  .arg(Money::count(line.quantity), line.name);
    const int more = int(order.items.size()) - 1;
    return more == 0 ? first
                     : QCoreApplication::translate("OrdersPage", "%1 and %n more", "the first line, then how many other lines", more)
                               .arg(first);
}
}

OrdersPage::OrdersPage(ShopClient *client, QWidget *parent)
    : PageWidget(client, QString(), parent), m_account(new AccountClient(client, this)),
      m_model(new RecordTableModel({ { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Time },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Money },
                                     { {}, RecordTableModel::Kind::Money },
                                     { {}, RecordTableModel::Kind::Text } },
                                   this)),
      m_table(new RecordTableView(body())), m_pager(new Pager(body())), m_details(new OrderDetails(body())),
      m_cancel(new QPushButton(m_details))
{
    setObjectName(QStringLiteral("ordersPage"));
    m_table->setObjectName(QStringLiteral("orderTable"));
    m_cancel->setObjectName(QStringLiteral("cancelOrder"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    // A delivered order's returns and "Return items…" (issue 26).
    m_returns = new OrderReturnsView(client, notice(), m_details);
    m_details->content()->addWidget(m_returns);
    m_details->content()->addWidget(m_cancel, 0, Qt::AlignRight);

    auto *left = new QVBoxLayout;
    left->addWidget(m_table, 1);
    left->addWidget(m_pager);
    auto *layout = new QHBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 3);
    layout->addWidget(m_details, 2);

    connect(m_pager, &Pager::pageRequested, this, &OrdersPage::load);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &OrdersPage::loadDetail);
    connect(m_cancel, &QPushButton::clicked, this, &OrdersPage::cancel);
    showDetails();
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void OrdersPage::retranslateUi()
{
    setTitle(tr("Orders"));
    m_model->setHeaders({ tr("Order"), tr("Paid at"), tr("Items"), tr("Paid"), tr("Refunded"), tr("Status") });
    m_table->setEmptyText(tr("Nothing here yet. Orders you pay for are listed here."));
    m_table->setAccessibleName(tr("My orders"));
    m_cancel->setText(tr("&Cancel order"));
}

void OrdersPage::refresh()
{
    load(m_pager->page());
}

void OrdersPage::load(int page)
{
    client()->orders(page, kPageSize, this, [this](const Result<Page<Order>> &answer) {
        if (!answer) {
            notice()->showError(ErrorText::describe(answer.failure()), QStringLiteral("load"));
            return;
        }
        notice()->resolve(QStringLiteral("load"));
        const qint64 selected = m_table->selectedId();
        m_orders = answer->items;
        QList<RecordTableModel::Row> rows;
        for (const Order &o : m_orders)
            rows.append({ o.id,
                          { QStringLiteral("#%1").arg(o.id), o.paidAt, itemsText(o), o.paidAmount, o.refundedAmount,
                            OrderStatusText::text(o.status) },
                          OrderStatusText::isClosed(o.status) });
        m_model->setRows(std::move(rows));
        m_pager->setPage(answer->page, answer->pageCount(), answer->total);
        m_table->selectIdOrFirst(selected);
        loadDetail();
    });
}

const Order *OrdersPage::selectedOrder() const
{
    const qint64 id = m_table->selectedId();
    if (m_detail.id == id && id > 0)
        return &m_detail;
    for (const Order &o : m_orders) {
        if (o.id == id)
            return &o;
    }
    return nullptr;
}

void OrdersPage::loadDetail()
{
    showDetails(); // the list's copy at once; its refunds when the single order comes
    const qint64 id = m_table->selectedId();
    if (id <= 0)
        return;
    m_account->order(id, this, [this, id](const Result<Order> &answer) {
        if (m_table->selectedId() != id || !answer)
            return; // the list's copy stays: the lines and amounts are the same
        m_detail = answer.value();
        showDetails();
    });
}

void OrdersPage::showDetails()
{
    const Order *order = selectedOrder();
    m_details->setOrder(order);
    m_returns->setOrder(order);
    // Only before it ships (API.md); after delivery the way back is a return.
    m_cancel->setEnabled(order && OrderStatusText::isOpen(order->status)
                         && (order->fulfilment.status == QLatin1String("UNFULFILLED")
                             || order->fulfilment.status == QLatin1String("PACKED")));
}

void OrdersPage::cancel()
{
    const Order *order = selectedOrder();
    if (!order || !OrderStatusText::isOpen(order->status))
        return;
    const qint64 id = order->id;
    ConfirmDialog::ask(this, QStringLiteral("confirmCancelOrder"), tr("Cancel order #%1?").arg(id),
                       tr("Order #%1 will be cancelled now: %2 goes back to your wallet and the items back to the "
                          "shop. This cannot be undone.")
                               .arg(id)
                               .arg(Money::format(order->paidAmount - order->refundedAmount)),
                       tr("Cancel the order"), tr("Keep the order"), [this, id] { cancelConfirmed(id); });
}

void OrdersPage::cancelConfirmed(qint64 orderId)
{
    m_cancel->setEnabled(false);
    notice()->clear();
    const Order *order = selectedOrder();
    const qint64 back = order ? order->paidAmount - order->refundedAmount : 0;
    client()->cancelOrder(orderId, this, [this, back](const Result<Order> &cancelled) {
        if (!cancelled) {
            notice()->showError(ErrorText::describe(cancelled.failure()));
        } else {
            notice()->showSuccess(tr("Order #%1 cancelled: %2 went back to the wallet and the stock to the shop.")
                                          .arg(cancelled->id)
                                          .arg(Money::format(back)));
            client()->balance(this, [](const Result<qint64> &) { });
        }
        m_detail = Order {};
        refresh();
    });
}
