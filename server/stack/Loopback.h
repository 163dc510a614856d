#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QtGlobal>

// Small probes the local stack uses on 127.0.0.1.
namespace Loopback {
// A port free right now (the kernel's pick). Another process may take it before we
// bind; a service that then fails to start says so in its log.
quint16 freePort();
// Connects, sends `request` (if any) and waits for an answer starting with `expected`
// (any bytes when empty). False on refusal or timeout.
bool answers(quint16 port, const QByteArray &request, const QByteArray &expected, int timeoutMs);
}
