#pragma once

#include <QtWidgets/QLabel>

// One line at the top of a page that says what just happened: an error in words, a
// success, or a note. Hidden when there is nothing to say.
//
// A notice may name its cause ("balance", "stock", "form"): whoever fixes that cause
// calls resolve() with the same name and the notice goes, so no message outlives what
// it was about. A new notice replaces the old one whatever its cause.
class NoticeBar : public QLabel
{
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    void showError(const QString &text, const QString &cause = QString());
    void showSuccess(const QString &text, const QString &cause = QString());
    void showInfo(const QString &text, const QString &cause = QString());
    void clear();
    // Clears the notice if it was shown for this cause.
    void resolve(const QString &cause);
    // Clears an error (of any cause): before a new try of the same action.
    void clearError();

    enum class Tone { Error, Success, Info };
    Tone tone() const { return m_tone; }
    // Keep one line's room while hidden (a page's notice: nothing below it moves when a
    // notice comes or goes). On by default under a PageWidget.
    void setReservesRoom(bool reserve);
    bool reservesRoom() const { return m_reserves; }
    static constexpr int kPadding = 6;
    QString cause() const { return m_cause; }

Q_SIGNALS:
    // Shown, replaced or cleared: a dialog resizes to fit it.
    void changed();

private:
    void present(Tone tone, const QString &text, const QString &cause);
    Tone m_tone = Tone::Info;
    QString m_cause;
    bool m_reserves = false;
};
