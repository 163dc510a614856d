#pragma once

#include "PageWidget.h"
#include "ShopTypes.h"

class Pager;
class QLabel;
class QPushButton;
class RecordTableModel;
class RecordTableView;

// My orders, newest first; the selected one's lines and amounts; cancel (refund).
class OrdersPage : public PageWidget
{
public:
    explicit OrdersPage(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;
    static constexpr int kPageSize = 20;

private:
    void load(int page);
    void showDetails();
    void cancel();
    void cancelConfirmed(qint64 orderId);
    const Order *selectedOrder() const;

    RecordTableModel *m_model;
    RecordTableView *m_table;
    Pager *m_pager;
    RecordTableModel *m_linesModel;
    RecordTableView *m_lines;
    QLabel *m_summary;
    QPushButton *m_cancel;
    QList<Order> m_orders;
};
