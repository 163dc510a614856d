// storefront: the desktop storefront. By default it runs its own server on a
// persistent local stack; --server URL uses a remote one instead.
#include "AppStyle.h"
#include "BackupFolder.h"
#include "EmbeddedServer.h"
#include "LocalStack.h"
#include "MainWindow.h"
#include "ShopClient.h"
#include "ShutdownSignals.h"
#include "Translator.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QProcessEnvironment>
#include <QtCore/QRandomGenerator>
#include <QtCore/QSettings>
#include <QtNetwork/QSslCertificate>
#include <QtWidgets/QApplication>

#include <cstdio>

#include <array>

namespace {
// The command line, built the same for the text-only answers and for the window.
struct Options {
    Options();
    QCommandLineParser parser;
    const QCommandLineOption server { QStringLiteral("server"),
                                      QStringLiteral("Use the server at URL (remembered for --last-server)."),
                                      QStringLiteral("url") };
    const QCommandLineOption lastServer { QStringLiteral("last-server"),
                                          QStringLiteral("Use the server last given with --server.") };
    const QCommandLineOption stack { QStringLiteral("stack"),
                                     QStringLiteral("Data folder of the embedded local stack (default %1).")
                                             .arg(LocalStack::defaultDir()),
                                     QStringLiteral("dir") };
    const QCommandLineOption caFile { QStringLiteral("ca-file"),
                                      QStringLiteral("Trust the certificate authority in FILE (PEM) for an https:// "
                                                     "server, besides the system's (remembered with the server)."),
                                      QStringLiteral("file") };
    const QCommandLineOption language { QStringLiteral("lang"),
                                        QStringLiteral("The window's language: ko (Korean) or en (English). Without "
                                                       "it: the one chosen in Settings, else the system's."),
                                        QStringLiteral("ko|en") };
};

Options::Options()
{
    // Wrapped by hand: QCommandLineParser prints the description as it is.
    parser.setApplicationDescription(
            QStringLiteral("Storefront desktop shop. Without --server it starts its own server on a local\n"
                           "stack in the user's data folder.\n\n"
                           "The first administrator: a new shop opens on \"Set up your shop\", where its owner chooses\n"
                           "the administrator's username and password. A standalone server (storefront-server)\n"
                           "gets its first administrator from\n"
                           "`storefront-server admin create --username NAME` (asks for the password), or from\n"
                           "the environment variable STOREFRONT_ADMIN_PASSWORD (the account `admin`)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(server);
    parser.addOption(caFile);
    parser.addOption(language);
    parser.addOption(stack);
    parser.addOption(lastServer);
}

void nameTheApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("storefront"));
    QCoreApplication::setApplicationName(QStringLiteral("storefront"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STOREFRONT_VERSION));
}

// --help and --version only print: they must work where no window can open (a
// terminal over ssh, a packaging check), so they are answered before QApplication,
// which aborts without a display.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--")
            break;
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-?" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}
}

int main(int argc, char *argv[])
{
    if (onlyPrints(argc, argv)) {
        QCoreApplication core(argc, argv);
        nameTheApplication();
        Options options;
        options.parser.process(core); // prints the help or the version and exits
        return 0;
    }
    QApplication app(argc, argv);
    nameTheApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Storefront"));
    // Ties the windows to the menu entry (and its icon) on Wayland and in docks.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.storefront.Storefront"));

    Options options;
    QCommandLineParser &parser = options.parser;
    const QCommandLineOption &serverOption = options.server;
    const QCommandLineOption &lastServerOption = options.lastServer;
    const QCommandLineOption &stackOption = options.stack;
    const QCommandLineOption &caFileOption = options.caFile;
    const QCommandLineOption &languageOption = options.language;
    parser.process(app);
    if (parser.isSet(languageOption) && !Translator::isKnown(parser.value(languageOption))) {
        std::fprintf(stderr, "storefront: --lang takes ko or en, not %s\n", qUtf8Printable(parser.value(languageOption)));
        return 1;
    }
    // Before any window: every widget is made in the person's language.
    Translator::use(Translator::startLanguage(parser.value(languageOption)));
    AppStyle::apply();

    // SIGTERM/SIGINT (logout, Ctrl-C) quit like closing the window: the embedded
    // server then stops its services cleanly instead of dying with the process.
    ShutdownSignals shutdownSignals;
    QObject::connect(&shutdownSignals, &ShutdownSignals::shutdownRequested, &app, &QApplication::quit);

    MainWindow window;
    window.show();

    QSettings settings;
    const QString lastServerKey = QStringLiteral("server/last");
    if (parser.isSet(serverOption))
        settings.setValue(lastServerKey, parser.value(serverOption));
    const QString caFileKey = QStringLiteral("server/caFile");
    if (parser.isSet(serverOption))
        settings.setValue(caFileKey, parser.value(caFileOption)); // a new server: its own CA, or none
    if (parser.isSet(serverOption) || (parser.isSet(lastServerOption) && settings.contains(lastServerKey))) {
        if (const QString caFile = settings.value(caFileKey).toString(); !caFile.isEmpty()) {
            const QList<QSslCertificate> authorities = QSslCertificate::fromPath(caFile);
            if (authorities.isEmpty()) {
                std::fprintf(stderr, "storefront: %s holds no PEM certificate\n", qUtf8Printable(caFile));
                return 1;
            }
            window.client()->setTrustedAuthorities(authorities);
        }
        window.connectTo(settings.value(lastServerKey).toString());
        return app.exec();
    }

    ServerConfig config;
    config.listenPort = 0; // any free port on loopback: only this app talks to it
    config.workers = 4;
    config.stackDir = parser.isSet(stackOption) ? parser.value(stackOption) : LocalStack::defaultDir();
    // A daily backup of the app's own shop (verified, the 7 newest kept), beside its
    // stack unless the Backups page chose another folder (an external disk): the
    // choice is read here, so it applies from the next start.
    config.backupDir = BackupFolder::forStack(config.stackDir);
    BackupFolder::setOwnShop(config.backupDir, config.stackDir);
    // As for storefront-server: STOREFRONT_ADMIN_PASSWORD creates or resets `admin`.
    config.adminPassword = QProcessEnvironment::systemEnvironment().value(QStringLiteral("STOREFRONT_ADMIN_PASSWORD"));
    // The first owner of a new shop creates its administrator with this (API.md, POST
    // /api/v1/auth/owner). Only this process knows it, so no other program on the machine
    // can take the new shop's administrator account; it is made afresh at every start
    // and the server forgets it once used. A remote server (--server) gets none.
    std::array<quint32, 8> secret {};
    QRandomGenerator::system()->fillRange(secret.data(), qsizetype(secret.size()));
    config.ownerSecret = QByteArray(reinterpret_cast<const char *>(secret.data()), qsizetype(sizeof(secret))).toHex();
    window.setOwnerSecret(config.ownerSecret);
    EmbeddedServer server(config);
    server.showIn(&window);
    server.start();
    return app.exec();
}
