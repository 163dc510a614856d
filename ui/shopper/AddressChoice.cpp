#include "AddressChoice.h"

#include "Retranslate.h"
#include "ShippingClient.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QStyleOptionComboBox>
#include <QtWidgets/QStylePainter>

AddressChoice::AddressChoice(ShopClient *client, QWidget *parent)
    : QComboBox(parent), m_shipping(new ShippingClient(client, this)), m_label(new QLabel(parent))
{
    setObjectName(QStringLiteral("addressChoice"));
    m_label->setBuddy(this);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(16);
    // The whole address on hover: the box is narrower than most addresses.
    connect(this, &QComboBox::currentIndexChanged, this, [this] { setToolTip(currentData(Qt::ToolTipRole).toString()); });
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void AddressChoice::retranslateUi()
{
    m_label->setText(tr("Deliver &to"));
    fill();
}

void AddressChoice::reload()
{
    m_shipping->addresses(this, [this](const Result<QList<Address>> &found) {
        if (!found)
            return; // the choice offered stays; paying says what is wrong if it is
        const bool first = !m_read;
        m_read = true;
        m_addresses = found.value();
        fill();
        // The first time the book is read, its default is the choice.
        for (const Address &a : m_addresses)
            if (first && a.isDefault)
                setCurrentIndex(findData(a.id));
    });
}

void AddressChoice::fill()
{
    const qint64 chosen = addressId();
    const QSignalBlocker quiet(this);
    clear();
    for (const Address &a : m_addresses) {
        const QString name = a.label.isEmpty() ? a.recipient : QStringLiteral("%1 (%2)").arg(a.label, a.recipient);
        addItem(QStringLiteral("%1 \u2014 %2").arg(name, a.address1), a.id);
        setItemData(count() - 1, QStringLiteral("(%1) %2 %3").arg(a.postalCode, a.address1, a.address2), Qt::ToolTipRole);
    }
    addItem(tr("Pick up in person"), qint64(0));
    int at = findData(chosen);
    // The chosen address is gone: the default, else picked up.
    for (const Address &a : m_addresses)
        if (at < 0 && a.isDefault)
            at = findData(a.id);
    setCurrentIndex(at >= 0 ? at : count() - 1);
    setToolTip(currentData(Qt::ToolTipRole).toString()); // signals are blocked here
}

qint64 AddressChoice::addressId() const
{
    return currentData().toLongLong();
}

QRect AddressChoice::textRect() const
{
    QStyleOptionComboBox option;
    initStyleOption(&option);
    return style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, this);
}

QString AddressChoice::shownText() const
{
    return fontMetrics().elidedText(currentText(), Qt::ElideRight, textRect().width());
}

void AddressChoice::paintEvent(QPaintEvent *)
{
    // A road address is longer than the box: QComboBox cut it in the middle of a
    // syllable ("테헤란ᄅ"); it ends with "…" instead.
    QStylePainter painter(this);
    QStyleOptionComboBox option;
    initStyleOption(&option);
    painter.drawComplexControl(QStyle::CC_ComboBox, option);
    option.currentText = shownText();
    painter.drawControl(QStyle::CE_ComboBoxLabel, option);
}
