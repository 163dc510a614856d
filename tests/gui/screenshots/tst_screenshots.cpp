#include "tst_screenshots.h"

#include "AppStyle.h"
#include "GuiDriver.h"
#include "LoginDialog.h"
#include "NumberField.h"
#include "MainWindow.h"
#include "OwnerSetupView.h"
#include "PageWidget.h"
#include "RecordTableModel.h"
#include "RefundDialog.h"
#include "ReportExportDialog.h"
#include "SessionView.h"
#include "ShopClient.h"
#include "ShopFixture.h"
#include "StartupView.h"
#include "TestStack.h"
#include "Translator.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QStandardPaths>
#include <QtGui/QFontDatabase>
#include <QtTest/QTest>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTreeView>

#include <algorithm>


void tst_Screenshots::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    AppStyle::apply();
    // As the app starts: English's own file holds its plural forms ("3 orders", not "3 order(s)").
    Translator::use(QStringLiteral("en"));
    // A Korean product name is in the pictures: without a Hangul font it shows as boxes.
    QVERIFY2(!QFontDatabase::families(QFontDatabase::Korean).isEmpty(),
             "no font with Hangul: installer/install-deps.sh installs fonts-noto-cjk");
    const QString dir = qEnvironmentVariable("STOREFRONT_SCREENSHOTS_DIR", QDir::current().filePath(QStringLiteral("screenshots")));
    QVERIFY(QDir().mkpath(dir));
    m_out = QDir(dir);
    QVERIFY(TestStack::truncateAll()); // the demo shop loads only into an empty shop
    m_shop.configure([this](ServerConfig &config) {
        config.backupDir = m_backups.filePath(QStringLiteral("storefront/backups"));
        config.backupCheckMs = 3600 * 1000; // the Backups page's "Back up now" only
    });
    QVERIFY(m_shop.start(4, true)); // with the data platform, for its health on the dashboard
}

bool tst_Screenshots::picturesShown(QAbstractItemView *view)
{
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, 0).data(Qt::DecorationRole).value<QPixmap>().isNull())
            return false;
    }
    return view->model()->rowCount() > 0;
}

void tst_Screenshots::demoShopFromTheEmptyShop()
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.connectTo(m_shop.baseUrl().toString());
    QVERIFY(GuiDriver::signIn(window, QStringLiteral("admin"), QString::fromLatin1(ShopFixture::kAdminPassword)));
    // Where an admin lands: the dashboard, which offers the demo shop while the shop is empty.
    PageWidget *dashboard = window.session()->currentPage();
    QCOMPARE(dashboard->objectName(), QStringLiteral("dashboardPage"));
    QWidget *offer = dashboard->findChild<QWidget *>(QStringLiteral("demoShopOffer"));
    QTRY_VERIFY(offer->isVisible());
    save(&window, QStringLiteral("admin-demo-offer"));
    QTest::mouseClick(offer->findChild<QPushButton *>(QStringLiteral("loadDemoShop")), Qt::LeftButton);
    auto *progress = offer->findChild<QWidget *>(QStringLiteral("demoShopProgress"));
    QTRY_VERIFY(progress->isVisible());
    auto *bar = offer->findChild<QProgressBar *>(QStringLiteral("demoShopProgress"));
    QTRY_VERIFY_WITH_TIMEOUT(bar->value() > bar->maximum() / 5 || !offer->isVisible(), 120000);
    if (offer->isVisible())
        save(&window, QStringLiteral("admin-demo-loading"));
    // Loaded: the offer goes (at the dashboard's next read) and the product list is full.
    QTRY_VERIFY_WITH_TIMEOUT(!offer->isVisible(), 240000);
    PageWidget *products = GuiDriver::showPage(window, QStringLiteral("productForm"));
    auto *table = products->findChild<QAbstractItemView *>(QStringLiteral("adminProductTable"));
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 20000);
    QCOMPARE(m_shop.scalar(QStringLiteral("SELECT COUNT(*) FROM products")), 240);
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
    // The demo shop's products with stock to sell, first the Korean ones' neighbours.
    for (int i = 0; i < 24; ++i) {
        const qint64 id = m_shop.scalar(QStringLiteral("SELECT id FROM products WHERE stock > 20 ORDER BY id LIMIT 1 OFFSET ?"),
                                        { i });
        m_products.append(id);
    }
    QVERIFY(!m_products.contains(0));

    // The demo shop's own coupons (Korean and English names), in the order it made them,
    // and one campaign the admin adds (so the audit log has it).
    const HttpClient::Reply coupons = m_shop.client().get(QStringLiteral("/api/v1/coupons"), m_shop.admin().auth());
    for (const QJsonValue &coupon : coupons.json().value(QStringLiteral("items")).toArray())
        m_coupons.append(coupon.toObject().value(QStringLiteral("id")).toInteger());
    std::sort(m_coupons.begin(), m_coupons.end());
    QCOMPARE(m_coupons.size(), 4);
    const HttpClient::Reply spring = m_shop.client().post(
            QStringLiteral("/api/v1/admin/coupons"),
            { { "name", QStringLiteral("Spring sale 10%") }, { "discountType", "RATE" }, { "discountValue", 10 },
              { "quantity", 30 }, { "validUntil", QDateTime::currentDateTimeUtc().addDays(21).toString(Qt::ISODateWithMs) } },
            m_shop.admin().auth());
    QCOMPARE(spring.status, 201);
    m_coupons.append(spring.json().value(QStringLiteral("id")).toInteger());

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
    // Min-ji: the shopper in the pictures.
    const QJsonObject minji { { "username", "minji" }, { "password", "password-123" } };
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/auth/register"), minji).status, 201);
    const HttpClient::Reply login = m_shop.client().post(QStringLiteral("/api/v1/auth/login"), minji);
    m_minji.username = QStringLiteral("minji");
    m_minji.token = login.json().value(QStringLiteral("token")).toString().toLatin1();
    m_minji.id = login.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toInteger();
    QVERIFY(m_shop.charge(m_minji, 3000000));
    const qint64 welcome = claim(m_minji, m_coupons[0]);
    claim(m_minji, m_coupons[4]);
    claim(m_minji, m_coupons[3]);
    m_minjiOrders.append(order(m_minji, { { m_products[0], 1 }, { m_products[4], 2 } }, welcome));
    const qint64 cancelled = order(m_minji, { { m_products[5], 1 } });
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/orders/%1/cancel").arg(cancelled), {}, m_minji.auth()).status, 200);
    m_minjiOrders.append(order(m_minji, { { m_products[20], 2 }, { m_products[10], 3 }, { m_products[15], 1 } }));
    QVERIFY(!m_minjiOrders.contains(0));
    // One unit of the last order came broken: refunded, so her orders show a refund.
    const QJsonObject refund { { "lines", QJsonArray { QJsonObject { { "productId", m_products[10] }, { "quantity", 1 } } } },
                               { "restock", false },
                               { "reason", QStringLiteral("한 개가 깨져서 도착") } };
    QCOMPARE(m_shop.client()
                     .post(QStringLiteral("/api/v1/admin/orders/%1/refunds").arg(m_minjiOrders[1]), refund, m_shop.admin().auth())
                     .status,
             201);
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
    auto *products = shop->findChild<QAbstractItemView *>(QStringLiteral("productGrid"));
    QVERIFY(GuiDriver::selectRowWithId(products, idAt(products, 2)));
    QTest::mouseClick(shop->findChild<QWidget *>(QStringLiteral("addToCart")), Qt::LeftButton);
    QVERIFY(GuiDriver::selectRowWithId(products, idAt(products, 5)));
    QTest::mouseClick(shop->findChild<QWidget *>(QStringLiteral("addToCart")), Qt::LeftButton);
    QVERIFY(GuiDriver::selectRowWithId(products, idAt(products, 9)));
    QTest::mouseClick(shop->findChild<QWidget *>(QStringLiteral("addToCart")), Qt::LeftButton);
    QTRY_VERIFY(!GuiDriver::noticeText(shop).isEmpty());
    products->scrollToTop();
    QTRY_VERIFY_WITH_TIMEOUT(picturesShown(products), 20000);
    save(&window, QStringLiteral("shop"));

    // Search in Hangul as it is typed (committed by the input method), in a category.
    auto *search = shop->findChild<QLineEdit *>(QStringLiteral("searchBox"));
    compose(search, QStringLiteral("무선"));
    // The search's own answer, not the first page (whose first card is a 무선 product too).
    const auto allMatch = [products] {
        const int rows = products->model()->rowCount();
        for (int r = 0; r < rows; ++r) {
            if (!products->model()->index(r, 0).data().toString().contains(QStringLiteral("무선")))
                return false;
        }
        return rows > 0;
    };
    QTRY_VERIFY(allMatch());
    QTRY_VERIFY_WITH_TIMEOUT(picturesShown(products), 20000);
    save(&window, QStringLiteral("shop-search"));

    // A product's own page.
    QVERIFY(GuiDriver::selectRowWithId(products, idAt(products, 1)));
    QTest::keyClick(products, Qt::Key_Return);
    QWidget *page = shop->findChild<QWidget *>(QStringLiteral("productPage"));
    QTRY_VERIFY(page->isVisible());
    QTRY_VERIFY(page->findChild<QLabel *>(QStringLiteral("productPicture"))->text().isEmpty()); // the picture, not "Loading…"
    save(&window, QStringLiteral("product"));
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("backToShop")), Qt::LeftButton);
    GuiDriver::retype(search, QString());

    PageWidget *cart = GuiDriver::showPage(window, QStringLiteral("cartPage"));
    auto *choice = cart->findChild<QComboBox *>(QStringLiteral("couponChoice"));
    QTRY_COMPARE(choice->count(), 3);
    choice->setCurrentIndex(choice->findText(QStringLiteral("Spring sale"), Qt::MatchStartsWith));
    QVERIFY(choice->currentIndex() > 0);
    QTRY_VERIFY(cart->findChild<QLabel *>(QStringLiteral("cartBalance"))->text().startsWith(QChar(0x20A9)));
    save(&window, QStringLiteral("cart"));
    // Paying asks first: what leaves the wallet, the coupon, the balance after.
    QTest::mouseClick(cart->findChild<QPushButton *>(QStringLiteral("pay")), Qt::LeftButton);
    QMessageBox *payBox = nullptr;
    QTRY_VERIFY((payBox = window.findChild<QMessageBox *>(QStringLiteral("confirmPay"))) && payBox->isVisible());
    save(payBox, QStringLiteral("cart-confirm-pay"));
    QTest::mouseClick(payBox->findChild<QPushButton *>(QStringLiteral("keep")), Qt::LeftButton);

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
    QTRY_VERIFY(coupons->findChild<QAbstractItemView *>(QStringLiteral("openCoupons"))->model()->rowCount() == 5);
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
    auto *adminTable = products->findChild<QAbstractItemView *>(QStringLiteral("adminProductTable"));
    QTRY_VERIFY(adminTable->model()->rowCount() > 6);
    QVERIFY(GuiDriver::selectRowWithId(adminTable, idAt(adminTable, 6)));
    auto *pictures = products->findChild<QListWidget *>(QStringLiteral("pictureList"));
    QTRY_VERIFY(pictures->count() > 0 && !pictures->item(0)->icon().isNull());
    save(&window, QStringLiteral("admin-products"));
    // A new product with what the form refuses, said under each field.
    QTest::mouseClick(products->findChild<QPushButton *>(QStringLiteral("newProduct")), Qt::LeftButton);
    QTest::keyClicks(products->findChild<QLineEdit *>(QStringLiteral("productName")), QStringLiteral("Teapot"));
    GuiDriver::retype(products->findChild<QWidget *>(QStringLiteral("productPrice")), QStringLiteral("-500"));
    QTest::mouseClick(products->findChild<QPushButton *>(QStringLiteral("saveProduct")), Qt::LeftButton);
    save(&window, QStringLiteral("admin-products-refused"));

    PageWidget *categories = GuiDriver::showPage(window, QStringLiteral("categoriesPage"));
    auto *tree = categories->findChild<QTreeView *>(QStringLiteral("categoryEditorTree"));
    QTRY_VERIFY(tree->model()->rowCount() == 12);
    tree->expandAll();
    tree->setCurrentIndex(tree->model()->index(0, 0));
    // A refusal in words: deleting a category that still holds products.
    QTest::mouseClick(categories->findChild<QPushButton *>(QStringLiteral("deleteCategory")), Qt::LeftButton);
    QTRY_VERIFY(GuiDriver::noticeText(categories).contains(QStringLiteral("was not deleted")));
    save(&window, QStringLiteral("admin-categories"));

    PageWidget *coupons = GuiDriver::showPage(window, QStringLiteral("couponForm"));
    QTRY_VERIFY(coupons->findChild<QAbstractItemView *>(QStringLiteral("adminCouponTable"))->model()->rowCount() == 5);
    save(&window, QStringLiteral("admin-coupons"));
}

// Issue 23: what a new desktop shop opens on (no administrator yet, the app's secret),
// with the owner's name typed and a problem said under a field. Last: it empties the shop.
void tst_Screenshots::ownerSetupOfANewShop()
{
    m_shop.stop();
    QVERIFY(TestStack::truncateAll());
    ServerConfig config = TestStack::serverConfig(2);
    config.passwordIterations = 1000;
    config.ownerSecret = QByteArrayLiteral("screenshot-owner-secret");
    StorefrontServer server(config);
    QVERIFY(server.start().ok());
    MainWindow window;
    window.resize(1180, 760);
    window.show();
    window.setOwnerSecret(config.ownerSecret);
    window.connectTo(server.baseUrl());
    QTRY_VERIFY(window.ownerSetup() && window.ownerSetup()->isVisible());
    OwnerSetupView *setup = window.ownerSetup();
    QTest::keyClicks(setup->findChild<QLineEdit *>(QStringLiteral("ownerUsername")), QStringLiteral("minji_shop"));
    QTest::keyClicks(setup->findChild<QLineEdit *>(QStringLiteral("ownerPassword")), QStringLiteral("owner-password"));
    save(&window, QStringLiteral("owner-setup"));
    // A problem, said under the field it is about.
    QTest::keyClicks(setup->findChild<QLineEdit *>(QStringLiteral("ownerRepeat")), QStringLiteral("owner-passwort"));
    QTest::mouseClick(setup->findChild<QPushButton *>(QStringLiteral("createOwner")), Qt::LeftButton);
    QCOMPARE(setup->findChild<QLabel *>(QStringLiteral("ownerRepeatHint"))->text(), QStringLiteral("The two passwords differ."));
    save(&window, QStringLiteral("owner-setup-refused"));
}

QTEST_MAIN(tst_Screenshots)
