#include "AddressChoice.h"
#include "AppStyle.h"
#include "Cart.h"
#include "GuiDriver.h"
#include "MainWindow.h"
#include "Money.h"
#include "PageWidget.h"
#include "RecordTableModel.h"
#include "RefundShare.h"
#include "ReturnDialog.h"
#include "ReturnsPage.h"
#include "SessionView.h"
#include "ShipDialog.h"
#include "ShopClient.h"
#include "ShopFixture.h"
#include "Translator.h"

#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtCore/QPointer>
#include <QtCore/QStandardPaths>
#include <QtTest/QTest>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTabBar>

#include <memory>

// Issue 26, the app's side, in the real window against a real server: a shopper's
// address book laid out the Korean way and checked as typed, checkout to the default
// address or a pickup; the admin's packing queue (several packed at once, one shipped
// with a tracking number checked as typed, delivered), the order's timeline as the
// shopper sees it, "Return items…" on it, and a return accepted with the refund
// previewed by RefundShare.
// With STOREFRONT_SCREENSHOTS_DIR set, each step is also saved as a picture there.
class tst_ShippingPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void addressBookAndCheckout();
    void packShipDeliver();
    void acceptReturnWithPreview();
    void productFormPicturesKeepTheirRoom();

private:
    template<typename T>
    T *child(QObject *parent, const QString &name)
    {
        T *found = parent ? parent->findChild<T *>(name) : nullptr;
        if (!found)
            qWarning("no %s", qPrintable(name));
        return found;
    }
    template<typename T>
    T *waitForDialog(const QString &name)
    {
        T *found = nullptr;
        const bool shown = QTest::qWaitFor([&] {
            for (T *d : m_window->findChildren<T *>(name))
                if (d->isVisible())
                    found = d;
            return found != nullptr;
        }, 5000);
        return shown ? found : nullptr;
    }
    bool settled() { return QTest::qWaitFor([this] { return m_window->client()->inFlight() == 0; }, 10000); }
    void picture(QWidget *widget, const QString &name);
    QJsonObject fetchOrder(qint64 orderId);
    qint64 paidOrder(const ShopFixture::User &buyer, qint64 productId, int quantity, qint64 addressId);
    qint64 addAddress(const ShopFixture::User &user, const QString &recipient, const QString &road);
    bool deliver(qint64 orderId);

    ShopFixture m_shop;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_product = 0;
};

void tst_ShippingPages::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    AppStyle::apply();
    QVERIFY(m_shop.start(4));
    m_product = m_shop.createProduct(QStringLiteral("제주 녹차 선물 세트"), 18000, 1000);
    QVERIFY(m_product > 0);
}

void tst_ShippingPages::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 800);
    m_window->show();
    m_window->connectTo(m_shop.baseUrl().toString());
}

void tst_ShippingPages::cleanup()
{
    m_window.reset();
    const QString violations = m_shop.invariantViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations));
}

void tst_ShippingPages::cleanupTestCase()
{
    m_shop.stop();
}

void tst_ShippingPages::picture(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("STOREFRONT_SCREENSHOTS_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(settled());
    QCoreApplication::processEvents();
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

QJsonObject tst_ShippingPages::fetchOrder(qint64 orderId)
{
    return m_shop.client().get(QStringLiteral("/api/v1/orders/%1").arg(orderId), m_shop.admin().auth()).json();
}

qint64 tst_ShippingPages::addAddress(const ShopFixture::User &user, const QString &recipient, const QString &road)
{
    const auto r = m_shop.client().post(QStringLiteral("/api/v1/users/%1/addresses").arg(user.id),
                                        { { "recipient", recipient }, { "phone", "01055501234" }, { "postalCode", "04524" },
                                          { "address1", road }, { "address2", "3층" } },
                                        user.auth());
    return r.status == 201 ? r.json().value("id").toInteger() : 0;
}

qint64 tst_ShippingPages::paidOrder(const ShopFixture::User &buyer, qint64 productId, int quantity, qint64 addressId)
{
    QJsonObject body { { "userId", buyer.id },
                       { "items", QJsonArray { QJsonObject { { "productId", productId }, { "quantity", quantity } } } } };
    if (addressId > 0)
        body.insert("addressId", addressId);
    const auto r = m_shop.client().post(QStringLiteral("/api/v1/orders"), body, buyer.auth());
    return r.status == 201 ? r.json().value("id").toInteger() : 0;
}

bool tst_ShippingPages::deliver(qint64 orderId)
{
    const QString path = QStringLiteral("/api/v1/admin/orders/%1/fulfilment").arg(orderId);
    for (const QJsonObject &move : { QJsonObject { { "status", "PACKED" } },
                                     QJsonObject { { "status", "SHIPPED" }, { "carrier", "CJ" }, { "trackingNumber", "CJ7001002003" } },
                                     QJsonObject { { "status", "DELIVERED" } } })
        if (m_shop.client().post(path, move, m_shop.admin().auth()).status != 200)
            return false;
    return true;
}

void tst_ShippingPages::addressBookAndCheckout()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(m_shop.charge(shopper, 200000));
    QVERIFY(GuiDriver::signIn(*m_window, shopper.username, QStringLiteral("password-123")));
    PageWidget *book = GuiDriver::showPage(*m_window, QStringLiteral("addressesPage"));
    QVERIFY(book);
    auto *table = child<QAbstractItemView>(book, QStringLiteral("addressTable"));
    QTRY_VERIFY(settled());
    QCOMPARE(table->model()->rowCount(), 0);

    // A new address, field by field in the Korean order; the phone shown as it will be kept.
    QTest::mouseClick(child<QPushButton>(book, QStringLiteral("addAddress")), Qt::LeftButton);
    QPointer<QDialog> dialog = waitForDialog<QDialog>(QStringLiteral("addressDialog"));
    QVERIFY(dialog);
    auto *save = child<QPushButton>(dialog, QStringLiteral("saveAddress"));
    QVERIFY(!save->isEnabled());
    GuiDriver::compose(child<QLineEdit>(dialog, QStringLiteral("addressRecipient")), QStringLiteral("김민지"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("addressPhone")), QStringLiteral("0109876543"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("addressPostalCode")), QStringLiteral("0623"));
    QCOMPARE(child<QLabel>(dialog, QStringLiteral("addressPostalCodeHint"))->text(), QStringLiteral("The postal code has 5 digits."));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("addressPostalCode")), QStringLiteral("4"));
    QVERIFY(child<QLabel>(dialog, QStringLiteral("addressPostalCodeHint"))->text().isEmpty());
    GuiDriver::compose(child<QLineEdit>(dialog, QStringLiteral("addressRoad")), QStringLiteral("서울특별시 강남구 테헤란로 123"));
    GuiDriver::compose(child<QLineEdit>(dialog, QStringLiteral("addressDetail")), QStringLiteral("5층"));
    GuiDriver::compose(child<QLineEdit>(dialog, QStringLiteral("addressLabel")), QStringLiteral("회사"));
    // Ten digits from 010: a number, kept as 010-987-6543; one more digit makes it 3-4-4.
    QCOMPARE(child<QLabel>(dialog, QStringLiteral("addressPhoneHint"))->text(), QStringLiteral("Saved as 010-987-6543"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("addressPhone")), QStringLiteral("2"));
    QCOMPARE(child<QLabel>(dialog, QStringLiteral("addressPhoneHint"))->text(), QStringLiteral("Saved as 010-9876-5432"));
    QVERIFY(save->isEnabled());
    picture(dialog, QStringLiteral("shipping-address-dialog"));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 3).data().toString(), QStringLiteral("010-9876-5432"));
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("✓ Default"));
    // A second one, made the default from the list; the first one deleted, asked first.
    const qint64 home = addAddress(shopper, QStringLiteral("박서준"), QStringLiteral("부산광역시 해운대구 센텀중앙로 79"));
    QVERIFY(home > 0);
    m_window->session()->refreshCurrent();
    QVERIFY(GuiDriver::selectRowWithId(table, home));
    auto *makeDefault = child<QPushButton>(book, QStringLiteral("makeDefaultAddress"));
    QTRY_VERIFY(makeDefault->isEnabled());
    QTest::mouseClick(makeDefault, Qt::LeftButton);
    QTRY_COMPARE(table->model()->index(1, 0).data().toString(), QStringLiteral("✓ Default"));
    QCOMPARE(table->model()->index(0, 0).data().toString(), QString());
    picture(m_window.get(), QStringLiteral("shipping-addresses"));

    // Checkout: the default preselected; paid to it. Then a pickup.
    Cart *cart = m_window->session()->findChild<Cart *>();
    QVERIFY(cart);
    cart->add(Product(m_product, QStringLiteral("제주 녹차 선물 세트"), 18000, 1000), 2);
    PageWidget *cartPage = GuiDriver::showPage(*m_window, QStringLiteral("cartPage"));
    auto *choice = child<QComboBox>(cartPage, QStringLiteral("addressChoice"));
    QTRY_COMPARE(choice->currentData().toLongLong(), home);
    QCOMPARE(choice->itemText(choice->count() - 1), QStringLiteral("Pick up in person"));
    // The closed box ends its address with "…" where it ends, not mid-syllable; the whole
    // address on hover.
    auto *chosen = qobject_cast<AddressChoice *>(choice);
    QVERIFY(chosen);
    QCOMPARE(choice->toolTip(), QStringLiteral("(04524) 부산광역시 해운대구 센텀중앙로 79 3층"));
    QVERIFY(chosen->shownText() == choice->currentText() || chosen->shownText().endsWith(QChar(0x2026)));
    choice->setFixedWidth(160);
    QTRY_VERIFY(chosen->shownText().endsWith(QChar(0x2026)));
    QVERIFY(chosen->shownText().startsWith(QStringLiteral("박서준")));
    choice->setMinimumWidth(0);
    choice->setMaximumWidth(QWIDGETSIZE_MAX);
    picture(m_window.get(), QStringLiteral("shipping-checkout"));
    auto *pay = child<QPushButton>(cartPage, QStringLiteral("pay"));
    QTRY_VERIFY(pay->isEnabled());
    QTest::mouseClick(pay, Qt::LeftButton);
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmPay"), QStringLiteral("confirm")));
    QTRY_VERIFY(cart->isEmpty());
    QVERIFY(settled());
    const QJsonArray orders = m_shop.client().get(QStringLiteral("/api/v1/users/%1/orders").arg(shopper.id), shopper.auth())
                                      .json().value("items").toArray();
    QCOMPARE(orders.size(), 1);
    QCOMPARE(orders.first().toObject().value("shipping").toObject().value("recipient").toString(), QStringLiteral("박서준"));
    QCOMPARE(orders.first().toObject().value("shipping").toObject().value("address2").toString(), QStringLiteral("3층"));

    cart->add(Product(m_product, QStringLiteral("제주 녹차 선물 세트"), 18000, 1000), 1);
    choice->setCurrentIndex(choice->count() - 1);
    QTRY_VERIFY(pay->isEnabled());
    QTest::mouseClick(pay, Qt::LeftButton);
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmPay"), QStringLiteral("confirm")));
    QTRY_VERIFY(cart->isEmpty());
    QVERIFY(settled());
    const QJsonObject pickup = m_shop.client().get(QStringLiteral("/api/v1/users/%1/orders").arg(shopper.id), shopper.auth())
                                       .json().value("items").toArray().first().toObject();
    QCOMPARE(pickup.value("shipping"), QJsonValue(QJsonValue::Null));
}

void tst_ShippingPages::packShipDeliver()
{
    const ShopFixture::User buyer = m_shop.newShopper();
    QVERIFY(m_shop.charge(buyer, 200000));
    const qint64 address = addAddress(buyer, QStringLiteral("이서연"), QStringLiteral("서울특별시 종로구 세종대로 175"));
    const qint64 sent = paidOrder(buyer, m_product, 1, address);
    const qint64 pickup = paidOrder(buyer, m_product, 2, 0);
    QVERIFY(sent > 0 && pickup > 0);

    QVERIFY(GuiDriver::signIn(*m_window, QStringLiteral("admin"), QLatin1String(ShopFixture::kAdminPassword)));
    PageWidget *page = GuiDriver::showPage(*m_window, QStringLiteral("fulfilmentPage"));
    QVERIFY(page);
    auto *tabs = child<QTabBar>(page, QStringLiteral("fulfilmentTabs"));
    auto *table = child<QAbstractItemView>(page, QStringLiteral("fulfilmentTable"));
    QTRY_VERIFY(tabs->tabText(0).startsWith(QStringLiteral("To pack (")));
    // Both at once: the sent one and, Ctrl-clicked, the pickup.
    QVERIFY(GuiDriver::selectRowWithId(table, pickup));
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data(RecordTableModel::kIdRole).toLongLong() == sent)
            table->selectionModel()->select(table->model()->index(row, 0),
                                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QCOMPARE(table->selectionModel()->selectedRows().size(), 2);
    picture(m_window.get(), QStringLiteral("admin-fulfilment"));
    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("markPacked")), Qt::LeftButton);
    QTRY_COMPARE(fetchOrder(sent).value("fulfilment").toObject().value("status").toString(), QStringLiteral("PACKED"));
    QTRY_COMPARE(fetchOrder(pickup).value("fulfilment").toObject().value("status").toString(), QStringLiteral("PACKED"));
    QTRY_VERIFY(GuiDriver::noticeText(page).contains(QStringLiteral("Marked packed: 2.")));

    // The packed one to ship: the tracking number is checked as it is typed.
    tabs->setCurrentIndex(1);
    QVERIFY(GuiDriver::selectRowWithId(table, sent));
    auto *ship = child<QPushButton>(page, QStringLiteral("shipOrder"));
    QTRY_VERIFY(ship->isEnabled());
    QTest::mouseClick(ship, Qt::LeftButton);
    QPointer<ShipDialog> dialog = waitForDialog<ShipDialog>(QStringLiteral("shipDialog"));
    QVERIFY(dialog);
    auto *tracking = child<QLineEdit>(dialog, QStringLiteral("trackingNumberField"));
    auto *submit = child<QPushButton>(dialog, QStringLiteral("shipSubmit"));
    QTest::keyClicks(tracking, QStringLiteral("6012-34"));
    QCOMPARE(child<QLabel>(dialog, QStringLiteral("trackingNumberHint"))->text(),
             QStringLiteral("A tracking number is 8 to 20 letters or digits."));
    QVERIFY(!submit->isEnabled());
    QTest::keyClicks(tracking, QStringLiteral("56-7890"));
    QCOMPARE(child<QLabel>(dialog, QStringLiteral("trackingNumberHint"))->text(), QStringLiteral("Sent as 601234567890"));
    auto *carrier = child<QComboBox>(dialog, QStringLiteral("carrierChoice"));
    carrier->setCurrentIndex(carrier->findData(QStringLiteral("EPOST")));
    QCOMPARE(carrier->currentText(), QStringLiteral("Korea Post"));
    QVERIFY(submit->isEnabled());
    picture(dialog, QStringLiteral("admin-ship-dialog"));
    QTest::mouseClick(submit, Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    const QJsonObject shipped = fetchOrder(sent).value("fulfilment").toObject();
    QCOMPARE(shipped.value("status").toString(), QStringLiteral("SHIPPED"));
    QCOMPARE(shipped.value("carrier").toString(), QStringLiteral("EPOST"));
    QCOMPARE(shipped.value("trackingNumber").toString(), QStringLiteral("601234567890"));
    // It left the Packed list: its details with the old state ("○ Shipped") do not stay beside it.
    auto *timelineShown = child<QLabel>(page, QStringLiteral("fulfilmentTimeline"));
    QTRY_VERIFY(table->model()->rowCount() > 0 && table->selectionModel()->selectedRows().isEmpty());
    QVERIFY2(!timelineShown->isVisible() || !timelineShown->text().contains(QStringLiteral("○ Shipped")),
             qPrintable(timelineShown->text()));

    // The packed pickup is handed over; the shipped one delivered.
    QVERIFY(GuiDriver::selectRowWithId(table, pickup));
    auto *deliver = child<QPushButton>(page, QStringLiteral("markDelivered"));
    QTRY_VERIFY(deliver->isEnabled());
    QVERIFY(!ship->isEnabled()); // a pickup is not shipped
    QTest::mouseClick(deliver, Qt::LeftButton);
    QTRY_COMPARE(fetchOrder(pickup).value("fulfilment").toObject().value("status").toString(), QStringLiteral("DELIVERED"));
    tabs->setCurrentIndex(2);
    QVERIFY(GuiDriver::selectRowWithId(table, sent));
    QTRY_VERIFY(deliver->isEnabled());
    // The details show where it goes and how far it got.
    QTRY_VERIFY(child<QLabel>(page, QStringLiteral("trackingNumber"))->text().contains(QStringLiteral("601234567890")));
    QTest::mouseClick(deliver, Qt::LeftButton);
    QTRY_COMPARE(fetchOrder(sent).value("fulfilment").toObject().value("status").toString(), QStringLiteral("DELIVERED"));
    QVERIFY(settled());
    // The admin's order list filters by fulfilment too.
    PageWidget *all = GuiDriver::showPage(*m_window, QStringLiteral("adminOrdersPage"));
    auto *byFulfilment = child<QComboBox>(all, QStringLiteral("ordersFulfilment"));
    auto *orderTable = child<QAbstractItemView>(all, QStringLiteral("orderTable"));
    byFulfilment->setCurrentIndex(byFulfilment->findData(QStringLiteral("DELIVERED")));
    QCOMPARE(byFulfilment->currentText(), QStringLiteral("Delivered"));
    QVERIFY(GuiDriver::selectRowWithId(orderTable, sent));
    byFulfilment->setCurrentIndex(byFulfilment->findData(QStringLiteral("UNFULFILLED")));
    QVERIFY(settled());
    for (int row = 0; row < orderTable->model()->rowCount(); ++row)
        QVERIFY(orderTable->model()->index(row, 0).data(RecordTableModel::kIdRole).toLongLong() != sent);

    // The buyer sees the same: the address kept, the timeline, the tracking number.
    m_window.reset();
    init();
    QVERIFY(GuiDriver::signIn(*m_window, buyer.username, QStringLiteral("password-123")));
    PageWidget *orders = GuiDriver::showPage(*m_window, QStringLiteral("ordersPage"));
    QVERIFY(GuiDriver::selectRowWithId(child<QAbstractItemView>(orders, QStringLiteral("orderTable")), sent));
    auto *shownAddress = child<QLabel>(orders, QStringLiteral("shippingAddress"));
    QTRY_VERIFY(shownAddress->text().contains(QStringLiteral("서울특별시 종로구 세종대로 175")));
    QVERIFY(shownAddress->text().contains(QStringLiteral("이서연")));
    const QString timeline = child<QLabel>(orders, QStringLiteral("fulfilmentTimeline"))->text();
    for (const char *step : { "✓ Paid", "✓ Packed", "✓ Shipped", "✓ Delivered" })
        QVERIFY2(timeline.contains(QString::fromUtf8(step)), qPrintable(timeline));
    QCOMPARE(child<QLabel>(orders, QStringLiteral("trackingNumber"))->text(), QStringLiteral("Korea Post, tracking number 601234567890"));
    QVERIFY(!child<QPushButton>(orders, QStringLiteral("cancelOrder"))->isEnabled()); // delivered: a return, not a cancel

    // "Return items…": the one unit, and why; then the order says the shop will decide.
    auto *askReturn = child<QPushButton>(orders, QStringLiteral("returnItems"));
    QTRY_VERIFY(askReturn->isEnabled());
    QTest::mouseClick(askReturn, Qt::LeftButton);
    QPointer<ReturnDialog> returnDialog = waitForDialog<ReturnDialog>(QStringLiteral("returnDialog"));
    QVERIFY(returnDialog);
    auto *submitReturn = child<QPushButton>(returnDialog, QStringLiteral("returnSubmit"));
    QVERIFY(!submitReturn->isEnabled());
    QCOMPARE(returnDialog->quantityFor(m_product)->maximum(), 1);
    returnDialog->quantityFor(m_product)->setValue(1);
    QVERIFY(!submitReturn->isEnabled()); // no reason yet
    GuiDriver::compose(child<QLineEdit>(returnDialog, QStringLiteral("returnReason")), QStringLiteral("색이 달라요"));
    QVERIFY(submitReturn->isEnabled());
    picture(returnDialog, QStringLiteral("shipping-return-dialog"));
    QTest::mouseClick(submitReturn, Qt::LeftButton);
    QTRY_VERIFY(!returnDialog);
    auto *returnsState = child<QLabel>(orders, QStringLiteral("returnsState"));
    QTRY_VERIFY2(returnsState->text().contains(QStringLiteral("waiting for the shop")), qPrintable(returnsState->text()));
    QTRY_VERIFY(!askReturn->isEnabled()); // its one unit is asked back already
    const QJsonArray returns = m_shop.client().get(QStringLiteral("/api/v1/users/%1/returns").arg(buyer.id), buyer.auth())
                                       .json().value("items").toArray();
    QCOMPARE(returns.size(), 1);
    QCOMPARE(returns.first().toObject().value("orderId").toInteger(), sent);
    QCOMPARE(returns.first().toObject().value("reason").toString(), QStringLiteral("색이 달라요"));
    QCOMPARE(returns.first().toObject().value("status").toString(), QStringLiteral("REQUESTED"));
    picture(m_window.get(), QStringLiteral("shipping-order-timeline"));
}

void tst_ShippingPages::acceptReturnWithPreview()
{
    // 3 units with a ₩5,000 coupon: the share of 1 unit is rounded, as a refund's is.
    const ShopFixture::User buyer = m_shop.newShopper();
    QVERIFY(m_shop.charge(buyer, 200000));
    const qint64 coupon = m_shop.createCoupon(QStringLiteral("FIXED"), 5000, 5);
    const auto issued = m_shop.client().post(QStringLiteral("/api/v1/coupons/%1/issue").arg(coupon), { { "userId", buyer.id } },
                                             buyer.auth());
    QCOMPARE(issued.status, 201);
    const qint64 address = addAddress(buyer, QStringLiteral("최지우"), QStringLiteral("대구광역시 중구 동성로 1"));
    const auto placed = m_shop.client().post(
            QStringLiteral("/api/v1/orders"),
            { { "userId", buyer.id }, { "addressId", address }, { "userCouponId", issued.json().value("id").toInteger() },
              { "items", QJsonArray { QJsonObject { { "productId", m_product }, { "quantity", 3 } } } } },
            buyer.auth());
    QCOMPARE(placed.status, 201);
    const qint64 orderId = placed.json().value("id").toInteger();
    QVERIFY(deliver(orderId));
    const auto asked = m_shop.client().post(QStringLiteral("/api/v1/orders/%1/returns").arg(orderId),
                                            { { "lines", QJsonArray { QJsonObject { { "productId", m_product }, { "quantity", 1 } } } },
                                              { "reason", "상자가 찌그러져 왔어요" } },
                                            buyer.auth());
    QCOMPARE(asked.status, 201);
    const qint64 returnId = asked.json().value("id").toInteger();
    const qint64 expected = RefundShare::amount(Order::fromJson(fetchOrder(orderId)), { { m_product, 1 } });
    QCOMPARE(expected, qint64(16333)); // floor(49,000 × 18,000 / 54,000)
    const qint64 balance = m_shop.balanceOf(buyer);

    QVERIFY(GuiDriver::signIn(*m_window, QStringLiteral("admin"), QLatin1String(ShopFixture::kAdminPassword)));
    auto *page = qobject_cast<ReturnsPage *>(GuiDriver::showPage(*m_window, QStringLiteral("returnsPage")));
    QVERIFY(page);
    QVERIFY(GuiDriver::selectRowWithId(child<QAbstractItemView>(page, QStringLiteral("returnTable")), returnId));
    QTRY_COMPARE(page->previewAmount(), expected);
    QVERIFY(child<QLabel>(page, QStringLiteral("returnPreview"))->text().contains(Money::format(expected)));
    child<QCheckBox>(page, QStringLiteral("returnRestock"))->setChecked(false);
    GuiDriver::compose(child<QLineEdit>(page, QStringLiteral("returnNote")), QStringLiteral("사진 확인"));
    picture(m_window.get(), QStringLiteral("admin-returns"));
    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("acceptReturn")), Qt::LeftButton);
    // Money moves: asked first; "keep" changes nothing.
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmAcceptReturn"), QStringLiteral("keep")));
    QVERIFY(settled());
    QCOMPARE(m_shop.balanceOf(buyer), balance);
    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("acceptReturn")), Qt::LeftButton);
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmAcceptReturn"), QStringLiteral("confirm")));
    QTRY_VERIFY(GuiDriver::noticeText(page).contains(QStringLiteral("accepted")));
    QVERIFY(settled());
    QCOMPARE(m_shop.balanceOf(buyer), balance + expected);
    const QJsonObject decided = m_shop.client().get(QStringLiteral("/api/v1/users/%1/returns").arg(buyer.id), buyer.auth())
                                        .json().value("items").toArray().first().toObject();
    QCOMPARE(decided.value("status").toString(), QStringLiteral("ACCEPTED"));
    QCOMPARE(decided.value("restocked").toBool(), false);
    QCOMPARE(decided.value("note").toString(), QStringLiteral("사진 확인"));
    QCOMPARE(decided.value("refund").toObject().value("amount").toInteger(), expected);
}

// The picture editor's buttons below the pictures box, never on it, at 1280×800 with the
// form's longest words (a refused price, a new product's two-line hint), in both languages.
void tst_ShippingPages::productFormPicturesKeepTheirRoom()
{
    QVERIFY(GuiDriver::signIn(*m_window, QStringLiteral("admin"), QLatin1String(ShopFixture::kAdminPassword)));
    PageWidget *form = GuiDriver::showPage(*m_window, QStringLiteral("productForm"));
    QVERIFY(form);
    QVERIFY(settled());
    auto *list = child<QWidget>(form, QStringLiteral("pictureList"));
    auto *add = child<QPushButton>(form, QStringLiteral("addPictures"));
    auto *status = child<QLabel>(form, QStringLiteral("pictureStatus"));
    auto *price = child<QWidget>(form, QStringLiteral("productPrice"));
    QVERIFY(list && add && status && price);
    // Two lines kept for its words, whichever they are: the form's height does not hang on
    // a wrapped label's height-for-width (the refused form's screenshot had the buttons on the box).
    QVERIFY(status->minimumHeight() >= 2 * status->fontMetrics().lineSpacing());
    QTest::mouseClick(child<QPushButton>(form, QStringLiteral("newProduct")), Qt::LeftButton);
    QLineEdit *priceEditor = price->findChild<QLineEdit *>();
    QVERIFY(priceEditor);
    priceEditor->setFocus();
    QTest::keyClicks(priceEditor, QStringLiteral("-500"));
    QTest::mouseClick(child<QPushButton>(form, QStringLiteral("saveProduct")), Qt::LeftButton);
    for (const QString &language : { QStringLiteral("en"), QStringLiteral("ko") }) {
        Translator::use(language);
        QCoreApplication::processEvents();
        QTRY_VERIFY(add->isVisible());
        const int listBottom = list->mapTo(m_window.get(), QPoint(0, list->height())).y();
        const int addTop = add->mapTo(m_window.get(), QPoint(0, 0)).y();
        QVERIFY2(addTop >= listBottom, qPrintable(QStringLiteral("%1: button at %2, box ends at %3").arg(language).arg(addTop).arg(listBottom)));
        const int addBottom = add->mapTo(m_window.get(), QPoint(0, add->height())).y();
        QVERIFY(status->mapTo(m_window.get(), QPoint(0, 0)).y() >= addBottom);
    }
    Translator::use(QStringLiteral("en"));
}

QTEST_MAIN(tst_ShippingPages)
#include "tst_shippingpages.moc"
