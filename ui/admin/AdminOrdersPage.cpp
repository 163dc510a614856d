#include "AdminOrdersPage.h"

#include "AdminClient.h"
#include "ConfirmDialog.h"
#include "ErrorText.h"
#include "FulfilmentText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "OrderDetails.h"
#include "OrderStatusText.h"
#include "Pager.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "Retranslate.h"
#include "RefundDialog.h"
#include "ReportExportDialog.h"
#include "ShopClient.h"

#include <QtCore/QCoreApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDateEdit>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QVBoxLayout>

namespace {
// The earliest date a filter can say; showing it means "no bound".
const QDate kNoBound(2000, 1, 1);

QDateEdit *dateFilter(const QString &name, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kNoBound);
    edit->setDate(kNoBound);
    return edit;
}

QDate bound(const QDateEdit *edit)
{
    return edit->date() == kNoBound ? QDate() : edit->date();
}

QString itemsText(const Order &order)
{
    if (order.items.isEmpty())
        return QString();
    const OrderLine &line = order.items.first();
    const QString first = QCoreApplication::translate("AdminOrdersPage", "%1 \u00D7 %2", "units × product")
                                  .arg(Money::count(line.quantity), line.name);
    const int more = int(order.items.size()) - 1;
    return more == 0 ? first
                     : QCoreApplication::translate("AdminOrdersPage", "%1 and %n more", "the first line, then how many other lines", more)
                               .arg(first);
}

QLabel *filterLabel(QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setBuddy(buddy);
    return label;
}
}

AdminOrdersPage::AdminOrdersPage(ShopClient *client, QWidget *parent)
    : PageWidget(client, QString(), parent), m_status(new QComboBox(body())),
      m_from(dateFilter(QStringLiteral("ordersFrom"), body())), m_to(dateFilter(QStringLiteral("ordersTo"), body())),
      m_search(new QLineEdit(body())), m_export(new QPushButton(body())),
      m_model(new RecordTableModel({ { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Time },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Money },
                                     { {}, RecordTableModel::Kind::Money },
                                     { {}, RecordTableModel::Kind::Text } },
                                   this)),
      m_table(new RecordTableView(body())), m_pager(new Pager(body())), m_details(new OrderDetails(body())),
      m_refund(new QPushButton(m_details)), m_cancel(new QPushButton(m_details)),
      m_statusLabel(filterLabel(m_status, body())), m_fromLabel(filterLabel(m_from, body())),
      m_toLabel(filterLabel(m_to, body()))
{
    setObjectName(QStringLiteral("adminOrdersPage"));
    m_status->setObjectName(QStringLiteral("ordersStatus"));
    m_search->setObjectName(QStringLiteral("ordersSearch"));
    m_export->setObjectName(QStringLiteral("exportCsv"));
    m_table->setObjectName(QStringLiteral("orderTable"));
    m_refund->setObjectName(QStringLiteral("refundOrder"));
    m_cancel->setObjectName(QStringLiteral("cancelOrder"));
    for (const char *status : { "", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "CANCELLED" })
        m_status->addItem(QString(), QLatin1String(status));
    // Issue 26: where the order is between paid and delivered.
    m_fulfilment = new QComboBox(body());
    m_fulfilment->setObjectName(QStringLiteral("ordersFulfilment"));
    for (const char *state : { "", "UNFULFILLED", "PACKED", "SHIPPED", "DELIVERED", "CANCELLED" })
        m_fulfilment->addItem(QString(), QLatin1String(state));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(150); // its words stay readable at the smallest window
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_statusLabel);
    filters->addWidget(m_status);
    filters->addWidget(m_fulfilment);
    filters->addSpacing(8);
    filters->addWidget(m_fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(m_toLabel);
    filters->addWidget(m_to);
    filters->addSpacing(8);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_export);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_refund);
    m_details->content()->addLayout(buttons);

    // The list and the selected order share a splitter: beside each other when the page
    // is wide enough for both (kSideBySideWidth), the details below the list otherwise,
    // so neither the list's columns nor the lines' names are cut at the default size.
    m_split = new QSplitter(Qt::Vertical, body());
    m_split->setObjectName(QStringLiteral("ordersSplit"));
    m_split->setChildrenCollapsible(false);
    auto *list = new QWidget(m_split);
    auto *left = new QVBoxLayout(list);
    left->setContentsMargins(0, 0, 0, 0);
    left->addWidget(m_table, 1);
    left->addWidget(m_pager);
    m_split->addWidget(list);
    // Under the list at the smallest window the order's details scroll (up and down
    // only) rather than squeeze their lines and refunds into slivers.
    auto *detailsScroll = new QScrollArea(m_split);
    detailsScroll->setObjectName(QStringLiteral("orderDetailsScroll"));
    detailsScroll->setWidget(m_details);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    detailsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_split->addWidget(detailsScroll);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_split, 1);

    m_typing.setSingleShot(true);
    m_typing.setInterval(kTypingPauseMs);
    connect(&m_typing, &QTimer::timeout, this, [this] { load(1); });
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_typing.start(); });
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] { load(1); });
    connect(m_fulfilment, &QComboBox::currentIndexChanged, this, [this] { load(1); });
    connect(m_from, &QDateEdit::dateChanged, this, [this] { load(1); });
    connect(m_to, &QDateEdit::dateChanged, this, [this] { load(1); });
    connect(m_pager, &Pager::pageRequested, this, &AdminOrdersPage::load);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AdminOrdersPage::loadDetail);
    connect(m_refund, &QPushButton::clicked, this, &AdminOrdersPage::openRefund);
    connect(m_cancel, &QPushButton::clicked, this, &AdminOrdersPage::cancel);
    connect(m_export, &QPushButton::clicked, this, [this, client] {
        auto *dialog = new ReportExportDialog(client->admin(), this);
        dialog->open();
    });
    showDetail();
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void AdminOrdersPage::retranslateUi()
{
    setTitle(tr("Orders"));
    m_model->setHeaders({ tr("Order"), tr("Customer"), tr("Paid at"), tr("Items"), tr("Paid"), tr("Refunded"), tr("Status") });
    m_table->setEmptyText(tr("No orders match. Orders appear here as customers pay."));
    m_table->setAccessibleName(tr("Orders"));
    m_export->setText(tr("&Export CSV\u2026"));
    m_refund->setText(tr("&Refund\u2026"));
    m_cancel->setText(tr("&Cancel order\u2026"));
    m_statusLabel->setText(tr("S&tatus"));
    m_fromLabel->setText(tr("Paid &from"));
    m_toLabel->setText(tr("t&o"));
    m_search->setPlaceholderText(tr("Order number or username"));
    m_search->setAccessibleName(tr("Search orders by number or username"));
    m_status->setItemText(0, tr("Every status"));
    for (int i = 1; i < m_status->count(); ++i)
        m_status->setItemText(i, OrderStatusText::text(m_status->itemData(i).toString()));
    m_fulfilment->setAccessibleName(tr("Fulfilment"));
    m_fulfilment->setItemText(0, tr("Any fulfilment"));
    for (int i = 1; i < m_fulfilment->count(); ++i)
        m_fulfilment->setItemText(i, FulfilmentText::status(m_fulfilment->itemData(i).toString(), false));
    for (QDateEdit *edit : { m_from, m_to }) {
        edit->setDisplayFormat(Money::dateFormat());
        edit->setSpecialValueText(tr("any day"));
    }
}

void AdminOrdersPage::resizeEvent(QResizeEvent *event)
{
    PageWidget::resizeEvent(event);
    const Qt::Orientation wanted = body()->width() >= kSideBySideWidth ? Qt::Horizontal : Qt::Vertical;
    if (m_split->orientation() != wanted) {
        m_split->setOrientation(wanted);
        // The list keeps the larger share: 3 to 2 beside, about half each one above the other.
        const int room = wanted == Qt::Horizontal ? m_split->width() : m_split->height();
        m_split->setSizes(wanted == Qt::Horizontal ? QList<int> { room * 3 / 5, room * 2 / 5 }
                                                   : QList<int> { room / 2, room / 2 });
    }
}

void AdminOrdersPage::refresh()
{
    load(m_pager->page());
}

void AdminOrdersPage::load(int page)
{
    m_typing.stop();
    AdminClient::OrderQuery query;
    query.page = page;
    query.size = kPageSize;
    query.status = m_status->currentData().toString();
    query.fulfilment = m_fulfilment->currentData().toString();
    query.from = bound(m_from);
    query.to = bound(m_to);
    query.text = m_search->text();
    const int generation = ++m_generation;
    client()->admin()->orders(query, this, [this, generation](const Result<Page<Order>> &answer) {
        if (generation != m_generation)
            return; // a newer filter is on its way
        if (!answer) {
            notice()->showError(ErrorText::describe(answer.failure()), QStringLiteral("load"));
            return;
        }
        notice()->resolve(QStringLiteral("load"));
        const qint64 selected = m_table->selectedId();
        m_orders = answer->items;
        showRows();
        m_pager->setPage(answer->page, answer->pageCount(), answer->total);
        m_table->selectIdOrFirst(selected);
        loadDetail();
        loadNames();
    });
}

void AdminOrdersPage::showRows()
{
    // The same ids again (names come in) change the cells in place: the selection stays.
    QList<RecordTableModel::Row> rows;
    for (const Order &o : m_orders)
        rows.append({ o.id,
                      { QStringLiteral("#%1").arg(o.id), customerName(o.userId), o.paidAt, itemsText(o), o.paidAmount,
                        o.refundedAmount, OrderStatusText::text(o.status) },
                      OrderStatusText::isClosed(o.status) });
    m_model->setRows(std::move(rows));
}

QString AdminOrdersPage::customerName(qint64 userId) const
{
    // Until the name is read (or when it cannot be), the customer's number.
    const QString name = m_names.value(userId);
    return name.isEmpty() ? QStringLiteral("#%1").arg(userId) : name;
}

void AdminOrdersPage::loadNames()
{
    // An order carries its customer's id only (API.md): each new customer of the page is
    // read once (GET /admin/users/{id}); names are kept for the page's lifetime.
    for (const Order &o : m_orders) {
        if (m_names.contains(o.userId))
            continue;
        m_names.insert(o.userId, QString()); // asked: not asked again while it is out
        client()->admin()->customer(o.userId, this, [this, id = o.userId](const Result<CustomerDetail> &answer) {
            if (!answer) {
                m_names.remove(id); // asked again at the next load
                return;
            }
            m_names.insert(id, answer->customer.username);
            showRows();
        });
    }
}

void AdminOrdersPage::loadDetail()
{
    const qint64 id = m_table->selectedId();
    if (id <= 0) {
        m_detail = Order {};
        showDetail();
        return;
    }
    // The list leaves refunds out: the single-order answer has them.
    client()->admin()->order(id, this, [this, id](const Result<Order> &answer) {
        if (m_table->selectedId() != id)
            return;
        if (!answer) {
            notice()->showError(ErrorText::describe(answer.failure()), QStringLiteral("detail"));
            return;
        }
        notice()->resolve(QStringLiteral("detail"));
        m_detail = answer.value();
        showDetail();
    });
}

void AdminOrdersPage::showDetail()
{
    const bool shown = m_detail.id > 0 && m_detail.id == m_table->selectedId();
    m_details->setOrder(shown ? &m_detail : nullptr);
    const bool open = shown && OrderStatusText::isOpen(m_detail.status);
    m_refund->setEnabled(open);
    // Only before it ships (API.md); a refund still works at any time.
    m_cancel->setEnabled(open && (m_detail.fulfilment.status == QLatin1String("UNFULFILLED")
                                  || m_detail.fulfilment.status == QLatin1String("PACKED")));
}

void AdminOrdersPage::openRefund()
{
    if (m_detail.id <= 0 || !OrderStatusText::isOpen(m_detail.status))
        return;
    auto *dialog = new RefundDialog(client()->admin(), m_detail, this);
    const qint64 before = m_detail.refundedAmount;
    connect(dialog, &RefundDialog::refunded, this, [this, before](const Order &order) {
        notice()->showSuccess(tr("Refunded %1 of order #%2; it is now %3.")
                                      .arg(Money::format(order.refundedAmount - before))
                                      .arg(order.id)
                                      .arg(OrderStatusText::text(order.status).toLower()));
        m_detail = order;
        showDetail();
        refresh();
    });
    dialog->open();
}

void AdminOrdersPage::cancel()
{
    if (m_detail.id <= 0 || !OrderStatusText::isOpen(m_detail.status))
        return;
    const qint64 id = m_detail.id;
    ConfirmDialog::ask(this, QStringLiteral("confirmCancelOrder"), tr("Cancel order #%1?").arg(id),
                       tr("Order #%1 will be cancelled now: %2 (what is not refunded yet) goes back to %3's "
                          "wallet and every unit not refunded back to stock. This cannot be undone.")
                               .arg(id)
                               .arg(Money::format(m_detail.paidAmount - m_detail.refundedAmount), customerName(m_detail.userId)),
                       tr("Cancel the order"), tr("Keep the order"), [this, id] { cancelConfirmed(id); });
}

void AdminOrdersPage::cancelConfirmed(qint64 orderId)
{
    m_cancel->setEnabled(false);
    m_refund->setEnabled(false);
    notice()->clear();
    client()->cancelOrder(orderId, this, [this](const Result<Order> &cancelled) {
        if (!cancelled)
            notice()->showError(tr("The order was not cancelled. %1").arg(ErrorText::describe(cancelled.failure())));
        else
            notice()->showSuccess(tr("Order #%1 cancelled.").arg(cancelled->id));
        m_detail = Order {};
        refresh();
    });
}
