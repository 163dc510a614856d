#include "CustomersPage.h"

#include "AdminClient.h"
#include "Card.h"
#include "ConfirmDialog.h"
#include "ErrorText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "OrderStatusText.h"
#include "Pager.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "Retranslate.h"
#include "ShopClient.h"

#include <QtCore/QCoreApplication>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

#include <climits>

namespace {
QString roleText(const QString &role)
{
    return role == QLatin1String("ADMIN") ? QCoreApplication::translate("CustomersPage", "Administrator")
                                          : QCoreApplication::translate("CustomersPage", "Shopper");
}

QString couponStatusText(const QString &status)
{
    if (status == QLatin1String("AVAILABLE"))
        return QCoreApplication::translate("CustomersPage", "Available");
    if (status == QLatin1String("USED"))
        return QCoreApplication::translate("CustomersPage", "Used");
    if (status == QLatin1String("EXPIRED"))
        return QCoreApplication::translate("CustomersPage", "Expired");
    return status;
}
}

CustomersPage::CustomersPage(ShopClient *client, QWidget *parent)
    : PageWidget(client, QString(), parent), m_search(new QLineEdit(body())),
      m_model(new RecordTableModel({ { {}, RecordTableModel::Kind::Number },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Money },
                                     { {}, RecordTableModel::Kind::Number },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Time } },
                                   this)),
      m_table(new RecordTableView(body())), m_pager(new Pager(body())), m_card(new Card(QString(), body())),
      m_summary(new QLabel(m_card)),
      m_ordersModel(new RecordTableModel({ { {}, RecordTableModel::Kind::Text },
                                           { {}, RecordTableModel::Kind::Time },
                                           { {}, RecordTableModel::Kind::Money },
                                           { {}, RecordTableModel::Kind::Text } },
                                         this)),
      m_orders(new RecordTableView(m_card)),
      m_couponsModel(new RecordTableModel({ { {}, RecordTableModel::Kind::Text },
                                            { {}, RecordTableModel::Kind::Text },
                                            { {}, RecordTableModel::Kind::Time } },
                                          this)),
      m_coupons(new RecordTableView(m_card)), m_toggle(new QPushButton(m_card)), m_ordersTitle(new QLabel(m_card)),
      m_couponsTitle(new QLabel(m_card))
{
    setObjectName(QStringLiteral("customersPage"));
    m_search->setObjectName(QStringLiteral("customerSearch"));
    m_table->setObjectName(QStringLiteral("customerTable"));
    m_summary->setObjectName(QStringLiteral("customerSummary"));
    m_orders->setObjectName(QStringLiteral("customerOrders"));
    m_coupons->setObjectName(QStringLiteral("customerCoupons"));
    m_toggle->setObjectName(QStringLiteral("toggleDisabled"));
    m_search->setClearButtonEnabled(true);
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_orders->setModel(m_ordersModel);
    m_coupons->setModel(m_couponsModel);
    m_orders->horizontalHeader()->setStretchLastSection(true);
    m_coupons->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_coupons->horizontalHeader()->setStretchLastSection(false);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);

    m_card->content()->addWidget(m_summary);
    m_card->content()->addWidget(m_ordersTitle);
    m_card->content()->addWidget(m_orders, 2);
    m_card->content()->addWidget(m_couponsTitle);
    m_card->content()->addWidget(m_coupons, 1);
    m_card->content()->addWidget(m_toggle, 0, Qt::AlignRight);
    m_card->setMinimumWidth(380);

    auto *left = new QVBoxLayout;
    left->addWidget(m_search);
    left->addWidget(m_table, 1);
    left->addWidget(m_pager);
    auto *layout = new QHBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 3);
    layout->addWidget(m_card, 2);

    m_typing.setSingleShot(true);
    m_typing.setInterval(kTypingPauseMs);
    connect(&m_typing, &QTimer::timeout, this, [this] { load(1); });
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_typing.start(); });
    connect(m_pager, &Pager::pageRequested, this, &CustomersPage::load);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CustomersPage::loadDetail);
    connect(m_toggle, &QPushButton::clicked, this, &CustomersPage::toggleDisabled);
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void CustomersPage::retranslateUi()
{
    setTitle(tr("Customers"));
    m_model->setHeaders({ tr("Id"), tr("Username"), tr("Role"), tr("Balance"), tr("Orders"), tr("Account"), tr("Since") });
    m_ordersModel->setHeaders({ tr("Order"), tr("Paid at"), tr("Paid"), tr("Status") });
    m_couponsModel->setHeaders({ tr("Coupon"), tr("Status"), tr("Valid until") });
    m_search->setPlaceholderText(tr("Search by the beginning of a username"));
    m_search->setAccessibleName(tr("Search customers by username"));
    m_table->setAccessibleName(tr("Customers"));
    m_orders->setAccessibleName(tr("Latest orders"));
    m_coupons->setAccessibleName(tr("Coupons"));
    m_orders->setEmptyText(tr("No orders yet."));
    m_coupons->setEmptyText(tr("No coupons."));
    m_ordersTitle->setText(tr("<b>Latest orders</b>"));
    m_couponsTitle->setText(tr("<b>Coupons</b>"));
    showDetail();
}

void CustomersPage::refresh()
{
    load(m_pager->page());
}

void CustomersPage::load(int page)
{
    m_typing.stop();
    const QString typed = m_search->text().trimmed();
    const int generation = ++m_generation;
    client()->admin()->customers(typed, page, kPageSize, this, [this, generation, typed](const Result<Page<Customer>> &answer) {
        if (generation != m_generation)
            return; // typed on since: a newer answer is coming
        if (!answer) {
            notice()->showError(ErrorText::describe(answer.failure()), QStringLiteral("load"));
            return;
        }
        notice()->resolve(QStringLiteral("load"));
        const qint64 selected = m_table->selectedId();
        QList<RecordTableModel::Row> rows;
        for (const Customer &c : answer->items)
            rows.append({ c.id,
                          { c.id, c.username, roleText(c.role), c.balance, c.orderCount,
                            c.disabled ? tr("Disabled") : tr("Active"), c.createdAt },
                          c.disabled });
        m_model->setRows(std::move(rows));
        m_table->setEmptyText(typed.isEmpty() ? tr("No accounts yet.")
                                              : tr("No username begins with \u201C%1\u201D.").arg(typed));
        m_pager->setPage(answer->page, answer->pageCount(), answer->total);
        m_table->selectIdOrFirst(selected);
        loadDetail();
    });
}

void CustomersPage::loadDetail()
{
    const qint64 id = m_table->selectedId();
    if (id <= 0) {
        m_detail = CustomerDetail {};
        showDetail();
        return;
    }
    client()->admin()->customer(id, this, [this, id](const Result<CustomerDetail> &answer) {
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

void CustomersPage::showDetail()
{
    const Customer &c = m_detail.customer;
    const bool shown = c.id > 0 && c.id == m_table->selectedId();
    QList<RecordTableModel::Row> orders;
    QList<RecordTableModel::Row> coupons;
    if (shown) {
        for (const Order &o : m_detail.recentOrders)
            orders.append({ o.id,
                            { QStringLiteral("#%1").arg(o.id), o.paidAt, o.paidAmount, OrderStatusText::text(o.status) },
                            OrderStatusText::isClosed(o.status) });
        for (const UserCoupon &u : m_detail.coupons)
            coupons.append({ u.id, { u.name, couponStatusText(u.status), u.validUntil },
                             u.status != QLatin1String("AVAILABLE") });
    }
    m_ordersModel->setRows(std::move(orders));
    m_couponsModel->setRows(std::move(coupons));
    // The server refuses an administrator disabling itself (API.md): not offered, and
    // the button says why rather than vanishing.
    const bool self = shown && c.id == client()->session().userId;
    m_toggle->setEnabled(shown && !self);
    m_toggle->setToolTip(self ? tr("This is your own account: you cannot disable it while signed in with it. "
                                   "Another administrator would have to.")
                              : QString());
    if (!shown) {
        m_card->setTitle(tr("Customer"));
        m_summary->setText(tr("Select an account to see its balance, orders and coupons."));
        m_toggle->setText(tr("&Disable account\u2026"));
        return;
    }
    m_card->setTitle(c.username);
    const int orderCount = int(qMin<qint64>(c.orderCount, INT_MAX));
    m_summary->setText(tr("Account #%1, %2, since %3<br>Balance <b>%4</b> \u00B7 %5<br>%6")
                               .arg(c.id)
                               .arg(roleText(c.role).toLower(), Money::date(c.createdAt.toLocalTime().date()),
                                    Money::format(c.balance),
                                    tr("%n order(s)", nullptr, orderCount),
                                    c.disabled ? tr("<span style='color:#8a1c1c'><b>Disabled</b>: cannot sign in.</span>")
                                               : tr("Active")));
    m_toggle->setText(c.disabled ? tr("&Enable account\u2026") : tr("&Disable account\u2026"));
}

void CustomersPage::toggleDisabled()
{
    const Customer c = m_detail.customer;
    if (c.id <= 0)
        return;
    const bool disable = !c.disabled;
    const QString text = disable ? tr("%1 will not be able to sign in, and the sessions open now end within seconds. "
                                      "Their orders, balance and coupons stay as they are; you can enable the "
                                      "account again later.")
                                           .arg(c.username)
                                 : tr("%1 will be able to sign in again.").arg(c.username);
    ConfirmDialog::ask(this, QStringLiteral("confirmToggleDisabled"),
                       disable ? tr("Disable %1?").arg(c.username) : tr("Enable %1?").arg(c.username), text,
                       disable ? tr("Disable the account") : tr("Enable the account"), tr("Leave it as it is"),
                       [this, id = c.id, disable, name = c.username] {
                           m_toggle->setEnabled(false);
                           notice()->clear();
                           client()->admin()->setDisabled(id, disable, this, [this, disable, name](const Result<Customer> &answer) {
                               if (!answer) {
                                   const Failure &f = answer.failure();
                                   // The server refuses an admin disabling itself with a field error.
                                   const bool self = f.code == ErrorCode::ValidationFailed
                                           && f.details.value(QStringLiteral("field")).toString()
                                                   == QLatin1String("disabled");
                                   notice()->showError(self ? tr("You cannot disable your own account: another "
                                                                 "administrator would have to.")
                                                            : tr("%1 was not changed. %2")
                                                                      .arg(name, ErrorText::describe(f)));
                               } else {
                                   notice()->showSuccess(disable ? tr("%1 is disabled: it cannot sign in.").arg(name)
                                                                 : tr("%1 is enabled again.").arg(name));
                               }
                               refresh();
                           });
                       });
}
