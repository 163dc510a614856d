#pragma once

#include "Card.h"
#include "ShopTypes.h"

#include <optional>

class QBoxLayout;
class QLabel;
class RecordTableModel;
class FulfilmentView;
class RecordTableView;

// One order's details, for the shopper's orders and the admin's alike: its lines (with
// the units refunded of each), its amounts, status in words and — when the answer
// carries them (the single-order answer) — its refunds, each with its amount, units,
// restock and reason. The page adds its buttons below (content()).
class OrderDetails : public Card
{
    Q_OBJECT
public:
    explicit OrderDetails(QWidget *parent = nullptr);

    // Null: nothing selected (says so).
    void setOrder(const Order *order);
    QLabel *summary() const { return m_summary; }
    RecordTableView *lines() const { return m_lines; }
    RecordTableView *refunds() const { return m_refunds; }
    // From this width on, the lines and the rest stand side by side.
    static constexpr int kTwoColumnsWidth = 760;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslateUi();

    std::optional<Order> m_order; // what is shown, to show again in a new language
    RecordTableModel *m_linesModel;
    RecordTableView *m_lines;
    RecordTableModel *m_refundsModel;
    RecordTableView *m_refunds;
    QLabel *m_refundsTitle;
    QLabel *m_summary;
    FulfilmentView *m_fulfilment = nullptr;
    QBoxLayout *m_columns = nullptr;
};
