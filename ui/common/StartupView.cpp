#include "StartupView.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QVBoxLayout>

StartupView::StartupView(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(tr("Starting Storefront"), this)), m_step(new QLabel(this)),
      m_busy(new QProgressBar(this)), m_details(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("startupView"));
    m_step->setObjectName(QStringLiteral("startupStep"));
    m_details->setObjectName(QStringLiteral("startupDetails"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    m_title->setFont(big);
    m_busy->setRange(0, 0);
    m_details->setReadOnly(true);
    m_details->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_title, 0, Qt::AlignHCenter);
    layout->addWidget(m_step, 0, Qt::AlignHCenter);
    layout->addWidget(m_busy);
    layout->addWidget(m_details, 1);
    layout->addStretch();
}

void StartupView::showStep(const QString &step)
{
    m_step->setText(step);
}

void StartupView::showReady(const QString &serverUrl)
{
    m_title->setText(tr("Storefront is running"));
    m_step->setText(tr("Server: %1").arg(serverUrl));
    m_busy->hide();
}

void StartupView::showFailure(const QString &message)
{
    m_title->setText(tr("Storefront could not start"));
    m_step->setText(tr("A service did not come up. Details:"));
    m_busy->hide();
    m_details->setPlainText(message);
    m_details->show();
}
