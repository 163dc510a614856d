#pragma once

#include "PageWidget.h"
#include "ShopTypes.h"

class AccountClient;
class OrderDetails;
class OrderReturnsView;
class Pager;
class QPushButton;
class RecordTableModel;
class RecordTableView;

// My orders, newest first, with what was refunded of each; the selected one's lines,
// amounts and refunds; cancel (what is left goes back to the wallet).
class OrdersPage : public PageWidget
{
    Q_OBJECT
public:
    explicit OrdersPage(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;
    static constexpr int kPageSize = 20;

private:
    void load(int page);
    void loadDetail();
    void showDetails();
    void cancel();
    void cancelConfirmed(qint64 orderId);
    void retranslateUi();
    const Order *selectedOrder() const;

    AccountClient *m_account;
    RecordTableModel *m_model;
    RecordTableView *m_table;
    Pager *m_pager;
    OrderDetails *m_details;
    OrderReturnsView *m_returns = nullptr;
    QPushButton *m_cancel;
    QList<Order> m_orders;
    Order m_detail; // the selected order's single-order answer (with refunds)
};
