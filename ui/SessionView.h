#pragma once

#include <QtWidgets/QWidget>

class Cart;
class PageWidget;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class ShopClient;

// The window's content while someone is signed in: a side bar with the pages their
// role may see, who they are and their balance, and the pages. Made at sign-in and
// thrown away at sign-out, so nothing of one user's session survives into the next
// (the cart included: signing out with items in it asks first and says so).
class SessionView : public QWidget
{
    Q_OBJECT
public:
    explicit SessionView(ShopClient *client, QWidget *parent = nullptr);

    // By object name ("shopPage", "dashboardPage", ...); null when the role has no such page.
    PageWidget *page(const QString &name) const;
    PageWidget *currentPage() const;
    void showPage(const QString &name);
    void refreshCurrent();
    QStringList pageNames() const;

Q_SIGNALS:
    void signOutRequested();

private:
    // label and hint as they are now; retranslateUi() says them again by the page's object name.
    void addPage(PageWidget *page, const QString &label, const QString &hint);
    void retranslateUi();
    void showBalance();
    void showCartSize();
    // With items in the cart, asks first (and says the cart does not survive).
    void askToSignOut();

    ShopClient *m_client;
    Cart *m_cart;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    QLabel *m_brand;
    QLabel *m_who;
    QLabel *m_balance;
    QPushButton *m_password;
    QPushButton *m_signOut;
    QPushButton *m_settings;
    qint64 m_knownBalance = -1;
};
