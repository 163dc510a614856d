#include "RequestHeadGate.h"

#include "RequestId.h"

#include <QtCore/QList>

namespace {
RequestHeadGate::Verdict refusal(RequestHeadGate::Verdict verdict, int status, const char *reason, const char *code,
                                 const QString &message)
{
    verdict.outcome = RequestHeadGate::Outcome::Refuse;
    verdict.status = status;
    verdict.reason = reason;
    verdict.code = code;
    verdict.message = message;
    return verdict;
}
}

RequestHeadGate::RequestHeadGate(qint64 maxHeadBytes, qint64 maxBodyBytes, qint64 maxUploadBytes, AdminCheck isAdmin)
    : m_maxHeadBytes(maxHeadBytes), m_maxBodyBytes(maxBodyBytes), m_maxUploadBytes(qMax(maxBodyBytes, maxUploadBytes)),
      m_isAdmin(std::move(isAdmin))
{
}

bool RequestHeadGate::isUpload(const QByteArray &requestLine)
{
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || parts[0] != "POST")
        return false;
    // The path as the router will see it: the query string is not part of it.
    const QByteArray path = parts[1].left(parts[1].indexOf('?') < 0 ? parts[1].size() : parts[1].indexOf('?'));
    static const QByteArray head = "/api/v1/admin/products/";
    static const QByteArray tail = "/images";
    if (!path.startsWith(head) || !path.endsWith(tail))
        return false;
    const QByteArray id = path.mid(head.size(), path.size() - head.size() - tail.size());
    if (id.isEmpty() || id.size() > 19)
        return false;
    for (const char c : id) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

RequestHeadGate::Verdict RequestHeadGate::inspect(const QByteArray &head) const
{
    Verdict verdict;
    qsizetype start = 0;
    while (start < head.size() && (head[start] == '\r' || head[start] == '\n'))
        ++start;
    // The head ends at its first empty line. QtHttpServer's parser takes a bare LF as a
    // line end, so that is "\n\n" or "\n\r\n", whichever comes first. (Looking for
    // "\r\n\r\n" before "\n\n" let a later CRLF blank line pull body bytes into the head:
    // the verdict then hung on how TCP cut the stream, and a "Content-Length: 0" line in
    // the body could override the real length; tests/fuzz/requesthead/regressions.)
    qsizetype end = -1;
    for (qsizetype i = head.indexOf('\n', start); i >= 0 && i + 1 < head.size(); i = head.indexOf('\n', i + 1)) {
        if (head[i + 1] == '\n' || (head[i + 1] == '\r' && i + 2 < head.size() && head[i + 2] == '\n')) {
            end = i;
            break;
        }
    }
    if (end < 0) {
        if (head.size() > m_maxHeadBytes)
            return refusal(verdict, 431, "Request Header Fields Too Large", "PAYLOAD_TOO_LARGE",
                           QStringLiteral("the request head is larger than %1 bytes").arg(m_maxHeadBytes));
        return verdict;
    }
    verdict.headComplete = true;

    const QList<QByteArray> lines = head.mid(start, end - start).split('\n');
    const QByteArray requestLine = lines.value(0).trimmed();
    const QByteArray version = requestLine.mid(requestLine.lastIndexOf(' ') + 1);
    qint64 contentLength = 0;
    bool badLength = false;
    QByteArray connection, expect, transferEncoding, authorization;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            badLength = !ok || contentLength < 0;
        } else if (name == "connection") {
            connection = value.toLower();
        } else if (name == "expect") {
            expect = value.toLower();
        } else if (name == "transfer-encoding") {
            transferEncoding = value.toLower();
        } else if (name == "authorization") {
            authorization = value;
        } else if (name == "x-request-id") {
            verdict.requestId = RequestId::sanitized(value);
        }
    }
    verdict.closeAfterAnswer =
            connection.contains("close") || (version == "HTTP/1.0" && !connection.contains("keep-alive"));
    if (badLength)
        return refusal(verdict, 400, "Bad Request", "VALIDATION_FAILED", QStringLiteral("Content-Length is not a number"));
    if (transferEncoding.contains("chunked"))
        return refusal(verdict, 411, "Length Required", "VALIDATION_FAILED",
                       QStringLiteral("chunked request bodies are not accepted; send Content-Length"));
    if (contentLength > m_maxBodyBytes) {
        // The larger limit only for an admin's picture upload: an anonymous head that
        // announces 8 MiB is answered now, not after its body has been held.
        const bool admin = contentLength <= m_maxUploadBytes && isUpload(requestLine) && m_isAdmin
                && authorization.size() > 7 && authorization.left(7).toLower() == "bearer "
                && m_isAdmin(authorization.mid(7).trimmed());
        if (!admin)
            return refusal(verdict, 413, "Payload Too Large", "PAYLOAD_TOO_LARGE",
                           isUpload(requestLine) && contentLength <= m_maxUploadBytes
                                   ? QStringLiteral("a body over %1 bytes is accepted only for a picture upload by a signed-in admin")
                                             .arg(m_maxBodyBytes)
                                   : QStringLiteral("the request body is larger than %1 bytes")
                                             .arg(isUpload(requestLine) ? m_maxUploadBytes : m_maxBodyBytes));
    }
    verdict.contentLength = contentLength;
    verdict.outcome = Outcome::Pass;
    verdict.sendContinue = expect == "100-continue" && contentLength > 0;
    return verdict;
}
