#pragma once

#include "PageWidget.h"
#include "ProductReturn.h"

class Card;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class RecordTableModel;
class RecordTableView;
class ShippingClient;

// Admin: returns asked for (API.md, Shipping), oldest first. The selected one's order is
// read, and what accepting would refund is shown by RefundShare — the rule the server
// refunds by — before the admin accepts (asked first: money moves) or rejects it, once.
class ReturnsPage : public PageWidget
{
    Q_OBJECT
public:
    explicit ReturnsPage(ShopClient *client, QWidget *parent = nullptr);

    void refresh() override;
    // What accepting the selected return gives back now; -1 when it cannot be accepted.
    qint64 previewAmount() const { return m_preview; }

private:
    void load();
    const ProductReturn *selected() const;
    void loadOrder();
    void showDecision();
    void decide(bool accept);
    void retranslateUi();

    ShippingClient *m_shipping;
    QLabel *m_statusLabel;
    QComboBox *m_status;
    RecordTableModel *m_model;
    RecordTableView *m_table;
    Card *m_card;
    QLabel *m_summary;
    QCheckBox *m_restock;
    QLabel *m_noteLabel;
    QLineEdit *m_note;
    QPushButton *m_accept;
    QPushButton *m_reject;
    QList<ProductReturn> m_returns;
    Order m_order; // the selected return's order, as just read
    qint64 m_preview = -1;
    int m_generation = 0;
    bool m_deciding = false;
};
