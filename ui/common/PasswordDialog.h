#pragma once

#include <QtWidgets/QDialog>

class AccountClient;
class FieldHint;
class NoticeBar;
class QLabel;
class QLineEdit;
class QPushButton;
class ShopClient;

// Change my password: the current one, the new one twice. What can be checked here
// (length, the two new ones equal) is said under the field before anything is sent;
// the server's refusals (a wrong current password) are said under the field they are
// about. After the change the session carries on with a token of the new password.
class PasswordDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PasswordDialog(ShopClient *client, QWidget *parent = nullptr);

    static constexpr int kMinLength = 8;   // API.md: password 8..128 characters
    static constexpr int kMaxLength = 128;

private:
    bool validate();
    void send();
    void retranslateUi();
    QString lengthRule() const;

    ShopClient *m_client;
    QLabel *m_currentLabel;
    QLabel *m_nextLabel;
    QLabel *m_repeatLabel;
    QPushButton *m_cancel;
    AccountClient *m_account;
    NoticeBar *m_notice;
    QLineEdit *m_current;
    FieldHint *m_currentHint;
    QLineEdit *m_next;
    FieldHint *m_nextHint;
    QLineEdit *m_repeat;
    FieldHint *m_repeatHint;
    QPushButton *m_change;
};
