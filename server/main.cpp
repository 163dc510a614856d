// storefront-server: the backend. `serve` (default) runs the HTTP API; `migrate` only
// brings the database schema up to date; `stack` runs only the local stack.
#include "ConfigLoader.h"
#include "PasswordPrompt.h"
#include "ShopCommands.h"
#include "ShutdownSignals.h"
#include "StandaloneStack.h"
#include "StorefrontServer.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QTimer>

#include <cstdio>

namespace {
int fail(const QString &message)
{
    std::fprintf(stderr, "storefront-server: %s\n", qUtf8Printable(message));
    return 1;
}

int runStack(QCoreApplication &app, const ServerConfig &config)
{
    if (!config.usesLocalStack())
        return fail(QStringLiteral("stack runs only the local stack: give --stack DIR, not --mysql/--redis/--kafka"));
    StandaloneStack stack(config.stackDir);
    QObject::connect(&stack, &StandaloneStack::progress, [](const QString &step) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(step));
    });
    ShutdownSignals shutdownSignals;
    QObject::connect(&shutdownSignals, &ShutdownSignals::shutdownRequested, &app, [&](int) { app.quit(); });
    if (Status started = stack.start(); !started)
        return fail(started.failure().message);
    std::printf("%s\n", qUtf8Printable(stack.serverArguments().join(QLatin1Char(' '))));
    std::fflush(stdout);
    std::fprintf(stderr, "storefront-server %s: local stack running in %s; Ctrl-C stops it\n", STOREFRONT_VERSION,
                 qUtf8Printable(config.stackDir));
    const int code = app.exec();
    stack.stop();
    return code;
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
            "  migrate   apply pending database migrations and exit\n"
            "  seed      fill the database with demo data (--users, --products, --coupons,\n"
            "            --password, --balance, --tokens-out; --demo for a demo shop) and exit\n"
            "  check     verify the shop's invariants in the database (balances = ledgers, no\n"
            "            negative balance or stock, coupons never past quantity and one per user,\n"
            "            every order paid once with its events, totals = lines, top products =\n"
            "            paid lines); exit 0 when all hold, 1 with the violations listed\n"
            "  data-platform\n"
            "            run only the data-platform consumer (group data-platform): stores each\n"
            "            order event once by eventId; give the same --mysql/--kafka as the server\n"
            "            (and --data-platform off to that server)\n"
            "  backup --to DIR\n"
            "            a consistent copy of the running shop (every table, pictures included) in a new\n"
            "            folder under DIR, with its manifest; orders go on being paid meanwhile\n"
            "  backup --verify DIR\n"
            "            restore the backup in DIR into a scratch local stack, compare its row counts\n"
            "            with the manifest and check the invariants; exit 0 and one line when it holds\n"
            "  restore --from DIR [--replace] [--until TIME] [--binlog-dir DIR]\n"
            "            load a backup into the shop's database (empty, or emptied with --replace);\n"
            "            --until 2026-12-06T10:15:00Z replays the binary log kept since the backup up\n"
            "            to that moment (needs binlog = on when the backup was taken). Stop the server\n"
            "            first; at its next start it migrates the restored data if it is older\n"
            "  admin create --username NAME\n"
            "            create an administrator; asks for the password (twice on a terminal,\n"
            "            the first line of standard input otherwise) and exits\n"
            "  stack     run only the local stack (MariaDB, Redis, Kafka mock on loopback, data in\n"
            "            --stack DIR) in the foreground, for several servers on this machine: prints\n"
            "            the --mysql/--redis/--kafka values to give each `serve` on stdout (one line);\n"
            "            the ports are new at every start. Ctrl-C or SIGTERM stops it\n\n"
            "With no --mysql/--redis/--kafka the server starts its own local stack (private\n"
            "MariaDB, Redis and Kafka mock on loopback) in --stack DIR.\n"
            "Precedence: command line > environment (STOREFRONT_*) > --config file > default.\n"
            "STOREFRONT_ADMIN_PASSWORD (environment only): create the administrator `admin` at start-up, or\n"
            "reset its password; a shopper who registered the name `admin` is never made an administrator.\n"
            "Request log lines: QT_LOGGING_RULES='storefront.http.requests.info=false' turns them off."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("serve (default), migrate, seed, check, backup, restore, admin create, data-platform or stack"),
                                 QStringLiteral("[command]"));
    ConfigLoader::addOptions(parser);
    const QCommandLineOption seedUsers(QStringLiteral("users"), QStringLiteral("seed: shoppers to create."), QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption seedProducts(QStringLiteral("products"), QStringLiteral("seed: products to create."), QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption seedCoupons(QStringLiteral("coupons"), QStringLiteral("seed: coupons to create (quantity 1,000 each)."), QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption seedPassword(QStringLiteral("password"), QStringLiteral("seed: the seeded shoppers' password."), QStringLiteral("password"), QStringLiteral("password-123"));
    const QCommandLineOption seedBalance(QStringLiteral("balance"), QStringLiteral("seed: each seeded shopper's starting balance in won."), QStringLiteral("won"), QStringLiteral("0"));
    const QCommandLineOption seedTokens(QStringLiteral("tokens-out"), QStringLiteral("seed: write \"userId token\" lines for the seeded shoppers to FILE (load tests)."), QStringLiteral("file"));
    const QCommandLineOption seedDemo(QStringLiteral("demo"), QStringLiteral("seed: a Korean demo shop: categories, products with pictures, shoppers with addresses, and orders over 14 days, shipped or waiting (--products defaults to 240, --users to 30, --coupons to 4)."));
    const QCommandLineOption adminUsername(QStringLiteral("username"), QStringLiteral("admin create: the new administrator's username (3 to 32 of A-Z a-z 0-9 _ . -)."), QStringLiteral("name"));
    const QCommandLineOption backupTo(QStringLiteral("to"), QStringLiteral("backup: the folder to put the new backup in."), QStringLiteral("dir"));
    const QCommandLineOption backupVerify(QStringLiteral("verify"), QStringLiteral("backup: verify the backup in DIR instead of taking one."), QStringLiteral("dir"));
    const QCommandLineOption restoreFrom(QStringLiteral("from"), QStringLiteral("restore: the backup folder to restore."), QStringLiteral("dir"));
    const QCommandLineOption restoreReplace(QStringLiteral("replace"), QStringLiteral("restore: drop what the database holds first."));
    const QCommandLineOption restoreUntil(QStringLiteral("until"), QStringLiteral("restore: replay the binary log up to this moment (ISO 8601, e.g. 2026-12-06T10:15:00Z)."), QStringLiteral("time"));
    const QCommandLineOption restoreBinlog(QStringLiteral("binlog-dir"), QStringLiteral("restore: where the shop's binary log is (default: the folder the manifest names)."), QStringLiteral("dir"));
    parser.addOptions({ seedUsers, seedProducts, seedCoupons, seedPassword, seedBalance, seedTokens, seedDemo, adminUsername,
                        backupTo, backupVerify, restoreFrom, restoreReplace, restoreUntil, restoreBinlog });
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0, QStringLiteral("serve"));
    const bool adminCreate = command == QLatin1String("admin") && positional.value(1) == QLatin1String("create");
    if ((positional.size() > 1 && !(adminCreate && positional.size() == 2))
        || (command != QLatin1String("serve") && command != QLatin1String("migrate") && command != QLatin1String("seed")
            && command != QLatin1String("check") && command != QLatin1String("data-platform")
            && command != QLatin1String("stack") && command != QLatin1String("backup") && command != QLatin1String("restore")
            && !adminCreate))
        return fail(QStringLiteral("unknown command \"%1\" (try --help)").arg(positional.join(QLatin1Char(' '))));

    const Result<ServerConfig> config = ConfigLoader::load(parser, QProcessEnvironment::systemEnvironment());
    if (!config)
        return fail(config.failure().message);

    if (command == QLatin1String("stack"))
        return runStack(app, config.value());

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

    ShopCommands commands(server);
    if (command == QLatin1String("backup")) {
        if (parser.isSet(backupVerify) == parser.isSet(backupTo))
            return fail(QStringLiteral("backup needs --to DIR (take one) or --verify DIR (check one)"));
        if (parser.isSet(backupVerify)) {
            const Result<QString> verdict = commands.verifyBackup(parser.value(backupVerify));
            server.stop();
            if (!verdict)
                return fail(QStringLiteral("backup %1 NOT verified: %2").arg(parser.value(backupVerify), verdict.failure().message));
            std::printf("%s\n", qUtf8Printable(verdict.value()));
            return 0;
        }
        const Result<BackupService::Taken> taken = commands.backup(parser.value(backupTo));
        server.stop();
        if (!taken)
            return fail(QStringLiteral("no backup taken: %1").arg(taken.failure().message));
        std::printf("backup taken: %s (%lld bytes, %lld ms)\n", qUtf8Printable(taken->folder), taken->manifest.totalBytes(),
                    taken->manifest.startedAt.msecsTo(taken->manifest.finishedAt));
        return 0;
    }

    if (command == QLatin1String("restore")) {
        if (!parser.isSet(restoreFrom))
            return fail(QStringLiteral("restore needs --from DIR"));
        BackupService::RestoreOptions options;
        options.replace = parser.isSet(restoreReplace);
        options.binaryLogDir = parser.value(restoreBinlog);
        if (parser.isSet(restoreUntil)) {
            options.until = QDateTime::fromString(parser.value(restoreUntil), Qt::ISODateWithMs);
            if (!options.until.isValid() || options.until.timeSpec() == Qt::LocalTime)
                return fail(QStringLiteral("--until must be a moment with its zone, e.g. 2026-12-06T10:15:00Z, not \"%1\"")
                                    .arg(parser.value(restoreUntil)));
        }
        const Result<BackupManifest> restored = commands.restore(parser.value(restoreFrom), options);
        server.stop();
        if (!restored)
            return fail(QStringLiteral("not restored: %1").arg(restored.failure().message));
        std::printf("restored %s (taken %s)%s; the server migrates it at its next start if it is older\n",
                    qUtf8Printable(parser.value(restoreFrom)), qUtf8Printable(restored->startedAt.toString(Qt::ISODate)),
                    options.until.isValid() ? qUtf8Printable(QStringLiteral(" up to ") + options.until.toUTC().toString(Qt::ISODate))
                                            : "");
        return 0;
    }

    if (adminCreate) {
        if (!parser.isSet(adminUsername))
            return fail(QStringLiteral("admin create needs --username NAME"));
        const std::optional<QString> password = PasswordPrompt::ask(parser.value(adminUsername));
        if (!password)
            return 1;
        const Result<Principal> created = commands.createAdmin(parser.value(adminUsername), *password);
        server.stop();
        if (!created)
            return fail(created.failure().message);
        std::printf("administrator %s created (id %lld)\n", qUtf8Printable(created->username), created->userId);
        return 0;
    }

    if (command == QLatin1String("check")) {
        const Result<QList<InvariantChecker::Violation>> violations = commands.check();
        server.stop();
        if (!violations)
            return fail(violations.failure().message);
        std::printf("%s\n", qUtf8Printable(InvariantChecker::report(violations.value())));
        return violations->isEmpty() ? 0 : 1;
    }

    if (command == QLatin1String("seed")) {
        bool ok[4] = {};
        Seeder::Plan plan { parser.value(seedUsers).toInt(&ok[0]), parser.value(seedProducts).toInt(&ok[1]),
                            parser.value(seedCoupons).toInt(&ok[2]), parser.value(seedPassword),
                            parser.value(seedBalance).toLongLong(&ok[3]), parser.value(seedTokens) };
        if (!ok[0] || !ok[1] || !ok[2] || !ok[3] || plan.users < 0 || plan.products < 0 || plan.coupons < 0 || plan.balance < 0
            || plan.balance > 1000000000 || plan.password.size() < 8)
            return fail(QStringLiteral("seed: counts and balance must be whole numbers >= 0 (balance at most "
                                       "1,000,000,000), the password at least 8 characters"));
        const bool demo = parser.isSet(seedDemo);
        if (demo) {
            if (!parser.isSet(seedProducts))
                plan.products = 240;
            if (!parser.isSet(seedUsers))
                plan.users = 30;
            if (!parser.isSet(seedCoupons))
                plan.coupons = 4;
        }
        QElapsedTimer clock;
        clock.start();
        QString demoReport;
        const Result<Seeder::Report> seeded = commands.seed(plan, demo, &demoReport);
        server.stop();
        if (!seeded)
            return fail(seeded.failure().message);
        if (demo)
            std::printf("%s\n", qUtf8Printable(demoReport));
        std::printf("seeded in %lld ms: users %lld-%lld, products %lld-%lld, coupons %lld-%lld\n", clock.elapsed(),
                    seeded->firstUserId, seeded->lastUserId, seeded->firstProductId, seeded->lastProductId,
                    seeded->firstCouponId, seeded->lastCouponId);
        return 0;
    }

    ShutdownSignals shutdownSignals(nullptr, true);
    QObject::connect(&shutdownSignals, &ShutdownSignals::shutdownRequested, &app, [&](int) {
        server.stop();
        app.quit();
    });
    QObject::connect(&shutdownSignals, &ShutdownSignals::reloadRequested, &app, [&] { server.reloadTls(); });
    if (command == QLatin1String("data-platform")) {
        if (Status started = server.startDataPlatformOnly(); !started)
            return fail(started.failure().message);
        std::fprintf(stderr, "storefront-server %s: data-platform consumer running\n", STOREFRONT_VERSION);
        return app.exec();
    }
    if (Status started = server.start(); !started)
        return fail(started.failure().message);
    std::fprintf(stderr, "storefront-server %s listening on %s\n", STOREFRONT_VERSION, qUtf8Printable(server.baseUrl()));
    return app.exec();
}
