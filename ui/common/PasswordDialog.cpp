#include "PasswordDialog.h"

#include "AccountClient.h"
#include "ErrorText.h"
#include "FieldHint.h"
#include "NoticeBar.h"
#include "Retranslate.h"

#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace {
QLineEdit *passwordField(const QString &name, QWidget *parent)
{
    auto *field = new QLineEdit(parent);
    field->setObjectName(name);
    field->setEchoMode(QLineEdit::Password);
    field->setMaxLength(PasswordDialog::kMaxLength);
    field->setMinimumWidth(260);
    return field;
}
}

PasswordDialog::PasswordDialog(ShopClient *client, QWidget *parent)
    : QDialog(parent), m_client(client), m_account(new AccountClient(client, this)), m_notice(new NoticeBar(this)),
      m_current(passwordField(QStringLiteral("currentPassword"), this)), m_currentHint(new FieldHint(this)),
      m_next(passwordField(QStringLiteral("newPassword"), this)), m_nextHint(new FieldHint(this)),
      m_repeat(passwordField(QStringLiteral("repeatPassword"), this)), m_repeatHint(new FieldHint(this)),
      m_change(new QPushButton(this))
{
    setObjectName(QStringLiteral("passwordDialog"));
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_currentHint->setObjectName(QStringLiteral("currentPasswordHint"));
    m_nextHint->setObjectName(QStringLiteral("newPasswordHint"));
    m_repeatHint->setObjectName(QStringLiteral("repeatPasswordHint"));
    m_change->setObjectName(QStringLiteral("changePasswordSubmit"));
    m_nextHint->showHint(lengthRule());

    auto *form = new QFormLayout;
    const auto row = [&](QLineEdit *field, FieldHint *hint) {
        auto *label = new QLabel(this);
        label->setBuddy(field);
        auto *box = new QVBoxLayout;
        box->setSpacing(2);
        box->addWidget(field);
        box->addWidget(hint);
        form->addRow(label, box);
        connect(field, &QLineEdit::textEdited, hint, [this, hint] {
            hint->clear();
            if (hint == m_nextHint)
                m_nextHint->showHint(lengthRule());
            m_notice->clearError();
        });
        connect(field, &QLineEdit::returnPressed, this, &PasswordDialog::send);
        return label;
    };
    m_currentLabel = row(m_current, m_currentHint);
    m_nextLabel = row(m_next, m_nextHint);
    m_repeatLabel = row(m_repeat, m_repeatHint);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_change, QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("changePasswordCancel"));
    connect(m_change, &QPushButton::clicked, this, &PasswordDialog::send);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(m_notice, &NoticeBar::changed, this, [this] { resize(width(), sizeHint().height()); });
    m_current->setFocus();
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void PasswordDialog::retranslateUi()
{
    setWindowTitle(tr("Change password"));
    m_currentLabel->setText(tr("C&urrent password"));
    m_nextLabel->setText(tr("&New password"));
    m_repeatLabel->setText(tr("&Repeat new password"));
    m_change->setText(tr("&Change password"));
    m_cancel->setText(tr("Cancel"));
    if (!m_nextHint->hasProblem())
        m_nextHint->showHint(lengthRule());
}

QString PasswordDialog::lengthRule() const
{
    return tr("%1 to %2 characters.").arg(kMinLength).arg(kMaxLength);
}

bool PasswordDialog::validate()
{
    bool ok = true;
    if (m_current->text().isEmpty()) {
        m_currentHint->showProblem(tr("Type the password you sign in with now."));
        ok = false;
    }
    const QString next = m_next->text();
    if (next.size() < kMinLength) {
        m_nextHint->showProblem(tr("At least %1 characters (this has %2).").arg(kMinLength).arg(next.size()));
        ok = false;
    } else if (next == m_current->text()) {
        m_nextHint->showProblem(tr("That is the current password: choose another."));
        ok = false;
    }
    if (m_repeat->text() != next) {
        m_repeatHint->showProblem(tr("The two new passwords differ."));
        ok = false;
    }
    return ok;
}

void PasswordDialog::send()
{
    if (!m_change->isEnabled() || !validate())
        return;
    m_change->setEnabled(false);
    m_notice->clear();
    m_account->changePassword(m_current->text(), m_next->text(), this, [this](const Result<bool> &changed) {
        m_change->setEnabled(true);
        if (changed) {
            accept();
            return;
        }
        const Failure &f = changed.failure();
        if (f.code == ErrorCode::InvalidCredentials) {
            m_currentHint->showProblem(tr("This is not your current password; nothing was changed."));
            m_current->selectAll();
            m_current->setFocus();
        } else if (f.code == ErrorCode::ValidationFailed
                   && f.details.value(QStringLiteral("field")).toString() == QLatin1String("newPassword")) {
            m_nextHint->showProblem(ErrorText::sentence(f.message));
        } else {
            m_notice->showError(tr("The password was not changed. %1").arg(ErrorText::describe(f)));
        }
    });
}
