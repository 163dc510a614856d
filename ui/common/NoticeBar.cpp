#include "NoticeBar.h"

NoticeBar::NoticeBar(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void NoticeBar::showError(const QString &text)
{
    present(Tone::Error, text);
}

void NoticeBar::showSuccess(const QString &text)
{
    present(Tone::Success, text);
}

void NoticeBar::showInfo(const QString &text)
{
    present(Tone::Info, text);
}

void NoticeBar::clear()
{
    setText(QString());
    hide();
}

void NoticeBar::present(Tone tone, const QString &text)
{
    static const char *const styles[] = {
        "background:#fdecea; color:#8a1c1c; border:1px solid #f5c2c0;",
        "background:#e8f5e9; color:#1b5e20; border:1px solid #b7dfb9;",
        "background:#e8f0fe; color:#174ea6; border:1px solid #c6d8fb;",
    };
    m_tone = tone;
    setStyleSheet(QStringLiteral("QLabel { %1 border-radius:4px; padding:6px 10px; }")
                          .arg(QLatin1String(styles[int(tone)])));
    setText(text);
    show();
}
