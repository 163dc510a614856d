#pragma once

#include "Failure.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtHttpServer/QHttpServerResponse>

// Every answer the API gives is built here: compact JSON, and failures mapped to
// API.md's statuses in one place.
namespace Responses {
using Status = QHttpServerResponse::StatusCode;

QHttpServerResponse json(const QJsonObject &body, Status status = Status::Ok);
QHttpServerResponse failure(const Failure &failure);
QHttpServerResponse failure(ErrorCode code, const QString &message, const QJsonObject &details = {});
Status statusFor(ErrorCode code);
}
