#include "LocalStack.h"

#include <QtCore/QFile>

#include <QtCore/QDir>
#include <QtCore/QLoggingCategory>
#include <QtCore/QStandardPaths>

Q_LOGGING_CATEGORY(lcStack, "storefront.stack")

namespace {
constexpr int kMysqlStartMs = 30000;
constexpr int kRedisStartMs = 10000;
}

LocalStack::LocalStack(Mode mode, const QString &dir, QObject *parent) : QObject(parent), m_mode(mode)
{
    if (mode == Mode::Ephemeral) {
        m_tempDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/storefront-stack-XXXXXX"));
        m_dir = m_tempDir->path();
    } else {
        m_dir = dir.isEmpty() ? defaultDir() : QDir(dir).absolutePath();
    }
    m_mysql = std::make_unique<MariaDbInstance>(m_dir);
    m_redis = std::make_unique<RedisInstance>(m_dir);
}

LocalStack::~LocalStack()
{
    stop();
}

QString LocalStack::runningMysqlUrl(const QString &dir)
{
    QLockFile lock(dir + QStringLiteral("/stack.lock"));
    lock.setStaleLockTime(0);
    if (lock.tryLock(0))
        return QString(); // nobody runs it
    QFile running(dir + QStringLiteral("/mysql.url"));
    if (!running.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(running.readAll()).trimmed();
}

QString LocalStack::defaultDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/stack");
}

Status LocalStack::start()
{
    if (m_running)
        return Done {};
    if (!QDir().mkpath(m_dir))
        return Failure { ErrorCode::Unavailable, QStringLiteral("cannot create the stack folder %1").arg(m_dir), {} };

    m_lock = std::make_unique<QLockFile>(m_dir + QStringLiteral("/stack.lock"));
    m_lock->setStaleLockTime(0); // stale only when its process is gone
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        m_lock->getLockInfo(&pid, &host, &app);
        m_lock.reset();
        return Failure { ErrorCode::Unavailable,
                         QStringLiteral("the stack folder %1 is in use by %2 (pid %3); stop it or choose another folder")
                                 .arg(m_dir, app)
                                 .arg(pid),
                         {} };
    }
    Q_EMIT progress(tr("Starting MariaDB…"));
    if (Status s = m_mysql->start(QDeadlineTimer(kMysqlStartMs)); !s) {
        m_lock.reset();
        return s;
    }
    Q_EMIT progress(tr("Starting Redis…"));
    if (Status s = m_redis->start(QDeadlineTimer(kRedisStartMs)); !s) {
        m_mysql->stop();
        m_lock.reset();
        return s;
    }
    Q_EMIT progress(tr("Starting the Kafka broker…"));
    // The topic exists before any producer or consumer connects: the mock does not
    // answer the Admin API's CreateTopics.
    Status kafka = m_kafka.start();
    if (kafka.ok())
        kafka = m_kafka.createTopic(QStringLiteral("storefront.orders"), 3, 1);
    if (Status s = kafka; !s) {
        m_redis->stop();
        m_mysql->stop();
        m_lock.reset();
        return s;
    }
    m_running = true;
    {
        QFile running(m_dir + QStringLiteral("/mysql.url"));
        if (running.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            running.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            running.write(m_mysql->url().toUtf8());
        }
    }
    qCInfo(lcStack).noquote() << "local stack up in" << m_dir << "mysql" << m_mysql->url() << "redis"
                              << m_redis->url() << "kafka" << m_kafka.bootstrapServers();
    Q_EMIT progress(tr("Services are up"));
    return Done {};
}

void LocalStack::stop()
{
    if (!m_running && !m_mysql->isRunning() && !m_redis->isRunning() && !m_kafka.isRunning())
        return;
    m_kafka.stop();
    m_redis->stop();
    m_mysql->stop();
    QFile::remove(m_dir + QStringLiteral("/mysql.url"));
    m_lock.reset();
    m_running = false;
    qCInfo(lcStack).noquote() << "local stack stopped" << m_dir;
}
