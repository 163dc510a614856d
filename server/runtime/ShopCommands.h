#pragma once

#include "BackupService.h"
#include "InvariantChecker.h"
#include "Result.h"
#include "Seeder.h"
#include "TokenSigner.h"

#include <QtCore/QString>

class StorefrontServer;
struct MysqlEndpoint;

// The one-shot commands storefront-server runs besides `serve` (backup, backup
// --verify, restore, admin create, seed, check), on the shop a StorefrontServer
// names: its stack, schema and secrets. The caller stops the server afterwards, which
// stops a stack a command started.
class ShopCommands
{
public:
    explicit ShopCommands(StorefrontServer &server);

    // `storefront-server backup --to DIR` (BackupService), on the shop's database: the
    // configured MySQL, the local stack a serving shop runs in --stack, or the stack
    // started for it.
    Result<BackupService::Taken> backup(const QString &toDir);
    // `storefront-server restore --from DIR`: into the database these options name.
    Result<BackupManifest> restore(const QString &fromDir, const BackupService::RestoreOptions &options);
    // `storefront-server backup --verify DIR`: restored into a scratch local stack, row
    // counts compared with the manifest, the invariant check; the one-line verdict.
    Result<QString> verifyBackup(const QString &dir);
    // `storefront-server admin create`: a new administrator on this shop (migrated
    // first); VALIDATION_FAILED or USERNAME_TAKEN as for registration.
    Result<Principal> createAdmin(const QString &username, const QString &password);
    // storefront-server seed: the stack if any, the schema, then the demo data. With
    // `demo`, the seeded shoppers order from a demo catalogue of plan.products
    // products (DemoShop) instead of plain numbered products; `demoReport` gets its figures.
    Result<Seeder::Report> seed(const Seeder::Plan &plan, bool demo = false, QString *demoReport = nullptr);
    // The shop's invariants (InvariantChecker) on this server's database.
    Result<QList<InvariantChecker::Violation>> check();

private:
    Result<MysqlEndpoint> shopDatabase();
    void forgetRankings(const QString &redisUrl);

    StorefrontServer &m_server;
};
