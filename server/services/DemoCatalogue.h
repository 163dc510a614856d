#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>

// What `storefront-server seed --demo` sells: a tree of categories, products with
// Korean or English names and descriptions, and a picture per product drawn with
// QPainter (no downloaded file, no font: QImage needs no QGuiApplication, text would).
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

// A JPEG of `side` × `side` pixels, colours and shapes from the item's index.
QByteArray picture(int index, int side = 480);
}
