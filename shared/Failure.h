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

    // {"error": {"code", "message", "details"}} as API.md's error model.
    QJsonObject toJson() const;
    // Parses an error body; nullopt-like: code Internal when the body is not one.
    static Failure fromJson(const QJsonObject &body);

    static Failure validation(const QString &field, const QString &message);
};
