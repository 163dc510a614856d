#pragma once

#include "ShopTypes.h"

#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

class Cart;
class NoticeBar;
class NumberField;
class QLabel;
class QListWidget;
class QPushButton;
class ShopClient;

// One product, opened from the shop: its pictures (the main one large, the others to
// pick from), name, price, stock as the server has it now (re-read every few seconds
// while shown), SKU, category, description, and a quantity to add to the cart; Back
// (or Esc) returns to the list where it was.
class ProductPage : public QWidget
{
    Q_OBJECT
public:
    ProductPage(ShopClient *client, Cart *cart, NoticeBar *notice, QWidget *parent = nullptr);
    static constexpr int kLiveStockMs = 5000;
    static constexpr int kPictureSide = 360;

    // Shows what the list knew at once, then the whole product from the server.
    void open(const Product &preview, const QString &categoryPath);
    qint64 productId() const { return m_product.id; }
    const Product &product() const { return m_product; }
    void reload();

Q_SIGNALS:
    void back();

private:
    void show(const Product &product);
    void showPicture(int index);
    void updateActions();
    void add();
    void retranslateUi();

    ShopClient *m_client;
    Cart *m_cart;
    NoticeBar *m_notice;
    QPushButton *m_back;
    QLabel *m_picture;
    QListWidget *m_strip;
    QLabel *m_name;
    QLabel *m_price;
    QLabel *m_stock;
    QLabel *m_facts;
    QLabel *m_description;
    NumberField *m_quantity;
    QLabel *m_quantityLabel;
    QPushButton *m_add;
    Product m_product;
    QString m_categoryPath;
    int m_shownPicture = 0;
    QTimer m_liveStock;
    bool m_loading = false;
};
