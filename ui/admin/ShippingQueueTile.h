#pragma once

#include <QtCore/QDateTime>
#include <QtWidgets/QFrame>

class QLabel;
class QPushButton;

// The dashboard's packing queue (GET /admin/fulfilment's counts): how many paid orders
// wait to ship — to pack, and packed for the carrier or a pickup — and how long ago
// the oldest of them was paid, in words, with a way to the Fulfilment page. Amber once
// the oldest has waited over a day: that parcel is late.
class ShippingQueueTile : public QFrame
{
    Q_OBJECT
public:
    explicit ShippingQueueTile(QWidget *parent = nullptr);

    // oldestPaidAt invalid: nothing waits. `now`: the moment the ages are told from.
    void showQueue(qint64 toPack, qint64 packed, const QDateTime &oldestPaidAt, const QDateTime &now);
    void showUnknown(const QString &why);
    // The words shown, as plain text (what a screen reader says).
    QString summary() const;

    static constexpr qint64 kLateSeconds = 24 * 3600;

Q_SIGNALS:
    void openRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void paint(const QColor &color, const QString &lines);
    void fitText();
    void retranslateUi();
    // "The oldest was paid 2 days ago." in the largest whole unit.
    static QString oldestAge(qint64 seconds);

    QLabel *m_text;
    QPushButton *m_open;
};
