#pragma once

#include "DataPlatformRepository.h"
#include "OutboxRepository.h"
#include "SalesRepository.h"

#include <QtCore/QJsonArray>

class Database;

// What the admin's dashboard reads (API.md, Operations): sales per day and the event
// pipeline's state. Reads only; the routes map it to HTTP.
class ShopStatsService
{
public:
    explicit ShopStatsService(Database &database) : m_sales(database), m_outbox(database), m_dataPlatform(database) { }

    Result<QJsonArray> salesPerDay(int days) { return m_sales.daily(days); }
    Result<OutboxRepository::Counts> outbox() { return m_outbox.counts(); }
    Result<DataPlatformRepository::Stats> dataPlatform() { return m_dataPlatform.stats(); }

private:
    SalesRepository m_sales;
    OutboxRepository m_outbox;
    DataPlatformRepository m_dataPlatform;
};
