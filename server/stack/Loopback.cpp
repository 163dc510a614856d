#include "Loopback.h"

#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

quint16 Loopback::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool Loopback::answers(quint16 port, const QByteArray &request, const QByteArray &expected, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    if (!request.isEmpty()) {
        socket.write(request);
        socket.waitForBytesWritten(timeoutMs);
    }
    QByteArray received;
    while (received.size() < qMax<qsizetype>(1, expected.size())) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
        received += socket.readAll();
    }
    return received.startsWith(expected);
}
