#pragma once

#include <QtCore/QList>

#include "PageWidget.h"

class Card;
class FieldHint;
class QLabel;
class NumberField;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPushButton;
class RecordTableModel;
class RecordTableView;

// Admin: open coupon campaigns with their issuance, and a form for a new one. The form
// refuses what the server would (a rate over 100 %, a window that ends before it starts)
// before sending.
class CouponForm : public PageWidget
{
    Q_OBJECT
public:
    explicit CouponForm(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;

private:
    void save();
    bool validate();
    void typeChanged();
    void reviewChange();
    void retranslateUi();

    RecordTableModel *m_model;
    RecordTableView *m_table;
    QLineEdit *m_name;
    QComboBox *m_type;
    NumberField *m_value;
    NumberField *m_quantity;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_until;
    FieldHint *m_problem;
    QPushButton *m_create;
    Card *m_box;
    QList<QLabel *> m_labels; // name, type, discount, quantity, from, until
};
