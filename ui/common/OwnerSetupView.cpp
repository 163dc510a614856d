#include "OwnerSetupView.h"

#include "Card.h"
#include "ErrorText.h"
#include "FieldHint.h"
#include "LoginDialog.h"
#include "NoticeBar.h"
#include "Retranslate.h"
#include "ShopClient.h"
#include "UsernameRule.h"

#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace {
QLineEdit *field(const QString &name, int maxLength, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setMaxLength(maxLength);
    edit->setMinimumWidth(260);
    return edit;
}
}

OwnerSetupView::OwnerSetupView(ShopClient *client, const QByteArray &secret, QWidget *parent)
    : QWidget(parent), m_client(client), m_secret(secret), m_username(field(QStringLiteral("ownerUsername"), kMaxUsername, this)),
      m_usernameHint(new FieldHint(this)), m_password(field(QStringLiteral("ownerPassword"), kMaxPassword, this)),
      m_passwordHint(new FieldHint(this)), m_repeat(field(QStringLiteral("ownerRepeat"), kMaxPassword, this)),
      m_repeatHint(new FieldHint(this)), m_notice(new NoticeBar(this)),
      m_create(new QPushButton(this))
{
    setObjectName(QStringLiteral("ownerSetupView"));
    m_usernameHint->setObjectName(QStringLiteral("ownerUsernameHint"));
    m_passwordHint->setObjectName(QStringLiteral("ownerPasswordHint"));
    m_repeatHint->setObjectName(QStringLiteral("ownerRepeatHint"));
    m_notice->setObjectName(QStringLiteral("ownerNotice"));
    m_create->setObjectName(QStringLiteral("createOwner"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_create->setDefault(true);

    m_card = new Card(QString(), this);
    m_card->setMinimumWidth(480);
    m_card->setMaximumWidth(560);
    QFont big = m_card->titleLabel()->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_card->titleLabel()->setFont(big);
    m_intro = new QLabel(m_card);
    m_intro->setObjectName(QStringLiteral("ownerIntro"));
    m_intro->setWordWrap(true);

    auto *form = new QFormLayout;
    const auto row = [&](QLineEdit *edit, FieldHint *hint) {
        auto *label = new QLabel(m_card);
        label->setBuddy(edit);
        auto *box = new QVBoxLayout;
        box->setSpacing(2);
        box->addWidget(edit);
        box->addWidget(hint);
        form->addRow(label, box);
        connect(edit, &QLineEdit::returnPressed, this, &OwnerSetupView::create);
        return label;
    };
    m_usernameLabel = row(m_username, m_usernameHint);
    m_passwordLabel = row(m_password, m_passwordHint);
    m_repeatLabel = row(m_repeat, m_repeatHint);
    m_usernameHint->showHint(usernameRule());
    m_passwordHint->showHint(passwordRule());

    // A problem is about what was typed: typing again takes it away (a character the
    // name may not hold is said at once, not only on sending).
    connect(m_username, &QLineEdit::textEdited, this, [this] {
        m_notice->clearError();
        if (!checkUsername(false))
            return;
        m_usernameHint->showHint(usernameRule());
    });
    connect(m_password, &QLineEdit::textEdited, this, [this] {
        m_notice->clearError();
        m_passwordHint->showHint(passwordRule());
    });
    connect(m_repeat, &QLineEdit::textEdited, this, [this] {
        m_notice->clearError();
        m_repeatHint->clear();
    });
    connect(m_create, &QPushButton::clicked, this, &OwnerSetupView::create);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_create);
    m_card->content()->addWidget(m_intro);
    m_card->content()->addSpacing(6);
    m_card->content()->addLayout(form);
    m_card->content()->addWidget(m_notice);
    m_card->content()->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 30, 40, 30);
    layout->addStretch();
    layout->addWidget(m_card, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void OwnerSetupView::retranslateUi()
{
    m_card->setTitle(tr("Set up your shop"));
    m_intro->setText(tr("This shop has no owner yet. Choose the owner's name and password; you will use them "
                        "to run the shop."));
    m_usernameLabel->setText(tr("Owner's &name"));
    m_passwordLabel->setText(tr("&Password"));
    m_repeatLabel->setText(tr("Password &again"));
    m_create->setText(tr("&Create the shop's owner"));
    // A rule shown (not a problem) is said again in the new words.
    if (!m_usernameHint->hasProblem())
        m_usernameHint->showHint(usernameRule());
    if (!m_passwordHint->hasProblem())
        m_passwordHint->showHint(passwordRule());
}

QString OwnerSetupView::usernameRule() const
{
    return UsernameRule::hint();
}

QString OwnerSetupView::passwordRule() const
{
    return tr("%1 to %2 characters.").arg(kMinPassword).arg(kMaxPassword);
}

void OwnerSetupView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_username->text().isEmpty())
        m_username->setFocus();
}

bool OwnerSetupView::checkUsername(bool submitting)
{
    const QString problem = UsernameRule::problem(m_username->text().trimmed(), submitting);
    if (!problem.isEmpty())
        m_usernameHint->showProblem(problem);
    return problem.isEmpty();
}

bool OwnerSetupView::validate()
{
    QLineEdit *first = nullptr;
    if (!checkUsername(true))
        first = m_username;
    const QString password = m_password->text();
    if (password.size() < kMinPassword) {
        m_passwordHint->showProblem(tr("At least %1 characters (this has %2).").arg(kMinPassword).arg(password.size()));
        first = first ? first : m_password;
    }
    if (m_repeat->text() != password) {
        m_repeatHint->showProblem(tr("The two passwords differ."));
        first = first ? first : m_repeat;
    }
    if (first)
        first->setFocus();
    return first == nullptr;
}

void OwnerSetupView::create()
{
    if (!m_create->isEnabled() || !validate())
        return;
    const QString username = m_username->text().trimmed();
    const QString password = m_password->text();
    setWorking(true);
    m_notice->showInfo(tr("Creating the shop's owner\u2026"));
    m_client->createOwner(m_secret, username, password, this, [this, username, password](const Result<qint64> &id) {
        if (!id) {
            setWorking(false);
            showFailure(username, id.failure());
            return;
        }
        signIn(username, password);
    });
}

void OwnerSetupView::signIn(const QString &username, const QString &password)
{
    m_notice->showInfo(tr("The owner %1 is created. Signing in\u2026").arg(username));
    m_client->login(username, password, this, [this, username](const Result<Session> &session) {
        if (!session) {
            setWorking(false);
            // The account exists now, so setting up again would be refused: sign in instead.
            Q_EMIT signInNeeded(tr("The owner %1 is created, but signing in failed: %2")
                                        .arg(username, ErrorText::describe(session.failure())));
            return;
        }
        LoginDialog::rememberUsername(username);
        m_password->clear();
        m_repeat->clear();
        Q_EMIT signedIn();
    });
}

void OwnerSetupView::showFailure(const QString &username, const Failure &failure)
{
    const QString field = failure.details.value(QStringLiteral("field")).toString();
    if (failure.code == ErrorCode::Forbidden) {
        // Someone set the shop up meanwhile, or this secret was spent: nothing here can work.
        Q_EMIT signInNeeded(tr("This shop already has an owner. Sign in with the owner's name and password."));
    } else if (failure.code == ErrorCode::UsernameTaken) {
        m_notice->clear();
        m_usernameHint->showProblem(tr("The name %1 is taken; choose another.").arg(username));
        m_username->setFocus();
    } else if (failure.code == ErrorCode::ValidationFailed && field == QLatin1String("username")) {
        m_notice->clear();
        m_usernameHint->showProblem(ErrorText::sentence(failure.message));
        m_username->setFocus();
    } else if (failure.code == ErrorCode::ValidationFailed && field == QLatin1String("password")) {
        m_notice->clear();
        m_passwordHint->showProblem(ErrorText::sentence(failure.message));
        m_password->setFocus();
    } else {
        m_notice->showError(tr("The owner was not created. %1").arg(ErrorText::describe(failure)));
    }
}

void OwnerSetupView::setWorking(bool working)
{
    m_username->setEnabled(!working);
    m_password->setEnabled(!working);
    m_repeat->setEnabled(!working);
    m_create->setEnabled(!working);
}
