#pragma once

#include "CatalogueClient.h"
#include "PageWidget.h"
#include "ShopTypes.h"

#include <QtCore/QTimer>

class Cart;
class CatalogueFilters;
class CategoryTree;
class NumberField;
class Pager;
class ProductGrid;
class ProductListModel;
class ProductPage;
class QLabel;
class QPushButton;
class QStackedWidget;
class RecordTableView;

// The catalogue: a search box that searches as you type, a category tree, price and
// stock filters and an order, the products a page at a time as a grid of cards (or a
// list) with stock as the server has it now (re-read every few seconds while shown),
// "add to cart" with a quantity, and a product's own page (double-click or Enter).
// Only the answer to the latest question is shown: a slower answer to an older one
// (a word still being typed) is dropped.
class ShopPage : public PageWidget
{
    Q_OBJECT
public:
    ShopPage(ShopClient *client, Cart *cart, QWidget *parent = nullptr);

    void refresh() override;
    static constexpr int kPageSize = 20;
    static constexpr int kLiveStockMs = 5000;

    ProductPage *productPage() const { return m_productPage; }

private:
    // Page `page` of what the filters and the category tree ask now.
    void load(int page);
    void ask(const CatalogueClient::Query &query);
    void loadCategories();
    void addSelected();
    void openSelected();
    void updateActions();
    void showLook(bool grid);
    void retranslateUi();
    QString emptyText() const;
    const Product *selectedProduct() const;
    qint64 selectedId() const;

    Cart *m_cart;
    ProductListModel *m_model;
    CatalogueFilters *m_filters;
    CategoryTree *m_categories;
    QStackedWidget *m_views;   // the catalogue or one product
    QStackedWidget *m_looks;   // grid or list
    ProductGrid *m_grid;
    RecordTableView *m_table;
    ProductPage *m_productPage;
    Pager *m_pager;
    NumberField *m_quantity;
    QLabel *m_quantityLabel;
    QPushButton *m_add;
    QPushButton *m_details;
    QTimer m_liveStock;
    CatalogueClient::Query m_shown; // what the products on screen answer
    quint64 m_asked = 0;            // the latest question's number
    bool m_loading = false;
    bool m_shownOnce = false;
};
