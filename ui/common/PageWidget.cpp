#include "PageWidget.h"

#include "NoticeBar.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QVBoxLayout>

PageWidget::PageWidget(ShopClient *client, const QString &title, QWidget *parent)
    : QWidget(parent), m_client(client), m_heading(new QLabel(title, this)), m_notice(new NoticeBar(this)),
      m_body(new QWidget(this))
{
    m_heading->setObjectName(QStringLiteral("pageTitle"));
    QFont font = m_heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    m_heading->setFont(font);
    m_notice->setObjectName(QStringLiteral("notice"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 14, 18, 14);
    layout->setSpacing(10);
    layout->addWidget(m_heading);
    layout->addWidget(m_notice);
    layout->addWidget(m_body, 1);
}

void PageWidget::setTitle(const QString &title)
{
    m_heading->setText(title);
}
