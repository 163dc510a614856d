#pragma once

#include "PageWidget.h"
#include "ShopTypes.h"

#include <QtCore/QHash>
#include <QtCore/QTimer>

class OrderDetails;
class Pager;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class RecordTableModel;
class RecordTableView;

// Admin: every order of the shop, newest first, filtered by status and paid dates and
// searched by order id or the beginning of a username (as typed, after a pause); the
// selected one's lines and refunds; refunding some of its units (RefundDialog) or
// cancelling what is left, each asked about first; the CSV reports (ReportExportDialog).
class AdminOrdersPage : public PageWidget
{
    Q_OBJECT
public:
    explicit AdminOrdersPage(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;
    static constexpr int kPageSize = 20;
    static constexpr int kTypingPauseMs = 300;
    // Below this width of the page's body the order's details go under the list.
    static constexpr int kSideBySideWidth = 1240;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void load(int page);
    void showRows();
    void loadNames();
    QString customerName(qint64 userId) const;
    void loadDetail();
    void showDetail();
    void openRefund();
    void cancel();
    void cancelConfirmed(qint64 orderId);
    void retranslateUi();

    QComboBox *m_status;
    QComboBox *m_fulfilment = nullptr;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_search;
    QPushButton *m_export;
    RecordTableModel *m_model;
    RecordTableView *m_table;
    Pager *m_pager;
    OrderDetails *m_details;
    QPushButton *m_refund;
    QPushButton *m_cancel;
    QLabel *m_statusLabel;
    QLabel *m_fromLabel;
    QLabel *m_toLabel;
    QSplitter *m_split = nullptr;
    QHash<qint64, QString> m_names; // customers' usernames by id; empty while being read
    QTimer m_typing;
    QList<Order> m_orders;
    Order m_detail; // the selected order's single-order answer (with refunds)
    int m_generation = 0; // answers to an older filter are dropped
};
