#pragma once

#include "PageWidget.h"

class Pager;
class QLabel;
class QPushButton;
class QSpinBox;
class RecordTableModel;
class RecordTableView;

// The wallet: balance, charge it, and its history (charges, payments, refunds).
class WalletPage : public PageWidget
{
public:
    explicit WalletPage(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;
    static constexpr int kPageSize = 20;

private:
    void loadHistory(int page);
    void charge();

    QLabel *m_balance;
    QSpinBox *m_amount;
    QPushButton *m_charge;
    RecordTableModel *m_model;
    RecordTableView *m_table;
    Pager *m_pager;
};
