#include "ShipDialog.h"

#include "ErrorText.h"
#include "FieldHint.h"
#include "FulfilmentText.h"
#include "NoticeBar.h"
#include "Retranslate.h"
#include "ShippingClient.h"
#include "ShippingRules.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

ShipDialog::ShipDialog(ShippingClient *shipping, const Order &order, QWidget *parent)
    : QDialog(parent), m_shipping(shipping), m_order(order), m_notice(new NoticeBar(this)), m_intro(new QLabel(this)),
      m_carrierLabel(new QLabel(this)), m_carrier(new QComboBox(this)), m_trackingLabel(new QLabel(this)),
      m_tracking(new QLineEdit(this)), m_trackingHint(new FieldHint(this)), m_ship(new QPushButton(this)), m_cancel(nullptr)
{
    setObjectName(QStringLiteral("shipDialog"));
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    m_carrier->setObjectName(QStringLiteral("carrierChoice"));
    m_tracking->setObjectName(QStringLiteral("trackingNumberField"));
    m_trackingHint->setObjectName(QStringLiteral("trackingNumberHint"));
    m_ship->setObjectName(QStringLiteral("shipSubmit"));
    m_intro->setWordWrap(true);
    m_tracking->setMaxLength(40); // room for the spaces and hyphens a label prints
    for (const QString &code : ShippingRules::carriers())
        m_carrier->addItem(QString(), code);
    m_carrierLabel->setBuddy(m_carrier);
    m_trackingLabel->setBuddy(m_tracking);
    auto *form = new QFormLayout;
    form->addRow(m_carrierLabel, m_carrier);
    auto *trackingBox = new QVBoxLayout;
    trackingBox->setSpacing(2);
    trackingBox->addWidget(m_tracking);
    trackingBox->addWidget(m_trackingHint);
    form->addRow(m_trackingLabel, trackingBox);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_ship, QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_ship, &QPushButton::clicked, this, &ShipDialog::ship);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_tracking, &QLineEdit::textEdited, this, &ShipDialog::review);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    Retranslate::follow(this, [this] { retranslateUi(); });
    resize(460, sizeHint().height());
}

void ShipDialog::retranslateUi()
{
    setWindowTitle(tr("Ship order #%1").arg(m_order.id));
    if (m_order.shipping)
        m_intro->setText(tr("To %1, (%2) %3 %4.")
                                 .arg(m_order.shipping->recipient, m_order.shipping->postalCode, m_order.shipping->address1,
                                      m_order.shipping->address2));
    for (int i = 0; i < m_carrier->count(); ++i)
        m_carrier->setItemText(i, FulfilmentText::carrier(m_carrier->itemData(i).toString()));
    m_carrierLabel->setText(tr("&Carrier"));
    m_trackingLabel->setText(tr("&Tracking number"));
    m_tracking->setPlaceholderText(tr("As printed on the label"));
    m_ship->setText(tr("&Mark shipped"));
    m_cancel->setText(tr("Cancel"));
    review();
}

QString ShipDialog::trackingNumber() const
{
    QString typed = m_tracking->text();
    typed.remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
    return ShippingRules::isTrackingNumber(typed) ? typed : QString();
}

void ShipDialog::review()
{
    const QString number = trackingNumber();
    if (m_tracking->text().isEmpty())
        m_trackingHint->showHint(tr("%1 to %2 letters or digits.").arg(ShippingRules::kMinTrackingLength).arg(ShippingRules::kMaxTrackingLength));
    else if (number.isEmpty())
        m_trackingHint->showProblem(tr("A tracking number is %1 to %2 letters or digits.")
                                            .arg(ShippingRules::kMinTrackingLength)
                                            .arg(ShippingRules::kMaxTrackingLength));
    else
        m_trackingHint->showHint(tr("Sent as %1").arg(number));
    m_ship->setEnabled(!number.isEmpty() && !m_sending);
}

void ShipDialog::ship()
{
    const QString number = trackingNumber();
    if (number.isEmpty() || m_sending)
        return;
    m_sending = true;
    review();
    m_shipping->move(m_order.id, QStringLiteral("SHIPPED"), m_carrier->currentData().toString(), number, this,
                     [this](const Result<Order> &moved) {
                         m_sending = false;
                         if (!moved) {
                             m_notice->showError(ErrorText::describe(moved.failure()));
                             review();
                             return;
                         }
                         Q_EMIT shipped(moved.value());
                         accept();
                     });
}
