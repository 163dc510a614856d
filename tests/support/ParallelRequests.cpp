#include "ParallelRequests.h"

#include <QtCore/QEventLoop>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkReply>

#include <memory>
#include <vector>

QList<HttpClient::Reply> ParallelRequests::run(const QUrl &base, const QList<Request> &requests, int timeoutMs)
{
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    QList<QNetworkReply *> replies;
    QEventLoop loop;
    int pending = int(requests.size());
    for (const Request &r : requests) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        QNetworkRequest request(base.resolved(QUrl(r.path)));
        if (!r.body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (auto it = r.headers.cbegin(); it != r.headers.cend(); ++it)
            request.setRawHeader(it.key(), it.value());
        QNetworkReply *reply = managers.back()->sendCustomRequest(request, r.method, r.body);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&] {
            if (--pending == 0)
                loop.quit();
        });
        replies << reply;
    }
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (pending > 0)
        loop.exec();
    QList<HttpClient::Reply> out;
    for (QNetworkReply *reply : replies) {
        HttpClient::Reply r;
        if (reply->isFinished()) {
            r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            r.body = reply->readAll();
        }
        out << r;
    }
    return out;
}
