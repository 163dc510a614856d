// storefront-server: the backend. `serve` (default) runs the HTTP API; `migrate` only
// brings the database schema up to date.
#include "ConfigLoader.h"
#include "ShutdownSignals.h"
#include "StorefrontServer.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QTimer>

#include <cstdio>

namespace {
int fail(const QString &message)
{
    std::fprintf(stderr, "storefront-server: %s\n", qUtf8Printable(message));
    return 1;
}
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("storefront"));
    QCoreApplication::setApplicationName(QStringLiteral("storefront-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STOREFRONT_VERSION));
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-warning}W %{endif}%{if-critical}E %{endif}"
                                          "%{category}: %{message}"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Storefront backend: the HTTP API on MySQL, Redis and Kafka.\n\n"
            "Commands:\n"
            "  serve     run the HTTP API (default)\n"
            "  migrate   apply pending database migrations and exit\n\n"
            "With no --mysql/--redis/--kafka the server starts its own local stack (private\n"
            "MariaDB, Redis and Kafka mock on loopback) in --stack DIR.\n"
            "Precedence: command line > environment (STOREFRONT_*) > --config file > default.\n"
            "STOREFRONT_ADMIN_PASSWORD (environment only): create or reset the `admin` account at start-up.\n"
            "Request log lines: QT_LOGGING_RULES='storefront.http.requests.info=false' turns them off."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("serve (default) or migrate"),
                                 QStringLiteral("[command]"));
    ConfigLoader::addOptions(parser);
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0, QStringLiteral("serve"));
    if (positional.size() > 1 || (command != QLatin1String("serve") && command != QLatin1String("migrate")))
        return fail(QStringLiteral("unknown command \"%1\" (try --help)").arg(positional.join(QLatin1Char(' '))));

    const Result<ServerConfig> config = ConfigLoader::load(parser, QProcessEnvironment::systemEnvironment());
    if (!config)
        return fail(config.failure().message);

    StorefrontServer server(config.value());
    QObject::connect(&server, &StorefrontServer::progress, [](const QString &step) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(step));
    });

    if (command == QLatin1String("migrate")) {
        const Result<QStringList> applied = server.migrateOnly();
        server.stop();
        if (!applied)
            return fail(applied.failure().message);
        std::printf("%s\n", applied->isEmpty() ? "schema is up to date"
                                               : qPrintable(QStringLiteral("applied: ") + applied->join(QStringLiteral(", "))));
        return 0;
    }

    ShutdownSignals shutdownSignals;
    if (Status started = server.start(); !started)
        return fail(started.failure().message);
    std::fprintf(stderr, "storefront-server %s listening on %s\n", STOREFRONT_VERSION, qUtf8Printable(server.baseUrl()));
    QObject::connect(&shutdownSignals, &ShutdownSignals::shutdownRequested, &app, [&](int) {
        server.stop();
        app.quit();
    });
    return app.exec();
}
