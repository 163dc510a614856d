#include "SqlBatch.h"

#include <QtCore/QStringList>

int SqlBatch::fixedSize(int n)
{
    Q_ASSERT(n >= 1 && n <= kMaxBatch);
    int size = 1;
    while (size < n)
        size *= 2;
    return size;
}

QString SqlBatch::repeat(int count, const QString &row)
{
    QStringList rows;
    rows.reserve(count);
    for (int i = 0; i < count; ++i)
        rows << row;
    return rows.join(QLatin1Char(','));
}

QString SqlBatch::inList(const QList<qint64> &ids, QVariantList &bindings, int size)
{
    Q_ASSERT(!ids.isEmpty() && ids.size() <= kMaxBatch && ids.size() <= (size > 0 ? size : kMaxBatch));
    if (size <= 0)
        size = fixedSize(int(ids.size()));
    for (int i = 0; i < size; ++i)
        bindings << ids.at(qMin<qsizetype>(i, ids.size() - 1));
    return repeat(size, QStringLiteral("?"));
}

QList<QList<qint64>> SqlBatch::pieces(const QList<qint64> &ids)
{
    QList<QList<qint64>> out;
    for (qsizetype at = 0; at < ids.size(); at += kMaxBatch)
        out.append(ids.mid(at, kMaxBatch));
    return out;
}
