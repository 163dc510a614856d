#pragma once

#include "PageWidget.h"
#include "ShopTypes.h"

#include <QtCore/QTimer>

class Cart;
class NumberField;
class Pager;
class QPushButton;
class RecordTableModel;
class RecordTableView;

// The catalogue a page at a time, with stock as the server has it now (re-read every
// few seconds while the page is shown), and "add to cart" with a quantity.
class ShopPage : public PageWidget
{
public:
    ShopPage(ShopClient *client, Cart *cart, QWidget *parent = nullptr);

    void refresh() override;
    static constexpr int kPageSize = 20;
    static constexpr int kLiveStockMs = 5000;

private:
    void load(int page);
    void addSelected();
    void updateActions();
    const Product *selectedProduct() const;

    Cart *m_cart;
    RecordTableModel *m_model;
    RecordTableView *m_table;
    Pager *m_pager;
    NumberField *m_quantity;
    QPushButton *m_add;
    QList<Product> m_products;
    QTimer m_liveStock;
    bool m_loading = false;
};
