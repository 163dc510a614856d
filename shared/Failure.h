#pragma once

#include "ErrorCode.h"

#include <QtCore/QJsonObject>
#include <QtCore/QString>

// Why an operation did not happen: a code from API.md, words for a person, and
// details a program can use (the field that failed validation, the product out of stock).
struct Failure {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QJsonObject details;
    // A transient failure (a deadlock victim, a lock wait timeout): the whole
    // operation may be tried again. Never sent to a client.
    bool retryable = false;

    // {"error": {"code", "message", "details"}} as API.md's error model.
    QJsonObject toJson() const;
    // Parses an error body; code Internal when the body is not one.
    static Failure fromJson(const QJsonObject &body);

    static Failure validation(const QString &field, const QString &message);
};
