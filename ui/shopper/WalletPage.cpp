#include "WalletPage.h"

#include "ConfirmDialog.h"
#include "ErrorText.h"
#include "Money.h"
#include "NoticeBar.h"
#include "NumberField.h"
#include "Pager.h"
#include "RecordTableModel.h"
#include "RecordTableView.h"
#include "Retranslate.h"
#include "ShopClient.h"
#include "ShopLimits.h"

#include <QtWidgets/QFrame>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

WalletPage::WalletPage(ShopClient *client, QWidget *parent)
    : PageWidget(client, QString(), parent), m_balance(new QLabel(body())),
      m_amount(new NumberField(NumberField::Unit::Won, 1, ShopLimits::kMaxChargeAmount, body())), m_charge(new QPushButton(body())),
      m_model(new RecordTableModel({ { {}, RecordTableModel::Kind::Time },
                                     { {}, RecordTableModel::Kind::Text },
                                     { {}, RecordTableModel::Kind::Money },
                                     { {}, RecordTableModel::Kind::Money },
                                     { {}, RecordTableModel::Kind::Text } },
                                   this)),
      m_table(new RecordTableView(body())), m_pager(new Pager(body())), m_caption(nullptr), m_amountLabel(nullptr),
      m_history(nullptr)
{
    setObjectName(QStringLiteral("walletPage"));
    m_balance->setObjectName(QStringLiteral("walletBalance"));
    m_amount->setObjectName(QStringLiteral("chargeAmount"));
    m_charge->setObjectName(QStringLiteral("charge"));
    m_table->setObjectName(QStringLiteral("ledgerTable"));
    QFont big = m_balance->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    m_balance->setFont(big);
    m_amount->setFixedWidth(300); // room for a refusal on two lines
    m_table->setModel(m_model);

    auto *card = new QFrame(body());
    card->setObjectName(QStringLiteral("balanceCard"));
    card->setFrameShape(QFrame::StyledPanel);
    m_caption = new QLabel(card);
    m_amountLabel = new QLabel(card);
    m_amountLabel->setBuddy(m_amount->editor());
    // The hint under the amount takes the row's second line; everything else sits on
    // the first, level with the field.
    auto *chargeRow = new QHBoxLayout;
    chargeRow->addWidget(m_amountLabel, 0, Qt::AlignTop);
    chargeRow->addWidget(m_amount, 0, Qt::AlignTop);
    for (int preset : { 10000, 50000, 100000 }) {
        auto *button = new QPushButton(card);
        button->setObjectName(QStringLiteral("preset%1").arg(preset));
        button->setProperty("won", preset);
        m_presets.append(button);
        connect(button, &QPushButton::clicked, this, [this, preset] {
            m_amount->setValue(preset);
            notice()->clearError();
        });
        chargeRow->addWidget(button, 0, Qt::AlignTop);
    }
    chargeRow->addWidget(m_charge, 0, Qt::AlignTop);
    chargeRow->addStretch();
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->addWidget(m_caption);
    cardLayout->addWidget(m_balance);
    cardLayout->addLayout(chargeRow);

    m_history = new QLabel(body());
    QFont bold = m_history->font();
    bold.setBold(true);
    m_history->setFont(bold);
    auto *layout = new QVBoxLayout(body());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(card);
    layout->addWidget(m_history);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_pager);

    connect(m_charge, &QPushButton::clicked, this, &WalletPage::charge);
    connect(m_amount, &NumberField::submitted, this, &WalletPage::charge);
    // A refusal of the last charge was about the amount then: a new amount, a new try.
    connect(m_amount, &NumberField::edited, notice(), &NoticeBar::clearError);
    connect(m_pager, &Pager::pageRequested, this, &WalletPage::loadHistory);
    connect(client, &ShopClient::balanceChanged, this, [this](qint64 balance) {
        m_balance->setText(Money::format(balance));
        m_knownBalance = balance;
        limitToCeiling();
    });
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void WalletPage::retranslateUi()
{
    setTitle(tr("Wallet"));
    m_model->setHeaders({ tr("When"), tr("What"), tr("Amount"), tr("Balance after"), tr("Order") });
    m_table->setEmptyText(tr("Nothing here yet. Charges, payments and refunds will be listed here."));
    m_table->setAccessibleName(tr("Wallet history"));
    m_caption->setText(tr("Balance"));
    m_balance->setText(m_knownBalance < 0 ? tr("\u2014") : Money::format(m_knownBalance));
    m_balance->setAccessibleName(tr("Balance"));
    m_amountLabel->setText(tr("&Amount to charge"));
    m_amount->editor()->setPlaceholderText(tr("e.g. 50,000"));
    m_charge->setText(tr("C&harge"));
    for (QPushButton *preset : std::as_const(m_presets)) {
        preset->setText(Money::format(preset->property("won").toLongLong()));
        preset->setAccessibleName(tr("Put %1 in the amount").arg(Money::format(preset->property("won").toLongLong())));
    }
    m_history->setText(tr("History"));
    limitToCeiling();
}

void WalletPage::limitToCeiling()
{
    // Per charge at most kMaxChargeAmount, and the wallet never past kMaxBalance.
    const qint64 room = ShopLimits::kMaxBalance - qMax<qint64>(0, m_knownBalance);
    if (m_knownBalance < 0 || room >= ShopLimits::kMaxChargeAmount) {
        m_amount->setRange(1, ShopLimits::kMaxChargeAmount);
        return;
    }
    m_amount->setRange(1, room,
                       room > 0 ? tr("The wallet holds at most %1: you can add up to %2 now.")
                                          .arg(Money::format(ShopLimits::kMaxBalance), Money::format(room))
                                : tr("The wallet is full: it holds at most %1.").arg(Money::format(ShopLimits::kMaxBalance)));
}

void WalletPage::refresh()
{
    client()->balance(this, [this](const Result<qint64> &balance) {
        if (!balance)
            notice()->showError(ErrorText::describe(balance.failure()), QStringLiteral("load"));
    });
    loadHistory(m_pager->page());
}

void WalletPage::loadHistory(int page)
{
    client()->balanceHistory(page, kPageSize, this, [this](const Result<Page<LedgerEntry>> &answer) {
        if (!answer) {
            notice()->showError(ErrorText::describe(answer.failure()), QStringLiteral("load"));
            return;
        }
        notice()->resolve(QStringLiteral("load"));
        QList<RecordTableModel::Row> rows;
        for (const LedgerEntry &e : answer->items) {
            const QString what = e.type == QLatin1String("CHARGE") ? tr("Charge")
                    : e.type == QLatin1String("PAYMENT")           ? tr("Payment")
                    : e.type == QLatin1String("REFUND")            ? tr("Refund")
                                                                   : e.type;
            const qint64 signedAmount = e.type == QLatin1String("PAYMENT") ? -qAbs(e.amount) : qAbs(e.amount);
            rows.append({ e.id,
                          { e.createdAt, what, signedAmount, e.balanceAfter,
                            e.orderId > 0 ? QStringLiteral("#%1").arg(e.orderId) : QString() } });
        }
        m_model->setRows(std::move(rows));
        m_pager->setPage(answer->page, answer->pageCount(), answer->total);
    });
}

void WalletPage::charge()
{
    if (m_charging)
        return;
    // What is typed is what is charged, or nothing is: the refusal shows under the field.
    if (!m_amount->check()) {
        notice()->clear();
        return;
    }
    const qint64 amount = *m_amount->value();
    // Money moves only when the person has seen the amount once more and said yes.
    const QString after = m_knownBalance < 0
            ? QString()
            : tr("The balance will then be %1.").arg(Money::format(m_knownBalance + amount));
    ConfirmDialog::ask(this, QStringLiteral("confirmCharge"), tr("Charge %1?").arg(Money::format(amount)),
                       tr("%1 will be added to the wallet.").arg(Money::format(amount))
                               + (after.isEmpty() ? QString() : QLatin1Char('\n') + after),
                       tr("C&harge %1").arg(Money::format(amount)), tr("Don't charge"),
                       [this, amount] { chargeConfirmed(amount); });
}

void WalletPage::chargeConfirmed(qint64 amount)
{
    if (m_charging)
        return;
    m_charging = true;
    m_charge->setEnabled(false);
    notice()->showInfo(tr("Charging %1\u2026").arg(Money::format(amount)));
    client()->charge(amount, this, [this, amount](const Result<qint64> &balance) {
        m_charging = false;
        m_charge->setEnabled(true);
        if (!balance) {
            notice()->showError(tr("Not charged: %1").arg(ErrorText::describe(balance.failure())));
            return;
        }
        notice()->showSuccess(tr("Charged %1. The balance is now %2.").arg(Money::format(amount), Money::format(balance.value())));
        m_amount->clear();
        loadHistory(1);
    });
}
