#pragma once

#include <QtCore/QStringList>

// The pieces spliced into SQL text (QString::arg, +) in the database calls of a C++
// source that are not really constant. Kept out of the test's file because moc cannot
// read the raw string literals in the scanner.
//
// Constant means: a string literal, a `k` name the same source declares const or
// constexpr, or a placeholder list from the named helper `SqlBatch::` (a fixed number
// of `?` for a fixed batch size). A `.join(` of rows or ids is refused everywhere but
// the seed tool (storage/Seeder.cpp, fed by its own plan, never by a request).
namespace SqlSplices {
// fileName: the source's file name (the seed tool's exception needs it).
QStringList unsafe(const QString &source, const QString &fileName = QString());
}
