#include "FieldHint.h"

#include <QtCore/QtMath>
#include <QtGui/QTextLayout>

FieldHint::FieldHint(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    setFont(small);
    setReservedLines(2);
    clear();
}

void FieldHint::setReservedLines(int lines)
{
    // Hangul comes from a fallback font (Noto Sans CJK) whose lines are taller than the
    // Latin font's: a line is as tall as the tallest font it may hold, or Korean's second
    // line is cut (at 200 % scale most).
    QTextLayout sample(QStringLiteral("Ag\uD55C\uAE00"), font());
    sample.beginLayout();
    QTextLine line = sample.createLine();
    line.setLineWidth(1000);
    sample.endLayout();
    const int lineHeight = qMax(fontMetrics().lineSpacing(), qCeil(line.height()));
    const int height = lineHeight * qMax(1, lines) + 2;
    setMinimumHeight(height);
    setMaximumHeight(height);
}

void FieldHint::showHint(const QString &text)
{
    m_problem = false;
    setStyleSheet(QStringLiteral("color:#5f6368;"));
    setText(text);
    setToolTip(text); // whole, should a narrow field cut its second line
}

void FieldHint::showProblem(const QString &text)
{
    m_problem = true;
    setStyleSheet(QStringLiteral("color:#b3261e;"));
    setText(text);
    setToolTip(text);
}

void FieldHint::clear()
{
    m_problem = false;
    setText(QString());
}
