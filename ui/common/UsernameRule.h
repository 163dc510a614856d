#pragma once

#include <QtCore/QString>

// What a new username may be, as the server checks it (API.md: 3..32 of [A-Za-z0-9_.-],
// server/domain/RequestValidation), said the same way by every form that makes an
// account (sign-in's "Create account", the new shop's owner), so the hint names exactly
// the characters the server takes: "letters" alone let a person type Hangul.
namespace UsernameRule {
constexpr int kMinLength = 3;
constexpr int kMaxLength = 32;
// "3 to 32 characters: A–Z, a–z, 0–9 and _ . -"
QString hint();
// The first character a username may not hold, or a null QChar.
QChar disallowed(const QString &username);
// What is wrong with it in words ("Only A–Z, a–z, 0–9 and _ . - (not “민”)."), or empty;
// checkLength also judges its length (on submitting: a name being typed is short).
QString problem(const QString &username, bool checkLength);
}
