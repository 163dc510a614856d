#include "MainWindow.h"

#include "ActivityIndicator.h"
#include "LoginDialog.h"
#include "NoticeBar.h"
#include "OwnerSetupView.h"
#include "PageWidget.h"
#include "Retranslate.h"
#include "SessionView.h"
#include "SettingsDialog.h"
#include "ShopClient.h"
#include "StartupView.h"

#include <QtGui/QAction>
#include <QtGui/QKeySequence>
#include <QtCore/QLoggingCategory>
#include <QtCore/QSettings>
#include <QtCore/QTimer>
#include <QtGui/QCloseEvent>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QApplication>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QLabel>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QVBoxLayout>

Q_LOGGING_CATEGORY(lcUi, "storefront.ui")

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_client(new ShopClient(this)), m_stack(new QStackedWidget(this)),
      m_startup(new StartupView(m_stack)), m_banner(new NoticeBar(this)), m_serviceBanner(new NoticeBar(this)),
      m_securityBanner(new NoticeBar(this)),
      m_activity(new ActivityIndicator(this)),
      m_serverLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_banner->setObjectName(QStringLiteral("connectionBanner"));
    m_serviceBanner->setObjectName(QStringLiteral("serviceBanner"));
    m_securityBanner->setObjectName(QStringLiteral("securityBanner"));
    m_serverLabel->setObjectName(QStringLiteral("serverLabel"));
    m_stack->addWidget(m_startup);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_securityBanner);
    layout->addWidget(m_banner);
    layout->addWidget(m_serviceBanner);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    statusBar()->addWidget(m_serverLabel);
    statusBar()->addPermanentWidget(m_activity);
    setMinimumSize(920, 600);
    resize(1180, 760);
    restoreWindow();

    m_quit = new QAction(this);
    m_quit->setShortcut(QKeySequence::Quit);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    addAction(m_quit);

    // The version a shop owner reports when something goes wrong (the package's).
    m_about = new QAction(this);
    m_about->setShortcut(QKeySequence::HelpContents);
    connect(m_about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Storefront"),
                           tr("<b>Storefront %1</b><br>Desktop shop and its embedded server.<br>Qt %2")
                                   .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
    addAction(m_about);
    // The language (Settings), from anywhere in the window: Ctrl+, as in most desktop apps.
    m_settings = new QAction(this);
    m_settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(m_settings, &QAction::triggered, this, &MainWindow::openSettings);
    addAction(m_settings);
    // Ctrl+F: to the search field of the page shown, wherever the focus is (the side bar too).
    m_find = new QAction(this);
    m_find->setObjectName(QStringLiteral("findAction"));
    m_find->setShortcut(QKeySequence::Find);
    m_find->setShortcutContext(Qt::WindowShortcut);
    connect(m_find, &QAction::triggered, this, &MainWindow::focusSearch);
    addAction(m_find);
    m_settingsButton = new QToolButton(this);
    m_settingsButton->setObjectName(QStringLiteral("settingsButton"));
    m_settingsButton->setDefaultAction(m_settings);
    m_settingsButton->setAutoRaise(true);
    statusBar()->addPermanentWidget(m_settingsButton);
    m_aboutButton = new QToolButton(this);
    m_aboutButton->setObjectName(QStringLiteral("aboutButton"));
    m_aboutButton->setDefaultAction(m_about);
    m_aboutButton->setAutoRaise(true);
    statusBar()->addPermanentWidget(m_aboutButton);

    connect(m_client, &ShopClient::activityChanged, m_activity, &ActivityIndicator::setActivity);
    connect(m_client, &ShopClient::reachableChanged, this, &MainWindow::showReachable);
    connect(m_client, &ShopClient::certificateRefused, this, [this](const QString &text) {
        m_securityBanner->showError(text, QStringLiteral("certificate"));
    });
    connect(m_client, &ShopClient::sessionExpired, this, [this] {
        signOut();
        openLogin(tr("Your session has ended. Please sign in again."));
    });
    connect(m_startup, &StartupView::signInRequested, this, [this] { openLogin(); });
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void MainWindow::retranslateUi()
{
    updateTitle();
    m_quit->setText(tr("Quit"));
    m_about->setText(tr("&About Storefront"));
    m_settings->setText(tr("&Settings\u2026"));
    m_settings->setToolTip(tr("Settings: the language of the window (Ctrl+,)"));
    m_find->setText(tr("Search"));
    // A tool button shows its action's text; these two say less, in the status bar.
    m_aboutButton->setText(tr("About"));
    m_settingsButton->setText(tr("Language"));
    m_settingsButton->setAccessibleName(tr("Settings: language"));
    if (!m_client->server().isEmpty())
        m_serverLabel->setText(tr("Server %1").arg(m_client->server().toString()));
    showSecurity();
    if (!m_client->reachable())
        showReachable(false);
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(this);
    dialog->open();
}

void MainWindow::updateTitle()
{
    // The title names the window's content only; the platform adds the application's
    // display name (" — Storefront"), so "Storefront" is said once: "admin — Storefront".
    // Before signing in: "Storefront", which the platform does not repeat (it ends so).
    if (m_ownerSetup)
        setWindowTitle(tr("Set up your shop"));
    else if (m_session && m_stack->currentWidget() == m_session)
        setWindowTitle(m_client->session().username);
    else
        setWindowTitle(tr("Storefront"));
}

QString MainWindow::shownTitle() const
{
    // What a window manager shows: Qt's own rule (QPlatformWindow::formatWindowTitle).
    const QString name = QGuiApplication::applicationDisplayName();
    const QString title = windowTitle();
    if (title.isEmpty())
        return name;
    return title.endsWith(name) ? title : title + QStringLiteral(" \u2014 ") + name;
}

void MainWindow::focusSearch()
{
    PageWidget *page = m_session && m_stack->currentWidget() == m_session ? m_session->currentPage() : nullptr;
    if (!page)
        return;
    // A page's search field is the line edit named "…search…" (searchBox, ordersSearch, customerSearch).
    for (QLineEdit *field : page->findChildren<QLineEdit *>()) {
        if (field->objectName().contains(QLatin1String("search"), Qt::CaseInsensitive) && field->isVisible()
            && field->isEnabled()) {
            field->setFocus(Qt::ShortcutFocusReason);
            field->selectAll();
            return;
        }
    }
}

void MainWindow::restoreWindow()
{
    // Where and how large the window was when it was last closed (not off a screen
    // that is gone: restoreGeometry() moves it back onto one).
    const QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
}

void MainWindow::saveWindow()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindow();
    QMainWindow::closeEvent(event);
}

void MainWindow::showSecurity()
{
    // Lasting, never dismissed: every password and won would cross the network in clear.
    if (m_client->unencryptedRemote())
        m_securityBanner->showError(tr("The connection to %1 is not encrypted: passwords, tokens and payments cross the "
                                       "network readable by anyone on the way. Ask the shop for its https:// address.")
                                            .arg(m_client->server().host()),
                                    QStringLiteral("plain"));
    else
        m_securityBanner->resolve(QStringLiteral("plain"));
}

SessionView *MainWindow::session() const
{
    return m_session;
}

LoginDialog *MainWindow::loginDialog() const
{
    return m_login;
}

OwnerSetupView *MainWindow::ownerSetup() const
{
    return m_ownerSetup;
}

void MainWindow::connectTo(const QString &server)
{
    m_client->setServer(QUrl(server));
    m_startup->showReady(server);
    m_serverLabel->setText(tr("Server %1").arg(server));
    if (m_client->unencryptedRemote())
        showSecurity();
    else
        m_securityBanner->clear();
    if (m_ownerSecret.isEmpty()) {
        openLogin();
        return;
    }
    // A new shop has no administrator: its sign-in dialog would ask for an account
    // nobody has. Ask first; any failure (a spent secret, an older server) falls back to
    // signing in, which is what a shop with an owner needs anyway.
    m_client->ownerNeeded(m_ownerSecret, this, [this](const Result<bool> &needed) {
        if (needed && needed.value()) {
            openOwnerSetup();
            return;
        }
        if (!needed)
            qCWarning(lcUi) << "could not ask whether the shop needs its owner:" << needed.failure().message;
        m_ownerSecret.clear(); // an owner exists (or cannot be made with it): the secret is of no more use
        openLogin();
    });
}

void MainWindow::openOwnerSetup()
{
    closeOwnerSetup();
    m_ownerSetup = new OwnerSetupView(m_client, m_ownerSecret, m_stack);
    connect(m_ownerSetup, &OwnerSetupView::signedIn, this, [this] {
        m_ownerSecret.clear(); // spent on the server too
        closeOwnerSetup();
        startSession();
    });
    connect(m_ownerSetup, &OwnerSetupView::signInNeeded, this, [this](const QString &why) {
        m_ownerSecret.clear();
        closeOwnerSetup();
        m_stack->setCurrentWidget(m_startup);
        openLogin(why);
    });
    m_stack->addWidget(m_ownerSetup);
    m_stack->setCurrentWidget(m_ownerSetup);
    updateTitle();
    // What a new shop shows instead of the sign-in dialog: the line that says the app
    // came up there (installer/install-test.sh waits for one of the two).
    qCInfo(lcUi) << "owner setup shown";
}

void MainWindow::closeOwnerSetup()
{
    if (!m_ownerSetup)
        return;
    m_stack->removeWidget(m_ownerSetup);
    m_ownerSetup->deleteLater(); // it may be the one emitting: not deleted under its feet
    m_ownerSetup = nullptr;
    updateTitle();
}

void MainWindow::openLogin(const QString &why)
{
    if (m_login)
        m_login->deleteLater();
    m_login = new LoginDialog(m_client, this);
    if (!why.isEmpty())
        m_login->findChild<NoticeBar *>(QStringLiteral("loginNotice"))->showInfo(why);
    connect(m_login, &QDialog::accepted, this, &MainWindow::startSession);
    m_login->open();
    // The install test waits for this line to know the app came up.
    qCInfo(lcUi) << "sign-in dialog shown";
}

void MainWindow::startSession()
{
    if (m_session)
        m_session->deleteLater();
    m_session = new SessionView(m_client, m_stack);
    connect(m_session, &SessionView::signOutRequested, this, [this] {
        signOut();
        openLogin();
    });
    m_stack->addWidget(m_session);
    m_stack->setCurrentWidget(m_session);
    updateTitle();
}

void MainWindow::signOut()
{
    m_client->logout();
    if (m_session) {
        m_stack->removeWidget(m_session);
        m_session->deleteLater();
    }
    m_stack->setCurrentWidget(m_startup);
    updateTitle();
}

void MainWindow::showServiceDown(const QString &text)
{
    m_serviceBanner->showError(text + tr(" Until then the shop cannot save or load; nothing is lost."), QStringLiteral("service"));
    m_startup->showService(text);
}

void MainWindow::showServiceBack(const QString &text)
{
    m_serviceBanner->showSuccess(text, QStringLiteral("back"));
    m_startup->showService(text);
    // Whatever the page showed came from the outage: read it again once the server's
    // connections have found the service again (the first query on each old
    // connection fails while it reconnects).
    QTimer::singleShot(kRefreshAfterBackMs, this, [this] {
        if (m_session)
            m_session->refreshCurrent();
    });
    QTimer::singleShot(kServiceBackShownMs, m_serviceBanner, [banner = m_serviceBanner] { banner->resolve(QStringLiteral("back")); });
}

void MainWindow::showServiceLost(const QString &text)
{
    m_serviceBanner->showError(text, QStringLiteral("lost"));
    m_startup->showFailure(text);
}

void MainWindow::showReachable(bool reachable)
{
    if (reachable) {
        m_banner->clear();
        // Whatever the page showed may be stale or an error from the outage.
        if (m_session)
            m_session->refreshCurrent();
        return;
    }
    m_banner->showError(tr("The server at %1 does not answer. Retrying every 2 seconds; your cart is kept.")
                                .arg(m_client->server().toString()));
}
