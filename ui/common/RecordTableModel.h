#pragma once

#include <QtCore/QAbstractTableModel>
#include <QtCore/QList>
#include <QtCore/QVariant>

// The read-only tables of the pages (products, orders, ledger, coupons): rows of raw
// values with an id, shown formatted by column kind (money as won, times local).
// Qt::UserRole gives the raw value, kIdRole the row's id. One model for all lists,
// because they differ only in columns; the pages fill it from API values.
class RecordTableModel : public QAbstractTableModel
{
public:
    enum class Kind { Text, Number, Money, Time };
    struct Column {
        QString header;
        Kind kind = Kind::Text;
    };
    struct Row {
        qint64 id = 0;
        QVariantList cells;
        bool muted = false; // greyed out: sold out, cancelled, used
    };
    static constexpr int kIdRole = Qt::UserRole + 1;

    explicit RecordTableModel(QList<Column> columns, QObject *parent = nullptr);
    // The columns' titles again (in a new language): one per column, in order.
    void setHeaders(const QStringList &headers);
    // Every cell again: money, counts and times are written in the language shown.
    void relabel();

    void setRows(QList<Row> rows);
    const Row &row(int index) const { return m_rows.at(index); }
    int indexOfId(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Column> m_columns;
    QList<Row> m_rows;
};
