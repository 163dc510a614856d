#include "HttpClient.h"

#include <QtCore/QEventLoop>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkReply>

void HttpClient::trust(const QString &caFile)
{
    m_extraCas += QSslCertificate::fromPath(caFile);
}

HttpClient::Reply HttpClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                                   const QHash<QByteArray, QByteArray> &headers, int timeoutMs)
{
    QNetworkRequest request(m_base.resolved(QUrl(path)));
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        request.setRawHeader(it.key(), it.value());
    if (!m_extraCas.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(ssl.caCertificates() + m_extraCas);
        request.setSslConfiguration(ssl);
    }
    QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    Reply out;
    if (reply->isFinished()) {
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        out.encrypted = reply->attribute(QNetworkRequest::ConnectionEncryptedAttribute).toBool();
        if (reply->error() != QNetworkReply::NoError && out.status == 0)
            out.networkError = reply->errorString();
        for (const auto &pair : reply->rawHeaderPairs())
            out.headers.insert(pair.first.toLower(), pair.second);
    } else {
        reply->abort();
    }
    reply->deleteLater();
    return out;
}
