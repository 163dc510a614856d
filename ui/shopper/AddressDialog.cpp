#include "AddressDialog.h"

#include "ErrorText.h"
#include "FieldHint.h"
#include "NoticeBar.h"
#include "Retranslate.h"
#include "ShippingClient.h"
#include "ShippingRules.h"

#include <QtWidgets/QCheckBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace {
enum FieldIndex { Recipient, Phone, PostalCode, Road, Detail, Label };
}

AddressDialog::AddressDialog(ShippingClient *shipping, const Address &address, QWidget *parent)
    : QDialog(parent), m_shipping(shipping), m_address(address), m_notice(new NoticeBar(this)), m_default(new QCheckBox(this)),
      m_save(new QPushButton(this)), m_cancel(nullptr)
{
    setObjectName(QStringLiteral("addressDialog"));
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    auto *form = new QFormLayout;
    // The Korean order: who, how to reach them, then the address from coarse to fine.
    const struct {
        const char *name;
        int maxLength;
        QString value;
    } fields[] = {
        { "addressRecipient", ShippingRules::kMaxRecipientLength, address.recipient },
        { "addressPhone", 20, address.phone },
        { "addressPostalCode", 5, address.postalCode },
        { "addressRoad", ShippingRules::kMaxAddressLineLength, address.address1 },
        { "addressDetail", ShippingRules::kMaxAddressLineLength, address.address2 },
        { "addressLabel", ShippingRules::kMaxLabelLength, address.label },
    };
    for (const auto &f : fields) {
        Field field = addField(QString::fromLatin1(f.name), f.maxLength);
        field.edit->setText(f.value);
        auto *box = new QVBoxLayout;
        box->setSpacing(2);
        box->addWidget(field.edit);
        box->addWidget(field.hint);
        form->addRow(field.label, box);
    }
    m_fields[PostalCode].edit->setMaximumWidth(120);
    m_default->setObjectName(QStringLiteral("addressDefault"));
    m_default->setChecked(address.isDefault);
    m_default->setEnabled(!address.isDefault); // the default moves by choosing another
    form->addRow(QString(), m_default);
    m_save->setObjectName(QStringLiteral("saveAddress"));
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelAddress"));
    connect(m_save, &QPushButton::clicked, this, &AddressDialog::save);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    for (const Field &field : m_fields)
        connect(field.edit, &QLineEdit::textEdited, this, [this, edit = field.edit] {
            edit->setProperty("typed", true);
            review();
        });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    layout->addWidget(buttons);
    Retranslate::follow(this, [this] { retranslateUi(); });
    resize(520, sizeHint().height());
}

AddressDialog::Field AddressDialog::addField(const QString &name, int maxLength)
{
    Field field { new QLabel(this), new QLineEdit(this), new FieldHint(this) };
    field.edit->setObjectName(name);
    field.edit->setMaxLength(maxLength);
    field.hint->setObjectName(name + QStringLiteral("Hint"));
    field.label->setBuddy(field.edit);
    m_fields.append(field);
    return field;
}

void AddressDialog::retranslateUi()
{
    setWindowTitle(m_address.id > 0 ? tr("Edit address") : tr("New address"));
    const QString labels[] = { tr("&Recipient"), tr("&Phone"), tr("Pos&tal code"), tr("R&oad address"), tr("&Detail"),
                               tr("&Name") };
    for (int i = 0; i < m_fields.size(); ++i)
        m_fields[i].label->setText(labels[i]);
    m_fields[Recipient].edit->setPlaceholderText(tr("Who receives the parcel"));
    m_fields[Phone].edit->setPlaceholderText(tr("010-1234-5678"));
    m_fields[PostalCode].edit->setPlaceholderText(tr("5 digits"));
    m_fields[Road].edit->setPlaceholderText(tr("Road name and building number"));
    m_fields[Detail].edit->setPlaceholderText(tr("Building, floor, unit (optional)"));
    m_fields[Label].edit->setPlaceholderText(tr("Home, office… (optional)"));
    m_default->setText(tr("Deliver here &by default"));
    m_save->setText(m_address.id > 0 ? tr("&Save") : tr("&Add address"));
    m_cancel->setText(tr("Cancel"));
    review();
}

bool AddressDialog::review()
{
    QString problems[6];
    const QString recipient = m_fields[Recipient].edit->text().trimmed();
    if (recipient.isEmpty())
        problems[Recipient] = tr("Write who receives the parcel.");
    const QString phone = ShippingRules::normalizedPhone(m_fields[Phone].edit->text());
    if (phone.isEmpty())
        problems[Phone] = tr("A Korean number, such as 010-1234-5678 or 02-123-4567.");
    if (!ShippingRules::isPostalCode(m_fields[PostalCode].edit->text().trimmed()))
        problems[PostalCode] = tr("The postal code has 5 digits.");
    if (m_fields[Road].edit->text().trimmed().isEmpty())
        problems[Road] = tr("Write the road address.");
    bool ok = true;
    for (int i = 0; i < m_fields.size(); ++i) {
        const Field &field = m_fields.at(i);
        ok = ok && problems[i].isEmpty();
        // A field not typed in yet is not scolded: it says what it takes.
        if (!problems[i].isEmpty() && field.edit->property("typed").toBool())
            field.hint->showProblem(problems[i]);
        else if (i == Phone && !phone.isEmpty())
            field.hint->showHint(tr("Saved as %1").arg(phone));
        else
            field.hint->clear();
    }
    m_save->setEnabled(ok && !m_saving);
    return ok;
}

void AddressDialog::save()
{
    for (Field &field : m_fields)
        field.edit->setProperty("typed", true);
    if (!review() || m_saving)
        return;
    Address address = m_address;
    address.recipient = m_fields[Recipient].edit->text().trimmed();
    address.phone = ShippingRules::normalizedPhone(m_fields[Phone].edit->text());
    address.postalCode = m_fields[PostalCode].edit->text().trimmed();
    address.address1 = m_fields[Road].edit->text().trimmed();
    address.address2 = m_fields[Detail].edit->text().trimmed();
    address.label = m_fields[Label].edit->text().trimmed();
    const bool makeDefault = m_default->isChecked() && !m_address.isDefault;
    m_saving = true;
    review();
    const auto done = [this](const Result<Address> &saved) {
        m_saving = false;
        if (!saved) {
            m_notice->showError(ErrorText::describe(saved.failure()));
            review();
            return;
        }
        Q_EMIT this->saved(saved.value());
        accept();
    };
    if (address.id > 0)
        m_shipping->updateAddress(address, makeDefault, this, done);
    else
        m_shipping->addAddress(address, makeDefault, this, done);
}
