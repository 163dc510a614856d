#pragma once

#include "MysqlEndpoint.h"
#include "RetentionService.h"

#include <QtCore/QThread>

#include <condition_variable>
#include <mutex>

// Runs the retention sweep (RetentionService) on a thread of its own with its own
// MySQL connection: first `firstSweepMs` after start, then every `intervalMs`. Every
// instance runs one; the service's named lock lets one sweep at a time.
class Housekeeper : public QThread
{
    Q_OBJECT
public:
    struct Options {
        MysqlEndpoint mysql;
        RetentionService::Ages ages;
        int firstSweepMs = 10000;
        int intervalMs = 60000;
    };

    explicit Housekeeper(Options options, QObject *parent = nullptr);
    ~Housekeeper() override;

    // Ends the thread (a sweep in progress finishes its current batch).
    void stop();

protected:
    void run() override;

private:
    bool waitFor(int ms);

    Options m_options;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
};
