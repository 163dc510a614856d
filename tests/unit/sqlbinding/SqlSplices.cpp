#include "SqlSplices.h"

#include <QtCore/QRegularExpression>

QStringList SqlSplices::unsafe(const QString &source)
{
    // Built only from constants or integers, by the code right above each use.
    static const QRegularExpression allowed(QStringLiteral(
            R"(^(k[A-Z]\w*|(marks|rows|ids|list)\.join.*|marks|table, where|where|head|QStringLiteral.*)$)"));
    static const QRegularExpression call(QStringLiteral(R"((?:\.run|\.exec|\.prepare)\()"));
    static const QRegularExpression arg(QStringLiteral(R"(\.arg\(((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\))"));
    static const QRegularExpression plus(QStringLiteral(R"(\+\s*([A-Za-z_][\w.]*(?:\([^()]*\))?))"));
    QStringList unsafe;
    auto it = call.globalMatch(source);
    while (it.hasNext()) {
        const auto m = it.next();
        // The call's arguments: up to its closing parenthesis, string literals skipped.
        qsizetype end = m.capturedEnd();
        int depth = 1;
        bool quoted = false;
        for (; end < source.size() && depth > 0; ++end) {
            const QChar c = source.at(end);
            if (quoted) {
                if (c == QLatin1Char('\\'))
                    ++end;
                else if (c == QLatin1Char('"'))
                    quoted = false;
            } else if (c == QLatin1Char('"')) {
                quoted = true;
            } else if (c == QLatin1Char('(')) {
                ++depth;
            } else if (c == QLatin1Char(')')) {
                --depth;
            }
        }
        QString statement = source.mid(m.capturedEnd(), end - m.capturedEnd());
        // Only the SQL text: up to the bindings list, if any.
        if (const qsizetype bindings = statement.indexOf(QStringLiteral(", {")); bindings >= 0)
            statement.truncate(bindings);
        for (auto a = arg.globalMatch(statement); a.hasNext();) {
            const QString piece = a.next().captured(1).trimmed();
            if (!allowed.match(piece).hasMatch())
                unsafe << piece;
        }
        // + outside string literals (crudely: strip the literals first).
        QString code = statement;
        code.remove(QRegularExpression(QStringLiteral(R"("(?:[^"\\]|\\.)*")")));
        for (auto p = plus.globalMatch(code); p.hasNext();) {
            const QString piece = p.next().captured(1).trimmed();
            if (!allowed.match(piece).hasMatch())
                unsafe << piece;
        }
    }
    return unsafe;
}
