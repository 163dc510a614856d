#include "Pager.h"

#include "Money.h"
#include "Retranslate.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>

Pager::Pager(QWidget *parent)
    : QWidget(parent), m_previous(new QPushButton(this)), m_label(new QLabel(this)), m_next(new QPushButton(this))
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
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void Pager::retranslateUi()
{
    m_previous->setText(tr("\u2039 &Previous"));
    m_next->setText(tr("Ne&xt \u203A"));
    m_previous->setAccessibleName(tr("Previous page"));
    m_next->setAccessibleName(tr("Next page"));
    m_label->setText(tr("Page %1 of %2 (%3)").arg(m_page).arg(m_pageCount).arg(Money::count(m_total)));
}

void Pager::setPage(int page, int pageCount, qint64 total)
{
    m_page = page;
    m_pageCount = qMax(1, pageCount);
    m_total = total;
    retranslateUi();
    m_previous->setEnabled(m_page > 1);
    m_next->setEnabled(m_page < m_pageCount);
}
