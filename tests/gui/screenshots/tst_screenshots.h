#pragma once

#include "GuiDriver.h"
#include "ShopFixture.h"

#include <QtCore/QDir>
#include <QtCore/QObject>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QApplication>

#include "RecordTableModel.h"

// Renders every page of the app, filled from a real server with the demo shop (loaded
// through the offer on the dashboard of the empty shop, as a person would), into PNGs:
// $STOREFRONT_SCREENSHOTS_DIR when set (docs/screenshots for the README), otherwise
// screenshots/ in the working folder. Also a check that every page renders with data.
class tst_Screenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void startupAndSignIn();
    void demoShopFromTheEmptyShop();
    void shopperPages();
    void adminPages();
    void runningTheShop();
    void backups();
    void koreanPages();
    void ownerSetupOfANewShop();

private:
    void seedShop();
    qint64 order(const ShopFixture::User &user, const QList<QPair<qint64, int>> &lines, qint64 userCouponId = 0);
    qint64 claim(const ShopFixture::User &user, qint64 couponId);
    void save(QWidget *widget, const QString &name);
    // Every card of the grid shows its picture (no placeholder in a picture).
    static bool picturesShown(QAbstractItemView *view);
    static void compose(QWidget *field, const QString &text) { GuiDriver::compose(field, text); }
    static qint64 idAt(QAbstractItemView *view, int row)
    {
        if (!QTest::qWaitFor([&] { return view->model()->rowCount() > row; }, 10000))
            return 0;
        return view->model()->index(row, 0).data(RecordTableModel::kIdRole).toLongLong();
    }

    ShopFixture m_shop;
    QDir m_out;
    ShopFixture::User m_minji;
    QList<qint64> m_products;
    QList<qint64> m_coupons;
    QList<qint64> m_minjiOrders;
    QTemporaryDir m_backups; // the shop's backup-dir is <it>/storefront/backups
};
