#include "Retranslate.h"

#include <QtCore/QEvent>
#include <QtWidgets/QWidget>

namespace {
// A child of the widget that watches the widget's events: it goes with the widget.
class LanguageWatch : public QObject {
public:
    LanguageWatch(QWidget *widget, std::function<void()> changed)
        : QObject(widget)
        , m_changed(std::move(changed))
    {
        widget->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange && watched == parent())
            m_changed();
        return false;
    }

private:
    std::function<void()> m_changed;
};
}

void Retranslate::follow(QWidget *widget, std::function<void()> setTexts)
{
    setTexts();
    onChange(widget, std::move(setTexts));
}

void Retranslate::onChange(QWidget *widget, std::function<void()> changed)
{
    new LanguageWatch(widget, std::move(changed));
}
