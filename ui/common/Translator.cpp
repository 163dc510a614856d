#include "Translator.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLibraryInfo>
#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>
#include <QtCore/QSettings>
#include <QtCore/QTranslator>

Q_LOGGING_CATEGORY(lcTranslator, "storefront.ui.translator")

namespace {
const QString kSettingsKey = QStringLiteral("ui/language");
const QString kKorean = QStringLiteral("ko");
const QString kEnglish = QStringLiteral("en");

// Owned by the application object: they go with it, and a new use() replaces them.
QPointer<QTranslator> s_app;
QPointer<QTranslator> s_qt;
QString s_current = kEnglish;

void drop(QPointer<QTranslator> &translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
}

// Installs `base`_`language`.qm from `directory`; null when there is no such file.
QTranslator *install(const QString &base, const QString &language, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(base + QLatin1Char('_') + language, directory)) {
        delete translator;
        return nullptr;
    }
    QCoreApplication::installTranslator(translator);
    return translator;
}
}

QStringList Translator::languages() { return { kKorean, kEnglish }; }

QString Translator::nativeName(const QString &language)
{
    // Not through tr(): each language is named in itself, as every language menu does.
    return language == kKorean ? QStringLiteral("\uD55C\uAD6D\uC5B4") : QStringLiteral("English");
}

bool Translator::isKnown(const QString &language) { return languages().contains(language); }

QString Translator::systemLanguage()
{
    // LANGUAGE=ko:en and LANG=ko_KR.UTF-8 both come through here, in the person's order.
    for (const QString &ui : QLocale::system().uiLanguages()) {
        const QString language = ui.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (isKnown(language))
            return language;
    }
    return kEnglish;
}

QString Translator::remembered()
{
    const QString language = QSettings().value(kSettingsKey).toString();
    return isKnown(language) ? language : QString();
}

QString Translator::startLanguage(const QString &commandLine)
{
    if (isKnown(commandLine))
        return commandLine;
    const QString chosen = remembered();
    return chosen.isEmpty() ? systemLanguage() : chosen;
}

QLocale Translator::localeOf(const QString &language)
{
    return language == kKorean ? QLocale(QLocale::Korean, QLocale::SouthKorea)
                               : QLocale(QLocale::English, QLocale::UnitedStates);
}

void Translator::use(const QString &language)
{
    const QString chosen = isKnown(language) ? language : kEnglish;
    drop(s_app);
    drop(s_qt);
    // English is the source language; its file holds only the plural forms ("1 item",
    // "2 items"), and Qt speaks English by itself.
    s_app = install(QStringLiteral("storefront"), chosen, QStringLiteral(":/translations"));
    if (!s_app)
        qCWarning(lcTranslator) << "no translation of the app for" << chosen;
    if (chosen != kEnglish) {
        const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        s_qt = install(QStringLiteral("qtbase"), chosen, qtDir);
        if (!s_qt)
            qCWarning(lcTranslator) << "no qtbase_" << chosen << ".qm in" << qtDir
                                    << "(Debian: qt6-translations-l10n): Qt's own dialogs stay in English";
    }
    s_current = chosen;
    QLocale::setDefault(localeOf(chosen));
    // Installing a translator sends QEvent::LanguageChange to every window; a locale
    // change alone does not, and the numbers and dates must follow too.
    if (!s_app && !s_qt && QCoreApplication::instance()) {
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    }
}

void Translator::choose(const QString &language)
{
    QSettings().setValue(kSettingsKey, language);
    use(language);
}

QString Translator::current() { return s_current; }
