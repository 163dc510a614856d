#pragma once

#include "ShopTypes.h"

#include <QtWidgets/QDialog>

class FieldHint;
class NoticeBar;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class ShippingClient;

// Ship one packed order: the carrier and the tracking number, checked as typed with the
// server's rule (8 to 20 letters or digits; spaces and hyphens a carrier prints are
// dropped, and the field says what will be sent). Opened with open().
class ShipDialog : public QDialog
{
    Q_OBJECT
public:
    ShipDialog(ShippingClient *shipping, const Order &order, QWidget *parent = nullptr);

    // What would be sent as the tracking number; empty while it is not one.
    QString trackingNumber() const;

Q_SIGNALS:
    void shipped(const Order &order);

private:
    void review();
    void ship();
    void retranslateUi();

    ShippingClient *m_shipping;
    Order m_order;
    NoticeBar *m_notice;
    QLabel *m_intro;
    QLabel *m_carrierLabel;
    QComboBox *m_carrier;
    QLabel *m_trackingLabel;
    QLineEdit *m_tracking;
    FieldHint *m_trackingHint;
    QPushButton *m_ship;
    QPushButton *m_cancel;
    bool m_sending = false;
};
