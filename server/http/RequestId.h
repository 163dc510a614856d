#pragma once

#include <QtCore/QByteArray>

// X-Request-Id: echoed when the client sent a sane one, generated otherwise.
namespace RequestId {
QByteArray generate();
// The client's id if it is 1..128 printable ASCII characters without spaces; empty otherwise.
QByteArray sanitized(const QByteArray &fromClient);
}
