#pragma once

#include <QtCore/QPointer>
#include <QtWidgets/QMainWindow>

class ActivityIndicator;
class LoginDialog;
class NoticeBar;
class OwnerSetupView;
class QAction;
class QLabel;
class QStackedWidget;
class QToolButton;
class SessionView;
class ShopClient;
class StartupView;

// The storefront window. It knows the server only by its URL (ui → shared, HTTP):
// start-up progress, then sign-in, then the signed-in session; the status bar shows
// what is loading and whether the server answers.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    StartupView *startupView() const { return m_startup; }
    ShopClient *client() const { return m_client; }
    // Null while nobody is signed in.
    SessionView *session() const;
    LoginDialog *loginDialog() const;
    // Null unless the shop is being set up (no administrator yet).
    OwnerSetupView *ownerSetup() const;

    // The one-time secret the app gave its embedded server (API.md, POST
    // /api/v1/auth/owner); none for a remote server. Before connectTo().
    void setOwnerSecret(const QByteArray &secret) { m_ownerSecret = secret; }
    // The server is up at `server`: with a secret, a shop without an administrator
    // opens on "Set up your shop"; otherwise (and if that cannot be asked) the sign-in dialog.
    void connectTo(const QString &server);
    void signOut();

    // The embedded stack's supervisor: a service died and is being started again, is
    // back, or could not be brought back (then the banner says what to do).
    void showServiceDown(const QString &text);
    void showServiceBack(const QString &text);
    void showServiceLost(const QString &text);
    static constexpr int kServiceBackShownMs = 10000;
    static constexpr int kRefreshAfterBackMs = 2000;

    // The title as a window manager shows it (the platform adds " — " and the
    // application's display name): "admin — Storefront", Storefront said once.
    QString shownTitle() const;
    // Ctrl+F: the shown page's search field gets the focus (none: nothing happens).
    void focusSearch();
    // The window's size and place as it was last closed (QSettings "window/geometry").
    void saveWindow();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void openLogin(const QString &why = QString());
    void openOwnerSetup();
    void closeOwnerSetup();
    void startSession();
    void showReachable(bool reachable);
    void showSecurity();
    // Nothing, "Set up your shop" or who is signed in: the platform adds " — Storefront".
    void updateTitle();
    void restoreWindow();
    void retranslateUi();
    void openSettings();

    ShopClient *m_client;
    QStackedWidget *m_stack;
    StartupView *m_startup;
    NoticeBar *m_banner;
    NoticeBar *m_serviceBanner;
    // Not encrypted (http:// to another machine), or a certificate refused.
    NoticeBar *m_securityBanner;
    QPointer<SessionView> m_session;
    QPointer<LoginDialog> m_login;
    QPointer<OwnerSetupView> m_ownerSetup;
    QByteArray m_ownerSecret;
    ActivityIndicator *m_activity;
    QLabel *m_serverLabel;
    QAction *m_quit;
    QAction *m_about;
    QAction *m_settings;
    QAction *m_find = nullptr;
    QToolButton *m_aboutButton;
    QToolButton *m_settingsButton;
};
