#pragma once

#include "ShippingTypes.h"

#include <QtWidgets/QComboBox>

class QLabel;
class ShopClient;
class ShippingClient;

// Where the cart's order goes: one of my addresses (the default chosen when the list
// is read) or "pick up in person". Reads the address book again on reload(); a choice
// made stays chosen while that address exists.
class AddressChoice : public QComboBox
{
    Q_OBJECT
public:
    AddressChoice(ShopClient *client, QWidget *parent = nullptr);

    void reload();
    // 0: picked up in person.
    qint64 addressId() const;
    // The form's label for this field (its buddy).
    QLabel *label() const { return m_label; }
    ShippingClient *shipping() const { return m_shipping; }
    // The words the closed box shows: the choice, cut with "…" where the box ends.
    QString shownText() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QRect textRect() const;
    void fill();
    void retranslateUi();

    ShippingClient *m_shipping;
    QLabel *m_label;
    QList<Address> m_addresses;
    bool m_read = false;
};
