#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <functional>

// The decision GatedTcpServer takes on a request head, without a socket: bytes of the
// current request seen so far in, verdict out. Kept apart from the socket plumbing so
// it can be fuzzed on its own (tests/fuzz/requesthead).
class RequestHeadGate
{
public:
    enum class Outcome {
        NeedMore, // no complete head yet, and not over the limit: wait for more bytes
        Pass, // a complete head QtHttpServer may read
        Refuse, // answer `status` and close
    };
    struct Verdict {
        Outcome outcome = Outcome::NeedMore;
        bool headComplete = false; // the fields below come from a complete head
        int status = 0; // Refuse: 400, 411, 413 or 431
        const char *reason = ""; // Refuse: the status line's reason phrase
        const char *code = ""; // Refuse: the API error code
        QString message; // Refuse: the error message
        QByteArray requestId; // the client's X-Request-Id, sanitized; empty if none or unusable
        bool closeAfterAnswer = false; // `Connection: close`, or HTTP/1.0 without keep-alive
        bool sendContinue = false; // Pass: answer `100 Continue` before the body comes
        qint64 contentLength = 0; // Pass: the body's announced length
    };
    // Whether a bearer token (the Authorization header's, without "Bearer ") is a valid
    // admin's; only then may a picture upload's body pass maxBodyBytes.
    using AdminCheck = std::function<bool(const QByteArray &bearer)>;

    // `maxUploadBytes` (when larger) is the body limit of a picture upload only,
    // `POST /api/v1/admin/products/{id}/images`, sent with a token `isAdmin` accepts
    // (API.md: checked before the body is read); every other request has `maxBodyBytes`.
    RequestHeadGate(qint64 maxHeadBytes, qint64 maxBodyBytes, qint64 maxUploadBytes = 0, AdminCheck isAdmin = {});
    // The request line (`POST /path HTTP/1.1`) is a picture upload's.
    static bool isUpload(const QByteArray &requestLine);

    // `bytes`: what the socket holds of the current request so far (blank lines before
    // it are skipped, as HTTP/1.1 allows).
    Verdict inspect(const QByteArray &bytes) const;

private:
    qint64 m_maxHeadBytes;
    qint64 m_maxBodyBytes;
    qint64 m_maxUploadBytes;
    AdminCheck m_isAdmin;
};
