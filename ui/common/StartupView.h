#pragma once

#include <QtWidgets/QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

// What the window shows while the server comes up: each step in words, a busy bar,
// and on failure the reason with the failing service's log tail. Once the server is
// up and nobody is signed in, it offers to sign in.
class StartupView : public QWidget
{
    Q_OBJECT
public:
    explicit StartupView(QWidget *parent = nullptr);

    void showStep(const QString &step);
    void showReady(const QString &serverUrl);
    void showFailure(const QString &message);
    // After start-up: a service of the stack stopped, is being restarted, is back.
    void showService(const QString &text);

Q_SIGNALS:
    void signInRequested();

private:
    void retranslateUi();

    enum class State { Starting, Ready, Failed };
    State m_state = State::Starting;
    QString m_serverUrl;
    QLabel *m_logo;
    QLabel *m_title;
    QLabel *m_step;
    QLabel *m_service;
    QProgressBar *m_busy;
    QPlainTextEdit *m_details;
    QPushButton *m_signIn;
    int m_steps = 0;
};
