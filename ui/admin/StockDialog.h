#pragma once

#include <QtCore/QList>

#include <QtWidgets/QDialog>

class AdminClient;
class Card;
class FieldHint;
class NoticeBar;
class NumberField;
class Pager;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class RecordTableModel;
class RecordTableView;
struct Product;

// One product's stock: its ledger (every change, newest first, paged: orders, cancels,
// refunds and adjustments with who and why) and an adjustment — units added or taken
// (a count, so no sign to get wrong) with a reason. Taking is limited to the stock
// shown; should it have gone meanwhile, OUT_OF_STOCK is said in words under the units
// (what is wrong with a field is said at the field); nothing changed then.
class StockDialog : public QDialog
{
    Q_OBJECT
public:
    StockDialog(AdminClient *admin, qint64 productId, const QString &name, qint64 stock, QWidget *parent = nullptr);

    static constexpr int kPageSize = 15;
    static constexpr qint64 kMaxAdjustment = 1000000;

Q_SIGNALS:
    // The adjustment was made: the product as it is now.
    void adjusted(const Product &product);

private:
    void load(int page);
    void apply();
    void showStock(qint64 stock);
    // Taking is capped by the stock there is: the units' range and hint say so.
    void fitRange();
    void showReasonRule();
    void retranslateUi();

    AdminClient *m_admin;
    qint64 m_productId;
    QString m_name;
    NoticeBar *m_notice;
    QLabel *m_stock;
    RecordTableModel *m_model;
    RecordTableView *m_table;
    Pager *m_pager;
    QComboBox *m_direction;
    NumberField *m_units;
    QLineEdit *m_reason;
    FieldHint *m_reasonHint;
    QPushButton *m_apply;
    Card *m_adjust;
    QList<QLabel *> m_labels; // change, units, reason
    QPushButton *m_close;
    qint64 m_stockNow = 0;
};
