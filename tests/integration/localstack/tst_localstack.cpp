#include "Database.h"
#include "KafkaProbe.h"
#include "LocalStack.h"
#include "Loopback.h"
#include "RedisClient.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

#include <csignal>

namespace {
// A pid is gone when /proc has no entry, or only a zombie no one reaps yet.
bool processGone(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return true;
    return status.readAll().contains("State:\tZ");
}

qint64 pidFrom(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
}
}

class tst_LocalStack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startAnswersAndStops();
    void persistentKeepsData();
    void noOrphanWhenOwnerIsKilled();
    void secondOwnerOfAFolderIsRefused();
    void missingBinaryIsReported();
    void failedStartShowsLogTail();
};

void tst_LocalStack::startAnswersAndStops()
{
    QString dir;
    qint64 mysqlPid = 0;
    qint64 redisPid = 0;
    {
        LocalStack stack(LocalStack::Mode::Ephemeral);
        dir = stack.dir();
        QElapsedTimer clock;
        clock.start();
        const Status started = stack.start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.failure().message));
        qInfo("ephemeral stack ready in %lld ms", clock.elapsed());

        Database db(MysqlEndpoint::fromUrl(stack.mysql().url()).value(), QStringLiteral("t"));
        QVERIFY(db.open().ok());
        QSqlQuery q(db.handle());
        QVERIFY(q.exec(QStringLiteral("SELECT DATABASE(), @@character_set_server")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("storefront"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("utf8mb4"));

        RedisClient redis(RedisEndpoint::fromUrl(stack.redis().url()).value());
        QVERIFY(redis.ping());
        KafkaProbe kafka(stack.kafka().bootstrapServers());
        QVERIFY(kafka.reachable(5000));

        mysqlPid = pidFrom(dir + QStringLiteral("/mysql.pid"));
        redisPid = pidFrom(dir + QStringLiteral("/redis.pid"));
        QVERIFY(mysqlPid > 0);
        QVERIFY(redisPid > 0);
        QVERIFY(!processGone(mysqlPid));
    }
    QVERIFY(processGone(mysqlPid));
    QVERIFY(processGone(redisPid));
    QVERIFY2(!QFile::exists(dir), "an ephemeral stack removes its folder");
}

void tst_LocalStack::persistentKeepsData()
{
    QTemporaryDir dir;
    for (int run = 0; run < 2; ++run) {
        LocalStack stack(LocalStack::Mode::Persistent, dir.path());
        const Status started = stack.start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.failure().message));
        Database db(MysqlEndpoint::fromUrl(stack.mysql().url()).value(), QStringLiteral("p"));
        QVERIFY(db.open().ok());
        QSqlQuery q(db.handle());
        if (run == 0) {
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE kept (v INT) ENGINE=InnoDB")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO kept VALUES (42)")));
        } else {
            QVERIFY(q.exec(QStringLiteral("SELECT v FROM kept")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 42);
        }
    }
    QVERIFY(QFile::exists(dir.path() + QStringLiteral("/mysql")));
}

void tst_LocalStack::noOrphanWhenOwnerIsKilled()
{
    const QString binary = qEnvironmentVariable("STOREFRONT_SERVER_BINARY");
    if (binary.isEmpty())
        QSKIP("STOREFRONT_SERVER_BINARY is not set (run through ctest)");
    QTemporaryDir dir;
    const QString port = QString::number(Loopback::freePort());
    const QStringList args { QStringLiteral("serve"), QStringLiteral("--stack"), dir.path(), QStringLiteral("--listen"),
                             QStringLiteral("127.0.0.1:") + port, QStringLiteral("--workers"), QStringLiteral("2") };

    QProcess owner;
    owner.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    owner.start(binary, args);
    QVERIFY(owner.waitForStarted());
    const QString mysqlPidFile = dir.path() + QStringLiteral("/mysql.pid");
    const QString redisPidFile = dir.path() + QStringLiteral("/redis.pid");
    QTRY_VERIFY_WITH_TIMEOUT(pidFrom(mysqlPidFile) > 0 && pidFrom(redisPidFile) > 0, 30000);
    const qint64 mysqlPid = pidFrom(mysqlPidFile);
    const qint64 redisPid = pidFrom(redisPidFile);

    ::kill(pid_t(owner.processId()), SIGKILL);
    QVERIFY(owner.waitForFinished(5000));
    QTRY_VERIFY_WITH_TIMEOUT(processGone(mysqlPid), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(processGone(redisPid), 10000);

    // The same folder starts again (InnoDB recovers; stale pid files are handled).
    LocalStack again(LocalStack::Mode::Persistent, dir.path());
    const Status restarted = again.start();
    QVERIFY2(restarted.ok(), restarted.ok() ? "" : qPrintable(restarted.failure().message));
}

void tst_LocalStack::secondOwnerOfAFolderIsRefused()
{
    QTemporaryDir dir;
    LocalStack first(LocalStack::Mode::Persistent, dir.path());
    QVERIFY(first.start().ok());
    const qint64 mysqlPid = pidFrom(dir.path() + QStringLiteral("/mysql.pid"));

    LocalStack second(LocalStack::Mode::Persistent, dir.path());
    const Status refused = second.start();
    QVERIFY(!refused.ok());
    QVERIFY2(refused.failure().message.contains(QLatin1String("in use")), qPrintable(refused.failure().message));
    QVERIFY2(!processGone(mysqlPid), "the first owner's MariaDB keeps running");

    first.stop();
    QVERIFY2(second.start().ok(), "the folder is free again once its owner stopped");
}

void tst_LocalStack::missingBinaryIsReported()
{
    QTemporaryDir dir;
    ManagedProcess process(QStringLiteral("Nothing"), QStringLiteral("storefront-no-such-binary"),
                           dir.filePath(QStringLiteral("x.log")), dir.filePath(QStringLiteral("x.pid")));
    const Status s = process.start({}, [] { return true; }, QDeadlineTimer(1000));
    QVERIFY(!s.ok());
    QVERIFY2(s.failure().message.contains(QLatin1String("not installed")), qPrintable(s.failure().message));
}

void tst_LocalStack::failedStartShowsLogTail()
{
    QTemporaryDir dir;
    ManagedProcess process(QStringLiteral("Redis"), QStringLiteral("redis-server"), dir.filePath(QStringLiteral("r.log")),
                           dir.filePath(QStringLiteral("r.pid")));
    const Status s = process.start({ QStringLiteral("--port"), QStringLiteral("not-a-port") }, [] { return false; },
                                   QDeadlineTimer(10000));
    QVERIFY(!s.ok());
    QVERIFY2(s.failure().message.contains(QLatin1String("exited during start-up")), qPrintable(s.failure().message));
    // redis-server explains a bad argument in its output: the tail must carry it.
    QVERIFY2(s.failure().message.contains(QLatin1String("port")), qPrintable(s.failure().message));
}

QTEST_GUILESS_MAIN(tst_LocalStack)
#include "tst_localstack.moc"
