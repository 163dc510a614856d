#pragma once

#include "ProductReturn.h"

#include <QtCore/QHash>
#include <QtWidgets/QDialog>

class FieldHint;
class NoticeBar;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class ShippingClient;

// Ask for delivered units back (API.md, Shipping: returns): a spin box per line, up to
// what was bought less what was refunded or already asked back, and why. The shop decides
// later; the order page then shows the return's state. Opened with open().
class ReturnDialog : public QDialog
{
    Q_OBJECT
public:
    // `askedBack`: product id → units already in returns not accepted.
    ReturnDialog(ShippingClient *shipping, const Order &order, const QHash<qint64, qint64> &askedBack,
                 QWidget *parent = nullptr);

    QSpinBox *quantityFor(qint64 productId) const { return m_quantities.value(productId); }

Q_SIGNALS:
    void asked(const ProductReturn &asked);

private:
    void review();
    void send();
    void retranslateUi();

    ShippingClient *m_shipping;
    Order m_order;
    QHash<qint64, qint64> m_askedBack;
    QHash<qint64, QSpinBox *> m_quantities;
    NoticeBar *m_notice;
    QLabel *m_intro;
    QLabel *m_reasonLabel;
    QLineEdit *m_reason;
    FieldHint *m_reasonHint;
    QPushButton *m_submit;
    QPushButton *m_cancel;
    bool m_sending = false;
};
