#include "SessionView.h"

#include "AdminOrdersPage.h"
#include "AuditPage.h"
#include "BackupsPage.h"
#include "Cart.h"
#include "CategoriesPage.h"
#include "CartPage.h"
#include "ConfirmDialog.h"
#include "CouponForm.h"
#include "CouponsPage.h"
#include "CustomersPage.h"
#include "DashboardPage.h"
#include "Money.h"
#include "NoticeBar.h"
#include "AddressBookPage.h"
#include "FulfilmentPage.h"
#include "OrdersPage.h"
#include "ReturnsPage.h"
#include "PasswordDialog.h"
#include "ProductForm.h"
#include "Retranslate.h"
#include "SettingsDialog.h"
#include "ShopClient.h"
#include "ShopPage.h"
#include "WalletPage.h"

#include <QtGui/QAction>
#include <QtGui/QKeySequence>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QVBoxLayout>

SessionView::SessionView(ShopClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_cart(new Cart(this)), m_navigation(new QListWidget(this)),
      m_pages(new QStackedWidget(this)), m_brand(nullptr), m_who(nullptr), m_balance(new QLabel(this))
{
    setObjectName(QStringLiteral("sessionView"));
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_balance->setObjectName(QStringLiteral("headerBalance"));

    auto *sideBar = new QWidget(this);
    sideBar->setObjectName(QStringLiteral("sideBar"));
    sideBar->setFixedWidth(210);
    sideBar->setAttribute(Qt::WA_StyledBackground);
    m_brand = new QLabel(sideBar);
    m_brand->setObjectName(QStringLiteral("brand"));
    m_who = new QLabel(sideBar);
    m_who->setObjectName(QStringLiteral("whoAmI"));
    m_who->setWordWrap(true);
    m_signOut = new QPushButton(sideBar);
    m_signOut->setObjectName(QStringLiteral("signOut"));
    m_password = new QPushButton(sideBar);
    m_password->setObjectName(QStringLiteral("changePassword"));
    m_settings = new QPushButton(sideBar);
    m_settings->setObjectName(QStringLiteral("openSettings"));
    connect(m_password, &QPushButton::clicked, this, [this] {
        auto *dialog = new PasswordDialog(m_client, this);
        connect(dialog, &QDialog::accepted, this, [this] {
            if (PageWidget *shown = currentPage())
                shown->notice()->showSuccess(tr("Your password is changed; this session goes on with it."));
        });
        dialog->open();
    });
    connect(m_settings, &QPushButton::clicked, this, [this] { (new SettingsDialog(this))->open(); });
    auto *sideLayout = new QVBoxLayout(sideBar);
    sideLayout->setContentsMargins(12, 16, 12, 12);
    sideLayout->addWidget(m_brand);
    sideLayout->addSpacing(12);
    sideLayout->addWidget(m_navigation, 1);
    sideLayout->addWidget(m_who);
    sideLayout->addWidget(m_balance);
    sideLayout->addWidget(m_settings);
    sideLayout->addWidget(m_password);
    sideLayout->addWidget(m_signOut);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sideBar);
    layout->addWidget(m_pages, 1);

    if (client->session().isAdmin()) {
        auto *dashboard = new DashboardPage(client, m_pages);
        addPage(dashboard, tr("Dashboard"), tr("Sales, top products, pipeline health"));
        connect(dashboard, &DashboardPage::pageRequested, this, &SessionView::showPage);
        addPage(new AdminOrdersPage(client, m_pages), tr("Orders", "the admin's page of every order"), tr("Every order; refunds, cancels, CSV reports"));
        addPage(new CustomersPage(client, m_pages), tr("Customers"), tr("Accounts, balances; disable or enable"));
        addPage(new ProductForm(client, m_pages), tr("Products"), tr("Add and edit products; stock history"));
        addPage(new CategoriesPage(client, m_pages), tr("Categories"), tr("Add, rename, move and delete categories"));
        addPage(new CouponForm(client, m_pages), tr("Coupon campaigns"), tr("Create first-come coupons"));
        addPage(new AuditPage(client, m_pages), tr("Audit log"), tr("Who changed what"));
        addPage(new BackupsPage(client, m_pages), tr("Backups"), tr("The shop's backups; back up now"));
        addPage(new FulfilmentPage(client, m_pages), tr("Fulfilment"), tr("Pack, ship and deliver paid orders"));
        addPage(new ReturnsPage(client, m_pages), tr("Returns"), tr("Accept or reject returns"));
        m_balance->hide();
    } else {
        addPage(new ShopPage(client, m_cart, m_pages), tr("Shop"), tr("Browse products"));
        addPage(new CartPage(client, m_cart, m_pages), tr("Cart"), tr("Check out"));
        addPage(new WalletPage(client, m_pages), tr("Wallet"), tr("Balance and history"));
        addPage(new CouponsPage(client, m_pages), tr("Coupons"), tr("Claim and see your coupons"));
        addPage(new OrdersPage(client, m_pages), tr("Orders", "the shopper's own orders"), tr("Your orders"));
        connect(client, &ShopClient::balanceChanged, this, [this](qint64 balance) {
            m_knownBalance = balance;
            showBalance();
        });
        addPage(new AddressBookPage(client, m_pages), tr("Addresses"), tr("Where your orders go"));
        client->balance(this, [](const Result<qint64> &) { });
        connect(m_cart, &Cart::changed, this, &SessionView::showCartSize);
    }

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        m_pages->setCurrentIndex(row);
        refreshCurrent();
    });
    connect(m_signOut, &QPushButton::clicked, this, &SessionView::askToSignOut);
    // Ctrl+1..9 go to a page; F5 reloads the one shown.
    for (int i = 0; i < m_navigation->count() && i < 9; ++i) {
        auto *go = new QAction(this);
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i] { m_navigation->setCurrentRow(i); });
        addAction(go);
    }
    auto *reload = new QAction(this);
    reload->setShortcut(QKeySequence::Refresh);
    connect(reload, &QAction::triggered, this, &SessionView::refreshCurrent);
    addAction(reload);
    m_navigation->setCurrentRow(0);
    Retranslate::follow(this, [this] { retranslateUi(); });
    // What the page shown read from the server is said again in the new words; the
    // other pages read theirs when they are next shown, as on every visit.
    Retranslate::onChange(this, [this] { refreshCurrent(); });
}

void SessionView::retranslateUi()
{
    const Session &session = m_client->session();
    m_brand->setText(tr("Storefront"));
    m_who->setText(tr("%1\n%2").arg(session.username, session.isAdmin() ? tr("Administrator") : tr("Shopper")));
    m_signOut->setText(tr("S&ign out")); // Alt+O is the cart's coupon
    m_password->setText(tr("Change pass&word\u2026"));
    m_settings->setText(tr("Lan&guage\u2026"));
    m_settings->setAccessibleName(tr("Settings: language"));
    m_navigation->setAccessibleName(tr("Pages"));
    struct Label {
        const char *name;
        QString label;
        QString hint;
    };
    const Label labels[] = {
        { "dashboardPage", tr("Dashboard"), tr("Sales, top products, pipeline health") },
        { "adminOrdersPage", tr("Orders", "the admin's page of every order"), tr("Every order; refunds, cancels, CSV reports") },
        { "customersPage", tr("Customers"), tr("Accounts, balances; disable or enable") },
        { "productForm", tr("Products"), tr("Add and edit products; stock history") },
        { "categoriesPage", tr("Categories"), tr("Add, rename, move and delete categories") },
        { "couponForm", tr("Coupon campaigns"), tr("Create first-come coupons") },
        { "auditPage", tr("Audit log"), tr("Who changed what") },
        { "backupsPage", tr("Backups"), tr("The shop's backups; back up now") },
        { "shopPage", tr("Shop"), tr("Browse products") },
        { "cartPage", tr("Cart"), tr("Check out") },
        { "walletPage", tr("Wallet"), tr("Balance and history") },
        { "couponsPage", tr("Coupons"), tr("Claim and see your coupons") },
        { "ordersPage", tr("Orders", "the shopper's own orders"), tr("Your orders") },
        { "fulfilmentPage", tr("Fulfilment"), tr("Pack, ship and deliver paid orders") },
        { "returnsPage", tr("Returns"), tr("Accept or reject returns") },
        { "addressesPage", tr("Addresses"), tr("Where your orders go") },
    };
    for (int i = 0; i < m_pages->count(); ++i) {
        QListWidgetItem *item = m_navigation->item(i);
        const QString name = m_pages->widget(i)->objectName();
        for (const Label &l : labels) {
            if (name != QLatin1String(l.name))
                continue;
            item->setText(l.label);
            item->setToolTip(tr("%1 (Ctrl+%2)").arg(l.hint).arg(i + 1));
        }
    }
    showBalance();
    showCartSize();
}

void SessionView::showBalance()
{
    if (m_knownBalance >= 0)
        m_balance->setText(tr("Balance %1").arg(Money::format(m_knownBalance)));
}

void SessionView::showCartSize()
{
    const int row = m_pages->indexOf(page(QStringLiteral("cartPage")));
    if (row < 0)
        return;
    const int units = m_cart->units();
    m_navigation->item(row)->setText(units > 0 ? tr("Cart (%1)").arg(units) : tr("Cart"));
}

void SessionView::addPage(PageWidget *page, const QString &label, const QString &hint)
{
    auto *item = new QListWidgetItem(label, m_navigation);
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(hint).arg(m_navigation->count()));
    // Room for the label whatever the font: a large system font is not cut.
    item->setSizeHint(QSize(0, qMax(38, m_navigation->fontMetrics().height() + 18)));
    m_pages->addWidget(page);
}

PageWidget *SessionView::page(const QString &name) const
{
    return m_pages->findChild<PageWidget *>(name, Qt::FindDirectChildrenOnly);
}

PageWidget *SessionView::currentPage() const
{
    return static_cast<PageWidget *>(m_pages->currentWidget());
}

QStringList SessionView::pageNames() const
{
    QStringList names;
    for (int i = 0; i < m_pages->count(); ++i)
        names.append(m_pages->widget(i)->objectName());
    return names;
}

void SessionView::showPage(const QString &name)
{
    for (int i = 0; i < m_pages->count(); ++i) {
        if (m_pages->widget(i)->objectName() == name)
            m_navigation->setCurrentRow(i);
    }
}

void SessionView::refreshCurrent()
{
    // A visit (or F5) starts afresh: what the page said last time was about then.
    if (PageWidget *page = currentPage()) {
        page->notice()->clear();
        page->refresh();
    }
}

void SessionView::askToSignOut()
{
    if (m_cart->isEmpty()) {
        Q_EMIT signOutRequested();
        return;
    }
    const int units = m_cart->units();
    ConfirmDialog::ask(this, QStringLiteral("confirmSignOut"), tr("Sign out and empty the cart?"),
                       tr("Your cart holds %n item(s) (%1). The cart is kept only while you are signed in: signing "
                          "out empties it. Nothing has been paid or reserved.",
                          nullptr, units)
                               .arg(Money::format(m_cart->total())),
                       tr("Sign out and empty the cart"), tr("Stay signed in"), [this] { Q_EMIT signOutRequested(); });
}
