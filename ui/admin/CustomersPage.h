#pragma once

#include "AdminValues.h"
#include "PageWidget.h"

#include <QtCore/QTimer>

class Card;
class Pager;
class QLabel;
class QLineEdit;
class QPushButton;
class RecordTableModel;
class RecordTableView;

// Admin: the shop's accounts, searched by the beginning of a username as it is typed
// (one request per typing pause, older answers dropped); the selected one's balance,
// latest orders and coupons; disabling or enabling it after a confirmation. A disabled
// account cannot sign in and its tokens stop working; the server's refusals (an admin
// disabling itself) are said in words.
class CustomersPage : public PageWidget
{
    Q_OBJECT
public:
    explicit CustomersPage(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;
    static constexpr int kPageSize = 20;
    static constexpr int kTypingPauseMs = 250;

private:
    void load(int page);
    void loadDetail();
    void showDetail();
    void toggleDisabled();
    void retranslateUi();

    QLineEdit *m_search;
    RecordTableModel *m_model;
    RecordTableView *m_table;
    Pager *m_pager;
    Card *m_card;
    QLabel *m_summary;
    RecordTableModel *m_ordersModel;
    RecordTableView *m_orders;
    RecordTableModel *m_couponsModel;
    RecordTableView *m_coupons;
    QPushButton *m_toggle;
    QLabel *m_ordersTitle;
    QLabel *m_couponsTitle;
    QTimer m_typing;
    CustomerDetail m_detail;
    int m_generation = 0;
};
