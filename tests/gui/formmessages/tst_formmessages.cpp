#include "AppStyle.h"
#include "Card.h"
#include "FieldHint.h"
#include "GuiDriver.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "NoticeBar.h"
#include "NumberField.h"
#include "PageWidget.h"
#include "RecordTableView.h"
#include "SessionView.h"
#include "ShopClient.h"
#include "ShopFixture.h"

#include <QtCore/QRandomGenerator>
#include <QtCore/QStandardPaths>
#include <QtTest/QTest>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDateTimeEdit>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>

#include <memory>
#include <utility>

using GuiDriver::child;

// Issue 14, points 4, 6 and 9: every message is about now, forms keep still when a
// message comes, what lasts is asked about first, an empty list says so. The real window
// against a real server, driven as a person would. Points 1, 2, 3 and 5 are in tst_forms.
class tst_FormMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void staleShopperMessagesGo();       // point 4
    void staleAdminMessagesGo();         // point 4
    void signInDialogKeepsItsFields();   // point 6
    void adminFormsDoNotMove();          // point 6
    void cartFitsTheSmallestWindow();    // point 6
    void confirmationsBeforeWhatLasts(); // point 9
    void emptyListsSaySo();              // point 9
    void freeProductIsAskedAbout();      // point 9

private:
    bool signInShopper(const ShopFixture::User &user) { return GuiDriver::signIn(*m_window, user.username, QStringLiteral("password-123")); }
    bool signInAdmin() { return GuiDriver::signIn(*m_window, QStringLiteral("admin"), QString::fromLatin1(ShopFixture::kAdminPassword)); }
    static QString unique(const QString &name) { return name + QStringLiteral(" %1").arg(QRandomGenerator::global()->bounded(1000000)); }

    ShopFixture m_shop;
    std::unique_ptr<MainWindow> m_window;
};

void tst_FormMessages::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    AppStyle::apply();
    QVERIFY(m_shop.start(4));
}

void tst_FormMessages::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1180, 760);
    m_window->show();
    m_window->connectTo(m_shop.baseUrl().toString());
}

void tst_FormMessages::cleanup()
{
    m_window.reset();
}

void tst_FormMessages::cleanupTestCase()
{
    m_shop.stop();
}

// Point 4, the shopper's pages.
void tst_FormMessages::staleShopperMessagesGo()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    const qint64 chair = m_shop.createProduct(unique(QStringLiteral("Chair")), 45000, 5);
    const qint64 coupon = m_shop.createCoupon(QStringLiteral("FIXED"), 500, 10);
    QVERIFY(chair > 0 && coupon > 0);
    QVERIFY(signInShopper(shopper));
    PageWidget *shop = GuiDriver::showPage(*m_window, QStringLiteral("shopPage"));
    while (child<QPushButton>(shop, "nextPage")->isEnabled()) {
        const QString before = child<QLabel>(shop, "pageLabel")->text();
        QTest::mouseClick(child<QPushButton>(shop, "nextPage"), Qt::LeftButton);
        QTRY_VERIFY(child<QLabel>(shop, "pageLabel")->text() != before);
    }
    QVERIFY(GuiDriver::selectRowWithId(child<QAbstractItemView>(shop, "productGrid"), chair));
    QTest::mouseClick(child<QPushButton>(shop, "addToCart"), Qt::LeftButton);
    QVERIFY(GuiDriver::noticeText(shop).contains(QStringLiteral("Added 1")));

    // "Not enough money" goes once the wallet was charged.
    PageWidget *cart = GuiDriver::showPage(*m_window, QStringLiteral("cartPage"));
    QTRY_VERIFY(child<QPushButton>(cart, "pay")->isEnabled());
    QTest::mouseClick(child<QPushButton>(cart, "pay"), Qt::LeftButton);
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmPay"), QStringLiteral("confirm")));
    QTRY_VERIFY2(GuiDriver::noticeText(cart).contains(QStringLiteral("Not enough money")), qPrintable(GuiDriver::noticeText(cart)));
    QVERIFY(m_shop.charge(shopper, 50000));
    m_window->client()->balance(cart, [](const Result<qint64> &) { }); // the header's periodic read
    QTRY_VERIFY(GuiDriver::noticeText(cart).isEmpty());

    // "Added 1 × …" is not there on a later visit.
    GuiDriver::showPage(*m_window, QStringLiteral("shopPage"));
    QVERIFY(GuiDriver::noticeText(shop).isEmpty());

    // A coupon's "Claimed" goes with F5.
    PageWidget *coupons = GuiDriver::showPage(*m_window, QStringLiteral("couponsPage"));
    QVERIFY(GuiDriver::selectRowWithId(child<QAbstractItemView>(coupons, "openCoupons"), coupon));
    QTRY_VERIFY(child<QPushButton>(coupons, "claimCoupon")->isEnabled());
    QTest::mouseClick(child<QPushButton>(coupons, "claimCoupon"), Qt::LeftButton);
    QTRY_VERIFY(GuiDriver::noticeText(coupons).contains(QStringLiteral("Claimed")));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(GuiDriver::noticeText(coupons).isEmpty());
}

// Point 4, the admin's forms: a success is not shown next to a new form's error; an
// error goes as soon as its cause is fixed (border included).
void tst_FormMessages::staleAdminMessagesGo()
{
    QVERIFY(signInAdmin());
    PageWidget *form = GuiDriver::showPage(*m_window, QStringLiteral("productForm"));
    auto *name = child<QLineEdit>(form, "productName");
    auto *problem = child<QLabel>(form, "productProblem");
    QTest::keyClicks(name, unique(QStringLiteral("Kettle")));
    GuiDriver::retype(child<QWidget>(form, "productPrice"), QStringLiteral("39000"));
    GuiDriver::retype(child<QWidget>(form, "productStock"), QStringLiteral("7"));
    QTest::mouseClick(child<QPushButton>(form, "saveProduct"), Qt::LeftButton);
    QTRY_VERIFY(GuiDriver::noticeText(form).contains(QStringLiteral("Created product")));
    QTest::mouseClick(child<QPushButton>(form, "saveProduct"), Qt::LeftButton); // the new, empty form
    QVERIFY(GuiDriver::noticeText(form).isEmpty());
    QCOMPARE(problem->text(), QStringLiteral("Give the product a name."));
    QVERIFY(!name->styleSheet().isEmpty());
    QTest::keyClicks(name, QStringLiteral("M"));
    QVERIFY(problem->text().isEmpty());
    QVERIFY(name->styleSheet().isEmpty());

    PageWidget *coupons = GuiDriver::showPage(*m_window, QStringLiteral("couponForm"));
    QTest::keyClicks(child<QLineEdit>(coupons, "couponName"), unique(QStringLiteral("Window")));
    auto *from = child<QDateTimeEdit>(coupons, "couponFrom");
    auto *until = child<QDateTimeEdit>(coupons, "couponUntil");
    until->setDateTime(from->dateTime().addDays(-1));
    QTest::mouseClick(child<QPushButton>(coupons, "createCoupon"), Qt::LeftButton);
    auto *couponProblem = child<QLabel>(coupons, "couponProblem");
    QCOMPARE(couponProblem->text(), QStringLiteral("The coupon must end after it starts."));
    until->setDateTime(from->dateTime().addDays(7));
    QVERIFY(couponProblem->text().isEmpty());
}

// Point 6: an error in the sign-in dialog gets room; the fields keep their height; the
// focus stays in the field the problem is about.
void tst_FormMessages::signInDialogKeepsItsFields()
{
    QTRY_VERIFY(m_window->loginDialog() && m_window->loginDialog()->isVisible());
    LoginDialog *dialog = m_window->loginDialog();
    auto *user = child<QLineEdit>(dialog, "username");
    auto *pass = child<QLineEdit>(dialog, "password");
    auto *notice = child<NoticeBar>(dialog, "loginNotice");
    const auto fits = [&](QWidget *w) {
        const QRect r(w->mapTo(dialog, QPoint(0, 0)), w->size());
        const int wanted = w->hasHeightForWidth() ? w->heightForWidth(w->width()) : w->sizeHint().height();
        return dialog->rect().contains(r) && w->height() >= wanted;
    };
    GuiDriver::retype(user, QStringLiteral("newcomer_%1").arg(QRandomGenerator::global()->bounded(100000)));
    GuiDriver::retype(pass, QStringLiteral("short"));
    QTest::mouseClick(child<QPushButton>(dialog, "createAccount"), Qt::LeftButton);
    QTRY_VERIFY(notice->isVisible());
    QVERIFY(notice->text().contains(QStringLiteral("8 characters")));
    QVERIFY(!user->hasSelectedText());
    QCOMPARE(dialog->focusWidget(), pass);

    // Issue 27 point 8: the hint names the letters the server takes; Hangul is refused
    // in those words before anything is sent.
    QCOMPARE(user->placeholderText(), QStringLiteral("3 to 32 characters: A\u2013Z, a\u2013z, 0\u20139 and _ . -"));
    user->clear();
    GuiDriver::compose(user, QStringLiteral("\uBBFC\uC9C0_kim")); // typed through the input method, as Hangul is
    GuiDriver::retype(pass, QStringLiteral("long-enough-1"));
    QTest::mouseClick(child<QPushButton>(dialog, "createAccount"), Qt::LeftButton);
    QTRY_COMPARE(notice->text(), QStringLiteral("Only A\u2013Z, a\u2013z, 0\u20139 and _ . - (not \u201C\uBBFC\u201D)."));
    QCOMPARE(dialog->focusWidget(), user);
    GuiDriver::retype(pass, QStringLiteral("short"));

    // The longest message there is: a lost server's, on two lines or more.
    notice->showError(QStringLiteral("The server at http://127.0.0.1:65000 cannot be reached (Connection refused). "
                                     "Check that it runs, then sign in again; nothing was sent."));
    QTRY_VERIFY(notice->height() >= notice->heightForWidth(notice->width()));
    for (QWidget *w : { static_cast<QWidget *>(user), static_cast<QWidget *>(pass), static_cast<QWidget *>(notice),
                        static_cast<QWidget *>(child<QPushButton>(dialog, "signIn")) })
        QVERIFY2(fits(w), qPrintable(w->objectName()));
    QVERIFY(notice->mapTo(dialog, QPoint(0, 0)).y() >= pass->mapTo(dialog, QPoint(0, pass->height())).y());
}

// Point 6: showing and clearing inline errors does not move the admin forms' buttons;
// the titles are inside their cards.
void tst_FormMessages::adminFormsDoNotMove()
{
    QVERIFY(signInAdmin());
    PageWidget *form = GuiDriver::showPage(*m_window, QStringLiteral("productForm"));
    auto *save = child<QPushButton>(form, "saveProduct");
    auto *stock = child<NumberField>(form, "productStock");
    QCoreApplication::processEvents();
    const QPoint saveAt = save->mapTo(m_window.get(), QPoint(0, 0));
    const QPoint stockAt = stock->mapTo(m_window.get(), QPoint(0, 0));
    QTest::mouseClick(save, Qt::LeftButton); // every field wrong at once
    QVERIFY(!child<QLabel>(form, "productProblem")->text().isEmpty());
    QVERIFY(!GuiDriver::hintText(stock).isEmpty());
    QCoreApplication::processEvents();
    QCOMPARE(save->mapTo(m_window.get(), QPoint(0, 0)), saveAt);
    QCOMPARE(stock->mapTo(m_window.get(), QPoint(0, 0)), stockAt);
    QTest::keyClicks(child<QLineEdit>(form, "productName"), QStringLiteral("Bowl"));
    QCoreApplication::processEvents();
    QCOMPARE(save->mapTo(m_window.get(), QPoint(0, 0)), saveAt);

    PageWidget *coupons = GuiDriver::showPage(*m_window, QStringLiteral("couponForm"));
    auto *create = child<QPushButton>(coupons, "createCoupon");
    QCoreApplication::processEvents();
    const QPoint createAt = create->mapTo(m_window.get(), QPoint(0, 0));
    QTest::mouseClick(create, Qt::LeftButton);
    QVERIFY(!child<QLabel>(coupons, "couponProblem")->text().isEmpty());
    QCoreApplication::processEvents();
    QCOMPARE(create->mapTo(m_window.get(), QPoint(0, 0)), createAt);

    for (const auto &[page, card] : { std::pair { form, "productCard" }, std::pair { coupons, "couponCard" } }) {
        Card *box = child<Card>(page, card);
        QVERIFY(box);
        const QRect title = box->titleLabel()->geometry();
        QVERIFY2(title.top() >= 0 && box->rect().contains(title), card);
    }
}

// Point 6: at the smallest window the cart's names stay on one line, whole.
void tst_FormMessages::cartFitsTheSmallestWindow()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    const QString name = QStringLiteral("Stoneware mug, sea green");
    const qint64 mug = m_shop.createProduct(name, 12300, 20);
    QVERIFY(mug > 0);
    m_window->resize(m_window->minimumSize());
    QCOMPARE(m_window->size(), QSize(920, 600));
    QVERIFY(signInShopper(shopper));
    PageWidget *shop = GuiDriver::showPage(*m_window, QStringLiteral("shopPage"));
    while (child<QPushButton>(shop, "nextPage")->isEnabled()) {
        const QString page = child<QLabel>(shop, "pageLabel")->text();
        QTest::mouseClick(child<QPushButton>(shop, "nextPage"), Qt::LeftButton);
        QTRY_VERIFY(child<QLabel>(shop, "pageLabel")->text() != page);
    }
    QVERIFY(GuiDriver::selectRowWithId(child<QAbstractItemView>(shop, "productGrid"), mug));
    QTest::mouseClick(child<QPushButton>(shop, "addToCart"), Qt::LeftButton);
    PageWidget *cart = GuiDriver::showPage(*m_window, QStringLiteral("cartPage"));
    auto *lines = child<RecordTableView>(cart, "cartTable");
    QTRY_COMPARE(lines->model()->rowCount(), 1);
    QCoreApplication::processEvents();
    QVERIFY(!lines->wordWrap());
    QCOMPARE(lines->rowHeight(0), lines->verticalHeader()->defaultSectionSize());
    const int needed = lines->fontMetrics().horizontalAdvance(name) + 8;
    QVERIFY2(lines->columnWidth(0) >= needed, qPrintable(QStringLiteral("%1 < %2").arg(lines->columnWidth(0)).arg(needed)));
    QVERIFY(child<QPushButton>(cart, "pay")->isVisible());
}

// Point 9: cancelling an order and signing out with a cart ask first.
void tst_FormMessages::confirmationsBeforeWhatLasts()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(m_shop.charge(shopper, 100000));
    const qint64 rug = m_shop.createProduct(unique(QStringLiteral("Rug")), 40000, 5);
    const qint64 paid = m_shop.placeOrder(shopper, rug, 1);
    QVERIFY(paid > 0);
    QVERIFY(signInShopper(shopper));
    PageWidget *orders = GuiDriver::showPage(*m_window, QStringLiteral("ordersPage"));
    QVERIFY(GuiDriver::selectRowWithId(child<QAbstractItemView>(orders, "orderTable"), paid));
    auto *cancel = child<QPushButton>(orders, "cancelOrder");
    QTRY_VERIFY(cancel->isEnabled());
    // A paid order's line: nothing refunded yet.
    auto *lines = child<QAbstractItemView>(orders, "orderLines");
    QTRY_COMPARE(lines->model()->index(0, 3).data().toString(), QStringLiteral("0"));
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmCancelOrder"), QStringLiteral("keep")));
    QVERIFY(GuiDriver::settled(*m_window));
    QCOMPARE(m_shop.balanceOf(shopper), 60000);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM orders WHERE id = ? AND status = 'PAID'"), { paid }), 1);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmCancelOrder"), QStringLiteral("confirm")));
    QTRY_VERIFY(GuiDriver::noticeText(orders).contains(QStringLiteral("cancelled")));
    QCOMPARE(m_shop.balanceOf(shopper), 100000);
    // Issue 27 point 8: a cancelled order's lines do not say "Refunded 0".
    QTRY_VERIFY(child<QLabel>(orders, "orderSummary")->text().contains(QStringLiteral("Status: <b>Cancelled</b>")));
    QCOMPARE(lines->model()->index(0, 3).data().toString(), QString());

    // Sign out with a cart: asked, and told the cart does not survive.
    PageWidget *shop = GuiDriver::showPage(*m_window, QStringLiteral("shopPage"));
    while (child<QPushButton>(shop, "nextPage")->isEnabled()) {
        const QString page = child<QLabel>(shop, "pageLabel")->text();
        QTest::mouseClick(child<QPushButton>(shop, "nextPage"), Qt::LeftButton);
        QTRY_VERIFY(child<QLabel>(shop, "pageLabel")->text() != page);
    }
    QVERIFY(GuiDriver::selectRowWithId(child<QAbstractItemView>(shop, "productGrid"), rug));
    QTest::mouseClick(child<QPushButton>(shop, "addToCart"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(m_window->session(), "signOut"), Qt::LeftButton);
    QTRY_VERIFY(m_window->findChild<QMessageBox *>(QStringLiteral("confirmSignOut")));
    QVERIFY(m_window->findChild<QMessageBox *>(QStringLiteral("confirmSignOut"))->text().contains(QStringLiteral("empties it")));
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmSignOut"), QStringLiteral("keep")));
    QVERIFY(m_window->session());
    QTest::mouseClick(child<QPushButton>(m_window->session(), "signOut"), Qt::LeftButton);
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmSignOut"), QStringLiteral("confirm")));
    QTRY_VERIFY(!m_window->session());
}

// Point 9: an empty cart, wallet history, order list say so in words.
void tst_FormMessages::emptyListsSaySo()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(signInShopper(shopper));
    const struct {
        const char *page;
        const char *list;
        const char *words;
    } lists[] = {
        { "cartPage", "cartTable", "Your cart is empty" },
        { "walletPage", "ledgerTable", "Nothing here yet" },
        { "ordersPage", "orderTable", "Nothing here yet" },
        { "couponsPage", "myCoupons", "Nothing here yet" },
    };
    for (const auto &l : lists) {
        PageWidget *page = GuiDriver::showPage(*m_window, QString::fromLatin1(l.page));
        auto *list = child<RecordTableView>(page, l.list);
        QVERIFY(GuiDriver::settled(*m_window));
        QVERIFY2(list->showsEmptyText(), l.list);
        QVERIFY(list->emptyText().startsWith(QString::fromLatin1(l.words)));
    }
}

// Point 9: a new product starts with no price, and ₩0 is asked about before saving.
void tst_FormMessages::freeProductIsAskedAbout()
{
    QVERIFY(signInAdmin());
    PageWidget *form = GuiDriver::showPage(*m_window, QStringLiteral("productForm"));
    auto *price = child<NumberField>(form, "productPrice");
    QVERIFY(price->isEmpty());
    const QString name = unique(QStringLiteral("Sample"));
    QTest::keyClicks(child<QLineEdit>(form, "productName"), name);
    GuiDriver::retype(child<QWidget>(form, "productStock"), QStringLiteral("5"));
    QTest::mouseClick(child<QPushButton>(form, "saveProduct"), Qt::LeftButton); // no price typed
    QVERIFY(GuiDriver::hintText(price).contains(QStringLiteral("Enter an amount")));
    GuiDriver::retype(price, QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(form, "saveProduct"), Qt::LeftButton);
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmFreeProduct"), QStringLiteral("keep")));
    QVERIFY(GuiDriver::settled(*m_window));
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM products WHERE name = ?"), { name }), 0);
    QCOMPARE(price->editor()->text(), QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(form, "saveProduct"), Qt::LeftButton);
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmFreeProduct"), QStringLiteral("confirm")));
    QTRY_COMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM products WHERE name = ? AND price = 0"), { name }), 1);
}

QTEST_MAIN(tst_FormMessages)
#include "tst_formmessages.moc"
