#include "FieldHint.h"

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
    const int height = fontMetrics().lineSpacing() * qMax(1, lines) + 2;
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
