#pragma once

#include "HttpClient.h"

#include <QtCore/QList>

// Fires many requests at once and waits for all of them: each on its own
// QNetworkAccessManager, so each gets its own connection (one manager would queue
// them six at a time per host and soften the race).
namespace ParallelRequests {
struct Request {
    QByteArray method;
    QString path;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;
};
QList<HttpClient::Reply> run(const QUrl &base, const QList<Request> &requests, int timeoutMs = 60000);
}
