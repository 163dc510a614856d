#include "NumberField.h"

#include "FieldHint.h"
#include "Money.h"
#include "Retranslate.h"

#include <QtCore/QRegularExpression>
#include <QtCore/QTimer>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QVBoxLayout>

namespace {
// Past 15 digits the text is not a number anybody means here (and would overflow).
constexpr int kMaxDigits = 15;

struct Parsed {
    enum class Kind { Empty, Number, Negative, NotWhole, TooLong } kind = Kind::Empty;
    qint64 value = 0;
};

Parsed parse(const QString &typed)
{
    // "12,300", "12300원", "₩12,300" in either language: the unit is what the field says.
    QString text = Money::digitsOf(typed);
    text.remove(QLatin1Char('%'));
    if (text.isEmpty())
        return {};
    bool negative = false;
    if (text.startsWith(QLatin1Char('-')) || text.startsWith(QChar(0x2212))) {
        negative = true;
        text.remove(0, 1);
    }
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return { Parsed::Kind::NotWhole, 0 };
    }
    if (text.isEmpty())
        return { Parsed::Kind::NotWhole, 0 };
    if (negative)
        return { Parsed::Kind::Negative, 0 };
    if (text.size() > kMaxDigits)
        return { Parsed::Kind::TooLong, 0 };
    return { Parsed::Kind::Number, text.toLongLong() };
}
}

NumberField::NumberField(Unit unit, qint64 minimum, qint64 maximum, QWidget *parent)
    : QWidget(parent), m_unit(unit), m_minimum(minimum), m_maximum(maximum), m_prefix(new QLabel(this)),
      m_editor(new QLineEdit(this)), m_suffix(new QLabel(this)), m_hint(new FieldHint(this))
{
    m_editor->setObjectName(QStringLiteral("editor"));
    m_hint->setObjectName(QStringLiteral("hint"));
    m_editor->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_editor->setMaxLength(24);
    m_editor->setInputMethodHints(Qt::ImhDigitsOnly);
    setFocusProxy(m_editor);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    row->addWidget(m_prefix);
    row->addWidget(m_editor, 1);
    row->addWidget(m_suffix);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_hint);
    connect(m_editor, &QLineEdit::textEdited, this, [this] {
        review();
        Q_EMIT edited();
    });
    connect(m_editor, &QLineEdit::returnPressed, this, &NumberField::submitted);
    setUnit(unit);
    // The range and any problem are words and money of the language: said again in the new
    // one; the label's new words once the label has them (it may hear the change after us).
    Retranslate::onChange(this, [this] {
        setUnit(m_unit);
        QTimer::singleShot(0, this, &NumberField::nameFromLabel);
    });
}

void NumberField::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    nameFromLabel();
}

void NumberField::nameFromLabel()
{
    static const QRegularExpression mnemonic(QStringLiteral("\\(&\\w\\)|&(?=\\S)"));
    for (const QLabel *label : window()->findChildren<QLabel *>()) {
        if (label->buddy() == m_editor) {
            // "수량(&Q)" and "&Quantity" are read as "수량" and "Quantity".
            m_editor->setAccessibleName(QString(label->text()).remove(mnemonic).trimmed());
            return;
        }
    }
}

void NumberField::setUnit(Unit unit)
{
    m_unit = unit;
    // "₩ [12,300]" in English, "[12,300] 원" in Korean.
    const QString before = unit == Unit::Won ? Money::unitBefore() : QString();
    const QString after = unit == Unit::Won ? Money::unitAfter() : unit == Unit::Percent ? QStringLiteral("%") : QString();
    m_prefix->setText(before);
    m_prefix->setVisible(!before.isEmpty());
    m_suffix->setText(after);
    m_suffix->setVisible(!after.isEmpty());
    review();
}

void NumberField::setRange(qint64 minimum, qint64 maximum, const QString &overMaximum)
{
    m_minimum = minimum;
    m_maximum = maximum;
    m_overMaximum = overMaximum;
    review();
}

QString NumberField::format(qint64 value) const
{
    switch (m_unit) {
    case Unit::Won:
        return Money::format(value);
    case Unit::Percent:
        return QStringLiteral("%1 %").arg(value);
    case Unit::Count:
        break;
    }
    return Money::count(value);
}

QString NumberField::rangeText() const
{
    if (m_unit == Unit::Percent)
        return tr("%1 to %2 %").arg(m_minimum).arg(m_maximum);
    return tr("%1 to %2").arg(format(m_minimum), format(m_maximum));
}

void NumberField::setValue(qint64 value)
{
    m_editor->setText(Money::count(value));
    review();
}

void NumberField::clear()
{
    m_editor->clear();
    review();
}

bool NumberField::isEmpty() const
{
    return parse(m_editor->text()).kind == Parsed::Kind::Empty;
}

std::optional<qint64> NumberField::value() const
{
    const Parsed p = parse(m_editor->text());
    if (p.kind != Parsed::Kind::Number || p.value < m_minimum || p.value > m_maximum)
        return std::nullopt;
    return p.value;
}

QString NumberField::problem() const
{
    const Parsed p = parse(m_editor->text());
    const QString wanted = m_unit == Unit::Won ? tr("Enter an amount from %1 to %2.")
            : m_unit == Unit::Percent          ? tr("Enter a percent from %1 to %2.")
                                               : tr("Enter a number from %1 to %2.");
    const QString range = m_unit == Unit::Percent ? wanted.arg(m_minimum).arg(m_maximum)
                                                  : wanted.arg(format(m_minimum), format(m_maximum));
    if (m_maximum < m_minimum)
        return m_overMaximum.isEmpty() ? tr("Nothing can be entered here now.") : m_overMaximum;
    switch (p.kind) {
    case Parsed::Kind::Empty:
        return range;
    case Parsed::Kind::Negative:
        return tr("It cannot be negative. %1").arg(range);
    case Parsed::Kind::NotWhole:
        return tr("\u201C%1\u201D is not a whole number. %2").arg(m_editor->text().trimmed(), range);
    case Parsed::Kind::TooLong:
        return tr("That number is far too large. %1").arg(range);
    case Parsed::Kind::Number:
        break;
    }
    if (p.value > m_maximum)
        return m_overMaximum.isEmpty() ? tr("%1 is more than %2, the most allowed.").arg(format(p.value), format(m_maximum))
                                       : m_overMaximum;
    if (p.value < m_minimum)
        return tr("%1 is less than %2, the least allowed.").arg(format(p.value), format(m_minimum));
    return QString();
}

bool NumberField::check()
{
    const QString wrong = problem();
    if (!wrong.isEmpty())
        showProblem(wrong);
    return wrong.isEmpty();
}

void NumberField::showProblem(const QString &text)
{
    m_hint->showProblem(text);
    m_editor->setAccessibleDescription(text); // a screen reader says it with the field
    m_editor->setStyleSheet(QStringLiteral("QLineEdit { border:1px solid #b3261e; border-radius:3px; padding:2px; }"));
}

void NumberField::review()
{
    // Nothing typed is not yet wrong: the range says what goes here. Anything typed is
    // judged at once, and the judgement goes as soon as the text is right.
    const QString wrong = isEmpty() ? QString() : problem();
    if (wrong.isEmpty()) {
        m_hint->showHint(m_maximum < m_minimum && !m_overMaximum.isEmpty() ? m_overMaximum : rangeText());
        m_editor->setAccessibleDescription(m_hint->text());
        m_editor->setStyleSheet(QString());
    } else {
        showProblem(wrong);
    }
}
