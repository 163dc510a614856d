#pragma once

#include "ApiValues.h"

#include <QtCore/QTimer>

#include <functional>
#include <QtWidgets/QFrame>

class QLabel;
class QProgressBar;
class QPushButton;
class ShopClient;

// Shown on an empty shop (no products), on the dashboard and the Products page: one
// click loads the demo shop (categories, products with pictures, coupons, orders over
// two weeks) on the server, with its progress polled every kPollMs; when it is done
// the admin's pages reload.
class DemoShopOffer : public QFrame
{
    Q_OBJECT
public:
    explicit DemoShopOffer(ShopClient *client, QWidget *parent = nullptr);
    static constexpr int kPollMs = 500;

    // From the product list: shown while the shop is empty or a load runs.
    void setShopEmpty(bool empty);
    bool running() const { return m_poll.isActive(); }

Q_SIGNALS:
    void loaded(const QString &report);

private:
    void start();
    void poll();
    void show(const DemoShopProgress &progress);
    // What the offer says now, said again in a new language.
    void say(std::function<QString()> text);
    void retranslateUi();

    ShopClient *m_client;
    QLabel *m_text;
    QPushButton *m_load;
    QProgressBar *m_progress;
    QTimer m_poll;
    std::function<QString()> m_said;
    bool m_polling = false;
};
