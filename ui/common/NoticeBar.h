#pragma once

#include <QtWidgets/QLabel>

// One line at the top of a page that says what just happened: an error in words, a
// success, or a note. Hidden when there is nothing to say.
class NoticeBar : public QLabel
{
    Q_OBJECT
public:
    explicit NoticeBar(QWidget *parent = nullptr);

    void showError(const QString &text);
    void showSuccess(const QString &text);
    void showInfo(const QString &text);
    void clear();

    enum class Tone { Error, Success, Info };
    Tone tone() const { return m_tone; }

private:
    void present(Tone tone, const QString &text);
    Tone m_tone = Tone::Info;
};
