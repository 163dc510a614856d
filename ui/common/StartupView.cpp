#include "StartupView.h"

#include "Retranslate.h"

#include <QtGui/QFontDatabase>
#include <QtGui/QIcon>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace {
// MariaDB, Redis, Kafka, "services are up", schema, HTTP: the steps a start reports.
constexpr int kExpectedSteps = 6;
}

StartupView::StartupView(QWidget *parent)
    : QWidget(parent), m_logo(new QLabel(this)), m_title(new QLabel(this)),
      m_step(new QLabel(this)), m_service(new QLabel(this)), m_busy(new QProgressBar(this)), m_details(new QPlainTextEdit(this)),
      m_signIn(new QPushButton(this))
{
    setObjectName(QStringLiteral("startupView"));
    m_step->setObjectName(QStringLiteral("startupStep"));
    m_service->setObjectName(QStringLiteral("startupService"));
    m_service->setWordWrap(true);
    m_service->setAlignment(Qt::AlignCenter);
    m_service->hide();
    m_details->setObjectName(QStringLiteral("startupDetails"));
    m_signIn->setObjectName(QStringLiteral("signInAgain"));
    m_logo->setPixmap(QApplication::windowIcon().pixmap(96, 96));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_title->setFont(big);
    m_busy->setRange(0, kExpectedSteps);
    m_busy->setValue(0);
    m_busy->setTextVisible(false);
    m_busy->setFixedWidth(360);
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->hide();
    m_signIn->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 30, 40, 30);
    layout->addStretch();
    layout->addWidget(m_logo, 0, Qt::AlignHCenter);
    layout->addWidget(m_title, 0, Qt::AlignHCenter);
    layout->addWidget(m_step, 0, Qt::AlignHCenter);
    layout->addWidget(m_service, 0, Qt::AlignHCenter);
    layout->addWidget(m_busy, 0, Qt::AlignHCenter);
    layout->addWidget(m_signIn, 0, Qt::AlignHCenter);
    layout->addWidget(m_details, 1);
    layout->addStretch();
    connect(m_signIn, &QPushButton::clicked, this, &StartupView::signInRequested);
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void StartupView::retranslateUi()
{
    m_signIn->setText(tr("&Sign in\u2026"));
    m_logo->setAccessibleName(tr("Storefront"));
    m_details->setAccessibleName(tr("What the service said"));
    switch (m_state) {
    case State::Starting:
        m_title->setText(tr("Starting Storefront"));
        break;
    case State::Ready:
        m_title->setText(tr("Storefront is running"));
        m_step->setText(tr("Server: %1").arg(m_serverUrl));
        break;
    case State::Failed:
        m_title->setText(tr("Storefront could not start"));
        m_step->setText(tr("A service did not come up. What it said:"));
        break;
    }
}

void StartupView::showStep(const QString &step)
{
    m_step->setText(step);
    m_busy->setValue(qMin(++m_steps, kExpectedSteps - 1));
}

void StartupView::showReady(const QString &serverUrl)
{
    m_state = State::Ready;
    m_serverUrl = serverUrl;
    retranslateUi();
    m_busy->hide();
    m_signIn->show();
}

void StartupView::showFailure(const QString &message)
{
    m_state = State::Failed;
    retranslateUi();
    m_busy->hide();
    m_details->setPlainText(message);
    m_details->show();
}

void StartupView::showService(const QString &text)
{
    m_service->setText(text);
    m_service->show();
}
