// libFuzzer target: the request-head gate (RequestHeadGate, what GatedTcpServer decides
// before QtHttpServer reads a request) on arbitrary bytes from the wire.
#include "FuzzCheck.h"
#include "ConnectionPolicy.h"
#include "RequestHeadGate.h"
#include "RequestId.h"

#include <cstddef>
#include <cstdint>

namespace {
bool sameDecision(const RequestHeadGate::Verdict &a, const RequestHeadGate::Verdict &b)
{
    return a.outcome == b.outcome && a.status == b.status && a.requestId == b.requestId
            && a.closeAfterAnswer == b.closeAfterAnswer && a.sendContinue == b.sendContinue;
}

void checkOne(const QByteArray &input, qint64 maxHeadBytes, qint64 maxBodyBytes)
{
    const RequestHeadGate gate(maxHeadBytes, maxBodyBytes);
    // The server never shows the gate more than this (GatedTcpServer::onReadyRead).
    const QByteArray seen = input.left(maxHeadBytes + 4);
    const RequestHeadGate::Verdict verdict = gate.inspect(seen);

    switch (verdict.outcome) {
    case RequestHeadGate::Outcome::NeedMore:
        FUZZ_CHECK(!verdict.headComplete);
        FUZZ_CHECK(seen.size() <= maxHeadBytes);
        break;
    case RequestHeadGate::Outcome::Pass:
        FUZZ_CHECK(verdict.headComplete);
        break;
    case RequestHeadGate::Outcome::Refuse:
        FUZZ_CHECK(verdict.status == 400 || verdict.status == 411 || verdict.status == 413 || verdict.status == 431);
        // 431 exactly when no head ended within the limit.
        FUZZ_CHECK((verdict.status == 431) == !verdict.headComplete);
        FUZZ_CHECK(!verdict.message.isEmpty());
        break;
    }
    FUZZ_CHECK(!verdict.sendContinue || verdict.outcome == RequestHeadGate::Outcome::Pass);
    // Echoed into our response head: never anything that could split it.
    FUZZ_CHECK(RequestId::sanitized(verdict.requestId) == verdict.requestId);

    // TCP may cut the bytes anywhere: the verdict taken on the first complete head must
    // be the one taken when all of it arrives at once. A head can only end at a '\n'.
    if (!verdict.headComplete)
        return;
    for (qsizetype i = seen.indexOf('\n'); i >= 0; i = seen.indexOf('\n', i + 1)) {
        const RequestHeadGate::Verdict early = gate.inspect(seen.left(i + 1));
        if (!early.headComplete)
            continue;
        FUZZ_CHECK(sameDecision(early, verdict));
        break;
    }
}
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const ConnectionPolicy production;
    checkOne(input, production.maxHeadBytes, production.maxBodyBytes);
    // Small limits too, so 431 and 413 are reached without 16 KiB inputs.
    checkOne(input, 256, 1000);
    return 0;
}
