#include "DemoShopOffer.h"

#include "CatalogueClient.h"
#include "ErrorText.h"
#include "Money.h"
#include "ShopClient.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

DemoShopOffer::DemoShopOffer(ShopClient *client, QWidget *parent)
    : QFrame(parent), m_client(client), m_text(new QLabel(this)), m_load(new QPushButton(tr("&Load the demo shop"), this)),
      m_progress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("demoShopOffer"));
    m_load->setObjectName(QStringLiteral("loadDemoShop"));
    m_progress->setObjectName(QStringLiteral("demoShopProgress"));
    m_text->setObjectName(QStringLiteral("demoShopText"));
    setStyleSheet(QStringLiteral("#demoShopOffer { background:#e8f0fe; border:1px solid #aecbfa; border-radius:8px; }"));
    m_text->setWordWrap(true);
    m_text->setText(tr("The shop is empty. Load the demo shop to try things out: 48 categories, 240 products with "
                       "Korean and English names and pictures, 4 coupon campaigns, and two weeks of orders."));
    m_progress->hide();
    auto *row = new QHBoxLayout;
    row->addWidget(m_progress, 1);
    row->addStretch();
    row->addWidget(m_load);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->addWidget(m_text);
    layout->addLayout(row);
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &DemoShopOffer::poll);
    connect(m_load, &QPushButton::clicked, this, &DemoShopOffer::start);
    hide();
}

void DemoShopOffer::setShopEmpty(bool empty)
{
    if (running())
        return;
    setVisible(empty);
    if (empty)
        poll(); // a load started elsewhere (another admin, another instance) shows here too
}

void DemoShopOffer::start()
{
    m_load->setEnabled(false);
    m_text->setText(tr("Starting the demo shop\u2026"));
    m_client->catalogue()->startDemoShop(this, [this](const Result<DemoShopProgress> &answer) {
        if (!answer) {
            m_load->setEnabled(true);
            m_text->setText(tr("The demo shop was not loaded: %1").arg(ErrorText::describe(answer.failure())));
            return;
        }
        show(answer.value());
    });
}

void DemoShopOffer::poll()
{
    if (m_polling)
        return;
    m_polling = true;
    m_client->catalogue()->demoShopProgress(this, [this](const Result<DemoShopProgress> &answer) {
        m_polling = false;
        if (!answer) {
            m_poll.stop();
            m_load->setEnabled(true);
            m_progress->hide();
            m_text->setText(tr("The demo shop's progress cannot be read: %1").arg(ErrorText::describe(answer.failure())));
            return;
        }
        show(answer.value());
    });
}

void DemoShopOffer::show(const DemoShopProgress &progress)
{
    if (progress.running()) {
        setVisible(true);
        m_load->setEnabled(false);
        m_progress->show();
        m_progress->setMaximum(int(qMax<qint64>(1, progress.total)));
        m_progress->setValue(int(qMin(progress.done, progress.total)));
        m_text->setText(progress.message.isEmpty() ? tr("Loading the demo shop\u2026")
                                                   : tr("Loading the demo shop: %1").arg(progress.message));
        if (!m_poll.isActive())
            m_poll.start();
        return;
    }
    const bool wasRunning = m_poll.isActive();
    m_poll.stop();
    m_progress->hide();
    m_load->setEnabled(true);
    if (progress.state == QLatin1String("done") && wasRunning) {
        const QString report = progress.message.isEmpty() ? tr("The demo shop is ready.")
                                                          : ErrorText::sentence(progress.message);
        m_text->setText(report);
        Q_EMIT loaded(report);
    } else if (progress.state == QLatin1String("failed")) {
        m_text->setText(tr("Loading the demo shop failed: %1").arg(ErrorText::sentence(progress.message)));
    }
}
