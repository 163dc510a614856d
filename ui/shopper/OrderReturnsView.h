#pragma once

#include "ProductReturn.h"

#include <QtWidgets/QWidget>

#include <optional>

class NoticeBar;
class QLabel;
class QPushButton;
class ShippingClient;
class ShopClient;

// Under a delivered order of mine: its returns and their state, and "Return items…"
// while the 14 days last and some units can still be asked back (ReturnDialog).
class OrderReturnsView : public QWidget
{
    Q_OBJECT
public:
    OrderReturnsView(ShopClient *client, NoticeBar *notice, QWidget *parent = nullptr);

    // Null: nothing selected. Reads my returns again for a delivered order.
    void setOrder(const Order *order);

private:
    void load();
    void show();
    QHash<qint64, qint64> askedBack() const;
    void openDialog();
    void retranslateUi();

    ShippingClient *m_shipping;
    NoticeBar *m_notice;
    QLabel *m_state;
    QPushButton *m_ask;
    std::optional<Order> m_order;
    QList<ProductReturn> m_returns; // of the order shown
};
