#pragma once

#include "PageWidget.h"
#include "ShippingTypes.h"

class QPushButton;
class RecordTableModel;
class RecordTableView;
class ShippingClient;

// My addresses (API.md, Shipping): the list with the default marked, add and edit in
// an AddressDialog, delete (asked first), make one the default. The cart's checkout
// offers the same addresses.
class AddressBookPage : public PageWidget
{
    Q_OBJECT
public:
    explicit AddressBookPage(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;
    ShippingClient *shipping() const { return m_shipping; }

private:
    void show(const QList<Address> &addresses);
    const Address *selected() const;
    void edit(const Address &address);
    void askToDelete();
    void makeDefault();
    void showButtons();
    void retranslateUi();

    ShippingClient *m_shipping;
    RecordTableModel *m_model;
    RecordTableView *m_table;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_default;
    QList<Address> m_addresses;
};
