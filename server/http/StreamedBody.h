#pragma once

#include <QtCore/QByteArray>

#include <functional>

// An answer too large to build in memory (a year of CSV): the route checks its input
// and sets one of these on its RequestContext; ApiServer then writes the head and lets
// `produce` write the body in parts, sent as HTTP/1.1 chunks. Each part waits until the
// socket has taken most of the one before, so memory holds a part or two, never the
// whole answer.
struct StreamedBody {
    QByteArray contentType;
    QByteArray fileName; // Content-Disposition: attachment; empty: none
    // Writes parts through `write` (false: the client left, stop); false when the body
    // could not be finished (the connection is then dropped, so the client sees a cut
    // answer, never a short one that looks whole).
    std::function<bool(const std::function<bool(const QByteArray &part)> &write)> produce;
    explicit operator bool() const { return bool(produce); }
};
