#pragma once

#include "ApiValues.h"
#include "PageWidget.h"
#include "ShopTypes.h"

class Card;
class DemoShopOffer;
class PictureEditor;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class FieldHint;
class NumberField;
class Pager;
class QLineEdit;
class QPushButton;
class RecordTableModel;
class RecordTableView;

// Admin: the catalogue and a form to add a product or change the selected one: name,
// price, stock, SKU, category, description and (once it exists) its pictures. An empty
// shop offers to load the demo shop.
// The form checks what API.md requires before sending and says what is wrong under the
// field (in room kept for it, so nothing moves); a price of ₩0 is asked about first.
// The server's answer shows on top; a refused or failed save says it was not saved and
// keeps what was typed.
class ProductForm : public PageWidget
{
    Q_OBJECT
public:
    explicit ProductForm(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;
    static constexpr int kPageSize = 25;

private:
    void load(int page);
    void loadCategories();
    void loadDetails(qint64 productId);
    void edit();
    void startNew();
    void save();
    void send();
    bool validate();
    void showNameProblem(const QString &problem);
    void openStock();
    void retranslateUi();

    RecordTableModel *m_model;
    RecordTableView *m_table;
    Pager *m_pager;
    Card *m_card;
    QLineEdit *m_name;
    FieldHint *m_nameHint;
    NumberField *m_price;
    NumberField *m_stock;
    QLineEdit *m_sku;
    QComboBox *m_category;
    QPlainTextEdit *m_description;
    PictureEditor *m_pictures;
    DemoShopOffer *m_offer;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_stockButton;
    QList<QLabel *> m_labels; // the form's, in order: name, price, stock, SKU, category, description, pictures
    QList<Product> m_products;
    QList<Category> m_categories;
    qint64 m_editing = 0; // 0: a new product
    bool m_saving = false;
};
