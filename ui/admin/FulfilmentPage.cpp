#include "FulfilmentPage.h"

#include "ErrorText.h"
#include "FulfilmentText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "OrderDetails.h"
#include "Pager.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "Retranslate.h"
#include "ShipDialog.h"
#include "ShippingClient.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTabBar>
#include <QtWidgets/QVBoxLayout>

const QStringList &FulfilmentPage::states()
{
    static const QStringList kStates { QStringLiteral("UNFULFILLED"), QStringLiteral("PACKED"), QStringLiteral("SHIPPED"),
                                       QStringLiteral("DELIVERED") };
    return kStates;
}

FulfilmentPage::FulfilmentPage(ShopClient *client, QWidget *parent)
    : PageWidget(client, QString(), parent), m_shipping(new ShippingClient(client, this)), m_tabs(new QTabBar(body())),
      m_oldest(new QLabel(body())),
      m_model(new RecordTableModel({ { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Time },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Number },
                                     { {}, RecordTableModel::Kind::Money } },
                                   this)),
      m_table(new RecordTableView(body())), m_pager(new Pager(body())), m_details(new OrderDetails(body())),
      m_pack(new QPushButton(body())), m_ship(new QPushButton(body())), m_deliver(new QPushButton(body()))
{
    setObjectName(QStringLiteral("fulfilmentPage"));
    m_tabs->setObjectName(QStringLiteral("fulfilmentTabs"));
    m_oldest->setObjectName(QStringLiteral("oldestWaiting"));
    m_table->setObjectName(QStringLiteral("fulfilmentTable"));
    m_pack->setObjectName(QStringLiteral("markPacked"));
    m_ship->setObjectName(QStringLiteral("shipOrder"));
    m_deliver->setObjectName(QStringLiteral("markDelivered"));
    for (int i = 0; i < states().size(); ++i)
        m_tabs->addTab(QString());
    m_table->setModel(m_model);
    // Several orders are packed at once: Ctrl- and Shift-click select more than one.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);

    auto *head = new QHBoxLayout;
    head->addWidget(m_tabs);
    head->addStretch();
    head->addWidget(m_oldest);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_pack);
    buttons->addWidget(m_ship);
    buttons->addWidget(m_deliver);
    buttons->addStretch();
    auto *left = new QVBoxLayout;
    left->addLayout(buttons);
    left->addWidget(m_table, 1);
    left->addWidget(m_pager);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addWidget(m_details, 2);
    auto *layout = new QVBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(head);
    layout->addLayout(columns, 1);

    connect(m_tabs, &QTabBar::currentChanged, this, [this] { load(1); });
    connect(m_pager, &Pager::pageRequested, this, &FulfilmentPage::load);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showButtons();
        showDetail();
    });
    connect(m_pack, &QPushButton::clicked, this, [this] { moveAll(selectedOrders(), QStringLiteral("PACKED"), 0, {}); });
    connect(m_deliver, &QPushButton::clicked, this, [this] { moveAll(selectedOrders(), QStringLiteral("DELIVERED"), 0, {}); });
    connect(m_ship, &QPushButton::clicked, this, &FulfilmentPage::openShip);
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void FulfilmentPage::retranslateUi()
{
    setTitle(tr("Fulfilment"));
    m_table->setAccessibleName(tr("Fulfilment"));
    m_model->setHeaders({ tr("Order"), tr("Paid at"), tr("Customer"), tr("Ship to"), tr("Units"), tr("Paid") });
    m_table->setEmptyText(tr("No orders in this state."));
    const QString names[] = { tr("To pack"), tr("Packed"), tr("Shipped"), tr("Delivered") };
    for (int i = 0; i < states().size(); ++i) {
        const QString &s = states().at(i);
        m_tabs->setTabText(i, m_counts.contains(s) ? tr("%1 (%2)").arg(names[i], Money::count(m_counts.value(s))) : names[i]);
    }
    m_oldest->setText(m_oldestWaiting.isValid() ? tr("Oldest waiting to ship: paid %1").arg(Money::dateTime(m_oldestWaiting))
                                                : tr("Nothing waits to ship."));
    m_pack->setText(tr("Mark pac&ked"));
    m_ship->setText(tr("&Ship…"));
    m_deliver->setText(tr("Mark &delivered"));
    // The rows' words ("Pick up in person") again.
    const QList<Order> shown = m_orders;
    QList<RecordTableModel::Row> rows;
    for (const Order &o : shown) {
        qint64 units = 0;
        for (const OrderLine &l : o.items)
            units += l.quantity - l.refundedQuantity;
        const QString to = o.shipping ? QStringLiteral("%1, %2").arg(o.shipping->recipient, o.shipping->address1)
                                      : tr("Pick up in person");
        rows.append({ o.id, { tr("#%1").arg(o.id), o.paidAt, tr("#%1").arg(o.userId), to, units, o.paidAmount } });
    }
    const qint64 current = m_table->selectedId();
    m_model->setRows(std::move(rows));
    m_table->selectIdOrFirst(current);
    showButtons();
    // A new model emits no selectionChanged: without this the order just packed (or one
    // of the page left) stayed beside the list with its old state.
    showDetail();
}

void FulfilmentPage::refresh()
{
    load(m_pager->page());
}

QString FulfilmentPage::state() const
{
    return states().value(qMax(0, m_tabs->currentIndex()));
}

void FulfilmentPage::load(int page)
{
    const int generation = ++m_generation;
    m_shipping->queue(state(), page, kPageSize, this, [this, generation](const Result<ShippingClient::Queue> &queue) {
        if (generation != m_generation)
            return;
        if (!queue) {
            notice()->showError(ErrorText::describe(queue.failure()), QStringLiteral("load"));
            return;
        }
        notice()->resolve(QStringLiteral("load"));
        m_orders = queue->orders.items;
        m_counts = queue->counts;
        m_oldestWaiting = queue->oldestWaitingPaidAt;
        m_pager->setPage(queue->orders.page, queue->orders.pageCount(), queue->orders.total);
        retranslateUi();
    });
}

QList<Order> FulfilmentPage::selectedOrders() const
{
    QList<Order> out;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        const qint64 id = index.data(RecordTableModel::kIdRole).toLongLong();
        for (const Order &o : m_orders)
            if (o.id == id)
                out.append(o);
    }
    std::sort(out.begin(), out.end(), [](const Order &a, const Order &b) { return a.id < b.id; });
    return out;
}

void FulfilmentPage::showButtons()
{
    const QList<Order> chosen = selectedOrders();
    const QString s = state();
    const bool packable = s == QLatin1String("UNFULFILLED");
    const bool deliverable = s == QLatin1String("SHIPPED")
            || (s == QLatin1String("PACKED") && !chosen.isEmpty()
                && std::all_of(chosen.cbegin(), chosen.cend(), [](const Order &o) { return !o.shipping; }));
    m_pack->setEnabled(!m_moving && packable && !chosen.isEmpty());
    m_ship->setEnabled(!m_moving && s == QLatin1String("PACKED") && chosen.size() == 1 && chosen.first().shipping);
    m_deliver->setEnabled(!m_moving && deliverable && !chosen.isEmpty());
    m_pack->setVisible(packable);
    m_ship->setVisible(s == QLatin1String("PACKED"));
    m_deliver->setVisible(s == QLatin1String("PACKED") || s == QLatin1String("SHIPPED"));
}

void FulfilmentPage::showDetail()
{
    const QList<Order> chosen = selectedOrders();
    const qint64 current = m_table->selectedId();
    const Order *shown = nullptr;
    for (const Order &o : m_orders)
        if (o.id == current)
            shown = &o;
    m_details->setOrder(chosen.size() <= 1 ? shown : nullptr);
}

void FulfilmentPage::moveAll(QList<Order> orders, const QString &status, int moved, QStringList refused)
{
    if (orders.isEmpty()) {
        m_moving = false;
        const QString done = status == QLatin1String("PACKED") ? tr("Marked packed: %1.").arg(moved)
                                                               : tr("Marked delivered: %1.").arg(moved);
        if (refused.isEmpty())
            notice()->showSuccess(done);
        else
            notice()->showError(done + QLatin1Char(' ') + tr("Not moved: %1").arg(refused.join(QStringLiteral("; "))));
        load(1);
        return;
    }
    m_moving = true;
    showButtons();
    const Order next = orders.takeFirst();
    m_shipping->move(next.id, status, {}, {}, this,
                     [this, orders, status, moved, refused, id = next.id](const Result<Order> &done) mutable {
                         if (done)
                             ++moved;
                         else
                             refused << tr("#%1: %2").arg(id).arg(ErrorText::describe(done.failure()));
                         moveAll(orders, status, moved, refused);
                     });
}

void FulfilmentPage::openShip()
{
    const QList<Order> chosen = selectedOrders();
    if (chosen.size() != 1)
        return;
    auto *dialog = new ShipDialog(m_shipping, chosen.first(), this);
    connect(dialog, &ShipDialog::shipped, this, [this](const Order &order) {
        notice()->showSuccess(tr("Order #%1 shipped with %2, tracking number %3.")
                                      .arg(order.id)
                                      .arg(FulfilmentText::carrier(order.fulfilment.carrier), order.fulfilment.trackingNumber));
        load(1);
    });
    dialog->open();
}
