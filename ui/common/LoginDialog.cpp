#include "LoginDialog.h"

#include "ErrorText.h"
#include "NoticeBar.h"
#include "Retranslate.h"
#include "SettingsDialog.h"
#include "ShopClient.h"
#include "UsernameRule.h"

#include <QtCore/QSettings>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

namespace {
const QString kLastUserKey = QStringLiteral("login/lastUser");
constexpr int kMinPassword = 8; // API.md: a new account's password
}

LoginDialog::LoginDialog(ShopClient *client, QWidget *parent)
    : QDialog(parent), m_client(client), m_server(new QLabel(this)), m_usernameLabel(new QLabel(this)),
      m_passwordLabel(new QLabel(this)), m_repeatLabel(new QLabel(this)), m_settings(new QToolButton(this)),
      m_username(new QLineEdit(this)), m_password(new QLineEdit(this)), m_repeat(new QLineEdit(this)), m_signIn(new QPushButton(this)), m_create(new QPushButton(this)),
      m_notice(new NoticeBar(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setModal(true);
    m_settings->setObjectName(QStringLiteral("loginSettings"));
    m_settings->setAutoRaise(true);
    m_username->setObjectName(QStringLiteral("username"));
    m_password->setObjectName(QStringLiteral("password"));
    m_repeat->setObjectName(QStringLiteral("repeatPassword"));
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_create->setObjectName(QStringLiteral("createAccount"));
    m_notice->setObjectName(QStringLiteral("loginNotice"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_username->setText(QSettings().value(kLastUserKey).toString());
    m_signIn->setDefault(true);

    m_server->setObjectName(QStringLiteral("loginServer"));
    m_server->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_usernameLabel->setBuddy(m_username);
    m_passwordLabel->setBuddy(m_password);
    m_repeatLabel->setBuddy(m_repeat);
    auto *form = new QFormLayout;
    form->addRow(m_usernameLabel, m_username);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_repeatLabel, m_repeat);
    m_repeatLabel->hide(); // shown by the first "Create account"
    m_repeat->hide();
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_create, QDialogButtonBox::ActionRole);
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    // The language can be changed before anyone signs in (the window behind is blocked).
    auto *top = new QHBoxLayout;
    top->addWidget(m_server, 1);
    top->addWidget(m_settings);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(form);
    layout->addWidget(m_notice);
    layout->addWidget(buttons);
    setMinimumWidth(380);

    // AcceptRole would close the dialog at once; it closes only when the server says yes.
    disconnect(buttons, nullptr, this, nullptr);
    connect(m_signIn, &QPushButton::clicked, this, &LoginDialog::signIn);
    connect(m_create, &QPushButton::clicked, this, &LoginDialog::createAccount);
    connect(m_notice, &NoticeBar::changed, this, &LoginDialog::fitToContent);
    connect(m_settings, &QToolButton::clicked, this, [this] { (new SettingsDialog(this))->open(); });
    // The fields first, the language last: a new person starts typing the name at once.
    setTabOrder(m_username, m_password);
    setTabOrder(m_password, m_repeat);
    setTabOrder(m_repeat, m_signIn);
    setTabOrder(m_signIn, m_create);
    setTabOrder(m_create, m_settings);
    (m_username->text().isEmpty() ? m_username : m_password)->setFocus();
    Retranslate::follow(this, [this] { retranslateUi(); });
}

void LoginDialog::retranslateUi()
{
    setWindowTitle(tr("Sign in to Storefront"));
    m_server->setText(tr("Server: %1").arg(m_client->server().toString()));
    m_usernameLabel->setText(tr("&Username"));
    m_passwordLabel->setText(tr("&Password"));
    m_repeatLabel->setText(tr("&Repeat password"));
    m_repeat->setPlaceholderText(tr("The same password again"));
    m_username->setPlaceholderText(UsernameRule::hint());
    m_password->setPlaceholderText(tr("8 characters or more"));
    m_signIn->setText(tr("&Sign in"));
    m_create->setText(tr("&Create account"));
    // The language button says both, so it is found whichever language is shown.
    m_settings->setText(tr("Language: %1").arg(QStringLiteral("\uD55C\uAD6D\uC5B4 / English")));
    m_settings->setAccessibleName(tr("Settings: language"));
    m_settings->setToolTip(tr("Settings: the language of the window"));
}

void LoginDialog::fitToContent()
{
    // A wrapped notice needs the height of its lines at the dialog's width; a top-level
    // layout does not ask for it by itself, and the fields were squeezed instead.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    setMinimumHeight(needed);
    if (height() < needed)
        resize(width(), needed);
}

void LoginDialog::rememberUsername(const QString &username)
{
    QSettings().setValue(kLastUserKey, username);
}

bool LoginDialog::checkFields(bool newAccount)
{
    if (m_username->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        m_notice->showError(tr("Enter a username and a password."));
        (m_username->text().trimmed().isEmpty() ? m_username : m_password)->setFocus();
        return false;
    }
    // A new name the server would refuse is said before anything is sent, in the rule's words.
    const QString wrongName = newAccount ? UsernameRule::problem(m_username->text().trimmed(), true) : QString();
    if (!wrongName.isEmpty()) {
        m_notice->showError(wrongName);
        m_username->setFocus();
        return false;
    }
    if (newAccount && m_password->text().size() < kMinPassword) {
        m_notice->showError(tr("The password needs %1 characters or more.").arg(kMinPassword));
        m_password->setFocus();
        return false;
    }
    return true;
}

void LoginDialog::signIn()
{
    if (!checkFields(false))
        return;
    setWorking(true);
    m_notice->showInfo(tr("Signing in…"));
    const QString username = m_username->text().trimmed();
    m_client->login(username, m_password->text(), this, [this, username](const Result<Session> &session) {
        setWorking(false);
        if (!session) {
            const ErrorCode code = session.failure().code;
            // A disabled account's password was right and only the shop can help: said
            // once in the app's words (the server's own say the same), the password kept
            // and the focus on the name (someone else may sign in here), not on the
            // password as if it were wrong.
            if (code == ErrorCode::AccountDisabled) {
                m_notice->showError(ErrorText::sentence(ErrorText::title(code)));
                m_username->setFocus();
                return;
            }
            m_notice->showError(ErrorText::describe(session.failure()));
            if (code == ErrorCode::InvalidCredentials)
                m_password->setFocus();
            return;
        }
        rememberUsername(username);
        m_password->clear();
        m_repeat->clear();
        accept();
    });
}

void LoginDialog::createAccount()
{
    if (!checkFields(true))
        return;
    if (m_repeat->isHidden()) {
        m_repeatLabel->show();
        m_repeat->show();
        m_create->setDefault(true); // Enter in the second field creates, as the person meant
        m_notice->showInfo(tr("Type the password again to create the account."));
        m_repeat->setFocus();
        return;
    }
    if (m_repeat->text() != m_password->text()) {
        m_notice->showError(tr("The two passwords differ. Type the password again."));
        m_repeat->clear();
        m_repeat->setFocus();
        return;
    }
    setWorking(true);
    m_notice->showInfo(tr("Creating the account…"));
    m_client->registerShopper(m_username->text().trimmed(), m_password->text(), this, [this](const Result<qint64> &id) {
        if (!id) {
            setWorking(false);
            m_notice->showError(ErrorText::describe(id.failure()));
            const QString field = id.failure().details.value(QStringLiteral("field")).toString();
            (field == QLatin1String("username") || id.failure().code == ErrorCode::UsernameTaken ? m_username : m_password)
                    ->setFocus();
            return;
        }
        signIn();
    });
}

void LoginDialog::setWorking(bool working)
{
    // A button about to be disabled would hand the focus to the next field with its
    // text selected (the username): keep it in the password field instead.
    if (working && (m_signIn->hasFocus() || m_create->hasFocus()))
        m_password->setFocus();
    m_signIn->setEnabled(!working);
    m_create->setEnabled(!working);
}
