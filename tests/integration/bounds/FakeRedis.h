#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QSemaphore>
#include <QtCore/QThread>

#include <atomic>

// A stand-in for a Redis of another version, on loopback: it speaks just enough RESP
// for a server's start-up (INFO answers `redis_version:<version>`, PING +PONG, anything
// else an error). On its own thread, because StorefrontServer::start() blocks the
// test's thread while it talks to it.
class FakeRedis : public QThread
{
    Q_OBJECT
public:
    explicit FakeRedis(QByteArray version) : m_version(std::move(version)) { }
    ~FakeRedis() override;

    // Listens and returns the port; 0 when it could not.
    quint16 start();
    // INFO commands answered so far.
    int infoAsked() const { return m_infoAsked.load(); }

protected:
    void run() override;

private:
    // The replies to the whole commands at the front of `buffer`, which loses them.
    QByteArray answer(QByteArray &buffer);

    QByteArray m_version;
    QSemaphore m_listening;
    std::atomic<quint16> m_port { 0 };
    std::atomic<int> m_infoAsked { 0 };
};
