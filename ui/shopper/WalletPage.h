#pragma once

#include "PageWidget.h"

#include <QtCore/QList>

class NumberField;
class Pager;
class QLabel;
class QPushButton;
class RecordTableModel;
class RecordTableView;

// The wallet: balance, charge it, and its history (charges, payments, refunds).
class WalletPage : public PageWidget
{
    Q_OBJECT
public:
    explicit WalletPage(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;
    static constexpr int kPageSize = 20;

private:
    void loadHistory(int page);
    void charge();
    void chargeConfirmed(qint64 amount);
    void limitToCeiling();
    void retranslateUi();

    QLabel *m_balance;
    NumberField *m_amount;
    QPushButton *m_charge;
    RecordTableModel *m_model;
    RecordTableView *m_table;
    Pager *m_pager;
    QLabel *m_caption;
    QLabel *m_amountLabel;
    QLabel *m_history;
    QList<QPushButton *> m_presets;
    qint64 m_knownBalance = -1;
    bool m_charging = false;
};
