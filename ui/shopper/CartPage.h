#pragma once

#include "PageWidget.h"
#include "Failure.h"
#include "ShopTypes.h"

class AddressChoice;
class Cart;
class NumberField;
class QComboBox;
class Card;
class QLabel;
class QPushButton;
class RecordTableModel;
class RecordTableView;

// The cart and checkout: lines with quantities, one of my usable coupons, and the
// total, discount and amount to pay before paying. After paying, the order or the
// exact reason it was refused.
class CartPage : public PageWidget
{
    Q_OBJECT
public:
    CartPage(ShopClient *client, Cart *cart, QWidget *parent = nullptr);

    void refresh() override;

private:
    void showCart();
    void showSummary();
    void loadCoupons();
    void loadStock();
    void showLine();
    void pay();
    void payConfirmed();
    void explainRefusal(const Failure &failure);
    const UserCoupon *chosenCoupon() const;
    void retranslateUi();
    void showCoupons();

    Cart *m_cart;
    RecordTableModel *m_model;
    RecordTableView *m_table;
    NumberField *m_quantity;
    QPushButton *m_remove;
    QComboBox *m_coupon;
    QLabel *m_total;
    QLabel *m_discount;
    QLabel *m_toPay;
    QLabel *m_balance;
    QPushButton *m_pay;
    AddressChoice *m_address = nullptr;
    Card *m_checkout;
    QLabel *m_quantityLabel;
    QLabel *m_couponLabel;
    QLabel *m_totalLabel;
    QLabel *m_discountLabel;
    QLabel *m_toPayLabel;
    QLabel *m_balanceLabel;
    QList<UserCoupon> m_coupons;
    bool m_couponsRead = false;
    qint64 m_knownBalance = -1;
    qint64 m_lineShown = 0;
    bool m_paying = false;
};
