#pragma once

#include "PageWidget.h"

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class RecordTableModel;
class RecordTableView;

// Admin: open coupon campaigns with their issuance, and a form for a new one. The form
// refuses what the server would (a rate over 100 %, a window that ends before it starts)
// before sending.
class CouponForm : public PageWidget
{
public:
    explicit CouponForm(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;

private:
    void save();
    bool validate();
    void typeChanged();

    RecordTableModel *m_model;
    RecordTableView *m_table;
    QLineEdit *m_name;
    QComboBox *m_type;
    QSpinBox *m_value;
    QSpinBox *m_quantity;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_until;
    QLabel *m_problem;
    QPushButton *m_create;
};
