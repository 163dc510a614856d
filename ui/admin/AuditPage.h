#pragma once

#include "AdminValues.h"
#include "PageWidget.h"

class Card;
class Pager;
class QComboBox;
class QLabel;
class RecordTableModel;
class RecordTableView;

// Admin: who changed what, newest first (every admin write: products, pictures,
// categories, coupons, stock, refunds, cancels, accounts), filtered by kind of record.
// Each entry reads as a sentence ("Refunded ₩3,000 of order #12: damaged", whole in its
// tooltip); the selected one as every field it changed, "Price: ₩12,000 → ₩9,900", not
// as two JSON documents (AuditText says both).
class AuditPage : public PageWidget
{
    Q_OBJECT
public:
    explicit AuditPage(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;
    static constexpr int kPageSize = 25;

private:
    void load(int page);
    void showRows();
    void showDetail();
    void retranslateUi();

    QComboBox *m_entity;
    RecordTableModel *m_model;
    RecordTableView *m_table;
    Pager *m_pager;
    Card *m_card;
    QLabel *m_change;
    QLabel *m_entityLabel;
    QList<AuditEntry> m_entries;
    int m_generation = 0;
};
