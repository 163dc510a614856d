#include "ShippingQueueTile.h"

#include "Money.h"
#include "Retranslate.h"

#include <QtGui/QResizeEvent>
#include <QtGui/QTextDocumentFragment>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace {
const QColor kCalm(0x1a, 0x73, 0xe8);
const QColor kEmpty(0x1e, 0x8e, 0x3e);
const QColor kLate(0xf2, 0x99, 0x1c);
const QColor kUnknown(0x80, 0x86, 0x8b);
}

ShippingQueueTile::ShippingQueueTile(QWidget *parent) : QFrame(parent), m_text(new QLabel(this)), m_open(new QPushButton(this))
{
    setObjectName(QStringLiteral("shippingQueue"));
    m_text->setObjectName(QStringLiteral("shippingQueueText"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_open->setObjectName(QStringLiteral("openFulfilment"));
    m_open->setCursor(Qt::PointingHandCursor);
    auto *button = new QHBoxLayout;
    button->addWidget(m_open);
    button->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(6);
    layout->addWidget(m_text);
    layout->addLayout(button);
    connect(m_open, &QPushButton::clicked, this, &ShippingQueueTile::openRequested);
    paint(kUnknown, QString());
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void ShippingQueueTile::retranslateUi()
{
    // The counts are said again by the refresh a language change brings (DashboardPage).
    m_open->setText(tr("Open Fulfilment"));
    m_open->setAccessibleName(tr("Open the Fulfilment page"));
}

void ShippingQueueTile::paint(const QColor &color, const QString &lines)
{
    // The dashboard's other tiles' look: white, a coloured edge that says how it stands.
    setStyleSheet(QStringLiteral("ShippingQueueTile { background:white; border:1px solid #dadce0; border-left:5px solid %1;"
                                 " border-radius:6px; }")
                          .arg(color.name()));
    m_text->setText(QStringLiteral("<b>%1</b><br>%2").arg(tr("Waiting to ship"), lines));
    fitText();
}

void ShippingQueueTile::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    fitText();
}

void ShippingQueueTile::fitText()
{
    // A wrapped label tells a layout only one line's height: the dashboard squeezed the
    // tile under its text ("배송 대기 주문 456건" cut in half while the demo shop loaded).
    // Its height at its width is its minimum, and the dashboard scrolls instead.
    const int width = m_text->width() > 0 ? m_text->width() : m_text->sizeHint().width();
    m_text->setMinimumHeight(m_text->heightForWidth(width));
}

QString ShippingQueueTile::oldestAge(qint64 seconds)
{
    // Whole sentences per unit, so each language words them its own way.
    if (seconds >= 24 * 3600)
        return tr("The oldest was paid %n day(s) ago.", "", int(seconds / (24 * 3600)));
    if (seconds >= 3600)
        return tr("The oldest was paid %n hour(s) ago.", "", int(seconds / 3600));
    if (seconds >= 60)
        return tr("The oldest was paid %n minute(s) ago.", "", int(seconds / 60));
    return tr("The oldest was paid just now.");
}

void ShippingQueueTile::showQueue(qint64 toPack, qint64 packed, const QDateTime &oldestPaidAt, const QDateTime &now)
{
    const qint64 waiting = toPack + packed;
    if (waiting == 0 || !oldestPaidAt.isValid()) {
        paint(kEmpty, tr("Nothing waiting to ship."));
        return;
    }
    const qint64 age = qMax<qint64>(0, oldestPaidAt.secsTo(now));
    paint(age > kLateSeconds ? kLate : kCalm,
          QStringLiteral("<span style='font-size:14pt'>%1</span><br>%2<br>%3")
                  .arg(tr("%n order(s) waiting to ship", "", int(waiting)),
                       tr("%1 to pack, %2 packed", "orders: not yet packed, packed and not yet shipped or handed over")
                               .arg(Money::count(toPack), Money::count(packed)),
                       oldestAge(age)));
}

void ShippingQueueTile::showUnknown(const QString &why)
{
    paint(kUnknown, tr("Could not be read: %1").arg(why.toHtmlEscaped()));
}

QString ShippingQueueTile::summary() const
{
    return QTextDocumentFragment::fromHtml(m_text->text()).toPlainText();
}
