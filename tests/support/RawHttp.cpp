#include "RawHttp.h"

#include <QtCore/QDeadlineTimer>

RawHttp::Response RawHttp::read(QTcpSocket &socket, int timeoutMs)
{
    Response r;
    QDeadlineTimer deadline(timeoutMs);
    QByteArray buffer;
    qsizetype headEnd = -1;
    qint64 length = -1;
    while (!deadline.hasExpired()) {
        buffer += socket.readAll();
        if (headEnd < 0) {
            headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                r.head = buffer.left(headEnd);
                r.status = r.head.mid(9, 3).toInt();
                length = 0;
                for (const QByteArray &line : r.head.split('\n')) {
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                }
                // A 100 Continue is not the answer: skip it.
                if (r.status == 100) {
                    buffer = buffer.mid(headEnd + 4);
                    headEnd = -1;
                    continue;
                }
            }
        }
        if (headEnd >= 0 && buffer.size() - headEnd - 4 >= length) {
            r.body = buffer.mid(headEnd + 4, length);
            return r;
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0) {
            r.closedByServer = true;
            break;
        }
        socket.waitForReadyRead(int(qMax<qint64>(1, qMin<qint64>(100, deadline.remainingTime()))));
    }
    return r;
}

bool RawHttp::waitForClose(QTcpSocket &socket, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        socket.readAll();
        socket.waitForReadyRead(int(qMax<qint64>(1, qMin<qint64>(100, deadline.remainingTime()))));
        if (socket.state() == QAbstractSocket::UnconnectedState)
            return true;
    }
    return false;
}
