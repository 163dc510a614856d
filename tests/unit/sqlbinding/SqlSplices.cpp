#include "SqlSplices.h"

#include <QtCore/QRegularExpression>

namespace {
// `piece` a `k` name that `source` declares const or constexpr (never assigned again).
bool declaredConstant(const QString &piece, const QString &source)
{
    static const QRegularExpression name(QStringLiteral(R"(^k[A-Z]\w*$)"));
    if (!name.match(piece).hasMatch())
        return false;
    const QRegularExpression declaration(
            QStringLiteral(R"(\b(?:constexpr|const)\s+[\w:]+(?:\s*\*\s*const)?\s+%1\s*(?:=|\[))").arg(piece));
    return declaration.match(source).hasMatch();
}

// `(condition ? kA : condition ? kB : kC)`: a choice among declared constants (the
// conditions only pick one; they splice nothing).
bool constantChoice(const QString &piece, const QString &source)
{
    if (!piece.startsWith(QLatin1Char('(')) || !piece.endsWith(QLatin1Char(')')) || !piece.contains(QLatin1Char('?')))
        return false;
    const QString inner = piece.mid(1, piece.size() - 2);
    const QStringList branches = inner.split(QLatin1Char('?'));
    for (qsizetype i = 1; i < branches.size(); ++i) {
        const QStringList chosen = branches.at(i).split(QLatin1Char(':'));
        if (!declaredConstant(chosen.first().trimmed(), source))
            return false;
        if (i == branches.size() - 1 && (chosen.size() != 2 || !declaredConstant(chosen.last().trimmed(), source)))
            return false;
    }
    return true;
}

bool constantPiece(const QString &piece, const QString &source, const QString &fileName)
{
    // A literal (for +, the scanner has already emptied the literal's quotes).
    static const QRegularExpression literal(QStringLiteral(R"(^QStringLiteral\((?:"(?:[^"\\]|\\.)*")?\)$)"));
    // The one placeholder helper: a fixed batch size's "?, ?, ?", nothing from data.
    static const QRegularExpression batch(QStringLiteral(R"(^SqlBatch::\w+(?:\(.*\))?$)"));
    // The seed tool's own statement head, table and WHERE, and its rows of placeholders.
    static const QRegularExpression seeder(QStringLiteral(R"(^(rows\.join.*|head|table, where)$)"));
    return literal.match(piece).hasMatch() || batch.match(piece).hasMatch() || declaredConstant(piece, source)
            || constantChoice(piece, source)
            || (fileName == QLatin1String("Seeder.cpp") && seeder.match(piece).hasMatch());
}
}

QStringList SqlSplices::unsafe(const QString &source, const QString &fileName)
{
    static const QRegularExpression call(QStringLiteral(R"((?:\.run|\.exec|\.prepare)\()"));
    static const QRegularExpression arg(QStringLiteral(R"(\.arg\(((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\))"));
    static const QRegularExpression plus(
            QStringLiteral(R"(\+\s*([A-Za-z_][\w.:]*(?:\([^()]*\))?|\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)))"));
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
            if (!constantPiece(piece, source, fileName))
                unsafe << piece;
        }
        // + outside string literals (crudely: empty the literals first).
        QString code = statement;
        code.replace(QRegularExpression(QStringLiteral(R"("(?:[^"\\]|\\.)*")")), QString());
        for (auto p = plus.globalMatch(code); p.hasNext();) {
            const QString piece = p.next().captured(1).trimmed();
            if (!constantPiece(piece, source, fileName))
                unsafe << piece;
        }
    }
    return unsafe;
}
