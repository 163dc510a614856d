#include "NoticeBar.h"

NoticeBar::NoticeBar(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A page's notice keeps its line when hidden, so a notice coming or going never moves
    // the page under the pointer (the Claim button jumped 36 px). The window's banners
    // and the dialogs' notices take room only while shown.
    setReservesRoom(parent && parent->inherits("PageWidget"));
    hide();
}

void NoticeBar::setReservesRoom(bool reserve)
{
    m_reserves = reserve;
    QSizePolicy policy = sizePolicy();
    policy.setRetainSizeWhenHidden(reserve);
    setSizePolicy(policy);
    // One line with the bar's padding and border (present()): the room a notice takes.
    setMinimumHeight(reserve ? fontMetrics().lineSpacing() + 2 * kPadding + 2 : 0);
}

void NoticeBar::showError(const QString &text, const QString &cause)
{
    present(Tone::Error, text, cause);
}

void NoticeBar::showSuccess(const QString &text, const QString &cause)
{
    present(Tone::Success, text, cause);
}

void NoticeBar::showInfo(const QString &text, const QString &cause)
{
    present(Tone::Info, text, cause);
}

void NoticeBar::clear()
{
    m_cause.clear();
    setText(QString());
    hide();
    Q_EMIT changed();
}

void NoticeBar::resolve(const QString &cause)
{
    if (isVisible() || !text().isEmpty()) {
        if (!cause.isEmpty() && m_cause == cause)
            clear();
    }
}

void NoticeBar::clearError()
{
    if (m_tone == Tone::Error)
        clear();
}

void NoticeBar::present(Tone tone, const QString &text, const QString &cause)
{
    static const char *const styles[] = {
        "background:#fdecea; color:#8a1c1c; border:1px solid #f5c2c0;",
        "background:#e8f5e9; color:#1b5e20; border:1px solid #b7dfb9;",
        "background:#e8f0fe; color:#174ea6; border:1px solid #c6d8fb;",
    };
    m_tone = tone;
    m_cause = cause;
    setStyleSheet(QStringLiteral("QLabel { %1 border-radius:4px; padding:%2px 10px; }")
                          .arg(QLatin1String(styles[int(tone)]))
                          .arg(kPadding));
    setText(text);
    show();
    Q_EMIT changed();
}
