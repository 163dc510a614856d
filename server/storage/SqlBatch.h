#pragma once

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QVariantList>

// SQL text that never depends on data. Every distinct text becomes a server-side
// prepared statement on each connection (Database::run), and MariaDB refuses new ones
// past max_prepared_stmt_count, so a list of values is written in one of a few fixed
// sizes: 1, 2, 4, … kMaxBatch.
//
// - An IN list is padded to the next fixed size by repeating its last value (IN does
//   not care about duplicates).
// - Multi-row INSERTs are split into chunks of fixed sizes (chunks()).
namespace SqlBatch {
constexpr int kMaxBatch = 128;

// The smallest fixed size >= n (1 <= n <= kMaxBatch).
int fixedSize(int n);
// `count` copies of `row` joined by commas: "(?, ?),(?, ?)".
QString repeat(int count, const QString &row);

// "?,?,?,?" for `ids` padded to a fixed size, their values appended to `bindings`.
// At most kMaxBatch ids (split longer lists with chunks()). Written inline,
// `run(sql.arg(inList(ids, bindings)), bindings)`, so the SQL scan (tst_sqlbinding)
// sees where the text came from; `bindings` is read only inside run().
// `size` > 0 pads to exactly that many instead (a background job that wants one
// statement text for any batch: SqlBatch::kMaxBatch).
QString inList(const QList<qint64> &ids, QVariantList &bindings, int size = 0);

// `ids` cut into consecutive pieces of at most kMaxBatch, for inList, which pads each
// to a fixed size: an IN list is one statement per 128 ids (50 ids → one of 64).
QList<QList<qint64>> pieces(const QList<qint64> &ids);

// `items` cut into consecutive pieces whose sizes are fixed sizes, largest first
// (50 rows → 32 + 16 + 2), for multi-row INSERTs, which cannot be padded.
template<typename T>
QList<QList<T>> chunks(const QList<T> &items)
{
    QList<QList<T>> out;
    qsizetype at = 0;
    while (at < items.size()) {
        int size = kMaxBatch;
        while (size > items.size() - at)
            size /= 2;
        out.append(items.mid(at, size));
        at += size;
    }
    return out;
}
}
