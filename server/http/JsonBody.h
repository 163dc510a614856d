#pragma once

#include "Result.h"

#include <QtCore/QJsonObject>

class QHttpServerRequest;

// A request body that must be one JSON object: INVALID_JSON for anything else
// (not JSON, an array, a wrong Content-Type).
namespace JsonBody {
Result<QJsonObject> object(const QHttpServerRequest &request);
// The same decision on the raw header value and bytes: no request object needed, so
// it can be fuzzed on its own (tests/fuzz/jsonbody).
Result<QJsonObject> parse(const QByteArray &contentType, const QByteArray &body);
}
