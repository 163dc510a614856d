#include "Translator.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QLibraryInfo>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QXmlStreamReader>
#include <QtTest/QTest>

// Every word the window shows has its Korean, and the .ts files say exactly what the
// sources say: lupdate runs over the sources into a copy of each .ts (as
// `cmake --build build --target update_translations` would) and the copy is read. A
// string added to the code and not translated comes back "unfinished"; a string gone
// from the code and still in the file comes back "vanished". Then every translation
// keeps its source's placeholders (%1, %n), so no number or name is lost in Korean.
// Finally the built translations load: the app's (from the resources) and Qt's own.
class tst_Translations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sourcesAndFilesAgree_data();
    void sourcesAndFilesAgree();
    void translationsLoad();

private:
    struct Message {
        QString context;
        QString source;
        bool numerus = false;
        QString type; // "", "unfinished", "vanished", "obsolete"
        QStringList forms;
    };
    // lupdate over the sources into a copy of `tsFile`; the copy's messages.
    QList<Message> updatedCopy(const QString &tsFile, const QStringList &options);
    QTemporaryDir m_dir;
};

void tst_Translations::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(STOREFRONT_LUPDATE)),
        "no lupdate: installer/install-deps.sh installs qt6-l10n-tools");
    QVERIFY(m_dir.isValid());
}

QList<tst_Translations::Message> tst_Translations::updatedCopy(const QString &tsFile, const QStringList &options)
{
    const QString copy = m_dir.filePath(QFileInfo(tsFile).fileName());
    QFile::remove(copy);
    if (!QFile::copy(tsFile, copy)) {
        qWarning("cannot copy %s", qPrintable(tsFile));
        return {};
    }
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QStringList arguments;
    for (const QString &dir : QStringLiteral(STOREFRONT_TRANSLATED_DIRS).split(QLatin1Char(',')))
        arguments << QDir(QStringLiteral(STOREFRONT_SOURCE_DIR)).filePath(dir);
    arguments << options << QStringLiteral("-locations") << QStringLiteral("none") << QStringLiteral("-ts") << copy;
    QProcess lupdate;
    lupdate.start(QStringLiteral(STOREFRONT_LUPDATE), arguments);
    if (!lupdate.waitForFinished(60000) || lupdate.exitCode() != 0) {
        qWarning("lupdate failed: %s", lupdate.readAllStandardError().constData());
        return {};
    }
    QFile in(copy);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QList<Message> messages;
    QXmlStreamReader xml(&in);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message { context, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"),
                {}, {} };
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.forms << xml.readElementText();
            } else {
                message.forms << xml.readElementText();
            }
            messages << message;
        }
    }
    return messages;
}

void tst_Translations::sourcesAndFilesAgree_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("forms"); // plural forms of the language
    QTest::addColumn<bool>("pluralOnly");
    const QDir translations(QStringLiteral(STOREFRONT_SOURCE_DIR "/resources/translations"));
    QTest::newRow("Korean, every string")
        << translations.filePath(QStringLiteral("storefront_ko.ts")) << QStringList() << 1 << false;
    QTest::newRow("English, the plurals") << translations.filePath(QStringLiteral("storefront_en.ts"))
                                          << QStringList { QStringLiteral("-pluralonly") } << 2 << true;
}

void tst_Translations::sourcesAndFilesAgree()
{
    QFETCH(QString, file);
    QFETCH(QStringList, options);
    QFETCH(int, forms);
    QFETCH(bool, pluralOnly);
    const QList<Message> messages = updatedCopy(file, options);
    QVERIFY2(!messages.isEmpty(), "lupdate found no message");
    static const QRegularExpression placeholder(QStringLiteral("%(n|L?\\d+)"));
    const auto placeholders = [](const QString &text) {
        QSet<QString> found;
        for (QRegularExpressionMatchIterator it = placeholder.globalMatch(text); it.hasNext();)
            found.insert(it.next().captured(0));
        return found;
    };
    QStringList wrong;
    for (const Message &m : messages) {
        const QString where = m.context + QStringLiteral(": \u201C") + m.source + QStringLiteral("\u201D");
        if (m.type == QLatin1String("unfinished")) {
            wrong << QStringLiteral("not translated (new in the code): ") + where;
            continue;
        }
        if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete")) {
            wrong << QStringLiteral("no longer in the code (run update_translations): ") + where;
            continue;
        }
        if (m.numerus && m.forms.size() != forms)
            wrong << QStringLiteral("%1 plural forms instead of %2: ").arg(m.forms.size()).arg(forms) + where;
        if (pluralOnly && !m.numerus)
            wrong << QStringLiteral("not a plural: ") + where;
        for (const QString &form : m.forms) {
            // A singular may say the count in words ("The newest backup is kept"): %n may go, nothing else.
            QSet<QString> wanted = placeholders(m.source);
            QSet<QString> found = placeholders(form);
            if (m.numerus && m.forms.size() > 1 && form == m.forms.constFirst()) {
                wanted.remove(QStringLiteral("%n"));
                found.remove(QStringLiteral("%n"));
            }
            if (form.trimmed().isEmpty() && !m.source.trimmed().isEmpty())
                wrong << QStringLiteral("empty translation: ") + where;
            else if (found != wanted)
                wrong << QStringLiteral("placeholders differ in \u201C%1\u201D: ").arg(form) + where;
        }
    }
    // One line each (a failure's message is cut short): what to translate, where.
    for (const QString &line : std::as_const(wrong))
        qWarning("%s", qUtf8Printable(line));
    QVERIFY2(wrong.isEmpty(),
        qPrintable(QStringLiteral("%1 message(s) of %2 need work (listed above)").arg(wrong.size()).arg(file)));
}

void tst_Translations::translationsLoad()
{
    QStandardPaths::setTestModeEnabled(true);
    Translator::use(QStringLiteral("ko"));
    QCOMPARE(Translator::current(), QStringLiteral("ko"));
    QCOMPARE(QCoreApplication::translate("CartPage", "&Pay %1").arg(QStringLiteral("12,300\uC6D0")),
        QStringLiteral("12,300\uC6D0 \uACB0\uC81C\uD558\uAE30(&P)"));
    QCOMPARE(QLocale().language(), QLocale::Korean);
    // Qt's own words (the buttons of its dialogs) from qtbase_ko.qm.
    QVERIFY2(QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_ko.qm")),
        "no qtbase_ko.qm: installer/install-deps.sh installs qt6-translations-l10n");
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("\uCDE8\uC18C"));
    // English: the source words, with their plurals.
    Translator::use(QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("CustomersPage", "%n order(s)", nullptr, 1), QStringLiteral("1 order"));
    QCOMPARE(QCoreApplication::translate("CustomersPage", "%n order(s)", nullptr, 3), QStringLiteral("3 orders"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    QCOMPARE(QLocale().language(), QLocale::English);
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
