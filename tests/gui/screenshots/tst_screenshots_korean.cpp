#include "tst_screenshots.h"

#include "LoginDialog.h"
#include "MainWindow.h"
#include "PageWidget.h"
#include "SessionView.h"
#include "ShopClient.h"
#include "Translator.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>

// Issue 27: the main pages in Korean (a shop in Korea, LANG=ko_KR.UTF-8 or Settings →
// 한국어): the words, the won ("12,300원") and the dates ("2026. 12. 6. 오후 3:15").
void tst_Screenshots::koreanPages()
{
    Translator::use(QStringLiteral("ko"));
    {
        MainWindow window;
        window.resize(1180, 760);
        window.show();
        window.connectTo(m_shop.baseUrl().toString());
        QTRY_VERIFY(window.loginDialog() && window.loginDialog()->isVisible());
        window.loginDialog()->findChild<QLineEdit *>(QStringLiteral("username"))->setText(m_minji.username);
        save(window.loginDialog(), QStringLiteral("login-ko"));
        QVERIFY(GuiDriver::signIn(window, m_minji.username, QStringLiteral("password-123")));

        PageWidget *shop = GuiDriver::showPage(window, QStringLiteral("shopPage"));
        auto *products = shop->findChild<QAbstractItemView *>(QStringLiteral("productGrid"));
        for (int row : { 2, 5, 9 }) {
            QVERIFY(GuiDriver::selectRowWithId(products, idAt(products, row)));
            QTest::mouseClick(shop->findChild<QWidget *>(QStringLiteral("addToCart")), Qt::LeftButton);
        }
        QTRY_VERIFY(!GuiDriver::noticeText(shop).isEmpty());
        products->scrollToTop();
        QTRY_VERIFY_WITH_TIMEOUT(picturesShown(products), 20000);
        save(&window, QStringLiteral("shop-ko"));

        QVERIFY(GuiDriver::selectRowWithId(products, idAt(products, 1)));
        QTest::keyClick(products, Qt::Key_Return);
        QWidget *page = shop->findChild<QWidget *>(QStringLiteral("productPage"));
        QTRY_VERIFY(page->isVisible());
        QTRY_VERIFY(page->findChild<QLabel *>(QStringLiteral("productPicture"))->text().isEmpty());
        save(&window, QStringLiteral("product-ko"));
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("backToShop")), Qt::LeftButton);

        PageWidget *cart = GuiDriver::showPage(window, QStringLiteral("cartPage"));
        auto *choice = cart->findChild<QComboBox *>(QStringLiteral("couponChoice"));
        QTRY_COMPARE(choice->count(), 3);
        choice->setCurrentIndex(choice->findText(QStringLiteral("Spring sale"), Qt::MatchStartsWith));
        QVERIFY(choice->currentIndex() > 0);
        QTRY_VERIFY(cart->findChild<QLabel *>(QStringLiteral("cartBalance"))->text().endsWith(QChar(0xC6D0)));
        save(&window, QStringLiteral("cart-ko"));
        QTest::mouseClick(cart->findChild<QPushButton *>(QStringLiteral("pay")), Qt::LeftButton);
        QMessageBox *payBox = nullptr;
        QTRY_VERIFY((payBox = window.findChild<QMessageBox *>(QStringLiteral("confirmPay"))) && payBox->isVisible());
        save(payBox, QStringLiteral("cart-confirm-pay-ko"));
        QTest::mouseClick(payBox->findChild<QPushButton *>(QStringLiteral("keep")), Qt::LeftButton);

        PageWidget *wallet = GuiDriver::showPage(window, QStringLiteral("walletPage"));
        QTRY_VERIFY(wallet->findChild<QAbstractItemView *>(QStringLiteral("ledgerTable"))->model()->rowCount() >= 5);
        save(&window, QStringLiteral("wallet-ko"));

        PageWidget *coupons = GuiDriver::showPage(window, QStringLiteral("couponsPage"));
        QTRY_VERIFY(coupons->findChild<QAbstractItemView *>(QStringLiteral("myCoupons"))->model()->rowCount() == 3);
        save(&window, QStringLiteral("coupons-ko"));

        PageWidget *orders = GuiDriver::showPage(window, QStringLiteral("ordersPage"));
        QTRY_VERIFY(orders->findChild<QAbstractItemView *>(QStringLiteral("orderTable"))->model()->rowCount() == 3);
        QVERIFY(GuiDriver::selectRowWithId(orders->findChild<QAbstractItemView *>(QStringLiteral("orderTable")),
                                           m_minjiOrders[1]));
        QTRY_VERIFY(orders->findChild<QAbstractItemView *>(QStringLiteral("orderRefunds"))->model()->rowCount() > 0);
        save(&window, QStringLiteral("orders-ko"));
    }
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        window.connectTo(m_shop.baseUrl().toString());
        QVERIFY(GuiDriver::signIn(window, QStringLiteral("admin"), QString::fromLatin1(ShopFixture::kAdminPassword)));
        PageWidget *dashboard = GuiDriver::showPage(window, QStringLiteral("dashboardPage"));
        QTRY_VERIFY(!dashboard->findChild<QLabel *>(QStringLiteral("salesSummary"))->text().isEmpty());
        // Traffic between reads of /metrics, so the rate and latency chart has a line.
        auto *traffic = dashboard->findChild<QLabel *>(QStringLiteral("trafficNow"));
        for (int round = 0; round < 5; ++round) {
            for (int i = 0; i < 20 + (round * 13) % 40; ++i)
                m_shop.client().get(QStringLiteral("/api/v1/products?page=%1&size=20").arg(1 + i % 2));
            const QString before = traffic->text();
            QTRY_COMPARE(window.client()->inFlight(), 0);
            dashboard->refresh();
            QTRY_VERIFY(traffic->text() != before || traffic->text().startsWith(QStringLiteral("\uD604\uC7AC")));
        }
        QTRY_VERIFY(traffic->text().startsWith(QStringLiteral("\uD604\uC7AC"))); // 현재: …
        save(&window, QStringLiteral("dashboard-ko"));

        PageWidget *orders = GuiDriver::showPage(window, QStringLiteral("adminOrdersPage"));
        QVERIFY(GuiDriver::selectRowWithId(orders->findChild<QAbstractItemView *>(QStringLiteral("orderTable")),
                                           m_minjiOrders[1]));
        QTRY_VERIFY(orders->findChild<QAbstractItemView *>(QStringLiteral("orderRefunds"))->model()->rowCount() > 0);
        save(&window, QStringLiteral("admin-orders-ko"));

        PageWidget *products = GuiDriver::showPage(window, QStringLiteral("productForm"));
        auto *table = products->findChild<QAbstractItemView *>(QStringLiteral("adminProductTable"));
        QVERIFY(GuiDriver::selectRowWithId(table, idAt(table, 6)));
        save(&window, QStringLiteral("admin-products-ko"));
    }
    Translator::use(QStringLiteral("en"));
}
