#pragma once

#include <QtWidgets/QWidget>

#include <optional>

class FieldHint;
class QLabel;
class QLineEdit;

// The one number input of the app's forms (charge amount, quantities, prices, stock,
// coupon values). Unlike a spin box it keeps exactly what was typed: "0" stays "0" and
// "99999999999" stays itself, and value() is empty until the text is a whole number in
// range. The range shows under the field; what is wrong with the text shows there in
// words as soon as it is typed; check() is what a form calls before it sends anything.
class NumberField : public QWidget
{
    Q_OBJECT
public:
    enum class Unit { Won, Count, Percent };

    NumberField(Unit unit, qint64 minimum, qint64 maximum, QWidget *parent = nullptr);

    QLineEdit *editor() const { return m_editor; }
    FieldHint *hint() const { return m_hint; }

    void setUnit(Unit unit);
    // overMaximum: why a number above the maximum is refused, in words ("Only 2 left: …");
    // empty means the plain range. Re-checks what is typed.
    void setRange(qint64 minimum, qint64 maximum, const QString &overMaximum = QString());
    qint64 minimum() const { return m_minimum; }
    qint64 maximum() const { return m_maximum; }

    void setValue(qint64 value);
    void clear();
    bool isEmpty() const;
    // The typed number when it is a whole number within the range.
    std::optional<qint64> value() const;
    // What is wrong with the text in words (empty text included); empty when acceptable.
    QString problem() const;
    // Before submitting: shows the problem if there is one; true when value() is set.
    bool check();
    // A problem found elsewhere (the server's reason for this field); goes at the next edit.
    void showProblem(const QString &text);
    // "₩1 to ₩10,000,000", "1 to 2", "1 to 100 %".
    QString rangeText() const;
    QString format(qint64 value) const;

Q_SIGNALS:
    // The person changed the text (not setValue()).
    void edited();
    // Enter pressed in the field.
    void submitted();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void review();
    // The label a page gave the editor as buddy is not the editor's sibling, so a screen
    // reader would not find it: its words become the editor's accessible name.
    void nameFromLabel();

    Unit m_unit;
    qint64 m_minimum;
    qint64 m_maximum;
    QString m_overMaximum;
    QLabel *m_prefix;
    QLineEdit *m_editor;
    QLabel *m_suffix;
    FieldHint *m_hint;
};
