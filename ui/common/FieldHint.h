#pragma once

#include <QtWidgets/QLabel>

// The line under a form field: what the field accepts (grey) or what is wrong with
// what was typed (red). It keeps its room when empty, so showing or clearing a problem
// never moves the controls below it (a click lands where the pointer was aimed).
class FieldHint : public QLabel
{
    Q_OBJECT
public:
    explicit FieldHint(QWidget *parent = nullptr);

    void showHint(const QString &text);
    void showProblem(const QString &text);
    void clear();
    bool hasProblem() const { return m_problem; }

    // Room for this many lines is kept whatever the text (1 or 2).
    void setReservedLines(int lines);

private:
    bool m_problem = false;
};
