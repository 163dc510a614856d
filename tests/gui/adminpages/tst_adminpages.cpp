#include "AppStyle.h"
#include "FieldHint.h"
#include "GuiDriver.h"
#include "MainWindow.h"
#include "Money.h"
#include "NumberField.h"
#include "PageWidget.h"
#include "RefundDialog.h"
#include "RefundShare.h"
#include "ReportExportDialog.h"
#include "ProductForm.h"
#include "SessionView.h"
#include "ShopClient.h"
#include "ShopFixture.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QPointer>
#include <QtCore/QRandomGenerator>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDateEdit>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTableView>

#include <memory>

// Issue 17, the app's side: running the shop in the real window against a real server.
// A refund whose preview is RefundShare's and the server's amount; a customer disabled
// (then their sign-in is refused as disabled); a stock adjustment that shows in the
// ledger (and one refused in words); a CSV report streamed into a file and read back.
class tst_AdminPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void refundPreviewIsWhatTheServerRefunds_data();
    void refundPreviewIsWhatTheServerRefunds();
    void disablingACustomer_data();
    void disablingACustomer();
    void stockAdjustment_data();
    void stockAdjustment();
    void csvExportIsWrittenToTheFile_data();
    void csvExportIsWrittenToTheFile();
    void ordersFitTheWindow();
    void csvSaveFolder();

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
    static void compose(QWidget *field, const QString &text) { GuiDriver::compose(field, text); }
    bool settled() { return QTest::qWaitFor([this] { return m_window->client()->inFlight() == 0; }, 10000); }
    static QString tag() { return QString::number(QRandomGenerator::global()->bounded(100000, 999999)); }
    Order fetchOrder(qint64 orderId);
    // A shopper's paid order of `lines` (product id → units), with a coupon worth `discount` if > 0.
    qint64 placeOrder(const ShopFixture::User &shopper, const QList<QPair<qint64, qint64>> &lines, qint64 discount);
    static QList<QStringList> parseCsv(const QByteArray &bytes);

    ShopFixture m_shop;
    std::unique_ptr<MainWindow> m_window;
};

void tst_AdminPages::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    AppStyle::apply();
    QVERIFY(m_shop.start(4));
}

void tst_AdminPages::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 800);
    m_window->show();
    m_window->connectTo(m_shop.baseUrl().toString());
}

void tst_AdminPages::cleanup()
{
    m_window.reset();
}

void tst_AdminPages::cleanupTestCase()
{
    m_shop.stop();
}

Order tst_AdminPages::fetchOrder(qint64 orderId)
{
    const auto r = m_shop.client().get(QStringLiteral("/api/v1/orders/%1").arg(orderId), m_shop.admin().auth());
    return r.status == 200 ? Order::fromJson(r.json()) : Order {};
}

qint64 tst_AdminPages::placeOrder(const ShopFixture::User &shopper, const QList<QPair<qint64, qint64>> &lines,
                                  qint64 discount)
{
    if (!m_shop.charge(shopper, 1000000))
        return 0;
    QJsonArray items;
    for (const auto &line : lines)
        items.append(QJsonObject { { "productId", line.first }, { "quantity", line.second } });
    QJsonObject body { { "userId", shopper.id }, { "items", items } };
    if (discount > 0) {
        const qint64 coupon = m_shop.createCoupon(QStringLiteral("FIXED"), discount, 5);
        const auto issued = m_shop.client().post(QStringLiteral("/api/v1/coupons/%1/issue").arg(coupon),
                                                 QJsonObject { { "userId", shopper.id } }, shopper.auth());
        if (issued.status != 201 && issued.status != 200)
            return 0;
        body.insert(QStringLiteral("userCouponId"), issued.json().value(QStringLiteral("id")).toInteger());
    }
    const auto r = m_shop.client().post(QStringLiteral("/api/v1/orders"), body, shopper.auth());
    return r.status == 201 ? r.json().value(QStringLiteral("id")).toInteger() : 0;
}

void tst_AdminPages::refundPreviewIsWhatTheServerRefunds_data()
{
    QTest::addColumn<qint64>("discount");
    QTest::newRow("no coupon") << qint64(0);
    // ₩1,000 off ₩50,600: each line's share is rounded down, the last refund gets the rest.
    QTest::newRow("a coupon's discount shared by the lines") << qint64(1000);
}

// The dialog's amount is RefundShare's for the chosen units and is what the server
// refunds; the order goes Partially refunded, then Refunded, and its refunds show.
void tst_AdminPages::refundPreviewIsWhatTheServerRefunds()
{
    QFETCH(qint64, discount);
    const QString mark = tag();
    const qint64 mug = m_shop.createProduct(QStringLiteral("머그컵 ") + mark, 12000, 20);
    const qint64 tea = m_shop.createProduct(QStringLiteral("Green tea ") + mark, 7300, 20);
    const ShopFixture::User shopper = m_shop.newShopper();
    const qint64 orderId = placeOrder(shopper, { { mug, 3 }, { tea, 2 } }, discount);
    QVERIFY(orderId > 0);
    const qint64 balanceBefore = m_shop.balanceOf(shopper);

    QVERIFY(GuiDriver::signIn(*m_window, QStringLiteral("admin"), QLatin1String(ShopFixture::kAdminPassword)));
    PageWidget *page = GuiDriver::showPage(*m_window, QStringLiteral("adminOrdersPage"));
    QVERIFY(page);
    QTest::keyClicks(child<QLineEdit>(page, QStringLiteral("ordersSearch")), QStringLiteral("#%1").arg(orderId));
    auto *table = child<QAbstractItemView>(page, QStringLiteral("orderTable"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QVERIFY(GuiDriver::selectRowWithId(table, orderId));
    auto *refund = child<QPushButton>(page, QStringLiteral("refundOrder"));
    QTRY_VERIFY(refund->isEnabled());

    // First refund: 1 mug and 1 tea, kept out of stock.
    const qint64 stockBefore = m_shop.stockOf(mug);
    QTest::mouseClick(refund, Qt::LeftButton);
    // Deleted when closed: watched through a QPointer.
    QPointer<RefundDialog> dialog = waitForDialog<RefundDialog>(QStringLiteral("refundDialog"));
    QVERIFY(dialog);
    Order order = fetchOrder(orderId);
    dialog->quantityFor(mug)->setValue(1);
    QCOMPARE(dialog->previewAmount(), RefundShare::amount(order, { { mug, 1 } }));
    dialog->quantityFor(tea)->setValue(1);
    const qint64 first = RefundShare::amount(order, { { mug, 1 }, { tea, 1 } });
    QCOMPARE(dialog->previewAmount(), first);
    QVERIFY(child<QLabel>(dialog, QStringLiteral("refundPreview"))->text().contains(Money::format(first)));
    // Spin boxes stop at what is left of the line.
    QCOMPARE(dialog->quantityFor(mug)->maximum(), 3);
    auto *submit = child<QPushButton>(dialog, QStringLiteral("refundSubmit"));
    QVERIFY(!submit->isEnabled()); // no reason yet
    // Where the customer reads the reason: the wallet history has none (API.md).
    QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("refundReason"))->placeholderText(),
             QStringLiteral("Why, in a few words (the customer sees it in the order's details)"));
    compose(child<QLineEdit>(dialog, QStringLiteral("refundReason")), QStringLiteral("깨진 채로 도착"));
    child<QWidget>(dialog, QStringLiteral("refundRestock"))->setProperty("checked", false);
    QVERIFY(submit->isEnabled());
    QTest::mouseClick(submit, Qt::LeftButton);
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmRefund"), QStringLiteral("confirm")));
    QTRY_VERIFY(!dialog);
    QTRY_VERIFY(GuiDriver::noticeText(page).contains(QStringLiteral("partially refunded")));
    QVERIFY(settled());
    order = fetchOrder(orderId);
    QCOMPARE(order.refundedAmount, first);
    QCOMPARE(order.status, QStringLiteral("PARTIALLY_REFUNDED"));
    QCOMPARE(m_shop.balanceOf(shopper), balanceBefore + first);
    QCOMPARE(m_shop.stockOf(mug), stockBefore); // not restocked
    QTRY_COMPARE(table->model()->index(0, 6).data().toString(), QStringLiteral("Partially refunded"));
    auto *refunds = child<QAbstractItemView>(page, QStringLiteral("orderRefunds"));
    QTRY_COMPARE(refunds->model()->rowCount(), 1);
    QCOMPARE(refunds->model()->index(0, 4).data().toString(), QStringLiteral("깨진 채로 도착"));

    // Second refund: everything left, back in stock; RefundShare gives exactly the rest.
    QTRY_VERIFY(refund->isEnabled());
    QTest::mouseClick(refund, Qt::LeftButton);
    dialog = waitForDialog<RefundDialog>(QStringLiteral("refundDialog"));
    QVERIFY(dialog);
    QCOMPARE(dialog->quantityFor(mug)->maximum(), 2);
    QCOMPARE(dialog->quantityFor(tea)->maximum(), 1);
    dialog->quantityFor(mug)->setValue(2);
    dialog->quantityFor(tea)->setValue(1);
    const qint64 rest = order.paidAmount - order.refundedAmount;
    QCOMPARE(dialog->previewAmount(), RefundShare::amount(order, { { mug, 2 }, { tea, 1 } }));
    QCOMPARE(dialog->previewAmount(), rest);
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("refundReason")), QStringLiteral("Returned"));
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("refundSubmit")), Qt::LeftButton);
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmRefund"), QStringLiteral("confirm")));
    QTRY_COMPARE(table->model()->index(0, 6).data().toString(), QStringLiteral("Refunded"));
    QTRY_COMPARE(refunds->model()->rowCount(), 2);
    QVERIFY(settled());
    QCOMPARE(fetchOrder(orderId).refundedAmount, order.paidAmount);
    QCOMPARE(m_shop.stockOf(mug), stockBefore + 2);
    QVERIFY(!refund->isEnabled()); // nothing left to refund
    QVERIFY2(m_shop.invariantViolations().isEmpty(), qPrintable(m_shop.invariantViolations()));

    // The audit log says both refunds in words (issue 27 point 8), whole in the tooltip,
    // and the details pane has every field, named in words.
    PageWidget *audit = GuiDriver::showPage(*m_window, QStringLiteral("auditPage"));
    auto *entries = child<QAbstractItemView>(audit, QStringLiteral("auditTable"));
    const QString said = QStringLiteral("Refunded %1 of order #%2: \uAE68\uC9C4 \uCC44\uB85C \uB3C4\uCC29")
                                 .arg(Money::format(first))
                                 .arg(orderId);
    const int row = GuiDriver::waitForRowWithText(entries, 2, said);
    QVERIFY2(row >= 0, qPrintable(said));
    QCOMPARE(entries->model()->index(row, 2).data(Qt::ToolTipRole).toString(), said);
    QVERIFY(GuiDriver::waitForRowWithText(entries, 2, QStringLiteral("Refunded %1 of order #%2: Returned")
                                                              .arg(Money::format(rest))
                                                              .arg(orderId))
            >= 0);
    entries->setCurrentIndex(entries->model()->index(row, 0));
    const QString details = child<QLabel>(audit, QStringLiteral("auditChange"))->text();
    QVERIFY2(details.contains(QStringLiteral("<b>Refund \u203A Reason</b>: \uAE68\uC9C4 \uCC44\uB85C \uB3C4\uCC29")),
             qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("<b>Status</b>: Paid \u2192 Partially refunded")), qPrintable(details));
    QVERIFY2(!details.contains(QStringLiteral("order.refund")) && !details.contains(QStringLiteral("{")), qPrintable(details));
}

void tst_AdminPages::disablingACustomer_data()
{
    QTest::addColumn<bool>("self");
    QTest::newRow("a shopper") << false;
    QTest::newRow("the admin itself: not offered, and told why") << true;
}

void tst_AdminPages::disablingACustomer()
{
    QFETCH(bool, self);
    const ShopFixture::User shopper = m_shop.newShopper();
    const QString username = self ? QStringLiteral("admin") : shopper.username;
    const qint64 id = self ? m_shop.admin().id : shopper.id;
    QVERIFY(GuiDriver::signIn(*m_window, QStringLiteral("admin"), QLatin1String(ShopFixture::kAdminPassword)));
    PageWidget *page = GuiDriver::showPage(*m_window, QStringLiteral("customersPage"));
    QVERIFY(page);
    QTest::keyClicks(child<QLineEdit>(page, QStringLiteral("customerSearch")), username);
    auto *table = child<QAbstractItemView>(page, QStringLiteral("customerTable"));
    QVERIFY(GuiDriver::selectRowWithId(table, id));
    auto *toggle = child<QPushButton>(page, QStringLiteral("toggleDisabled"));
    QTRY_VERIFY(child<QLabel>(page, QStringLiteral("customerSummary"))->text().contains(QStringLiteral("Balance")));
    const QJsonObject login { { "username", username },
                              { "password", self ? QLatin1String(ShopFixture::kAdminPassword) : QLatin1String("password-123") } };
    if (self) {
        // The server would refuse it (API.md): the signed-in admin's own row does not offer it.
        QVERIFY(!toggle->isEnabled());
        QCOMPARE(toggle->toolTip(), QStringLiteral("This is your own account: you cannot disable it while signed in "
                                                   "with it. Another administrator would have to."));
        QVERIFY(settled());
        QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/auth/login"), login).status, 200);
        return;
    }
    QTRY_VERIFY(toggle->isEnabled() && toggle->text().contains(QStringLiteral("Disable")));
    QVERIFY(toggle->toolTip().isEmpty());
    QTest::mouseClick(toggle, Qt::LeftButton);
    // The question whole in the box's body (a window title is cut at the box's width).
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("confirmToggleDisabled"))) && box->isVisible());
    QVERIFY2(box->text().startsWith(QStringLiteral("<p><b>Disable %1?</b></p>").arg(username)), qPrintable(box->text()));
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmToggleDisabled"), QStringLiteral("confirm")));
    const int row = GuiDriver::waitForRowWithText(table, 5, QStringLiteral("Disabled"));
    QVERIFY(row >= 0);
    QTRY_VERIFY(GuiDriver::noticeText(page).contains(QStringLiteral("cannot sign in")));
    // The right password learns that the account is disabled (issue 23, point 4).
    const auto refused = m_shop.client().post(QStringLiteral("/api/v1/auth/login"), login);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorCode(), QStringLiteral("ACCOUNT_DISABLED"));

    // And back: the account signs in again.
    QTRY_VERIFY(toggle->isEnabled() && toggle->text().contains(QStringLiteral("Enable")));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(GuiDriver::answerConfirmation(m_window.get(), QStringLiteral("confirmToggleDisabled"), QStringLiteral("confirm")));
    QVERIFY(GuiDriver::waitForRowWithText(table, 5, QStringLiteral("Active")) >= 0);
    QVERIFY(settled());
    QCOMPARE(m_shop.client().post(QStringLiteral("/api/v1/auth/login"), login).status, 200);
}

void tst_AdminPages::stockAdjustment_data()
{
    QTest::addColumn<int>("direction"); // combo row: 0 add, 1 take
    QTest::addColumn<QString>("range"); // under the units once the direction is chosen
    QTest::addColumn<QString>("units");
    QTest::addColumn<qint64>("takenMeanwhile"); // by another administrator, after the dialog opened
    QTest::addColumn<qint64>("stockAfter");
    QTest::addColumn<QString>("notice");
    QTest::addColumn<QString>("unitsHint"); // under the units after Apply
    QTest::newRow("a delivery of 5") << 0 << QStringLiteral("1 to 1,000,000") << QStringLiteral("5") << qint64(0)
                                     << qint64(8) << QStringLiteral("Added 5; 8 in stock now.")
                                     << QStringLiteral("1 to 1,000,000");
    // Issue 27 point 8: taking is capped by the stock, said under the field, not sent.
    QTest::newRow("taking more than there is") << 1 << QStringLiteral("1 to 3") << QStringLiteral("4") << qint64(0)
                                               << qint64(3) << QString()
                                               << QStringLiteral("Only 3 in stock: you can take at most 3.");
    // The server refuses (OUT_OF_STOCK): said under the field, with the stock as it is now.
    QTest::newRow("taken meanwhile") << 1 << QStringLiteral("1 to 3") << QStringLiteral("3") << qint64(2) << qint64(1)
                                     << QString() << QStringLiteral("Only 1 in stock: you can take at most 1.");
}

void tst_AdminPages::stockAdjustment()
{
    QFETCH(int, direction);
    QFETCH(QString, range);
    QFETCH(QString, units);
    QFETCH(qint64, takenMeanwhile);
    QFETCH(qint64, stockAfter);
    QFETCH(QString, notice);
    QFETCH(QString, unitsHint);
    const qint64 product = m_shop.createProduct(QStringLiteral("재고 ") + tag(), 5000, 3);
    QVERIFY(product > 0);
    QVERIFY(GuiDriver::signIn(*m_window, QStringLiteral("admin"), QLatin1String(ShopFixture::kAdminPassword)));
    PageWidget *page = GuiDriver::showPage(*m_window, QStringLiteral("productForm"));
    QVERIFY(GuiDriver::selectRowWithId(child<QAbstractItemView>(page, QStringLiteral("adminProductTable")), product));
    auto *open = child<QPushButton>(page, QStringLiteral("productStockHistory"));
    QTRY_VERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    auto *dialog = waitForDialog<QDialog>(QStringLiteral("stockDialog"));
    QVERIFY(dialog);
    auto *history = child<QAbstractItemView>(dialog, QStringLiteral("stockHistory"));
    QTRY_COMPARE(history->model()->rowCount(), 1); // the initial stock
    child<QComboBox>(dialog, QStringLiteral("stockDirection"))->setCurrentIndex(direction);
    auto *field = child<NumberField>(dialog, QStringLiteral("stockUnits"));
    QCOMPARE(GuiDriver::hintText(field), range);
    GuiDriver::retype(field, units);
    // No reason: said under the reason, not at the top of the dialog; nothing sent.
    auto *apply = child<QPushButton>(dialog, QStringLiteral("stockApply"));
    auto *reasonHint = child<FieldHint>(dialog, QStringLiteral("stockReasonHint"));
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(reasonHint->hasProblem());
    QCOMPARE(reasonHint->text(), QStringLiteral("Say why the stock changes (up to 200 characters)."));
    QCOMPARE(GuiDriver::noticeText(dialog), QString());
    const QString reason = QStringLiteral("입고 ") + units;
    compose(child<QLineEdit>(dialog, QStringLiteral("stockReason")), reason);
    QVERIFY(!reasonHint->hasProblem());
    if (takenMeanwhile > 0) {
        const auto taken = m_shop.client().post(QStringLiteral("/api/v1/admin/products/%1/stock").arg(product),
                                                QJsonObject { { "delta", -takenMeanwhile }, { "reason", "elsewhere" } },
                                                m_shop.admin().auth());
        QCOMPARE(taken.status, 200);
    }
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE(GuiDriver::hintText(field), unitsHint);
    QTRY_COMPARE(GuiDriver::noticeText(dialog), notice);
    QVERIFY(settled());
    QCOMPARE(m_shop.stockOf(product), stockAfter);
    QCOMPARE(GuiDriver::hintText(field), unitsHint);
    const bool applied = direction == 0;
    QTRY_COMPARE(history->model()->rowCount(), 1 + (applied ? 1 : 0) + (takenMeanwhile > 0 ? 1 : 0));
    if (applied) {
        QCOMPARE(history->model()->index(0, 1).data().toString(), QStringLiteral("+5"));
        QCOMPARE(history->model()->index(0, 2).data().toString(), QStringLiteral("8"));
        QCOMPARE(history->model()->index(0, 3).data().toString(), QStringLiteral("Adjusted: ") + reason);
        QCOMPARE(history->model()->index(0, 4).data().toString(), QStringLiteral("admin"));
    }
}

QList<QStringList> tst_AdminPages::parseCsv(const QByteArray &bytes)
{
    // RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks.
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
        } else if (c != QLatin1Char('\r')) {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

void tst_AdminPages::csvExportIsWrittenToTheFile_data()
{
    QTest::addColumn<int>("report"); // the dialog's report row
    QTest::addColumn<QString>("header");
    QTest::addColumn<int>("nameColumn");
    QTest::newRow("sales by product") << 1 << QStringLiteral("productId,name,orders,units,unitsReturned,gross,refunded,net")
                                      << 1;
    QTest::newRow("orders, a row per line")
            << 3
            << QStringLiteral("orderId,paidAt (Asia/Seoul),status,userId,username,productId,productName,unitPrice,quantity,"
                              "unitsReturned,lineTotal,orderPaid,orderRefunded")
            << 6;
}

void tst_AdminPages::csvExportIsWrittenToTheFile()
{
    QFETCH(int, report);
    QFETCH(QString, header);
    QFETCH(int, nameColumn);
    const QString name = QStringLiteral("한글, \"따옴표\" 찻잔 ") + tag();
    const qint64 product = m_shop.createProduct(name, 15000, 10);
    const ShopFixture::User shopper = m_shop.newShopper();
    QVERIFY(placeOrder(shopper, { { product, 2 } }, 0) > 0);

    QVERIFY(GuiDriver::signIn(*m_window, QStringLiteral("admin"), QLatin1String(ShopFixture::kAdminPassword)));
    PageWidget *page = GuiDriver::showPage(*m_window, QStringLiteral("adminOrdersPage"));
    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("exportCsv")), Qt::LeftButton);
    auto *dialog = waitForDialog<ReportExportDialog>(QStringLiteral("reportExportDialog"));
    QVERIFY(dialog);
    const QDate today = QDateTime::currentDateTimeUtc().date();
    child<QComboBox>(dialog, QStringLiteral("reportKind"))->setCurrentIndex(report);
    child<QDateEdit>(dialog, QStringLiteral("reportFrom"))->setDate(today.addDays(-1));
    child<QDateEdit>(dialog, QStringLiteral("reportTo"))->setDate(today);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("report.csv"));
    // What the save dialog's answer leads to (a native file dialog is not the app's to test).
    dialog->exportTo(file);
    auto *where = child<QLabel>(dialog, QStringLiteral("reportWhere"));
    QTRY_VERIFY2(where->text().startsWith(QStringLiteral("Written to")), qPrintable(where->text()));
    QVERIFY(where->text().contains(file));
    QVERIFY(settled());

    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray bytes = written.readAll();
    // UTF-8 with its byte-order mark, which a Korean Excel needs to read Hangul (issue 27).
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QStringList> rows = parseCsv(bytes.mid(3));
    QVERIFY(rows.size() >= 2);
    QCOMPARE(rows.first().join(QLatin1Char(',')), header);
    bool found = false;
    for (const QStringList &row : rows.mid(1)) {
        QCOMPARE(row.size(), rows.first().size());
        found = found || row.value(nameColumn) == name; // Hangul, comma and quotes intact
    }
    QVERIFY2(found, qPrintable(name));
}

// Issue 27 point 8: the orders list names the customer and shows every column at the
// default size and at the smallest window (no sideways scroll to Paid and Status); the
// product form's button keeps its whole words there.
void tst_AdminPages::ordersFitTheWindow()
{
    const ShopFixture::User shopper = m_shop.newShopper();
    const qint64 mug = m_shop.createProduct(QStringLiteral("Blue Slim Travel Mug"), 12000, 9);
    const qint64 order = placeOrder(shopper, { { mug, 2 } }, 0);
    QVERIFY(order > 0);
    QVERIFY(GuiDriver::signIn(*m_window, QStringLiteral("admin"), QString::fromLatin1(ShopFixture::kAdminPassword)));
    m_window->resize(1180, 760);
    PageWidget *orders = GuiDriver::showPage(*m_window, QStringLiteral("adminOrdersPage"));
    auto *table = child<QTableView>(orders, "orderTable");
    QVERIFY(GuiDriver::selectRowWithId(table, order));
    const int row = table->selectionModel()->selectedRows().first().row();
    QTRY_COMPARE(table->model()->index(row, 1).data().toString(), shopper.username);
    const QString items = QStringLiteral("2 \u00D7 Blue Slim Travel Mug");
    QCOMPARE(table->model()->index(row, 3).data().toString(), items);
    QVERIFY2(table->columnWidth(3) >= table->fontMetrics().horizontalAdvance(items) + 8,
             qPrintable(QString::number(table->columnWidth(3))));
    // The detail's line names the product whole (wrapped if need be, never "Blue Sli…").
    auto *lines = child<QTableView>(orders, "orderLines");
    QTRY_COMPARE(lines->model()->rowCount(), 1);
    const QRect needed = lines->fontMetrics().boundingRect(QRect(0, 0, lines->columnWidth(0) - 8, 1000),
                                                           Qt::TextWordWrap, QStringLiteral("Blue Slim Travel Mug"));
    QVERIFY2(lines->rowHeight(0) >= needed.height(), qPrintable(QString::number(lines->rowHeight(0))));

    m_window->resize(920, 600);
    QTRY_COMPARE(m_window->size(), QSize(920, 600));
    QTRY_COMPARE(table->horizontalScrollBar()->maximum(), 0);
    QVERIFY(table->viewport()->rect().contains(table->visualRect(table->model()->index(row, 6))));

    PageWidget *form = GuiDriver::showPage(*m_window, QStringLiteral("productForm"));
    QTest::mouseClick(child<QPushButton>(form, "newProduct"), Qt::LeftButton);
    auto *save = child<QPushButton>(form, "saveProduct");
    QTRY_COMPARE(save->text(), QStringLiteral("&Create product"));
    QVERIFY2(save->width() >= save->fontMetrics().horizontalAdvance(QStringLiteral("Create product")) + 28,
             qPrintable(QString::number(save->width())));
}

// "Save as" opens in the last report's folder, else Documents, never the working folder.
void tst_AdminPages::csvSaveFolder()
{
    QTemporaryDir home;
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", home.path().toLocal8Bit());
    QSettings().remove(QLatin1String(ReportExportDialog::kFolderKey));
    QCOMPARE(ReportExportDialog::saveFolder(), home.path()); // no Documents folder: home
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral("Documents")));
    QCOMPARE(ReportExportDialog::saveFolder(), home.path() + QStringLiteral("/Documents"));
    QVERIFY(QDir(home.path()).mkpath(QStringLiteral("reports/2026")));
    ReportExportDialog::rememberFolder(home.path() + QStringLiteral("/reports/2026"));
    QCOMPARE(ReportExportDialog::saveFolder(), home.path() + QStringLiteral("/reports/2026"));
    QVERIFY(QDir(home.path() + QStringLiteral("/reports/2026")).removeRecursively());
    QCOMPARE(ReportExportDialog::saveFolder(), home.path() + QStringLiteral("/Documents")); // gone: Documents
    QSettings().remove(QLatin1String(ReportExportDialog::kFolderKey));
    qputenv("HOME", oldHome);
}

QTEST_MAIN(tst_AdminPages)
#include "tst_adminpages.moc"
