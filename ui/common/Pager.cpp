#include "Pager.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>

Pager::Pager(QWidget *parent)
    : QWidget(parent), m_previous(new QPushButton(tr("\u2039 &Previous"), this)), m_label(new QLabel(this)),
      m_next(new QPushButton(tr("Ne&xt \u203A"), this))
{
    m_previous->setObjectName(QStringLiteral("previousPage"));
    m_next->setObjectName(QStringLiteral("nextPage"));
    m_label->setObjectName(QStringLiteral("pageLabel"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch();
    layout->addWidget(m_previous);
    layout->addWidget(m_label);
    layout->addWidget(m_next);
    connect(m_previous, &QPushButton::clicked, this, [this] { Q_EMIT pageRequested(m_page - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { Q_EMIT pageRequested(m_page + 1); });
    setPage(1, 1, 0);
}

void Pager::setPage(int page, int pageCount, qint64 total)
{
    m_page = page;
    m_pageCount = qMax(1, pageCount);
    m_label->setText(tr("Page %1 of %2 (%3)").arg(m_page).arg(m_pageCount).arg(total));
    m_previous->setEnabled(m_page > 1);
    m_next->setEnabled(m_page < m_pageCount);
}
