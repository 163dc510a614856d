#include "StockTemplate.h"

namespace {
// Only a key can be followed by a colon, and a quote inside a string is escaped, so in
// compact JSON this is a "stock" key and nothing else.
const QByteArray kStockKey = QByteArrayLiteral("\"stock\":");

// One line of comma-separated integers, from `p` up to its '\n' (consumed).
template<typename T>
bool readLine(const char *&p, const char *end, QList<T> &out)
{
    while (p < end && *p != '\n') {
        const bool negative = *p == '-';
        if (negative)
            ++p;
        if (p == end || *p < '0' || *p > '9')
            return false;
        qint64 value = 0;
        while (p < end && *p >= '0' && *p <= '9')
            value = value * 10 + (*p++ - '0');
        out.append(T(negative ? -value : value));
        if (p < end && *p == ',')
            ++p;
        else if (p == end || *p != '\n')
            return false;
    }
    if (p == end)
        return false;
    ++p;
    return true;
}

template<typename T>
void writeLine(QByteArray &out, const QList<T> &values)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += ',';
        out += QByteArray::number(qint64(values.at(i)));
    }
    out += '\n';
}
}

std::optional<StockTemplate> StockTemplate::fromJson(const QByteArray &json, const QList<qint64> &productIds)
{
    StockTemplate t;
    t.m_ids = productIds;
    t.m_bytes.reserve(json.size());
    qsizetype from = 0;
    for (qsizetype at = json.indexOf(kStockKey); at >= 0; at = json.indexOf(kStockKey, from)) {
        qsizetype digits = at + kStockKey.size();
        qsizetype end = digits;
        if (end < json.size() && json.at(end) == '-')
            ++end;
        while (end < json.size() && json.at(end) >= '0' && json.at(end) <= '9')
            ++end;
        bool number = false;
        const qint64 stock = json.mid(digits, end - digits).toLongLong(&number);
        if (!number)
            return std::nullopt;
        t.m_bytes += QByteArrayView(json).sliced(from, digits - from);
        t.m_offsets.append(t.m_bytes.size());
        t.m_stocks.append(stock);
        from = end;
    }
    t.m_bytes += QByteArrayView(json).sliced(from);
    if (t.m_offsets.size() != productIds.size())
        return std::nullopt;
    return t;
}

std::optional<StockTemplate> StockTemplate::parse(const QByteArray &stored)
{
    StockTemplate t;
    const char *p = stored.constData();
    const char *end = p + stored.size();
    if (!readLine(p, end, t.m_ids) || !readLine(p, end, t.m_offsets) || !readLine(p, end, t.m_stocks))
        return std::nullopt;
    t.m_bytes = stored.sliced(p - stored.constData());
    if (t.m_offsets.size() != t.m_ids.size() || t.m_stocks.size() != t.m_ids.size())
        return std::nullopt;
    qsizetype last = 0;
    for (qsizetype offset : std::as_const(t.m_offsets)) {
        if (offset < last || offset > t.m_bytes.size())
            return std::nullopt;
        last = offset;
    }
    return t;
}

QByteArray StockTemplate::serialise() const
{
    QByteArray out;
    out.reserve(m_bytes.size() + m_ids.size() * 24 + 3);
    writeLine(out, m_ids);
    writeLine(out, m_offsets);
    writeLine(out, m_stocks);
    out += m_bytes;
    return out;
}

QByteArray StockTemplate::render(const QList<qint64> &stocks) const
{
    Q_ASSERT(stocks.size() == m_ids.size());
    QByteArray out;
    out.reserve(m_bytes.size() + m_offsets.size() * 8);
    qsizetype from = 0;
    for (qsizetype i = 0; i < m_offsets.size(); ++i) {
        out += QByteArrayView(m_bytes).sliced(from, m_offsets.at(i) - from);
        out += QByteArray::number(stocks.at(i));
        from = m_offsets.at(i);
    }
    out += QByteArrayView(m_bytes).sliced(from);
    return out;
}
