#include "OrdersPage.h"

#include "Card.h"
#include "ConfirmDialog.h"
#include "ErrorText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "Pager.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "ShopClient.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace {
QString itemsText(const Order &order)
{
    if (order.items.isEmpty())
        return QString();
    const QString first = QStringLiteral("%1 \u00D7 %2").arg(order.items.first().quantity).arg(order.items.first().name);
    return order.items.size() == 1 ? first : QStringLiteral("%1 and %2 more").arg(first).arg(order.items.size() - 1);
}
}

OrdersPage::OrdersPage(ShopClient *client, QWidget *parent)
    : PageWidget(client, tr("Orders"), parent),
      m_model(new RecordTableModel({ { tr("Order"), RecordTableModel::Kind::Text },
                                     { tr("Paid at"), RecordTableModel::Kind::Time },
                                     { tr("Items"), RecordTableModel::Kind::Text },
                                     { tr("Paid"), RecordTableModel::Kind::Money },
                                     { tr("Status"), RecordTableModel::Kind::Text } },
                                   this)),
      m_table(new RecordTableView(body())), m_pager(new Pager(body())),
      m_linesModel(new RecordTableModel({ { tr("Product"), RecordTableModel::Kind::Text },
                                          { tr("Price"), RecordTableModel::Kind::Money },
                                          { tr("Quantity"), RecordTableModel::Kind::Number },
                                          { tr("Subtotal"), RecordTableModel::Kind::Money } },
                                        this)),
      m_lines(new RecordTableView(body())), m_summary(new QLabel(body())),
      m_cancel(new QPushButton(tr("&Cancel order"), body()))
{
    setObjectName(QStringLiteral("ordersPage"));
    m_table->setObjectName(QStringLiteral("orderTable"));
    m_lines->setObjectName(QStringLiteral("orderLines"));
    m_summary->setObjectName(QStringLiteral("orderSummary"));
    m_cancel->setObjectName(QStringLiteral("cancelOrder"));
    m_table->setModel(m_model);
    m_lines->setModel(m_linesModel);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_lines->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_lines->horizontalHeader()->setStretchLastSection(false);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);

    m_table->setEmptyText(tr("Nothing here yet. Orders you pay for are listed here."));
    auto *details = new Card(tr("Details"), body());
    details->setObjectName(QStringLiteral("orderDetails"));
    QVBoxLayout *detailsLayout = details->content();
    detailsLayout->addWidget(m_lines, 1);
    detailsLayout->addWidget(m_summary);
    detailsLayout->addWidget(m_cancel, 0, Qt::AlignRight);
    details->setMinimumWidth(360);

    auto *left = new QVBoxLayout;
    left->addWidget(m_table, 1);
    left->addWidget(m_pager);
    auto *layout = new QHBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 3);
    layout->addWidget(details, 2);

    connect(m_pager, &Pager::pageRequested, this, &OrdersPage::load);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &OrdersPage::showDetails);
    connect(m_cancel, &QPushButton::clicked, this, &OrdersPage::cancel);
    showDetails();
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
        for (const Order &o : m_orders) {
            const bool cancelled = o.status == QLatin1String("CANCELLED");
            rows.append({ o.id,
                          { QStringLiteral("#%1").arg(o.id), o.paidAt, itemsText(o), o.paidAmount,
                            cancelled ? tr("Cancelled") : tr("Paid") },
                          cancelled });
        }
        m_model->setRows(std::move(rows));
        m_pager->setPage(answer->page, answer->pageCount(), answer->total);
        m_table->selectIdOrFirst(selected);
        showDetails();
    });
}

const Order *OrdersPage::selectedOrder() const
{
    const qint64 id = m_table->selectedId();
    for (const Order &o : m_orders) {
        if (o.id == id)
            return &o;
    }
    return nullptr;
}

void OrdersPage::showDetails()
{
    const Order *order = selectedOrder();
    QList<RecordTableModel::Row> rows;
    if (order) {
        for (const OrderLine &l : order->items)
            rows.append({ l.productId, { l.name, l.unitPrice, l.quantity, l.unitPrice * l.quantity } });
    }
    m_linesModel->setRows(std::move(rows));
    m_cancel->setEnabled(order && order->status == QLatin1String("PAID"));
    if (!order) {
        m_summary->setText(tr("Select an order to see its lines."));
        return;
    }
    QString text = tr("<b>Order #%1</b><br>Total %2<br>Coupon discount %3<br><b>Paid %4</b>")
                           .arg(order->id)
                           .arg(Money::format(order->totalAmount), Money::format(order->discountAmount),
                                Money::format(order->paidAmount));
    if (order->status == QLatin1String("CANCELLED"))
        text += tr("<br><span style='color:#8a1c1c'>Cancelled; %1 refunded to the wallet.</span>")
                        .arg(Money::format(order->paidAmount));
    m_summary->setText(text);
}

void OrdersPage::cancel()
{
    const Order *order = selectedOrder();
    if (!order || order->status != QLatin1String("PAID"))
        return;
    const qint64 id = order->id;
    ConfirmDialog::ask(this, QStringLiteral("confirmCancelOrder"), tr("Cancel order #%1?").arg(id),
                       tr("Order #%1 will be cancelled now: %2 goes back to your wallet and the items back to the "
                          "shop. This cannot be undone.")
                               .arg(id)
                               .arg(Money::format(order->paidAmount)),
                       tr("Cancel the order"), tr("Keep the order"), [this, id] { cancelConfirmed(id); });
}

void OrdersPage::cancelConfirmed(qint64 orderId)
{
    m_cancel->setEnabled(false);
    notice()->clear();
    client()->cancelOrder(orderId, this, [this](const Result<Order> &cancelled) {
        if (!cancelled) {
            notice()->showError(ErrorText::describe(cancelled.failure()));
        } else {
            notice()->showSuccess(tr("Order #%1 cancelled: %2 went back to the wallet and the stock to the shop.")
                                          .arg(cancelled->id)
                                          .arg(Money::format(cancelled->paidAmount)));
            client()->balance(this, [](const Result<qint64> &) { });
        }
        refresh();
    });
}
