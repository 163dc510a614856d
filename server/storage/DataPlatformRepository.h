#pragma once

#include "Result.h"

#include <QtCore/QDateTime>
#include <QtCore/QList>

class Database;

// The data platform's store (API.md, Events): each event once, by eventId, with a
// running total of what was stored so the admin's figures never count the table
// (it is kept for good and only grows).
class DataPlatformRepository
{
public:
    explicit DataPlatformRepository(Database &database) : m_database(database) { }

    struct Event {
        QString eventId;
        QString type;
        qint64 orderId = 0;
        QDateTime occurredAt;
        int partition = 0;
        qint64 offset = 0;
        QByteArray payload;
    };
    // Inside the caller's transaction; how many were new (the rest were already
    // stored: redeliveries).
    Result<int> store(const QList<Event> &events);

    struct Stats {
        qint64 received = 0;
        QDateTime lastEventAt; // invalid: nothing received yet
        qint64 lag = 0; // published events the data platform has not stored
    };
    // Two running totals and the newest entry of ix_dp_received: no scan.
    Result<Stats> stats();

private:
    Database &m_database;
};
