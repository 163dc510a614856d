#include "DemoShopOffer.h"

#include "CatalogueClient.h"
#include "ErrorText.h"
#include "Money.h"
#include "Retranslate.h"
#include "ShopClient.h"

#include <QtCore/QRegularExpression>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

DemoShopOffer::DemoShopOffer(ShopClient *client, QWidget *parent)
    : QFrame(parent), m_client(client), m_text(new QLabel(this)), m_load(new QPushButton(this)),
      m_progress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("demoShopOffer"));
    m_load->setObjectName(QStringLiteral("loadDemoShop"));
    m_progress->setObjectName(QStringLiteral("demoShopProgress"));
    m_text->setObjectName(QStringLiteral("demoShopText"));
    setStyleSheet(QStringLiteral("#demoShopOffer { background:#e8f0fe; border:1px solid #aecbfa; border-radius:8px; }"));
    m_text->setWordWrap(true);
    say([] {
        return tr("The shop is empty. Load the demo shop to try things out: a Korean shop with 48 categories, 240 products "
                  "with pictures, shoppers with addresses, 4 coupon campaigns, and two weeks of orders, delivered or waiting to ship.");
    });
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
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void DemoShopOffer::retranslateUi()
{
    m_load->setText(tr("&Load the demo shop"));
    m_progress->setAccessibleName(tr("Loading the demo shop"));
    m_text->setText(m_said());
}

void DemoShopOffer::say(std::function<QString()> text)
{
    m_said = std::move(text);
    m_text->setText(m_said());
}

namespace {
// The server names its step ("categories", "products", "orders", "shipping", "sales"):
// said here in words.
QString stepText(const QString &step)
{
    if (step == QLatin1String("starting"))
        return DemoShopOffer::tr("starting");
    if (step == QLatin1String("categories"))
        return DemoShopOffer::tr("categories");
    if (step == QLatin1String("products"))
        return DemoShopOffer::tr("products and pictures");
    if (step == QLatin1String("orders"))
        return DemoShopOffer::tr("two weeks of orders");
    if (step == QLatin1String("shipping"))
        return DemoShopOffer::tr("deliveries and returns");
    if (step == QLatin1String("sales"))
        return DemoShopOffer::tr("best sellers");
    return step;
}

// The server's report ("the demo shop is ready: 48 categories, 240 products, …") in the
// app's words, its numbers kept; the server's own sentence when it says something else.
QString readyText(const QString &report)
{
    static const QRegularExpression counts(QStringLiteral(
            "(\\d+) categories, (\\d+) products, (\\d+) pictures, (\\d+) coupons, (\\d+) orders over (\\d+) days"));
    const QRegularExpressionMatch m = counts.match(report);
    if (!m.hasMatch())
        return report.isEmpty() ? DemoShopOffer::tr("The demo shop is ready.") : ErrorText::sentence(report);
    return DemoShopOffer::tr("The demo shop is ready: %1 categories, %2 products, %3 pictures, %4 coupons, %5 orders "
                             "over %6 days.")
            .arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4), m.captured(5), m.captured(6));
}
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
    say([] { return tr("Starting the demo shop\u2026"); });
    m_client->catalogue()->startDemoShop(this, [this](const Result<DemoShopProgress> &answer) {
        if (!answer) {
            m_load->setEnabled(true);
            say([f = answer.failure()] { return tr("The demo shop was not loaded: %1").arg(ErrorText::describe(f)); });
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
            say([f = answer.failure()] { return tr("The demo shop's progress cannot be read: %1").arg(ErrorText::describe(f)); });
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
        say([step = progress.message] {
            return step.isEmpty() ? tr("Loading the demo shop\u2026") : tr("Loading the demo shop: %1").arg(stepText(step));
        });
        if (!m_poll.isActive())
            m_poll.start();
        return;
    }
    const bool wasRunning = m_poll.isActive();
    m_poll.stop();
    m_progress->hide();
    m_load->setEnabled(true);
    if (progress.state == QLatin1String("done") && wasRunning) {
        say([report = progress.message] { return readyText(report); });
        Q_EMIT loaded(readyText(progress.message));
    } else if (progress.state == QLatin1String("failed")) {
        say([why = progress.message] { return tr("Loading the demo shop failed: %1").arg(ErrorText::sentence(why)); });
    }
}
