#include "AppStyle.h"
#include "GuiDriver.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "NoticeBar.h"
#include "NumberField.h"
#include "PageWidget.h"
#include "SessionView.h"
#include "ShopClient.h"
#include "ShopFixture.h"
#include "Translator.h"

#include <QtCore/QMap>
#include <QtCore/QRandomGenerator>
#include <QtCore/QRegularExpression>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>
#include <QtWidgets/QAbstractButton>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>

#include <memory>

using GuiDriver::child;

// The real window against a real server on the local stack, driven as a person would:
// sign in, browse, claim a coupon, add to cart, pay, see the balance drop; an admin
// adds a product and a shopper sees it; refusals and a lost server shown in words.
// The first run of a new shop (issue 23) is tst_firstrun.
class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void purchaseWithCoupon();
    void refusedPaymentSaysWhy();
    void adminCreatesProductShopperSeesIt();
    void wrongPasswordIsShown();
    void lostServerIsShownAndRetried();
    void titleSaysStorefrontOnce();
    void windowSizeIsRemembered();
    void ctrlFSearchesFromAnywhere();
    void noticeDoesNotMoveThePage();
    void mnemonicsAreUniquePerPage_data();
    void mnemonicsAreUniquePerPage();
    void focusRingIsClear();

private:
    ShopFixture m_shop;
    std::unique_ptr<MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings under a test folder, not the user's
    QSettings().remove(QStringLiteral("window/geometry")); // every window starts at the default size
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Storefront")); // as app/main.cpp
    AppStyle::apply();
    QVERIFY(m_shop.start(4));
}

void tst_MainWindow::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
}

void tst_MainWindow::cleanupTestCase()
{
    m_shop.stop();
}

void tst_MainWindow::purchaseWithCoupon()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(shopper.id > 0);
    QVERIFY(m_shop.charge(shopper, 50000));
    const qint64 lamp = m_shop.createProduct(QStringLiteral("Desk lamp"), 12300, 10);
    const qint64 coupon = m_shop.createCoupon(QStringLiteral("FIXED"), 1000, 5);
    QVERIFY(lamp > 0 && coupon > 0);

    m_window->connectTo(m_shop.baseUrl().toString());
    QVERIFY(GuiDriver::signIn(*m_window, shopper.username, QStringLiteral("password-123")));

    // Claim the coupon.
    PageWidget *coupons = GuiDriver::showPage(*m_window, QStringLiteral("couponsPage"));
    QVERIFY(coupons);
    QVERIFY(GuiDriver::selectRowWithId(child<QAbstractItemView>(coupons, "openCoupons"), coupon));
    QTRY_VERIFY(child<QPushButton>(coupons, "claimCoupon")->isEnabled());
    QTest::mouseClick(child<QPushButton>(coupons, "claimCoupon"), Qt::LeftButton);
    QTRY_VERIFY2(GuiDriver::noticeText(coupons).contains(QStringLiteral("Claimed")), qPrintable(GuiDriver::noticeText(coupons)));
    QTRY_COMPARE(child<QAbstractItemView>(coupons, "myCoupons")->model()->rowCount(), 1);

    // Two lamps into the cart.
    PageWidget *shop = GuiDriver::showPage(*m_window, QStringLiteral("shopPage"));
    QVERIFY(GuiDriver::selectRowWithId(child<QAbstractItemView>(shop, "productGrid"), lamp));
    GuiDriver::retype(child<QWidget>(shop, "quantity"), QStringLiteral("2"));
    QTest::mouseClick(child<QPushButton>(shop, "addToCart"), Qt::LeftButton);
    QVERIFY(GuiDriver::noticeText(shop).contains(QStringLiteral("Added 2")));

    // Checkout with the coupon: the amounts before paying, then the order.
    PageWidget *cart = GuiDriver::showPage(*m_window, QStringLiteral("cartPage"));
    auto *choice = child<QComboBox>(cart, "couponChoice");
    QTRY_COMPARE(choice->count(), 2);
    choice->setCurrentIndex(1);
    QCOMPARE(child<QLabel>(cart, "cartTotal")->text(), QStringLiteral("\u20A924,600"));
    QCOMPARE(child<QLabel>(cart, "cartDiscount")->text(), QStringLiteral("-\u20A91,000"));
    QCOMPARE(child<QLabel>(cart, "cartToPay")->text(), QStringLiteral("\u20A923,600"));
    QTRY_COMPARE(child<QLabel>(cart, "cartBalance")->text(), QStringLiteral("\u20A950,000"));
    QTest::mouseClick(child<QPushButton>(cart, "pay"), Qt::LeftButton);
    // Paying asks first, saying what leaves the wallet, the coupon and what is left.
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("confirmPay"))) && box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("\u20A923,600 will be taken from the wallet.")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QStringLiteral("The balance will then be \u20A926,400.")), qPrintable(box->text()));
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmPay"), QStringLiteral("keep")));
    QVERIFY(QTest::qWaitFor([this] { return m_window->client()->inFlight() == 0; }, 10000));
    QCOMPARE(m_shop.balanceOf(shopper), 50000); // "Don't pay": nothing taken
    QTest::mouseClick(child<QPushButton>(cart, "pay"), Qt::LeftButton);
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmPay"), QStringLiteral("confirm")));
    QTRY_VERIFY2(GuiDriver::noticeText(cart).contains(QStringLiteral("paid")), qPrintable(GuiDriver::noticeText(cart)));
    QVERIFY(GuiDriver::noticeText(cart).contains(QStringLiteral("\u20A923,600")));
    QCOMPARE(m_shop.balanceOf(shopper), 26400);
    QCOMPARE(m_shop.stockOf(lamp), 8);
    // The cart is empty: no quantity, and no range left from the line that was paid for.
    auto *lineQuantity = child<NumberField>(cart, "lineQuantity");
    QTRY_VERIFY(!lineQuantity->isEnabled());
    QCOMPARE(lineQuantity->editor()->text(), QString());
    QCOMPARE(GuiDriver::hintText(lineQuantity), QString());

    // The wallet shows the drop, and the payment in its history.
    PageWidget *wallet = GuiDriver::showPage(*m_window, QStringLiteral("walletPage"));
    QTRY_COMPARE(child<QLabel>(wallet, "walletBalance")->text(), QStringLiteral("\u20A926,400"));
    QVERIFY(GuiDriver::waitForRowWithText(child<QAbstractItemView>(wallet, "ledgerTable"), 2, QStringLiteral("-\u20A923,600")) >= 0);
    QTRY_COMPARE(child<QLabel>(m_window->session(), "headerBalance")->text(), QStringLiteral("Balance \u20A926,400"));

    // The order, its lines, and the coupon now used.
    PageWidget *orders = GuiDriver::showPage(*m_window, QStringLiteral("ordersPage"));
    QTRY_COMPARE(child<QAbstractItemView>(orders, "orderTable")->model()->rowCount(), 1);
    QTRY_COMPARE(child<QAbstractItemView>(orders, "orderLines")->model()->rowCount(), 1);
    QVERIFY(child<QPushButton>(orders, "cancelOrder")->isEnabled());
    GuiDriver::showPage(*m_window, QStringLiteral("couponsPage"));
    QVERIFY(GuiDriver::waitForRowWithText(child<QAbstractItemView>(coupons, "myCoupons"), 2, QStringLiteral("Used")) >= 0);
}

void tst_MainWindow::refusedPaymentSaysWhy()
{
    const ShopFixture::User shopper = m_shop.newShopper(); // balance 0
    const qint64 chair = m_shop.createProduct(QStringLiteral("Chair"), 45000, 3);
    QVERIFY(shopper.id > 0 && chair > 0);
    m_window->connectTo(m_shop.baseUrl().toString());
    QVERIFY(GuiDriver::signIn(*m_window, shopper.username, QStringLiteral("password-123")));
    PageWidget *shop = GuiDriver::showPage(*m_window, QStringLiteral("shopPage"));
    QVERIFY(GuiDriver::selectRowWithId(child<QAbstractItemView>(shop, "productGrid"), chair));
    QTest::mouseClick(child<QPushButton>(shop, "addToCart"), Qt::LeftButton);
    PageWidget *cart = GuiDriver::showPage(*m_window, QStringLiteral("cartPage"));
    QTest::mouseClick(child<QPushButton>(cart, "pay"), Qt::LeftButton);
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmPay"), QStringLiteral("confirm")));
    QTRY_VERIFY2(GuiDriver::noticeText(cart).contains(QStringLiteral("Not enough money")), qPrintable(GuiDriver::noticeText(cart)));
    QCOMPARE(cart->findChild<NoticeBar *>(QStringLiteral("notice"))->tone(), NoticeBar::Tone::Error);
    QCOMPARE(m_shop.stockOf(chair), 3);
    QVERIFY(child<QPushButton>(cart, "pay")->isEnabled()); // the cart is kept for another try
    // Emptied, the cart has nothing left to refuse: the error goes with its lines.
    QTest::mouseClick(child<QPushButton>(cart, "removeLine"), Qt::LeftButton);
    QTRY_COMPARE(GuiDriver::noticeText(cart), QString());
}

// Issue 27 point 8: the title says Storefront once ("name — Storefront").
void tst_MainWindow::titleSaysStorefrontOnce()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    QCOMPARE(m_window->shownTitle(), QStringLiteral("Storefront"));
    m_window->connectTo(m_shop.baseUrl().toString());
    QVERIFY(GuiDriver::signIn(*m_window, shopper.username, QStringLiteral("password-123")));
    QCOMPARE(m_window->windowTitle(), shopper.username);
    QCOMPARE(m_window->shownTitle(), shopper.username + QStringLiteral(" \u2014 Storefront"));
}

// The window opens where and as large as it was when last closed.
void tst_MainWindow::windowSizeIsRemembered()
{
    QSettings().remove(QStringLiteral("window/geometry"));
    {
        MainWindow fresh;
        QCOMPARE(fresh.size(), QSize(1180, 760)); // nothing remembered: the default
        fresh.show();
        fresh.resize(1010, 640);
        QTRY_COMPARE(fresh.size(), QSize(1010, 640));
        fresh.close();
    }
    MainWindow again;
    QCOMPARE(again.size(), QSize(1010, 640));
    QSettings().remove(QStringLiteral("window/geometry"));
}

// Ctrl+F goes to the search box wherever the focus is (the side bar too), and a search
// typed while a product's page is open shows the shop's results at once.
void tst_MainWindow::ctrlFSearchesFromAnywhere()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    const QString name = QStringLiteral("Lamp%1").arg(QRandomGenerator::global()->bounded(100000, 999999));
    const qint64 lamp = m_shop.createProduct(name, 30000, 2);
    QVERIFY(lamp > 0);
    m_window->connectTo(m_shop.baseUrl().toString());
    QVERIFY(GuiDriver::signIn(*m_window, shopper.username, QStringLiteral("password-123")));
    PageWidget *shop = GuiDriver::showPage(*m_window, QStringLiteral("shopPage"));
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *navigation = child<QWidget>(m_window->session(), "navigation");
    navigation->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), navigation);
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("searchBox"));

    // A product's page open, then a search: the results, not the product.
    auto *grid = child<QAbstractItemView>(shop, "productGrid");
    QVERIFY(GuiDriver::selectRowWithId(grid, lamp) || grid->model()->rowCount() > 0);
    QTest::mouseClick(child<QPushButton>(shop, "openProduct"), Qt::LeftButton);
    auto *back = child<QPushButton>(shop, "backToShop");
    QTRY_VERIFY(back->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), name);
    QTRY_VERIFY(grid->isVisible());
    QVERIFY(!back->isVisible());
    QTRY_COMPARE(grid->model()->rowCount(), 1);
    QCOMPARE(grid->model()->index(0, 0).data().toString(), name);
}

// A notice coming or going does not move the page under the pointer.
void tst_MainWindow::noticeDoesNotMoveThePage()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    m_window->connectTo(m_shop.baseUrl().toString());
    QVERIFY(GuiDriver::signIn(*m_window, shopper.username, QStringLiteral("password-123")));
    PageWidget *coupons = GuiDriver::showPage(*m_window, QStringLiteral("couponsPage"));
    auto *claim = child<QPushButton>(coupons, "claimCoupon");
    QTRY_VERIFY(claim->isVisible());
    const QPoint before = claim->mapTo(m_window.get(), QPoint(0, 0));
    coupons->notice()->showError(QStringLiteral("One line of news."));
    QTRY_VERIFY(coupons->notice()->isVisible());
    QCOMPARE(claim->mapTo(m_window.get(), QPoint(0, 0)), before);
    coupons->notice()->clear();
    QTRY_VERIFY(!coupons->notice()->isVisible());
    QCOMPARE(claim->mapTo(m_window.get(), QPoint(0, 0)), before);
}

// Alt+letter: one control per letter in each page of the window, in both languages.
void tst_MainWindow::mnemonicsAreUniquePerPage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("admin");
    QTest::newRow("English, shopper") << QStringLiteral("en") << false;
    QTest::newRow("English, admin") << QStringLiteral("en") << true;
    QTest::newRow("Korean, shopper") << QStringLiteral("ko") << false;
    QTest::newRow("Korean, admin") << QStringLiteral("ko") << true;
}

void tst_MainWindow::mnemonicsAreUniquePerPage()
{
    QFETCH(QString, language);
    QFETCH(bool, admin);
    Translator::use(language);
    const ShopFixture::User shopper = m_shop.newShopper();
    m_window->connectTo(m_shop.baseUrl().toString());
    QVERIFY(admin ? GuiDriver::signIn(*m_window, QStringLiteral("admin"), QString::fromLatin1(ShopFixture::kAdminPassword))
                  : GuiDriver::signIn(*m_window, shopper.username, QStringLiteral("password-123")));
    static const QRegularExpression mnemonic(QStringLiteral("&([^&\\s])"));
    QStringList clashes;
    const QList<PageWidget *> pages = m_window->session()->findChildren<PageWidget *>();
    QVERIFY(pages.size() > 4);
    for (PageWidget *page : pages) {
        GuiDriver::showPage(*m_window, page->objectName());
        QMap<QChar, QStringList> owners;
        const auto note = [&](QWidget *w, QString text) {
            text.replace(QLatin1String("&&"), QString());
            const QRegularExpressionMatch m = mnemonic.match(text);
            if (m.hasMatch() && w->isVisible())
                owners[m.captured(1).at(0).toUpper()] << text;
        };
        for (QAbstractButton *b : m_window->findChildren<QAbstractButton *>())
            note(b, b->text());
        for (QLabel *l : m_window->findChildren<QLabel *>()) {
            if (l->buddy())
                note(l, l->text());
        }
        for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
            if (it->size() > 1)
                clashes << QStringLiteral("%1: Alt+%2 is %3").arg(page->objectName(), QString(it.key()), it->join(QLatin1String(" | ")));
        }
    }
    Translator::use(QStringLiteral("en"));
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

// The control with the focus has a 2 px ring in the highlight colour (#1a73e8).
void tst_MainWindow::focusRingIsClear()
{
    QWidget box;
    auto *first = new QPushButton(QStringLiteral("First"), &box);
    auto *second = new QPushButton(QStringLiteral("Second"), &box);
    first->setGeometry(10, 10, 120, 32);
    second->setGeometry(10, 60, 120, 32);
    box.resize(200, 110);
    box.show();
    QApplication::setActiveWindow(&box);
    QVERIFY(QTest::qWaitForWindowActive(&box));
    second->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(second->hasFocus());
    const QImage shot = box.grab().toImage();
    // The middle of the left edge: the ring on the focused button, the plain frame on the other.
    QCOMPARE(QColor(shot.pixel(second->x() + 1, second->y() + 16)).name(), QStringLiteral("#1a73e8"));
    QVERIFY(QColor(shot.pixel(first->x() + 1, first->y() + 16)).name() != QStringLiteral("#1a73e8"));
}

void tst_MainWindow::adminCreatesProductShopperSeesIt()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(shopper.id > 0);
    const QString name = QStringLiteral("Standing desk %1").arg(QRandomGenerator::global()->bounded(100000));
    m_window->connectTo(m_shop.baseUrl().toString());
    QVERIFY(GuiDriver::signIn(*m_window, QStringLiteral("admin"), QString::fromLatin1(ShopFixture::kAdminPassword)));
    QVERIFY(m_window->session()->page(QStringLiteral("dashboardPage")));
    QVERIFY(!m_window->session()->page(QStringLiteral("shopPage")));

    PageWidget *form = GuiDriver::showPage(*m_window, QStringLiteral("productForm"));
    // Validation first: no name, no request.
    QTest::mouseClick(child<QPushButton>(form, "saveProduct"), Qt::LeftButton);
    QVERIFY(!child<QLabel>(form, "productProblem")->text().isEmpty());
    QTest::keyClicks(child<QLineEdit>(form, "productName"), name);
    GuiDriver::retype(child<QWidget>(form, "productPrice"), QStringLiteral("389000"));
    GuiDriver::retype(child<QWidget>(form, "productStock"), QStringLiteral("4"));
    QTest::mouseClick(child<QPushButton>(form, "saveProduct"), Qt::LeftButton);
    QTRY_VERIFY2(GuiDriver::noticeText(form).contains(QStringLiteral("Created product")), qPrintable(GuiDriver::noticeText(form)));
    QVERIFY(GuiDriver::noticeText(form).contains(QStringLiteral("\u20A9389,000")));

    QTest::mouseClick(child<QPushButton>(m_window->session(), "signOut"), Qt::LeftButton);
    QTRY_VERIFY(!m_window->session());
    QVERIFY(GuiDriver::signIn(*m_window, shopper.username, QStringLiteral("password-123")));
    PageWidget *shop = GuiDriver::showPage(*m_window, QStringLiteral("shopPage"));
    auto *products = child<QAbstractItemView>(shop, "productGrid");
    // The newest product is on the last page.
    auto *next = child<QPushButton>(shop, "nextPage");
    QTRY_VERIFY(products->model()->rowCount() > 0);
    while (next->isEnabled()) {
        const QString before = child<QLabel>(shop, "pageLabel")->text();
        QTest::mouseClick(next, Qt::LeftButton);
        QTRY_VERIFY(child<QLabel>(shop, "pageLabel")->text() != before);
    }
    const int row = GuiDriver::waitForRowWithText(products, 0, name);
    QVERIFY(row >= 0);
    QCOMPARE(products->model()->index(row, 1).data().toString(), QStringLiteral("\u20A9389,000"));
    QCOMPARE(products->model()->index(row, 2).data().toString(), QStringLiteral("4"));
}

void tst_MainWindow::wrongPasswordIsShown()
{
    m_window->connectTo(m_shop.baseUrl().toString());
    QTRY_VERIFY(m_window->loginDialog() && m_window->loginDialog()->isVisible());
    LoginDialog *dialog = m_window->loginDialog();
    child<QLineEdit>(dialog, "username")->setText(QStringLiteral("admin"));
    child<QLineEdit>(dialog, "password")->setText(QStringLiteral("not-the-password"));
    QTest::mouseClick(child<QPushButton>(dialog, "signIn"), Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>(dialog, "loginNotice")->text().contains(QStringLiteral("Wrong username or password")));
    QVERIFY(dialog->isVisible());
    QVERIFY(!m_window->session());
}

void tst_MainWindow::lostServerIsShownAndRetried()
{
    // A port nobody listens on: taken, then released.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    m_window->connectTo(QStringLiteral("http://127.0.0.1:%1").arg(port));
    QVERIFY(GuiDriver::signIn(*m_window, QStringLiteral("someone"), QStringLiteral("password-123")) == false);
    auto *banner = child<NoticeBar>(m_window.get(), "connectionBanner");
    QTRY_VERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral("does not answer")));
    QVERIFY(child<QLabel>(m_window->loginDialog(), "loginNotice")->text().contains(QStringLiteral("cannot be reached")));

    // The server comes back on that port: the client's /healthz probe notices.
    QTcpServer back;
    QVERIFY(back.listen(QHostAddress::LocalHost, port));
    connect(&back, &QTcpServer::newConnection, &back, [&back] {
        QTcpSocket *socket = back.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            socket->readAll();
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n"
                          "Connection: close\r\n\r\n{\"status\":\"ok\"}");
            socket->disconnectFromHost();
        });
    });
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 10000);
    QVERIFY(m_window->client()->reachable());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
