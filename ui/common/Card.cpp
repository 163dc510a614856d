#include "Card.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QVBoxLayout>

Card::Card(const QString &title, QWidget *parent) : QFrame(parent), m_title(new QLabel(title, this))
{
    setObjectName(QStringLiteral("card"));
    setFrameShape(QFrame::StyledPanel);
    m_title->setObjectName(QStringLiteral("cardTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_title->setFont(bold);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 12);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    m_content = new QVBoxLayout;
    m_content->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_content, 1);
}

void Card::setTitle(const QString &title)
{
    m_title->setText(title);
}
