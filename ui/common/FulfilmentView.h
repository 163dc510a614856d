#pragma once

#include "ShopTypes.h"

#include <QtWidgets/QWidget>

#include <optional>

class QLabel;

// An order's way from paid to delivered, for the shopper's orders and the admin's
// alike: where it goes (or that it is picked up), the steps with their times, and the
// carrier and tracking number once shipped (selectable, to paste into the carrier's site).
class FulfilmentView : public QWidget
{
    Q_OBJECT
public:
    explicit FulfilmentView(QWidget *parent = nullptr);

    // Null: nothing to show (hidden).
    void setOrder(const Order *order);
    QLabel *address() const { return m_address; }
    QLabel *timeline() const { return m_timeline; }
    QLabel *tracking() const { return m_tracking; }

private:
    void retranslateUi();

    std::optional<Order> m_order;
    QLabel *m_addressTitle;
    QLabel *m_address;
    QLabel *m_timeline;
    QLabel *m_tracking;
};
