#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QVariant>

#include <mysql.h>

#include <vector>

// Conversions between QVariant and MariaDB Connector/C's binary protocol, for
// MariadbResult. Kept apart so the statement code reads as the protocol's steps.
namespace MariadbValues {

// What a result column is, from the server's field description.
struct Column {
    QByteArray name;
    enum_field_types type = MYSQL_TYPE_NULL;
    bool isUnsigned = false;
    bool isBinary = false; // charset 63: bytes, not text
    unsigned int decimals = 0;
};
Column columnOf(const MYSQL_FIELD &field);
// The QMetaType a column's values have (also the type of its NULLs).
QMetaType metaTypeOf(const Column &column);

// Parameters of one execution: MYSQL_BINDs and the storage they point into, which
// lives until the execution has returned.
class Parameters
{
public:
    explicit Parameters(const QList<QVariant> &values);
    MYSQL_BIND *binds() { return m_binds.data(); }

private:
    std::vector<MYSQL_BIND> m_binds;
    std::vector<long long> m_integers;
    std::vector<double> m_doubles;
    std::vector<MYSQL_TIME> m_times;
    std::vector<QByteArray> m_bytes;
};

// One result column's fetch buffer (binary protocol).
struct Slot {
    long long integer = 0;
    double real = 0;
    MYSQL_TIME time {};
    QByteArray bytes;
    unsigned long length = 0;
    my_bool isNull = 0;
    my_bool error = 0;
};
// Points `bind` at `slot` for `column`'s type; variable-length columns get `capacity` bytes.
void bindSlot(MYSQL_BIND &bind, Slot &slot, const Column &column, unsigned long capacity);
// True if `column` is fetched as bytes (and may need a larger buffer).
bool isVariableLength(const Column &column);
QVariant valueOf(const Slot &slot, const Column &column);

// A text-protocol field (as mysql_fetch_row gives it) as the same QVariant a prepared
// statement would give.
QVariant valueOfText(const char *text, unsigned long length, const Column &column);

} // namespace MariadbValues
