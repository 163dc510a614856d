#pragma once

#include "ShippingTypes.h"

#include <QtWidgets/QDialog>

class FieldHint;
class NoticeBar;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class ShippingClient;

// One address, added or edited, laid out the Korean way: recipient, phone, postal code,
// road address, detail, then its name. Every field is checked as it is typed with the
// server's own rules (ShippingRules): the phone is shown as it will be stored
// (010-1234-5678), and Save waits until every field is right. Opened with open().
class AddressDialog : public QDialog
{
    Q_OBJECT
public:
    // `address.id` 0: a new address.
    AddressDialog(ShippingClient *shipping, const Address &address, QWidget *parent = nullptr);

Q_SIGNALS:
    void saved(const Address &address);

private:
    struct Field {
        QLabel *label;
        QLineEdit *edit;
        FieldHint *hint;
    };
    Field addField(const QString &name, int maxLength);
    // Judges every field; true when all are right. Problems show only in fields typed in.
    bool review();
    void save();
    void retranslateUi();

    ShippingClient *m_shipping;
    Address m_address;
    NoticeBar *m_notice;
    QList<Field> m_fields; // recipient, phone, postal code, road address, detail, label
    QCheckBox *m_default;
    QPushButton *m_save;
    QPushButton *m_cancel;
    bool m_saving = false;
};
