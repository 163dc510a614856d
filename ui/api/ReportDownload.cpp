#include "ReportDownload.h"

#include <QtCore/QJsonDocument>
#include <QtNetwork/QNetworkReply>

namespace {
// Past this an error body is not JSON from our server anyway.
constexpr qint64 kMaxErrorBody = 64 * 1024;
}

ReportDownload::ReportDownload(QNetworkReply *reply, const QString &fileName, QObject *parent)
    : QObject(parent), m_reply(reply), m_file(fileName)
{
    reply->setParent(this);
    if (!m_file.open(QIODevice::WriteOnly)) {
        // Said at once, but after the caller has connected to finished().
        const QString why = m_file.errorString();
        QMetaObject::invokeMethod(
                this,
                [this, why] {
                    m_reply->abort();
                    fail(Failure { ErrorCode::Internal, tr("%1 cannot be written: %2.").arg(m_file.fileName(), why), {} });
                },
                Qt::QueuedConnection);
        return;
    }
    connect(reply, &QNetworkReply::readyRead, this, &ReportDownload::readChunk);
    connect(reply, &QNetworkReply::downloadProgress, this, &ReportDownload::progress);
    connect(reply, &QNetworkReply::finished, this, &ReportDownload::complete);
}

ReportDownload::~ReportDownload()
{
    // The page went away mid-download: nothing half-written replaces the file, and the
    // client's count of requests in flight still comes down.
    if (!m_finished) {
        m_aborted = true;
        m_reply->disconnect(this);
        m_reply->abort();
        m_file.cancelWriting();
        m_finished = true;
        Q_EMIT finished();
    }
}

void ReportDownload::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    m_reply->abort(); // finished() follows, and complete() says it was stopped
}

bool ReportDownload::answeredOk() const
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return status >= 200 && status <= 299;
}

void ReportDownload::readChunk()
{
    const QByteArray chunk = m_reply->readAll();
    if (!answeredOk()) {
        if (m_errorBody.size() < kMaxErrorBody)
            m_errorBody += chunk;
        return;
    }
    if (m_file.write(chunk) != chunk.size()) {
        const QString why = m_file.errorString();
        m_reply->disconnect(this);
        m_reply->abort();
        fail(Failure { ErrorCode::Internal, tr("Writing %1 failed: %2.").arg(m_file.fileName(), why), {} });
        return;
    }
    m_written += chunk.size();
}

void ReportDownload::complete()
{
    if (m_finished)
        return;
    readChunk();
    if (m_aborted) {
        fail(Failure { ErrorCode::Internal, tr("The download was stopped; %1 was left as it was.").arg(m_file.fileName()),
                       {} });
        return;
    }
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0 || (m_reply->error() != QNetworkReply::NoError && answeredOk())) {
        fail(Failure { ErrorCode::Unavailable, tr("The download broke off (%1).").arg(m_reply->errorString()), {} });
        return;
    }
    if (!answeredOk()) {
        Failure failure = Failure::fromJson(QJsonDocument::fromJson(m_errorBody).object());
        if (failure.message.isEmpty())
            failure.message = tr("The server answered HTTP %1.").arg(status);
        fail(failure);
        return;
    }
    if (!m_file.commit()) {
        fail(Failure { ErrorCode::Internal, tr("%1 could not be saved: %2.").arg(m_file.fileName(), m_file.errorString()),
                       {} });
        return;
    }
    m_ok = true;
    m_finished = true;
    Q_EMIT finished();
}

void ReportDownload::fail(const Failure &failure)
{
    if (m_finished)
        return;
    m_file.cancelWriting();
    m_failure = failure;
    m_finished = true;
    Q_EMIT finished();
}
