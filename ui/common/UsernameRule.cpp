#include "UsernameRule.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QRegularExpression>

QString UsernameRule::hint()
{
    return QCoreApplication::translate("UsernameRule", "%1 to %2 characters: A–Z, a–z, 0–9 and _ . -")
            .arg(kMinLength)
            .arg(kMaxLength);
}

QChar UsernameRule::disallowed(const QString &username)
{
    static const QRegularExpression notAllowed(QStringLiteral("[^A-Za-z0-9_.-]"));
    const QRegularExpressionMatch match = notAllowed.match(username);
    return match.hasMatch() ? match.captured().at(0) : QChar();
}

QString UsernameRule::problem(const QString &username, bool checkLength)
{
    if (const QChar bad = disallowed(username); !bad.isNull()) {
        const QString shown = bad == QLatin1Char(' ') ? QCoreApplication::translate("UsernameRule", "space") : QString(bad);
        return QCoreApplication::translate("UsernameRule", "Only A–Z, a–z, 0–9 and _ . - (not \u201C%1\u201D).")
                .arg(shown);
    }
    if (checkLength && (username.size() < kMinLength || username.size() > kMaxLength))
        return QCoreApplication::translate("UsernameRule", "%1 to %2 characters: A–Z, a–z, 0–9 and _ . - (this has %3).")
                .arg(kMinLength)
                .arg(kMaxLength)
                .arg(username.size());
    return QString();
}
