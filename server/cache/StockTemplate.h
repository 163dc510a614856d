#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QList>

#include <optional>

// A catalogue answer kept as the bytes it is sent as, less each product's stock, with
// where each stock goes: a cached answer is its stored bytes with the live stocks
// written in, no JSON decoded or encoded per request.
//
// Stored in Redis as three lines and the bytes:
//   <product id>,<product id>,...\n   (read by the cache's Lua script: whose stocks to fetch)
//   <offset>,<offset>,...\n           (where in the bytes each stock is written)
//   <stock>,<stock>,...\n             (the stock when the answer was built: the fallback
//                                      for a product no stock source knows any more)
//   <bytes>
class StockTemplate
{
public:
    // From a compact JSON answer whose "stock" keys belong, in order, to `productIds`
    // (one each). nullopt if the count differs or a stock is not an integer.
    static std::optional<StockTemplate> fromJson(const QByteArray &json, const QList<qint64> &productIds);
    // From what serialise() wrote; nullopt for anything else (an entry another version wrote).
    static std::optional<StockTemplate> parse(const QByteArray &stored);

    QByteArray serialise() const;
    const QList<qint64> &productIds() const { return m_ids; }
    const QList<qint64> &storedStocks() const { return m_stocks; }
    // The answer with stocks.at(i) written for productIds().at(i); stocks.size() must
    // equal productIds().size().
    QByteArray render(const QList<qint64> &stocks) const;

private:
    QList<qint64> m_ids;
    QList<qsizetype> m_offsets;
    QList<qint64> m_stocks;
    QByteArray m_bytes;
};
