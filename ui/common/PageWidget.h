#pragma once

#include <QtWidgets/QWidget>

class NoticeBar;
class QLabel;
class ShopClient;

// What every page of the signed-in window shares: the client, a title, a notice bar
// on top, and refresh() — called when the page is shown, when the server is back and
// when the language changes (what the page read is then shown in the new words).
class PageWidget : public QWidget
{
    Q_OBJECT
public:
    PageWidget(ShopClient *client, const QString &title, QWidget *parent = nullptr);

    virtual void refresh() = 0;
    NoticeBar *notice() const { return m_notice; }
    // A page's retranslateUi() sets its title again in the new language.
    void setTitle(const QString &title);

protected:
    // The page's own content goes here, below the title and the notice bar.
    QWidget *body() const { return m_body; }
    ShopClient *client() const { return m_client; }

private:
    ShopClient *m_client;
    QLabel *m_heading;
    NoticeBar *m_notice;
    QWidget *m_body;
};
