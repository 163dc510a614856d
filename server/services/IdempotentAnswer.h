#pragma once

#include <QtCore/QJsonObject>

// What an operation that honours Idempotency-Key answers (a charge, an order): the
// body, and whether it is the stored first answer rather than new work.
struct IdempotentAnswer {
    QJsonObject body;
    bool replayed = false;
};
