#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

// What `storefront-server seed --demo` and the app's demo-shop offer sell: a tree of
// categories, products and coupons of one Korean shop (Korean names, brand and model
// words in English where a Korean shop writes them so: "JBL 블루투스 스피커 Pro"), and
// a picture per product drawn with QPainter (no downloaded file, no font: QImage needs no QGuiApplication, text would).
// Deterministic: the same index gives the same product on every run.
namespace DemoCatalogue {
struct Category {
    QString name;
    QList<QString> children;
};
// 12 top-level categories, 3 under each.
QList<Category> categories();

struct Item {
    QString name;
    QString description;
    QString sku;
    qint64 price = 0;
    qint64 stock = 0;
    int category = 0; // index into categories()
    int child = 0; // index into that category's children
};
Item item(int index);

struct CouponOffer {
    QString name;
    bool rate = false; // RATE (percent off) or FIXED (won off)
    qint64 value = 0;
    qint64 quantity = 0;
    int validDays = 30;
};
// The demo shop's first-come coupons (4).
QList<CouponOffer> coupons();

struct Address {
    QString label;
    QString recipient;
    QString phone; // 010-xxxx-xxxx
    QString postalCode; // 5 digits
    QString address1; // road address
    QString address2; // detail
};
// Shopper `index`'s address book: home first (the default), some have a second one.
QList<Address> addresses(int index);

// A JPEG of `side` × `side` pixels, colours and shapes from the item's index.
QByteArray picture(int index, int side = 480);
}
