#include "RecordTableModel.h"

#include "Money.h"

#include <QtCore/QDateTime>
#include <QtGui/QColor>

RecordTableModel::RecordTableModel(QList<Column> columns, QObject *parent)
    : QAbstractTableModel(parent), m_columns(std::move(columns))
{
}

void RecordTableModel::setHeaders(const QStringList &headers)
{
    for (int i = 0; i < m_columns.size() && i < headers.size(); ++i)
        m_columns[i].header = headers.at(i);
    if (!m_columns.isEmpty())
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, int(m_columns.size()) - 1);
    relabel();
}

void RecordTableModel::relabel()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), { Qt::DisplayRole });
}

void RecordTableModel::setRows(QList<Row> rows)
{
    // Same shape (a refresh of live stock): change values in place, so the selection
    // and the scroll position stay where the shopper left them.
    bool sameIds = rows.size() == m_rows.size();
    for (int i = 0; sameIds && i < rows.size(); ++i)
        sameIds = rows[i].id == m_rows[i].id;
    if (sameIds && !rows.isEmpty()) {
        m_rows = std::move(rows);
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int RecordTableModel::indexOfId(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id)
            return i;
    }
    return -1;
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    const QVariant value = row.cells.value(index.column());
    const Kind kind = m_columns.at(index.column()).kind;
    switch (role) {
    case Qt::DisplayRole:
        if (!value.isValid())
            return QString(); // nothing to say (a cancelled order's "refunded"), not "0"
        switch (kind) {
        case Kind::Money:
            return Money::format(value.toLongLong());
        case Kind::Time:
            return Money::dateTime(value.toDateTime());
        case Kind::Number:
            return Money::count(value.toLongLong()); // "999,999,999" whatever the desktop's locale
        case Kind::Text:
            return value;
        }
        return value;
    case Qt::TextAlignmentRole:
        return kind == Kind::Money || kind == Kind::Number ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                          : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        // A name cut short ("Ceramic pour-over…") reads whole on hover.
        return kind == Kind::Text ? value : QVariant();
    case Qt::ForegroundRole:
        return row.muted ? QVariant(QColor(0x9a, 0x9a, 0x9a)) : QVariant();
    case Qt::UserRole:
        return value;
    case kIdRole:
        return row.id;
    default:
        return {};
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_columns.at(section).header;
    if (role == Qt::TextAlignmentRole)
        return m_columns.at(section).kind == Kind::Money || m_columns.at(section).kind == Kind::Number
                ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}
