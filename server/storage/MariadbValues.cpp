#include "MariadbValues.h"

#include <QtCore/QDateTime>

#include <cstring>

namespace MariadbValues {
namespace {
constexpr unsigned int kBinaryCharset = 63;

// As Qt's own drivers: a null QString, QByteArray, date or time is SQL NULL too
// (Qt 6's QVariant::isNull() no longer says so for them).
bool isSqlNull(const QVariant &v)
{
    if (v.isNull())
        return true;
    switch (v.typeId()) {
    case QMetaType::QString:
        return v.toString().isNull();
    case QMetaType::QByteArray:
        return v.toByteArray().isNull();
    case QMetaType::QDateTime:
        return !v.toDateTime().isValid();
    case QMetaType::QDate:
        return !v.toDate().isValid();
    case QMetaType::QTime:
        return !v.toTime().isValid();
    default:
        return false;
    }
}

bool isInteger(enum_field_types t)
{
    return t == MYSQL_TYPE_TINY || t == MYSQL_TYPE_SHORT || t == MYSQL_TYPE_INT24 || t == MYSQL_TYPE_LONG
            || t == MYSQL_TYPE_LONGLONG || t == MYSQL_TYPE_YEAR;
}

bool isReal(enum_field_types t)
{
    return t == MYSQL_TYPE_FLOAT || t == MYSQL_TYPE_DOUBLE;
}

bool isTime(enum_field_types t)
{
    return t == MYSQL_TYPE_DATE || t == MYSQL_TYPE_DATETIME || t == MYSQL_TYPE_TIMESTAMP || t == MYSQL_TYPE_TIME
            || t == MYSQL_TYPE_NEWDATE;
}

bool isDecimal(enum_field_types t)
{
    return t == MYSQL_TYPE_DECIMAL || t == MYSQL_TYPE_NEWDECIMAL;
}

// DECIMAL: SUM() of integer columns is DECIMAL(n, 0); repositories read it as a
// whole number. A fraction stays a double.
QVariant decimalValue(const QByteArray &text, const Column &column)
{
    if (column.decimals == 0) {
        bool ok = false;
        const qlonglong whole = text.toLongLong(&ok);
        if (ok)
            return whole;
    }
    return text.toDouble();
}

QVariant timeValue(const MYSQL_TIME &t, enum_field_types type)
{
    const QTime clock(int(t.hour), int(t.minute), int(t.second), int(t.second_part / 1000));
    if (type == MYSQL_TYPE_TIME)
        return clock;
    const QDate day(int(t.year), int(t.month), int(t.day));
    if (type == MYSQL_TYPE_DATE || type == MYSQL_TYPE_NEWDATE)
        return day;
    // Wall-clock time without a zone, as QMYSQL gives it: SqlTime::utc labels it UTC.
    return QDateTime(day, clock);
}

// "YYYY-MM-DD", "HH:MM:SS[.ffffff]" or both, as the text protocol sends them.
MYSQL_TIME parseTime(const QByteArray &text, enum_field_types type)
{
    MYSQL_TIME t {};
    QByteArray datePart;
    QByteArray timePart;
    if (type == MYSQL_TYPE_TIME) {
        timePart = text;
    } else {
        const int space = text.indexOf(' ');
        datePart = space < 0 ? text : text.left(space);
        if (space >= 0)
            timePart = text.mid(space + 1);
    }
    if (!datePart.isEmpty()) {
        const QList<QByteArray> d = datePart.split('-');
        if (d.size() == 3) {
            t.year = d[0].toUInt();
            t.month = d[1].toUInt();
            t.day = d[2].toUInt();
        }
    }
    if (!timePart.isEmpty()) {
        const int dot = timePart.indexOf('.');
        const QList<QByteArray> c = (dot < 0 ? timePart : timePart.left(dot)).split(':');
        if (c.size() == 3) {
            t.hour = c[0].toUInt();
            t.minute = c[1].toUInt();
            t.second = c[2].toUInt();
        }
        if (dot >= 0)
            t.second_part = timePart.mid(dot + 1).leftJustified(6, '0').left(6).toULong();
    }
    return t;
}
}

Column columnOf(const MYSQL_FIELD &field)
{
    Column c;
    c.name = QByteArray(field.name, int(field.name_length));
    c.type = field.type;
    c.isUnsigned = (field.flags & UNSIGNED_FLAG) != 0;
    c.isBinary = field.charsetnr == kBinaryCharset && !isInteger(field.type) && !isReal(field.type)
            && !isTime(field.type) && !isDecimal(field.type);
    c.decimals = field.decimals;
    return c;
}

QMetaType metaTypeOf(const Column &column)
{
    if (isInteger(column.type))
        return QMetaType(column.isUnsigned ? QMetaType::ULongLong : QMetaType::LongLong);
    if (isReal(column.type))
        return QMetaType(QMetaType::Double);
    if (isDecimal(column.type))
        return QMetaType(column.decimals == 0 ? QMetaType::LongLong : QMetaType::Double);
    if (column.type == MYSQL_TYPE_TIME)
        return QMetaType(QMetaType::QTime);
    if (column.type == MYSQL_TYPE_DATE || column.type == MYSQL_TYPE_NEWDATE)
        return QMetaType(QMetaType::QDate);
    if (isTime(column.type))
        return QMetaType(QMetaType::QDateTime);
    return QMetaType(column.isBinary ? QMetaType::QByteArray : QMetaType::QString);
}

Parameters::Parameters(const QList<QVariant> &values)
{
    const size_t n = size_t(values.size());
    // Reserved up front: the binds point into these, so they must never reallocate.
    m_binds.assign(n, MYSQL_BIND {});
    m_integers.reserve(n);
    m_doubles.reserve(n);
    m_times.reserve(n);
    m_bytes.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        const QVariant &v = values[qsizetype(i)];
        MYSQL_BIND &b = m_binds[i];
        if (isSqlNull(v)) {
            b.buffer_type = MYSQL_TYPE_NULL;
            continue;
        }
        switch (v.typeId()) {
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::Short:
        case QMetaType::Char:
        case QMetaType::SChar:
            m_integers.push_back(v.toLongLong());
            b.buffer_type = MYSQL_TYPE_LONGLONG;
            b.buffer = &m_integers.back();
            break;
        case QMetaType::UInt:
        case QMetaType::ULong:
        case QMetaType::ULongLong:
        case QMetaType::UShort:
        case QMetaType::UChar:
            m_integers.push_back(static_cast<long long>(v.toULongLong()));
            b.buffer_type = MYSQL_TYPE_LONGLONG;
            b.buffer = &m_integers.back();
            b.is_unsigned = 1;
            break;
        case QMetaType::Double:
        case QMetaType::Float:
            m_doubles.push_back(v.toDouble());
            b.buffer_type = MYSQL_TYPE_DOUBLE;
            b.buffer = &m_doubles.back();
            break;
        case QMetaType::QDateTime:
        case QMetaType::QDate:
        case QMetaType::QTime: {
            // The wall-clock fields as given (SqlTime::param has made them UTC).
            MYSQL_TIME t {};
            const QDateTime dt = v.typeId() == QMetaType::QDate ? QDateTime(v.toDate(), QTime(0, 0))
                    : v.typeId() == QMetaType::QTime            ? QDateTime(QDate(1970, 1, 1), v.toTime())
                                                                : v.toDateTime();
            t.year = unsigned(dt.date().year());
            t.month = unsigned(dt.date().month());
            t.day = unsigned(dt.date().day());
            t.hour = unsigned(dt.time().hour());
            t.minute = unsigned(dt.time().minute());
            t.second = unsigned(dt.time().second());
            t.second_part = static_cast<unsigned long>(dt.time().msec()) * 1000;
            enum_field_types type = MYSQL_TYPE_DATETIME;
            t.time_type = MYSQL_TIMESTAMP_DATETIME;
            if (v.typeId() == QMetaType::QDate) {
                type = MYSQL_TYPE_DATE;
                t.time_type = MYSQL_TIMESTAMP_DATE;
            } else if (v.typeId() == QMetaType::QTime) {
                type = MYSQL_TYPE_TIME;
                t.time_type = MYSQL_TIMESTAMP_TIME;
                t.year = t.month = t.day = 0;
            }
            m_times.push_back(t);
            b.buffer_type = type;
            b.buffer = &m_times.back();
            break;
        }
        case QMetaType::QByteArray:
            m_bytes.push_back(v.toByteArray());
            b.buffer_type = MYSQL_TYPE_BLOB;
            b.buffer = m_bytes.back().data();
            b.buffer_length = static_cast<unsigned long>(m_bytes.back().size());
            break;
        default:
            m_bytes.push_back(v.toString().toUtf8());
            b.buffer_type = MYSQL_TYPE_STRING;
            b.buffer = m_bytes.back().data();
            b.buffer_length = static_cast<unsigned long>(m_bytes.back().size());
            break;
        }
    }
}

bool isVariableLength(const Column &column)
{
    return !isInteger(column.type) && !isReal(column.type) && !isTime(column.type);
}

void bindSlot(MYSQL_BIND &bind, Slot &slot, const Column &column, unsigned long capacity)
{
    bind = MYSQL_BIND {};
    bind.is_null = &slot.isNull;
    bind.length = &slot.length;
    bind.error = &slot.error;
    if (isInteger(column.type)) {
        bind.buffer_type = MYSQL_TYPE_LONGLONG;
        bind.buffer = &slot.integer;
        bind.is_unsigned = column.isUnsigned;
    } else if (isReal(column.type)) {
        bind.buffer_type = MYSQL_TYPE_DOUBLE;
        bind.buffer = &slot.real;
    } else if (isTime(column.type)) {
        bind.buffer_type = column.type == MYSQL_TYPE_NEWDATE ? MYSQL_TYPE_DATE : column.type;
        bind.buffer = &slot.time;
    } else {
        if (slot.bytes.size() < qsizetype(capacity))
            slot.bytes.resize(qsizetype(capacity));
        bind.buffer_type = column.isBinary ? MYSQL_TYPE_BLOB : MYSQL_TYPE_STRING;
        bind.buffer = slot.bytes.data();
        bind.buffer_length = static_cast<unsigned long>(slot.bytes.size());
    }
}

QVariant valueOf(const Slot &slot, const Column &column)
{
    if (slot.isNull)
        return QVariant(metaTypeOf(column));
    if (isInteger(column.type))
        return column.isUnsigned ? QVariant(qulonglong(slot.integer)) : QVariant(qlonglong(slot.integer));
    if (isReal(column.type))
        return slot.real;
    if (isTime(column.type))
        return timeValue(slot.time, column.type);
    const QByteArray bytes(slot.bytes.constData(), qsizetype(slot.length));
    if (isDecimal(column.type))
        return decimalValue(bytes, column);
    if (column.isBinary)
        return bytes;
    return QString::fromUtf8(bytes);
}

QVariant valueOfText(const char *text, unsigned long length, const Column &column)
{
    if (!text)
        return QVariant(metaTypeOf(column));
    const QByteArray bytes(text, qsizetype(length));
    if (isInteger(column.type))
        return column.isUnsigned ? QVariant(bytes.toULongLong()) : QVariant(bytes.toLongLong());
    if (isReal(column.type))
        return bytes.toDouble();
    if (isDecimal(column.type))
        return decimalValue(bytes, column);
    if (isTime(column.type))
        return timeValue(parseTime(bytes, column.type), column.type);
    if (column.isBinary)
        return bytes;
    return QString::fromUtf8(bytes);
}

} // namespace MariadbValues
