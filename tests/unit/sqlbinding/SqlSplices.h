#pragma once

#include <QtCore/QStringList>

// The pieces spliced into SQL text (QString::arg, +) in the database calls of a C++
// source that are not among the few built from constants. Kept out of the test's
// file because moc cannot read the raw string literals below.
namespace SqlSplices {
QStringList unsafe(const QString &source);
}
