#include "RefundDialog.h"

#include "AdminClient.h"
#include "ConfirmDialog.h"
#include "ErrorText.h"
#include "FieldHint.h"
#include "Money.h"
#include "NoticeBar.h"
#include "RefundShare.h"
#include "Retranslate.h"

#include <QtWidgets/QCheckBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

namespace {
constexpr int kMaxReasonLength = 200; // API.md: reason 1..200 characters
}

RefundDialog::RefundDialog(AdminClient *admin, const Order &order, QWidget *parent)
    : QDialog(parent), m_admin(admin), m_order(order), m_notice(new NoticeBar(this)),
      m_restock(new QCheckBox(this)), m_reason(new QLineEdit(this)), m_reasonHint(new FieldHint(this)),
      m_preview(new QLabel(this)), m_submit(new QPushButton(this)), m_intro(new QLabel(this)),
      m_reasonLabel(new QLabel(this)), m_close(nullptr)
{
    setObjectName(QStringLiteral("refundDialog"));
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    m_restock->setObjectName(QStringLiteral("refundRestock"));
    m_reason->setObjectName(QStringLiteral("refundReason"));
    m_preview->setObjectName(QStringLiteral("refundPreview"));
    m_submit->setObjectName(QStringLiteral("refundSubmit"));
    m_notice->setObjectName(QStringLiteral("notice"));
    m_restock->setChecked(true);
    m_reason->setMaxLength(kMaxReasonLength);
    m_preview->setWordWrap(true);
    m_intro->setWordWrap(true);

    // One row per line: name, what is left of it, the units to refund, their share.
    auto *lines = new QWidget;
    auto *grid = new QGridLayout(lines);
    for (int column = 0; column < 4; ++column) {
        m_headings.append(new QLabel);
        grid->addWidget(m_headings.constLast(), 0, column, column % 2 ? Qt::Alignment(Qt::AlignRight) : Qt::Alignment());
    }
    int row = 1;
    for (const OrderLine &line : order.items) {
        const qint64 left = line.quantity - line.refundedQuantity;
        auto *name = new QLabel(line.name);
        name->setToolTip(line.name);
        auto *bought = new QLabel;
        m_bought.insert(line.productId, bought);
        auto *quantity = new QSpinBox;
        quantity->setObjectName(QStringLiteral("refundQuantity_%1").arg(line.productId));
        quantity->setRange(0, int(left));
        quantity->setEnabled(left > 0);
        quantity->setMinimumWidth(110);
        auto *share = new QLabel;
        grid->addWidget(name, row, 0);
        grid->addWidget(bought, row, 1, Qt::AlignRight);
        grid->addWidget(quantity, row, 2);
        grid->addWidget(share, row, 3, Qt::AlignRight);
        m_quantities.insert(line.productId, quantity);
        m_shares.insert(line.productId, share);
        connect(quantity, &QSpinBox::valueChanged, this, &RefundDialog::review);
        ++row;
    }
    grid->setColumnStretch(0, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(lines);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumHeight(qMin(60 + 36 * int(order.items.size()), 300));

    auto *form = new QFormLayout;
    auto *reasonBox = new QVBoxLayout;
    reasonBox->setSpacing(2);
    reasonBox->addWidget(m_reason);
    reasonBox->addWidget(m_reasonHint);
    m_reasonLabel->setBuddy(m_reason);
    form->addRow(m_reasonLabel, reasonBox);
    form->addRow(QString(), m_restock);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_submit, QDialogButtonBox::AcceptRole);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("refundClose"));
    connect(m_submit, &QPushButton::clicked, this, &RefundDialog::ask);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_reason, &QLineEdit::textEdited, this, &RefundDialog::review);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addWidget(m_intro);
    layout->addWidget(scroll, 1);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(buttons);
    Retranslate::follow(this, [this] { retranslateUi(); });
    resize(640, sizeHint().height());
}

void RefundDialog::retranslateUi()
{
    setWindowTitle(tr("Refund from order #%1").arg(m_order.id));
    m_intro->setText(tr("Order #%1 of customer #%2: paid %3 for %4, refunded so far %5.")
                             .arg(m_order.id)
                             .arg(m_order.userId)
                             .arg(Money::format(m_order.paidAmount), Money::format(m_order.totalAmount),
                                  Money::format(m_order.refundedAmount)));
    const QString headings[] = { tr("<b>Product</b>"), tr("<b>Bought</b>"), tr("<b>Refund units</b>"),
                                 tr("<b>Gives back</b>") };
    for (int i = 0; i < m_headings.size(); ++i)
        m_headings[i]->setText(headings[i]);
    for (const OrderLine &line : m_order.items) {
        const qint64 left = line.quantity - line.refundedQuantity;
        m_bought.value(line.productId)
                ->setText(line.refundedQuantity > 0
                                  ? tr("%1 (%2 refunded)").arg(Money::count(line.quantity), Money::count(line.refundedQuantity))
                                  : Money::count(line.quantity));
        QSpinBox *quantity = m_quantities.value(line.productId);
        quantity->setSuffix(tr(" of %1").arg(left));
        quantity->setAccessibleName(tr("Units of %1 to refund").arg(line.name));
    }
    m_restock->setText(tr("Put the units back in &stock"));
    m_reason->setPlaceholderText(tr("Why, in a few words (the customer sees it in the order's details)"));
    m_reasonLabel->setText(tr("&Reason"));
    m_close->setText(tr("Close"));
    review();
}

QHash<qint64, qint64> RefundDialog::chosen() const
{
    QHash<qint64, qint64> out;
    for (auto it = m_quantities.cbegin(); it != m_quantities.cend(); ++it) {
        if (it.value()->value() > 0)
            out.insert(it.key(), it.value()->value());
    }
    return out;
}

qint64 RefundDialog::previewAmount() const
{
    return RefundShare::amount(m_order, chosen());
}

void RefundDialog::review()
{
    const QHash<qint64, qint64> quantities = chosen();
    for (const OrderLine &line : m_order.items) {
        const qint64 units = quantities.value(line.productId);
        // A line's own share; the last refund's rest shows only in the total.
        m_shares.value(line.productId)
                ->setText(units > 0 ? Money::format(RefundShare::lineShare(m_order.paidAmount, m_order.totalAmount,
                                                                            line.unitPrice, units))
                                    : QStringLiteral("\u2014"));
    }
    const qint64 amount = previewAmount();
    const bool everything = !quantities.isEmpty() && RefundShare::refundsEverything(m_order, quantities);
    if (quantities.isEmpty())
        m_preview->setText(tr("Choose the units to refund."));
    else
        m_preview->setText(everything ? tr("<b>%1 goes back to the customer's wallet.</b> Every unit is then refunded: "
                                           "the order becomes Refunded.")
                                                .arg(Money::format(amount))
                                      : tr("<b>%1 goes back to the customer's wallet.</b> The order becomes "
                                           "Partially refunded.")
                                                .arg(Money::format(amount)));
    const QString reason = m_reason->text().trimmed();
    if (reason.isEmpty())
        m_reasonHint->showHint(tr("Required, up to %1 characters.").arg(kMaxReasonLength));
    else
        m_reasonHint->clear();
    m_submit->setText(quantities.isEmpty() ? tr("Refund\u2026") : tr("Refund %1\u2026").arg(Money::format(amount)));
    m_submit->setEnabled(!m_sending && !quantities.isEmpty() && !reason.isEmpty());
}

void RefundDialog::ask()
{
    const QHash<qint64, qint64> quantities = chosen();
    if (quantities.isEmpty() || m_reason->text().trimmed().isEmpty())
        return;
    qint64 units = 0;
    for (const qint64 q : quantities)
        units += q;
    ConfirmDialog::ask(this, QStringLiteral("confirmRefund"), tr("Refund %1?").arg(Money::format(previewAmount())),
                       tr("%1 of order #%2 will be refunded now: %3 goes back to customer #%4's wallet%5. This cannot "
                          "be undone.")
                               .arg(units == 1 ? tr("1 unit") : tr("%1 units").arg(units))
                               .arg(m_order.id)
                               .arg(Money::format(previewAmount()))
                               .arg(m_order.userId)
                               .arg(m_restock->isChecked() ? tr(" and the units back to stock") : QString()),
                       tr("Refund"), tr("Do not refund"), [this] { send(); });
}

void RefundDialog::send()
{
    QList<RefundLine> lines;
    const QHash<qint64, qint64> quantities = chosen();
    for (const OrderLine &line : m_order.items) {
        if (quantities.contains(line.productId))
            lines.append({ line.productId, quantities.value(line.productId) });
    }
    m_sending = true;
    m_notice->clear();
    review();
    m_admin->refund(m_order.id, lines, m_restock->isChecked(), m_reason->text().trimmed(), this,
                    [this](const Result<Order> &answer) {
                        m_sending = false;
                        if (!answer) {
                            m_notice->showError(tr("Nothing was refunded. %1").arg(ErrorText::describe(answer.failure())));
                            review();
                            return;
                        }
                        Q_EMIT refunded(answer.value());
                        accept();
                    });
}
