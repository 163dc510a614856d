#include "tst_screenshots.h"

#include "BackupFolder.h"
#include "GuiDriver.h"
#include "MainWindow.h"
#include "PageWidget.h"
#include "RefundDialog.h"
#include "ReportExportDialog.h"
#include "ShopClient.h"

#include <QtCore/QFile>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>

// Issue 17: the orders with a refund (and its dialog), customers, a product's stock
// ledger, the audit log and the CSV export, as an admin runs the shop.
void tst_Screenshots::runningTheShop()
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.connectTo(m_shop.baseUrl().toString());
    QVERIFY(GuiDriver::signIn(window, QStringLiteral("admin"), QString::fromLatin1(ShopFixture::kAdminPassword)));

    PageWidget *orders = GuiDriver::showPage(window, QStringLiteral("adminOrdersPage"));
    auto *table = orders->findChild<QAbstractItemView *>(QStringLiteral("orderTable"));
    QVERIFY(GuiDriver::selectRowWithId(table, m_minjiOrders[0]));
    auto *refund = orders->findChild<QPushButton *>(QStringLiteral("refundOrder"));
    QTRY_VERIFY(refund->isEnabled());
    QTest::mouseClick(refund, Qt::LeftButton);
    RefundDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<RefundDialog *>(QStringLiteral("refundDialog"))) && dialog->isVisible());
    dialog->quantityFor(m_products[4])->setValue(1);
    compose(dialog->findChild<QLineEdit *>(QStringLiteral("refundReason")), QStringLiteral("색상이 달라서 반품"));
    save(dialog, QStringLiteral("admin-refund-dialog"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("refundSubmit")), Qt::LeftButton);
    QVERIFY(GuiDriver::answerConfirmation(&window, QStringLiteral("confirmRefund"), QStringLiteral("confirm")));
    QTRY_COMPARE(orders->findChild<QAbstractItemView *>(QStringLiteral("orderRefunds"))->model()->rowCount(), 1);
    // At the window's default size and at its smallest (issue 27 point 8): names, items,
    // Paid and Status without a horizontal scroll, the details under the list.
    window.resize(1180, 760);
    QTRY_COMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("minji"));
    save(&window, QStringLiteral("admin-orders"));
    window.resize(window.minimumSize());
    QTRY_COMPARE(window.size(), window.minimumSize());
    save(&window, QStringLiteral("admin-orders-small"));
    window.resize(1280, 800);

    QTest::mouseClick(orders->findChild<QPushButton *>(QStringLiteral("exportCsv")), Qt::LeftButton);
    ReportExportDialog *export_ = nullptr;
    QTRY_VERIFY((export_ = window.findChild<ReportExportDialog *>(QStringLiteral("reportExportDialog"))) && export_->isVisible());
    export_->findChild<QComboBox *>(QStringLiteral("reportKind"))->setCurrentIndex(1);
    const QString csv = m_out.filePath(QStringLiteral("../sales-by-product.csv"));
    export_->exportTo(csv);
    QTRY_VERIFY(export_->findChild<QLabel *>(QStringLiteral("reportWhere"))->text().startsWith(QStringLiteral("Written")));
    save(export_, QStringLiteral("admin-export-csv"));
    QFile::remove(csv);
    export_->close();

    PageWidget *customers = GuiDriver::showPage(window, QStringLiteral("customersPage"));
    QTest::keyClicks(customers->findChild<QLineEdit *>(QStringLiteral("customerSearch")), QStringLiteral("min"));
    auto *people = customers->findChild<QAbstractItemView *>(QStringLiteral("customerTable"));
    QVERIFY(GuiDriver::selectRowWithId(people, m_minji.id));
    QTRY_VERIFY(customers->findChild<QAbstractItemView *>(QStringLiteral("customerOrders"))->model()->rowCount() == 3);
    save(&window, QStringLiteral("admin-customers"));

    PageWidget *products = GuiDriver::showPage(window, QStringLiteral("productForm"));
    auto *adminTable = products->findChild<QAbstractItemView *>(QStringLiteral("adminProductTable"));
    QVERIFY(GuiDriver::selectRowWithId(adminTable, m_products[0]));
    auto *openStock = products->findChild<QPushButton *>(QStringLiteral("productStockHistory"));
    QTRY_VERIFY(openStock->isEnabled());
    QTest::mouseClick(openStock, Qt::LeftButton);
    QDialog *stock = nullptr;
    QTRY_VERIFY((stock = window.findChild<QDialog *>(QStringLiteral("stockDialog"))) && stock->isVisible());
    auto *history = stock->findChild<QAbstractItemView *>(QStringLiteral("stockHistory"));
    QTRY_VERIFY(history->model()->rowCount() > 1);
    const int before = history->model()->rowCount();
    GuiDriver::retype(stock->findChild<QWidget *>(QStringLiteral("stockUnits")), QStringLiteral("12"));
    compose(stock->findChild<QLineEdit *>(QStringLiteral("stockReason")), QStringLiteral("12월 입고분"));
    QTest::mouseClick(stock->findChild<QPushButton *>(QStringLiteral("stockApply")), Qt::LeftButton);
    QTRY_VERIFY(history->model()->rowCount() > before || history->model()->rowCount() == 15);
    QTRY_VERIFY(history->model()->index(0, 3).data().toString().contains(QStringLiteral("12월")));
    save(stock, QStringLiteral("admin-stock-history"));
    stock->close();

    PageWidget *audit = GuiDriver::showPage(window, QStringLiteral("auditPage"));
    auto *entries = audit->findChild<QAbstractItemView *>(QStringLiteral("auditTable"));
    QTRY_VERIFY(entries->model()->rowCount() > 3);
    QTRY_VERIFY(!audit->findChild<QLabel *>(QStringLiteral("auditChange"))->text().startsWith(QStringLiteral("Select")));
    save(&window, QStringLiteral("admin-audit"));
}


// Issue 25: the Backups page of the app's own shop, after two backups of the demo shop,
// the newer one selected with its restore command.
void tst_Screenshots::backups()
{
    BackupFolder::setOwnShop(m_backups.filePath(QStringLiteral("storefront/backups")),
                             m_backups.filePath(QStringLiteral("storefront/stack")));
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.connectTo(m_shop.baseUrl().toString());
    QVERIFY(GuiDriver::signIn(window, QStringLiteral("admin"), QString::fromLatin1(ShopFixture::kAdminPassword)));
    PageWidget *page = GuiDriver::showPage(window, QStringLiteral("backupsPage"));
    auto *table = page->findChild<QAbstractItemView *>(QStringLiteral("backupTable"));
    auto *backUp = page->findChild<QPushButton *>(QStringLiteral("backupNow"));
    auto *progress = page->findChild<QProgressBar *>(QStringLiteral("backupProgress"));
    for (int taken = 1; taken <= 2; ++taken) {
        QTRY_VERIFY(backUp->isEnabled());
        QTest::mouseClick(backUp, Qt::LeftButton);
        QTRY_VERIFY(progress->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!progress->isVisible(), 180000);
        QTRY_COMPARE(table->model()->rowCount(), taken);
    }
    QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("\u2714 Verified"));
    QVERIFY(GuiDriver::selectRowWithId(table, idAt(table, 0)));
    save(&window, QStringLiteral("admin-backups"));
    BackupFolder::setOwnShop(QString(), QString());
}
