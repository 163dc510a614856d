#pragma once

#include <QtCore/QByteArray>
#include <QtNetwork/QTcpSocket>

// HTTP at the byte level, for what QNetworkAccessManager will not send or hides:
// oversized bodies without sending them, idle connections, Connection: close.
namespace RawHttp {
struct Response {
    int status = 0;
    QByteArray head;
    QByteArray body;
    bool closedByServer = false;
};
// Reads one response from the socket (head, then Content-Length bytes of body).
Response read(QTcpSocket &socket, int timeoutMs = 10000);
// Waits until the server closes the socket; false at the deadline.
bool waitForClose(QTcpSocket &socket, int timeoutMs);
}
