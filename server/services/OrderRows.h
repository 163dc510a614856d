#pragma once

#include "OrderRepository.h"
#include "ProductRepository.h"
#include "SalesRepository.h"
#include "StockLedgerRepository.h"
#include "WalletRepository.h"

class Database;

// The rows paid orders write together, inside the caller's transaction (OrderService:
// one order, or a batch of them sharing one transaction): the shared hot rows last —
// each product's stock once for all of them, its ledger rows, the hour's sales — and a
// batch's plain orders as multi-row INSERTs.
class OrderRows
{
public:
    explicit OrderRows(Database &database);

    // The hot rows of these orders, in ascending product id: one conditional stock
    // UPDATE per product for all their units (OUT_OF_STOCK when they do not all fit; a
    // changed price is a retryable UNAVAILABLE), the ORDER ledger rows each saying the
    // stock its own order left, one sales upsert per product and hour.
    Status takeHotRows(const QList<Order> &orders);
    // A batch's plain orders, their balances already taken: their rows (ids set from
    // the INSERT) and their PAYMENT ledger rows, each in one multi-row INSERT.
    Status writePlain(QList<Order> &orders);

private:
    ProductRepository m_products;
    OrderRepository m_orders;
    WalletRepository m_wallet;
    SalesRepository m_sales;
    StockLedgerRepository m_stockLedger;
};
