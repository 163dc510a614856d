#pragma once

#include <functional>

class QWidget;

// The one way a widget's words follow the language (Translator): a widget keeps the
// code that sets its texts in one function of its own (retranslateUi(), as Designer's
// forms do) and hands it here, in its constructor. It runs at once and again whenever
// the language changes — QEvent::LanguageChange reaches every widget of every window
// when a translator is installed — so no page has to override changeEvent() for it.
namespace Retranslate {
// Runs setTexts now and at every language change, for as long as `widget` lives.
void follow(QWidget *widget, std::function<void()> setTexts);
// At every language change only (not now): a page reads its data again, say.
void onChange(QWidget *widget, std::function<void()> changed);
}
