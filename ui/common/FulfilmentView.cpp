#include "FulfilmentView.h"

#include "FulfilmentText.h"
#include "Money.h"
#include "Retranslate.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QVBoxLayout>

FulfilmentView::FulfilmentView(QWidget *parent)
    : QWidget(parent), m_addressTitle(new QLabel(this)), m_address(new QLabel(this)), m_timeline(new QLabel(this)),
      m_tracking(new QLabel(this))
{
    setObjectName(QStringLiteral("fulfilmentView"));
    m_address->setObjectName(QStringLiteral("shippingAddress"));
    m_timeline->setObjectName(QStringLiteral("fulfilmentTimeline"));
    m_tracking->setObjectName(QStringLiteral("trackingNumber"));
    m_address->setWordWrap(true);
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timeline->setWordWrap(true);
    m_timeline->setTextFormat(Qt::RichText);
    m_tracking->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_addressTitle);
    layout->addWidget(m_address);
    layout->addWidget(m_timeline);
    layout->addWidget(m_tracking);
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void FulfilmentView::setOrder(const Order *order)
{
    m_order = order ? std::optional<Order>(*order) : std::nullopt;
    retranslateUi();
}

void FulfilmentView::retranslateUi()
{
    setVisible(m_order.has_value());
    if (!m_order)
        return;
    const Order &o = *m_order;
    const bool pickup = !o.shipping.has_value();
    m_addressTitle->setText(pickup ? tr("<b>Picked up in person</b>") : tr("<b>Ship to</b>"));
    m_address->setVisible(!pickup);
    if (!pickup)
        m_address->setText(FulfilmentText::addressLines(o.shipping->recipient, o.shipping->phone, o.shipping->postalCode,
                                                        o.shipping->address1, o.shipping->address2));

    // The steps in order, each done (with its time) or still to come.
    const Fulfilment &f = o.fulfilment;
    struct Step {
        QString name;
        QDateTime at;
    };
    QList<Step> steps { { tr("Paid"), o.paidAt }, { tr("Packed"), f.packedAt } };
    if (!pickup)
        steps.append({ tr("Shipped"), f.shippedAt });
    steps.append({ pickup ? tr("Handed over") : tr("Delivered"), f.deliveredAt });
    QStringList shown;
    for (const Step &step : steps)
        shown << (step.at.isValid() ? tr("✓ %1 %2").arg(step.name, Money::dateTime(step.at))
                                    : tr("<span style=\"color:#888\">○ %1</span>").arg(step.name));
    QString text = shown.join(QStringLiteral(" \u2192 "));
    if (f.status == QLatin1String("CANCELLED"))
        text = tr("<b>%1</b>").arg(FulfilmentText::status(f.status, pickup));
    m_timeline->setText(text);
    m_tracking->setVisible(!f.trackingNumber.isEmpty());
    m_tracking->setText(tr("%1, tracking number %2").arg(FulfilmentText::carrier(f.carrier), f.trackingNumber));
}
