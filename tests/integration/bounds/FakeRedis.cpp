#include "FakeRedis.h"

#include <QtCore/QByteArrayList>
#include <QtCore/QHash>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

#include <optional>

namespace {
// One command (a RESP array of bulk strings) from the front of `buffer`; nothing while
// it has not all arrived.
std::optional<QByteArrayList> takeCommand(QByteArray &buffer)
{
    if (!buffer.startsWith('*'))
        return std::nullopt;
    qsizetype at = buffer.indexOf("\r\n");
    if (at < 0)
        return std::nullopt;
    const int count = buffer.mid(1, at - 1).toInt();
    qsizetype pos = at + 2;
    QByteArrayList parts;
    for (int i = 0; i < count; ++i) {
        const qsizetype end = buffer.indexOf("\r\n", pos);
        if (end < 0 || buffer.at(pos) != '$')
            return std::nullopt;
        const int length = buffer.mid(pos + 1, end - pos - 1).toInt();
        if (buffer.size() < end + 2 + length + 2)
            return std::nullopt;
        parts << buffer.mid(end + 2, length);
        pos = end + 2 + length + 2;
    }
    buffer.remove(0, pos);
    return parts;
}
}

FakeRedis::~FakeRedis()
{
    quit();
    wait();
}

quint16 FakeRedis::start()
{
    QThread::start();
    m_listening.acquire();
    return m_port.load();
}

QByteArray FakeRedis::answer(QByteArray &buffer)
{
    QByteArray out;
    while (const std::optional<QByteArrayList> command = takeCommand(buffer)) {
        const QByteArray name = command->isEmpty() ? QByteArray() : command->first().toUpper();
        if (name == "INFO") {
            ++m_infoAsked;
            const QByteArray info = "# Server\r\nredis_version:" + m_version + "\r\nredis_mode:standalone\r\n";
            out += '$' + QByteArray::number(info.size()) + "\r\n" + info + "\r\n";
        } else if (name == "PING") {
            out += "+PONG\r\n";
        } else {
            out += "-ERR this stand-in only answers INFO and PING\r\n";
        }
    }
    return out;
}

void FakeRedis::run()
{
    QTcpServer server; // owns the sockets it hands out: they go with it
    QHash<QTcpSocket *, QByteArray> buffers;
    if (server.listen(QHostAddress::LocalHost, 0))
        m_port.store(server.serverPort());
    QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server, &buffers] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, &buffers] {
                QByteArray &buffer = buffers[socket];
                buffer += socket->readAll();
                socket->write(answer(buffer));
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, [socket, &buffers] {
                buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
    m_listening.release();
    exec();
}
