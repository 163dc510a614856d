#pragma once

#include "ShopTypes.h"

#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtWidgets/QDialog>

class AdminClient;
class NoticeBar;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class FieldHint;

// Refund some units of an order: a spin box per line, bounded by what is left of it,
// whether the units go back to stock, and why. The amount shown is RefundShare's (the
// rule the server refunds by), recomputed at every change; the refund is asked about
// (ConfirmDialog) before any money moves. Opened with open(): the event loop runs on.
class RefundDialog : public QDialog
{
    Q_OBJECT
public:
    RefundDialog(AdminClient *admin, const Order &order, QWidget *parent = nullptr);

    // What the chosen quantities give back, by RefundShare.
    qint64 previewAmount() const;
    QSpinBox *quantityFor(qint64 productId) const { return m_quantities.value(productId); }

Q_SIGNALS:
    // The server refunded: the order as it is now.
    void refunded(const Order &order);

private:
    QHash<qint64, qint64> chosen() const;
    void review();
    void ask();
    void send();
    void retranslateUi();

    AdminClient *m_admin;
    Order m_order;
    QHash<qint64, QSpinBox *> m_quantities;
    QHash<qint64, QLabel *> m_shares;
    NoticeBar *m_notice;
    QCheckBox *m_restock;
    QLineEdit *m_reason;
    FieldHint *m_reasonHint;
    QLabel *m_preview;
    QPushButton *m_submit;
    QLabel *m_intro;
    QList<QLabel *> m_headings; // product, bought, refund units, gives back
    QHash<qint64, QLabel *> m_bought;
    QLabel *m_reasonLabel;
    QPushButton *m_close;
    bool m_sending = false;
};
