#include "AppStyle.h"
#include "GuiDriver.h"
#include "LoginDialog.h"
#include "NumberField.h"
#include "MainWindow.h"
#include "PageWidget.h"
#include "SessionView.h"
#include "ShopClient.h"
#include "ShopFixture.h"
#include "StartupView.h"

#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtCore/QStandardPaths>
#include <QtGui/QFontDatabase>
#include <QtTest/QTest>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>

// Renders every page of the app, filled from a real server with a demo shop, into PNGs:
// $STOREFRONT_SCREENSHOTS_DIR when set (docs/screenshots for the README), otherwise
// screenshots/ in the working folder. Also a check that every page renders with data.
class tst_Screenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void startupAndSignIn();
    void shopperPages();
    void adminPages();

private:
    void seedShop();
    qint64 order(const ShopFixture::User &user, const QList<QPair<qint64, int>> &lines, qint64 userCouponId = 0);
    qint64 claim(const ShopFixture::User &user, qint64 couponId);
    void save(QWidget *widget, const QString &name);

    ShopFixture m_shop;
    QDir m_out;
    ShopFixture::User m_minji;
    QList<qint64> m_products;
    QList<qint64> m_coupons;
};

void tst_Screenshots::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    AppStyle::apply();
    // A Korean product name is in the pictures: without a Hangul font it shows as boxes.
    QVERIFY2(!QFontDatabase::families(QFontDatabase::Korean).isEmpty(),
             "no font with Hangul: installer/install-deps.sh installs fonts-noto-cjk");
    const QString dir = qEnvironmentVariable("STOREFRONT_SCREENSHOTS_DIR", QDir::current().filePath(QStringLiteral("screenshots")));
    QVERIFY(QDir().mkpath(dir));
    m_out = QDir(dir);
    QVERIFY(m_shop.start(4, true)); // with the data platform, for its health on the dashboard
    seedShop();
}

void tst_Screenshots::cleanupTestCase()
{
    m_shop.stop();
}

qint64 tst_Screenshots::order(const ShopFixture::User &user, const QList<QPair<qint64, int>> &lines, qint64 userCouponId)
{
    QJsonArray items;
    for (const auto &line : lines)
        items.append(QJsonObject { { "productId", line.first }, { "quantity", line.second } });
    QJsonObject body { { "userId", user.id }, { "items", items } };
    if (userCouponId > 0)
        body.insert(QStringLiteral("userCouponId"), userCouponId);
    const HttpClient::Reply r = m_shop.client().post(QStringLiteral("/api/v1/orders"), body, user.auth());
    return r.status == 201 ? r.json().value(QStringLiteral("id")).toInteger() : 0;
}

qint64 tst_Screenshots::claim(const ShopFixture::User &user, qint64 couponId)
{
    const HttpClient::Reply r = m_shop.client().post(QStringLiteral("/api/v1/coupons/%1/issue").arg(couponId),
                                                     { { "userId", user.id } }, user.auth());
    return r.status == 201 ? r.json().value(QStringLiteral("id")).toInteger() : 0;
}

void tst_Screenshots::seedShop()
{
    const QList<QPair<const char *, qint64>> catalogue {
        { "Ceramic pour-over coffee set", 38000 }, { "Linen apron, charcoal", 24500 },
        { "Cast-iron skillet 26 cm", 52000 },      { "Bamboo cutting board", 18900 },
        { "Stoneware mug, sea green", 12300 },     { "Wool throw blanket", 89000 },
        { "Desk lamp, brass", 64000 },             { "Noise-cancelling earbuds", 159000 },
        { "Mechanical keyboard, 75%", 129000 },    { "USB-C hub, 7 ports", 45900 },
        { "Notebook, dot grid A5", 6500 },         { "Fountain pen, medium nib", 72000 },
        { "Leather card wallet", 39000 },          { "Canvas tote bag", 15800 },
        { "유자 핸드크림 (yuzu hand cream)", 9800 },              { "Scented candle, fig", 27000 },
        { "Glass water bottle 750 ml", 21000 },    { "Running socks, 3 pairs", 16900 },
        { "Yoga mat, 6 mm", 48000 },               { "Portable speaker", 99000 },
        { "Green tea, jeju 100 g", 14500 },        { "Chopsticks set, walnut", 11200 },
        { "Rice cooker, 6 cups", 189000 },         { "Houseplant, monstera", 33000 },
    };
    int n = 0;
    for (const auto &item : catalogue) {
        const qint64 stock = (n * 37 + 11) % 120 + (n == 6 ? 0 : 3);
        m_products.append(m_shop.createProduct(QString::fromUtf8(item.first), item.second, n == 23 ? 0 : stock));
        ++n;
    }
    QVERIFY(!m_products.contains(0));

    const auto coupon = [this](const QString &name, const char *type, qint64 value, qint64 quantity) {
        const HttpClient::Reply r = m_shop.client().post(
                QStringLiteral("/api/v1/admin/coupons"),
                { { "name", name }, { "discountType", type }, { "discountValue", value }, { "quantity", quantity },
                  { "validUntil", QDateTime::currentDateTimeUtc().addDays(21).toString(Qt::ISODateWithMs) } },
                m_shop.admin().auth());
        m_coupons.append(r.status == 201 ? r.json().value(QStringLiteral("id")).toInteger() : 0);
    };
    coupon(QStringLiteral("Welcome \u20A93,000"), "FIXED", 3000, 40);
    coupon(QStringLiteral("Spring sale 10%"), "RATE", 10, 30);
    coupon(QStringLiteral("Weekend flash 20%"), "RATE", 20, 8);
    coupon(QStringLiteral("Free delivery \u20A92,500"), "FIXED", 2500, 60);
    QVERIFY(!m_coupons.contains(0));

    // Other shoppers: today's sales, top products, coupon issuance, outbox events.
    for (int s = 0; s < 8; ++s) {
        const ShopFixture::User other = m_shop.newShopper();
        QVERIFY(m_shop.charge(other, 2000000));
        const qint64 mine = claim(other, m_coupons[s % m_coupons.size()]);
        claim(other, m_coupons[(s + 1) % m_coupons.size()]);
        for (int o = 0; o < 3; ++o) {
            const int a = (s * 5 + o * 3) % 8;
            QVERIFY(order(other, { { m_products[a], 1 + (s + o) % 3 }, { m_products[8 + (s + o) % 10], 1 } },
                          o == 0 ? mine : 0) > 0);
        }
    }
    // Two weeks of history behind today, for the sales chart (demo data written straight
    // into the tables the sales query reads; the API can only pay now).
    const qint64 owner = m_shop.newShopper().id;
    for (int day = 1; day < 14; ++day) {
        const int orders = 4 + (day * 7) % 9;
        for (int o = 0; o < orders; ++o) {
            const qint64 amount = 60000 + ((day * 31 + o * 17) % 12) * 30000;
            m_shop.scalar(QStringLiteral("INSERT INTO orders (user_id, status, total_amount, discount_amount, paid_amount, "
                                         "paid_at) VALUES (?, 'PAID', ?, 0, ?, UTC_TIMESTAMP(3) - INTERVAL ? DAY)"),
                          { owner, amount, amount, day });
        }
        m_shop.scalar(QStringLiteral("INSERT INTO product_sales_hourly (bucket_start, product_id, units, revenue) VALUES "
                                     "(DATE_FORMAT(UTC_TIMESTAMP() - INTERVAL ? DAY, '%Y-%m-%d %H:00:00'), ?, ?, ?)"),
                      { day, m_products[day % 8], orders * 2, orders * 40000 });
    }

    // Min-ji: the shopper in the pictures.
    const QJsonObject minji { { "username", "minji" }, { "password", "password-123" } };
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/auth/register"), minji).status, 201);
    const HttpClient::Reply login = m_shop.client().post(QStringLiteral("/api/v1/auth/login"), minji);
    m_minji.username = QStringLiteral("minji");
    m_minji.token = login.json().value(QStringLiteral("token")).toString().toLatin1();
    m_minji.id = login.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toInteger();
    QVERIFY(m_shop.charge(m_minji, 300000));
    const qint64 welcome = claim(m_minji, m_coupons[0]);
    claim(m_minji, m_coupons[1]);
    claim(m_minji, m_coupons[3]);
    QVERIFY(order(m_minji, { { m_products[0], 1 }, { m_products[4], 2 } }, welcome) > 0);
    const qint64 cancelled = order(m_minji, { { m_products[5], 1 } });
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/orders/%1/cancel").arg(cancelled), {}, m_minji.auth()).status, 200);
    QVERIFY(order(m_minji, { { m_products[20], 2 }, { m_products[10], 3 }, { m_products[15], 1 } }) > 0);
}

void tst_Screenshots::save(QWidget *widget, const QString &name)
{
    // No "loading…" in the status bar of a picture.
    if (auto *window = qobject_cast<MainWindow *>(widget->window()))
        QTRY_COMPARE(window->client()->inFlight(), 0);
    QCoreApplication::processEvents();
    const QString path = m_out.filePath(name + QStringLiteral(".png"));
    QVERIFY2(widget->grab().save(path), qPrintable(path));
    qInfo("wrote %s", qPrintable(path));
}

void tst_Screenshots::startupAndSignIn()
{
    MainWindow window;
    window.resize(1180, 760);
    window.show();
    window.startupView()->showStep(QStringLiteral("Starting MariaDB\u2026"));
    window.startupView()->showStep(QStringLiteral("Starting Redis\u2026"));
    window.startupView()->showStep(QStringLiteral("Starting the Kafka broker\u2026"));
    save(&window, QStringLiteral("startup"));
    window.connectTo(m_shop.baseUrl().toString());
    QTRY_VERIFY(window.loginDialog() && window.loginDialog()->isVisible());
    window.loginDialog()->findChild<QLineEdit *>(QStringLiteral("username"))->setText(QStringLiteral("minji"));
    window.loginDialog()->findChild<QLineEdit *>(QStringLiteral("password"))->setText(QStringLiteral("password"));
    save(window.loginDialog(), QStringLiteral("login"));
    // With an error: the dialog grows to fit it, the fields keep their height.
    QTest::mouseClick(window.loginDialog()->findChild<QPushButton *>(QStringLiteral("signIn")), Qt::LeftButton);
    QTRY_VERIFY(window.loginDialog()->findChild<QLabel *>(QStringLiteral("loginNotice"))->text().startsWith(QStringLiteral("Wrong")));
    save(window.loginDialog(), QStringLiteral("login-error"));
}

void tst_Screenshots::shopperPages()
{
    MainWindow window;
    window.resize(1180, 760);
    window.show();
    window.connectTo(m_shop.baseUrl().toString());
    QVERIFY(GuiDriver::signIn(window, m_minji.username, QStringLiteral("password-123")));

    PageWidget *shop = GuiDriver::showPage(window, QStringLiteral("shopPage"));
    auto *products = shop->findChild<QAbstractItemView *>(QStringLiteral("productTable"));
    QVERIFY(GuiDriver::selectRowWithId(products, m_products[2]));
    QTest::mouseClick(shop->findChild<QWidget *>(QStringLiteral("addToCart")), Qt::LeftButton);
    QVERIFY(GuiDriver::selectRowWithId(products, m_products[14]));
    QTest::mouseClick(shop->findChild<QWidget *>(QStringLiteral("addToCart")), Qt::LeftButton);
    QVERIFY(GuiDriver::selectRowWithId(products, m_products[16]));
    QTest::mouseClick(shop->findChild<QWidget *>(QStringLiteral("addToCart")), Qt::LeftButton);
    QTRY_VERIFY(!GuiDriver::noticeText(shop).isEmpty());
    save(&window, QStringLiteral("shop"));

    PageWidget *cart = GuiDriver::showPage(window, QStringLiteral("cartPage"));
    auto *choice = cart->findChild<QComboBox *>(QStringLiteral("couponChoice"));
    QTRY_COMPARE(choice->count(), 3);
    choice->setCurrentIndex(choice->findText(QStringLiteral("Spring sale"), Qt::MatchStartsWith));
    QTRY_VERIFY(cart->findChild<QLabel *>(QStringLiteral("cartBalance"))->text().startsWith(QChar(0x20A9)));
    save(&window, QStringLiteral("cart"));

    PageWidget *wallet = GuiDriver::showPage(window, QStringLiteral("walletPage"));
    QTRY_VERIFY(wallet->findChild<QAbstractItemView *>(QStringLiteral("ledgerTable"))->model()->rowCount() >= 5);
    save(&window, QStringLiteral("wallet"));
    // An amount out of range, refused in words before anything is sent.
    auto *amount = wallet->findChild<NumberField *>(QStringLiteral("chargeAmount"));
    GuiDriver::retype(amount, QStringLiteral("99999999999"));
    QTest::mouseClick(wallet->findChild<QPushButton *>(QStringLiteral("charge")), Qt::LeftButton);
    save(&window, QStringLiteral("wallet-refused"));
    GuiDriver::retype(amount, QString());

    PageWidget *coupons = GuiDriver::showPage(window, QStringLiteral("couponsPage"));
    QTRY_VERIFY(coupons->findChild<QAbstractItemView *>(QStringLiteral("openCoupons"))->model()->rowCount() == 4);
    QTRY_VERIFY(coupons->findChild<QAbstractItemView *>(QStringLiteral("myCoupons"))->model()->rowCount() == 3);
    QVERIFY(GuiDriver::selectRowWithId(coupons->findChild<QAbstractItemView *>(QStringLiteral("openCoupons")), m_coupons[2]));
    save(&window, QStringLiteral("coupons"));

    PageWidget *orders = GuiDriver::showPage(window, QStringLiteral("ordersPage"));
    QTRY_VERIFY(orders->findChild<QAbstractItemView *>(QStringLiteral("orderTable"))->model()->rowCount() == 3);
    QTRY_VERIFY(orders->findChild<QAbstractItemView *>(QStringLiteral("orderLines"))->model()->rowCount() > 0);
    save(&window, QStringLiteral("orders"));
    // Cancelling asks first.
    auto *cancel = orders->findChild<QPushButton *>(QStringLiteral("cancelOrder"));
    QTRY_VERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("confirmCancelOrder"))) && box->isVisible());
    save(box, QStringLiteral("orders-confirm-cancel"));
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("keep")), Qt::LeftButton);

    // The smallest window: the cart's names on one line, the checkout beside them.
    window.resize(window.minimumSize());
    GuiDriver::showPage(window, QStringLiteral("cartPage"));
    QTRY_VERIFY(cart->findChild<QLabel *>(QStringLiteral("cartBalance"))->text().startsWith(QChar(0x20A9)));
    save(&window, QStringLiteral("cart-small"));
}

void tst_Screenshots::adminPages()
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.connectTo(m_shop.baseUrl().toString());
    QVERIFY(GuiDriver::signIn(window, QStringLiteral("admin"), QString::fromLatin1(ShopFixture::kAdminPassword)));
    PageWidget *dashboard = GuiDriver::showPage(window, QStringLiteral("dashboardPage"));
    auto *traffic = dashboard->findChild<QLabel *>(QStringLiteral("trafficNow"));
    // Traffic between reads of /metrics, so the rate and latency chart has a line.
    for (int round = 0; round < 8; ++round) {
        for (int i = 0; i < 20 + (round * 13) % 40; ++i)
            m_shop.client().get(QStringLiteral("/api/v1/products?page=%1&size=20").arg(1 + i % 2));
        const QString before = traffic->text();
        dashboard->refresh();
        QTRY_VERIFY(traffic->text() != before || traffic->text().startsWith(QStringLiteral("Now")));
    }
    // Every paid order published and stored by the data platform before the picture.
    auto *outbox = dashboard->findChild<QLabel *>(QStringLiteral("outboxHealth"));
    auto *platform = dashboard->findChild<QLabel *>(QStringLiteral("dataPlatformHealth"));
    const auto settled = [&] {
        if (window.client()->inFlight() == 0)
            dashboard->refresh();
        return outbox->text().contains(QStringLiteral(" 0 pending")) && !platform->text().contains(QStringLiteral(">0 events"))
                && !platform->text().contains(QStringLiteral("none yet"));
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
    QTRY_VERIFY(!dashboard->findChild<QLabel *>(QStringLiteral("salesSummary"))->text().isEmpty());
    save(&window, QStringLiteral("dashboard"));

    PageWidget *products = GuiDriver::showPage(window, QStringLiteral("productForm"));
    QVERIFY(GuiDriver::selectRowWithId(products->findChild<QAbstractItemView *>(QStringLiteral("adminProductTable")),
                                       m_products[6]));
    save(&window, QStringLiteral("admin-products"));
    // A new product with what the form refuses, said under each field.
    QTest::mouseClick(products->findChild<QPushButton *>(QStringLiteral("newProduct")), Qt::LeftButton);
    QTest::keyClicks(products->findChild<QLineEdit *>(QStringLiteral("productName")), QStringLiteral("Teapot"));
    GuiDriver::retype(products->findChild<QWidget *>(QStringLiteral("productPrice")), QStringLiteral("-500"));
    QTest::mouseClick(products->findChild<QPushButton *>(QStringLiteral("saveProduct")), Qt::LeftButton);
    save(&window, QStringLiteral("admin-products-refused"));

    PageWidget *coupons = GuiDriver::showPage(window, QStringLiteral("couponForm"));
    QTRY_VERIFY(coupons->findChild<QAbstractItemView *>(QStringLiteral("adminCouponTable"))->model()->rowCount() == 4);
    save(&window, QStringLiteral("admin-coupons"));
}

QTEST_MAIN(tst_Screenshots)
#include "tst_screenshots.moc"
