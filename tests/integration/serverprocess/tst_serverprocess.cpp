#include "HttpClient.h"
#include "Loopback.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <csignal>

namespace {
bool processGone(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    return !status.open(QIODevice::ReadOnly) || status.readAll().contains("State:\tZ");
}

qint64 pidFrom(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
}
}

// storefront-server as a shop owner runs it: a process, its command line, its signals.
class tst_ServerProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpDocumentsEveryOption();
    void badOptionsFailClearly_data();
    void badOptionsFailClearly();
    void migrateAppliesOnce();
    void seedFillsAndWritesTokens();
    void serveFromEmptyFolderThenSigterm();
    void stackAloneThenSigint();

private:
    QString m_binary;
};

void tst_ServerProcess::initTestCase()
{
    m_binary = qEnvironmentVariable("STOREFRONT_SERVER_BINARY");
    if (m_binary.isEmpty())
        QSKIP("STOREFRONT_SERVER_BINARY is not set (run through ctest)");
}

void tst_ServerProcess::helpDocumentsEveryOption()
{
    QProcess p;
    p.start(m_binary, { QStringLiteral("--help") });
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 0);
    const QString help = QString::fromLocal8Bit(p.readAllStandardOutput());
    for (const char *option : { "--listen", "--workers", "--stack", "--mysql", "--redis", "--kafka", "--config",
                                "--idle-timeout", "--max-connections", "STOREFRONT_LISTEN", "STOREFRONT_WORKERS",
                                "STOREFRONT_MYSQL", "serve", "migrate" })
        QVERIFY2(help.contains(QLatin1String(option)), option);
}

void tst_ServerProcess::badOptionsFailClearly_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown command") << QStringList { "frobnicate" } << "unknown command";
    QTest::newRow("workers") << QStringList { "--workers", "zero" } << "--workers";
    QTest::newRow("half external") << QStringList { "--redis", "redis://127.0.0.1:1" } << "--mysql";
}

void tst_ServerProcess::badOptionsFailClearly()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess p;
    p.start(m_binary, arguments);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 1);
    const QString err = QString::fromLocal8Bit(p.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

void tst_ServerProcess::migrateAppliesOnce()
{
    QTemporaryDir dir;
    for (const char *expected : { "applied: 0001_initial_schema", "schema is up to date" }) {
        QProcess p;
        p.start(m_binary, { QStringLiteral("migrate"), QStringLiteral("--stack"), dir.path() });
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(QString::fromLocal8Bit(p.readAllStandardOutput()).contains(QLatin1String(expected)));
    }
    QVERIFY2(processGone(pidFrom(dir.path() + QStringLiteral("/mysql.pid"))), "migrate stops its stack");
}

void tst_ServerProcess::seedFillsAndWritesTokens()
{
    QTemporaryDir dir;
    const QString tokens = dir.filePath(QStringLiteral("tokens.txt"));
    QProcess p;
    p.start(m_binary, { QStringLiteral("seed"), QStringLiteral("--stack"), dir.filePath(QStringLiteral("s")),
                        QStringLiteral("--users"), QStringLiteral("1000"), QStringLiteral("--products"), QStringLiteral("50"),
                        QStringLiteral("--coupons"), QStringLiteral("3"), QStringLiteral("--balance"), QStringLiteral("5000"),
                        QStringLiteral("--tokens-out"), tokens });
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const QString out = QString::fromLocal8Bit(p.readAllStandardOutput());
    QVERIFY2(out.contains(QLatin1String("users 1-1000, products 1-50, coupons 1-3")), qPrintable(out));
    QFile file(tokens);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 1000);
    QVERIFY(lines.first().startsWith("1 ") && lines.last().startsWith("1000 "));

    QProcess bad;
    bad.start(m_binary, { QStringLiteral("seed"), QStringLiteral("--stack"), dir.filePath(QStringLiteral("s")),
                          QStringLiteral("--users"), QStringLiteral("-5") });
    QVERIFY(bad.waitForFinished(30000));
    QCOMPARE(bad.exitCode(), 1);
}

void tst_ServerProcess::serveFromEmptyFolderThenSigterm()
{
    QTemporaryDir dir;
    const QString stackDir = dir.path() + QStringLiteral("/s");
    const quint16 port = Loopback::freePort();
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer clock;
    clock.start();
    server.start(m_binary, { QStringLiteral("serve"), QStringLiteral("--stack"), stackDir, QStringLiteral("--listen"),
                             QStringLiteral("127.0.0.1:%1").arg(port) });
    QVERIFY(server.waitForStarted());

    HttpClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    const auto ready = [&] {
        const HttpClient::Reply r = client.get(QStringLiteral("/readyz"));
        return r.status == 200
                && r.json() == QJsonObject { { "status", "ready" }, { "mysql", "up" }, { "redis", "up" }, { "kafka", "up" } };
    };
    QTRY_VERIFY_WITH_TIMEOUT(ready(), 30000);
    // Reported, not asserted: timings are the benchmarks' business.
    qInfo("storefront-server: /readyz all up %lld ms after start from an empty folder", clock.elapsed());

    const qint64 mysqlPid = pidFrom(stackDir + QStringLiteral("/mysql.pid"));
    const qint64 redisPid = pidFrom(stackDir + QStringLiteral("/redis.pid"));
    QVERIFY(mysqlPid > 0 && redisPid > 0);

    server.terminate(); // SIGTERM
    QVERIFY(server.waitForFinished(30000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    QVERIFY(processGone(mysqlPid));
    QVERIFY(processGone(redisPid));
}

void tst_ServerProcess::stackAloneThenSigint()
{
    QTemporaryDir dir;
    const QString stackDir = dir.path() + QStringLiteral("/s");
    QProcess stack;
    stack.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    stack.start(m_binary, { QStringLiteral("stack"), QStringLiteral("--stack"), stackDir });
    QVERIFY(stack.waitForStarted());
    // One line on stdout: the options a server needs to use this stack.
    QTRY_VERIFY_WITH_TIMEOUT(stack.canReadLine(), 60000);
    const QStringList services = QString::fromUtf8(stack.readLine()).trimmed().split(QLatin1Char(' '));
    QCOMPARE(services.size(), 6);
    QCOMPARE(services.at(0), QStringLiteral("--mysql"));
    QCOMPARE(services.at(2), QStringLiteral("--redis"));
    QCOMPARE(services.at(4), QStringLiteral("--kafka"));

    // A server in another process runs on it.
    QProcess migrate;
    migrate.start(m_binary, QStringList { QStringLiteral("migrate") } + services);
    QVERIFY(migrate.waitForFinished(60000));
    QVERIFY2(migrate.exitCode() == 0, migrate.readAllStandardError().constData());
    QVERIFY(QString::fromLocal8Bit(migrate.readAllStandardOutput()).contains(QLatin1String("applied: 0001_initial_schema")));

    const qint64 mysqlPid = pidFrom(stackDir + QStringLiteral("/mysql.pid"));
    const qint64 redisPid = pidFrom(stackDir + QStringLiteral("/redis.pid"));
    QVERIFY(mysqlPid > 0 && redisPid > 0);
    ::kill(pid_t(stack.processId()), SIGINT); // Ctrl-C
    QVERIFY(stack.waitForFinished(30000));
    QCOMPARE(stack.exitStatus(), QProcess::NormalExit);
    QCOMPARE(stack.exitCode(), 0);
    QVERIFY(processGone(mysqlPid));
    QVERIFY(processGone(redisPid));

    QProcess external;
    external.start(m_binary, QStringList { QStringLiteral("stack") } + services);
    QVERIFY(external.waitForFinished(10000));
    QCOMPARE(external.exitCode(), 1);
    QVERIFY(external.readAllStandardError().contains("runs only the local stack"));
}

QTEST_GUILESS_MAIN(tst_ServerProcess)
#include "tst_serverprocess.moc"
