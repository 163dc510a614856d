#pragma once

#include "KafkaMockCluster.h"
#include "MariaDbInstance.h"
#include "RedisInstance.h"

#include <QtCore/QLockFile>
#include <QtCore/QObject>
#include <QtCore/QTemporaryDir>

#include <memory>

// Private MariaDB, Redis and Kafka mock on loopback with a data folder of their own:
// the desktop app's embedded default, `storefront-server --stack DIR`, and every
// integration test's isolated real services.
//
// Start and stop it from one thread that outlives it (see ManagedProcess). Destroying
// it stops everything.
class LocalStack : public QObject
{
    Q_OBJECT
public:
    enum class Mode {
        Ephemeral, // a temporary folder, removed on stop: tests
        Persistent, // a folder that keeps the data between runs: the app, the service
    };

    // dir: the data folder for Persistent; empty means AppLocalDataLocation/stack.
    explicit LocalStack(Mode mode, const QString &dir = QString(), QObject *parent = nullptr);
    ~LocalStack() override;

    // Blocks until all three answer (each with its own deadline) or one fails; on a
    // failure the ones already started are stopped again.
    Status start();
    void stop();
    bool isRunning() const { return m_running; }

    QString dir() const { return m_dir; }
    MariaDbInstance &mysql() { return *m_mysql; }
    RedisInstance &redis() { return *m_redis; }
    KafkaMockCluster &kafka() { return m_kafka; }

    static QString defaultDir();
    // The MySQL URL of the stack another process runs in `dir` right now (it holds the
    // folder's lock and wrote the file at start), for `storefront-server backup` beside
    // a serving shop; empty when none runs there.
    static QString runningMysqlUrl(const QString &dir);

Q_SIGNALS:
    // A step of start-up in words ("Starting MariaDB…"), for a progress display.
    void progress(const QString &step);

private:
    Mode m_mode;
    QString m_dir;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    // One owner per folder: a second server on it would kill the first one's services.
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<MariaDbInstance> m_mysql;
    std::unique_ptr<RedisInstance> m_redis;
    KafkaMockCluster m_kafka;
    bool m_running = false;
};
