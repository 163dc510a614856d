#pragma once

#include "PageWidget.h"
#include "ShopTypes.h"

class Pager;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class RecordTableModel;
class RecordTableView;

// Admin: the catalogue and a form to add a product or change the selected one.
// The form checks what API.md requires before sending, and says what is wrong next
// to the field; the server's answer (or refusal) shows on top.
class ProductForm : public PageWidget
{
public:
    explicit ProductForm(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;
    static constexpr int kPageSize = 25;

private:
    void load(int page);
    void edit();
    void startNew();
    void save();
    bool validate();

    RecordTableModel *m_model;
    RecordTableView *m_table;
    Pager *m_pager;
    QLabel *m_mode;
    QLineEdit *m_name;
    QSpinBox *m_price;
    QSpinBox *m_stock;
    QLabel *m_problem;
    QPushButton *m_new;
    QPushButton *m_save;
    QList<Product> m_products;
    qint64 m_editing = 0; // 0: a new product
};
