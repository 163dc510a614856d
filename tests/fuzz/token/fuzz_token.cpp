// libFuzzer target: bearer tokens (TokenSigner::verify) on arbitrary text, and
// issue -> verify round trips for arbitrary principals.
#include "FuzzCheck.h"
#include "TokenSigner.h"

#include <QtCore/QTimeZone>

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace {
// The seed corpus holds tokens signed with this secret, so the fuzzer starts past the
// signature check (tests/fuzz/token/make_seeds.py).
const QByteArray kSecret = QByteArrayLiteral("storefront-fuzz-secret");

void checkVerified(const Result<Principal> &principal)
{
    if (!principal) {
        FUZZ_CHECK(principal.failure().code == ErrorCode::Unauthenticated);
        return;
    }
    FUZZ_CHECK(principal->userId > 0);
    FUZZ_CHECK(principal->role == QLatin1String("SHOPPER") || principal->role == QLatin1String("ADMIN"));
}
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const TokenSigner signer(kSecret, 3600);
    const QDateTime now(QDate(2024, 6, 1), QTime(12, 0), QTimeZone::utc());

    // As AuthGuard hands it over (Latin-1 of the header after "Bearer "), and as UTF-8.
    checkVerified(signer.verify(QString::fromLatin1(bytes), now));
    checkVerified(signer.verify(QString::fromUtf8(bytes), now));
    checkVerified(signer.verify(QString::fromLatin1(bytes.trimmed()), now));

    // Round trip: what we issue, we accept, and read back unchanged, until it expires.
    // Ids stay below 2^53: the claims carry them as JSON numbers (doubles).
    if (size >= 8) {
        std::uint64_t raw = 0;
        std::memcpy(&raw, data, sizeof raw);
        Principal principal;
        principal.userId = qint64(raw % ((std::uint64_t(1) << 53) - 1)) + 1;
        principal.role = (raw >> 60) & 1 ? QStringLiteral("ADMIN") : QStringLiteral("SHOPPER");
        principal.username = QString::fromUtf8(bytes.mid(8));
        const TokenSigner::Issued issued = signer.issue(principal, now);
        const Result<Principal> back = signer.verify(issued.token, now);
        if (issued.token.size() <= 2048) {
            FUZZ_CHECK(back.ok());
            FUZZ_CHECK(back->userId == principal.userId && back->role == principal.role
                       && back->username == principal.username);
        } else {
            FUZZ_CHECK(!back.ok()); // verify refuses tokens over 2 KiB
        }
        FUZZ_CHECK(!signer.verify(issued.token, issued.expiresAt).ok());
        FUZZ_CHECK(!TokenSigner(kSecret + 'x', 3600).verify(issued.token, now).ok());
    }
    return 0;
}
