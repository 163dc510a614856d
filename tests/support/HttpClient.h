#pragma once

#include <QtNetwork/QSslCertificate>

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>

// Requests over a real QNetworkAccessManager, waited for with a deadline.
class HttpClient
{
public:
    explicit HttpClient(QUrl base) : m_base(std::move(base)) { }

    struct Reply {
        int status = 0; // 0: no answer in time
        QByteArray body;
        QHash<QByteArray, QByteArray> headers; // names lower-case
        bool encrypted = false; // came over TLS
        QString networkError; // the QNetworkReply's error text when there was no answer
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
        QString errorCode() const { return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); }
    };

    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = QByteArray(),
               const QHash<QByteArray, QByteArray> &headers = {}, int timeoutMs = 15000);
    Reply get(const QString &path, const QHash<QByteArray, QByteArray> &headers = {})
    {
        return send("GET", path, QByteArray(), headers);
    }
    Reply post(const QString &path, const QJsonObject &body, const QHash<QByteArray, QByteArray> &headers = {})
    {
        return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }

    // HTTPS to a server whose certificate a private CA signed (PEM file): trusted on
    // top of the system's authorities.
    void trust(const QString &caFile);

private:
    QUrl m_base;
    QList<QSslCertificate> m_extraCas;
    QNetworkAccessManager m_manager;
};
