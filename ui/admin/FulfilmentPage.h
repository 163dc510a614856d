#pragma once

#include "PageWidget.h"
#include "ShopTypes.h"

class OrderDetails;
class Pager;
class QLabel;
class QPushButton;
class QTabBar;
class RecordTableModel;
class RecordTableView;
class ShippingClient;

// Admin: the packing queue (API.md, Shipping). One tab per state with how many orders
// wait in it, oldest paid first; several orders selected and marked packed at once, one
// packed order shipped with its carrier and tracking number (ShipDialog), shipped ones
// (and packed pickups, handed over) marked delivered. The selected order's details,
// address and timeline beside the list.
class FulfilmentPage : public PageWidget
{
    Q_OBJECT
public:
    explicit FulfilmentPage(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;
    static constexpr int kPageSize = 50;
    // The states of the tabs, in order.
    static const QStringList &states();

private:
    void load(int page);
    QString state() const;
    QList<Order> selectedOrders() const;
    void showButtons();
    void showDetail();
    // Moves every order of `orders` to `status`, one after another; then says what
    // happened and reloads.
    void moveAll(QList<Order> orders, const QString &status, int moved, QStringList refused);
    void openShip();
    void retranslateUi();

    ShippingClient *m_shipping;
    QTabBar *m_tabs;
    QLabel *m_oldest;
    RecordTableModel *m_model;
    RecordTableView *m_table;
    Pager *m_pager;
    OrderDetails *m_details;
    QPushButton *m_pack;
    QPushButton *m_ship;
    QPushButton *m_deliver;
    QList<Order> m_orders;
    QMap<QString, qint64> m_counts;
    QDateTime m_oldestWaiting;
    int m_generation = 0; // answers to an older tab are dropped
    bool m_moving = false;
};
