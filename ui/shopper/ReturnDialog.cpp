#include "ReturnDialog.h"

#include "ErrorText.h"
#include "FieldHint.h"
#include "Money.h"
#include "NoticeBar.h"
#include "Retranslate.h"
#include "ShippingClient.h"
#include "ShippingRules.h"

#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

namespace {
constexpr int kMaxReasonLength = 200; // API.md: reason 1..200 characters
}

ReturnDialog::ReturnDialog(ShippingClient *shipping, const Order &order, const QHash<qint64, qint64> &askedBack,
                           QWidget *parent)
    : QDialog(parent), m_shipping(shipping), m_order(order), m_askedBack(askedBack), m_notice(new NoticeBar(this)),
      m_intro(new QLabel(this)), m_reasonLabel(new QLabel(this)), m_reason(new QLineEdit(this)),
      m_reasonHint(new FieldHint(this)), m_submit(new QPushButton(this)), m_cancel(nullptr)
{
    setObjectName(QStringLiteral("returnDialog"));
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    m_reason->setObjectName(QStringLiteral("returnReason"));
    m_submit->setObjectName(QStringLiteral("returnSubmit"));
    m_reason->setMaxLength(kMaxReasonLength);
    m_intro->setWordWrap(true);
    auto *grid = new QGridLayout;
    int row = 0;
    for (const OrderLine &line : order.items) {
        const qint64 left = qMax<qint64>(0, line.quantity - line.refundedQuantity - askedBack.value(line.productId));
        auto *name = new QLabel(line.name, this);
        auto *quantity = new QSpinBox(this);
        quantity->setObjectName(QStringLiteral("returnQuantity_%1").arg(line.productId));
        quantity->setRange(0, int(left));
        quantity->setEnabled(left > 0);
        quantity->setMinimumWidth(110);
        grid->addWidget(name, row, 0);
        grid->addWidget(quantity, row, 1);
        m_quantities.insert(line.productId, quantity);
        connect(quantity, &QSpinBox::valueChanged, this, &ReturnDialog::review);
        ++row;
    }
    grid->setColumnStretch(0, 1);
    m_reasonLabel->setBuddy(m_reason);
    auto *form = new QFormLayout;
    auto *reasonBox = new QVBoxLayout;
    reasonBox->setSpacing(2);
    reasonBox->addWidget(m_reason);
    reasonBox->addWidget(m_reasonHint);
    form->addRow(m_reasonLabel, reasonBox);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_submit, QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_submit, &QPushButton::clicked, this, &ReturnDialog::send);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_reason, &QLineEdit::textEdited, this, &ReturnDialog::review);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addWidget(m_intro);
    layout->addLayout(grid);
    layout->addLayout(form);
    layout->addWidget(buttons);
    Retranslate::follow(this, [this] { retranslateUi(); });
    resize(520, sizeHint().height());
}

void ReturnDialog::retranslateUi()
{
    setWindowTitle(tr("Return items of order #%1").arg(m_order.id));
    const QDateTime until = m_order.fulfilment.deliveredAt.addDays(ShippingRules::kReturnWindowDays);
    m_intro->setText(tr("Choose the units to send back (returns close %1). The shop decides; accepted units are refunded "
                        "to your wallet.")
                             .arg(Money::dateTime(until)));
    for (const OrderLine &line : m_order.items) {
        QSpinBox *quantity = m_quantities.value(line.productId);
        quantity->setSuffix(tr(" of %1").arg(quantity->maximum()));
        quantity->setAccessibleName(tr("Units of %1 to return").arg(line.name));
    }
    m_reasonLabel->setText(tr("&Reason"));
    m_reason->setPlaceholderText(tr("What is wrong, in a few words"));
    m_submit->setText(tr("&Ask for a return"));
    m_cancel->setText(tr("Cancel"));
    review();
}

void ReturnDialog::review()
{
    qint64 units = 0;
    for (const QSpinBox *quantity : m_quantities)
        units += quantity->value();
    const bool reason = !m_reason->text().trimmed().isEmpty();
    if (reason || m_reason->text().isEmpty())
        m_reasonHint->clear();
    else
        m_reasonHint->showProblem(tr("Say why, in a few words."));
    m_submit->setEnabled(units > 0 && reason && !m_sending);
}

void ReturnDialog::send()
{
    QList<RefundLine> lines;
    for (const OrderLine &line : m_order.items) {
        const int units = m_quantities.value(line.productId)->value();
        if (units > 0)
            lines.append({ line.productId, units });
    }
    if (lines.isEmpty() || m_sending)
        return;
    m_sending = true;
    review();
    m_shipping->askReturn(m_order.id, lines, m_reason->text().trimmed(), this, [this](const Result<ProductReturn> &asked) {
        m_sending = false;
        if (!asked) {
            m_notice->showError(ErrorText::describe(asked.failure()));
            review();
            return;
        }
        Q_EMIT this->asked(asked.value());
        accept();
    });
}
