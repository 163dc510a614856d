#pragma once

#include <QtWidgets/QDialog>

class NoticeBar;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class ShopClient;

// Sign in, or create a shopper account and sign in (its password typed twice: the
// first "Create account" shows the second field, a typo never makes an account no one
// can sign in to). Opened with open(), never exec(),
// so the window keeps running (and tests can drive it). The last username is kept in
// QSettings; the password never is.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(ShopClient *client, QWidget *parent = nullptr);

    // The name the next dialog starts with (an owner who just set the shop up, or the
    // last one signed in here).
    static void rememberUsername(const QString &username);

private:
    void signIn();
    void createAccount();
    void setWorking(bool working);
    bool checkFields(bool newAccount);
    void fitToContent();
    void retranslateUi();

    ShopClient *m_client;
    QLabel *m_server;
    QLabel *m_usernameLabel;
    QLabel *m_passwordLabel;
    QLabel *m_repeatLabel;
    QToolButton *m_settings;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QPushButton *m_signIn;
    QPushButton *m_create;
    NoticeBar *m_notice;
};
