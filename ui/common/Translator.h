#pragma once

#include <QtCore/QLocale>
#include <QtCore/QString>
#include <QtCore/QStringList>

// The language the window speaks: Korean or English (KeePassXC's Translator, our two
// languages). use() installs the app's words (storefront_<lang>.qm, built from
// resources/translations into the resources) and Qt's own (qtbase_<lang>.qm from Qt's
// translations folder: the buttons of file and message dialogs), and makes that
// language's QLocale the default, so money and dates follow (Money). Every widget that
// shows words hears QEvent::LanguageChange and sets them again (Retranslate), so a
// change applies at once, without a restart.
//
// Which language: --lang on the command line, else the one chosen in Settings
// (QSettings "ui/language"), else the system's (LANG=ko_KR.UTF-8 gives Korean;
// anything not Korean gives English).
namespace Translator {
// "ko", "en".
QStringList languages();
// A language's name in that language ("한국어", "English"): what a person looks for
// whatever the window speaks now.
QString nativeName(const QString &language);
bool isKnown(const QString &language);
// The system's choice among ours (its UI languages, in order); "en" when none is ours.
QString systemLanguage();
// The language chosen in Settings; empty when none was.
QString remembered();
// The language to start in: `commandLine` if set, else remembered(), else systemLanguage().
QString startLanguage(const QString &commandLine = QString());
// Installs the translations of `language` (an unknown one is English) and its locale.
void use(const QString &language);
// use() and remember the choice for the next start.
void choose(const QString &language);
// What use() was last given: "ko" or "en" ("en" before any use()).
QString current();
// The locale of a language: ko_KR or en_US.
QLocale localeOf(const QString &language);
}
