#pragma once

#include "PipelineStatsRepository.h"
#include "SalesRepository.h"

#include <QtCore/QJsonArray>

class Database;

// What the admin's dashboard reads (API.md, Operations): sales per day and the event
// pipeline's state. Reads only; the routes map it to HTTP.
class ShopStatsService
{
public:
    explicit ShopStatsService(Database &database) : m_sales(database), m_pipeline(database) { }

    Result<QJsonArray> salesPerDay(int days) { return m_sales.daily(days); }
    Result<PipelineStatsRepository::Outbox> outbox() { return m_pipeline.outbox(); }
    Result<PipelineStatsRepository::DataPlatform> dataPlatform() { return m_pipeline.dataPlatform(); }

private:
    SalesRepository m_sales;
    PipelineStatsRepository m_pipeline;
};
