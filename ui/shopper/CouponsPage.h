#pragma once

#include "PageWidget.h"
#include "ShopTypes.h"

#include <QtCore/QSet>

class QComboBox;
class QLabel;
class QPushButton;
class RecordTableModel;
class RecordTableView;

// First-come coupons: those still open with how many are left and a claim button;
// below, my coupons by status.
class CouponsPage : public PageWidget
{
    Q_OBJECT
public:
    explicit CouponsPage(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;

private:
    void loadOpen();
    void loadMine();
    void claim();
    void updateActions();
    void retranslateUi();

    RecordTableModel *m_openModel;
    RecordTableView *m_open;
    QPushButton *m_claim;
    QComboBox *m_status;
    RecordTableModel *m_mineModel;
    RecordTableView *m_mine;
    QLabel *m_openTitle;
    QLabel *m_mineTitle;
    QLabel *m_statusLabel;
    QList<Coupon> m_coupons;
    QSet<qint64> m_held; // coupon ids I already hold, whatever their status
};
