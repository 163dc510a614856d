#pragma once

#include <QtWidgets/QWidget>

class Card;
class FieldHint;
class NoticeBar;
class QLabel;
class QLineEdit;
class QPushButton;
class ShopClient;
struct Failure;

// "Set up your shop": what a new desktop shop shows first (issue 23). The shop has no
// administrator yet, so a sign-in dialog would ask for an account nobody has; here the
// owner chooses that account's name and password. What can be checked before sending
// (length, allowed characters, the two passwords equal) is said under the field; then
// the account is created with the app's one-time secret and signed in with.
class OwnerSetupView : public QWidget
{
    Q_OBJECT
public:
    OwnerSetupView(ShopClient *client, const QByteArray &secret, QWidget *parent = nullptr);

    // API.md (Authentication): a username is 3..32 of [A-Za-z0-9_.-], a password 8..128.
    static constexpr int kMinUsername = 3;
    static constexpr int kMaxUsername = 32;
    static constexpr int kMinPassword = 8;
    static constexpr int kMaxPassword = 128;

Q_SIGNALS:
    // The owner's account exists and the client holds its session.
    void signedIn();
    // Setting up cannot go on here (the shop has an owner after all, or the new account
    // could not sign in): the sign-in dialog takes over, with `why` on top.
    void signInNeeded(const QString &why);

protected:
    void showEvent(QShowEvent *event) override;

private:
    bool validate();
    bool checkUsername(bool submitting);
    void create();
    void signIn(const QString &username, const QString &password);
    void showFailure(const QString &username, const Failure &failure);
    void setWorking(bool working);
    void retranslateUi();
    QString usernameRule() const;
    QString passwordRule() const;

    ShopClient *m_client;
    Card *m_card;
    QLabel *m_intro;
    QLabel *m_usernameLabel;
    QLabel *m_passwordLabel;
    QLabel *m_repeatLabel;
    QByteArray m_secret;
    QLineEdit *m_username;
    FieldHint *m_usernameHint;
    QLineEdit *m_password;
    FieldHint *m_passwordHint;
    QLineEdit *m_repeat;
    FieldHint *m_repeatHint;
    NoticeBar *m_notice;
    QPushButton *m_create;
};
