#include "ActivityIndicator.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>

ActivityIndicator::ActivityIndicator(QWidget *parent) : QWidget(parent), m_text(new QLabel(this)), m_bar(new QProgressBar(this))
{
    setObjectName(QStringLiteral("activityIndicator"));
    m_bar->setRange(0, 0);
    m_bar->setFixedWidth(120);
    m_bar->setMaximumHeight(14);
    m_bar->setTextVisible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addWidget(m_bar);
    setActivity(0, QString());
}

void ActivityIndicator::setActivity(int inFlight, const QString &latest)
{
    const bool busy = inFlight > 0;
    m_bar->setVisible(busy);
    m_text->setVisible(busy);
    if (busy)
        m_text->setText(inFlight > 1 ? tr("%1… (%2 requests)").arg(latest).arg(inFlight) : tr("%1…").arg(latest));
}
