#pragma once

#include "Result.h"

#include <QtCore/QString>

// `storefront-server backup --verify DIR` and the check after every scheduled backup:
// the backup restored into a scratch local stack of its own (removed afterwards; the
// shop is never touched), its row counts compared with the manifest, the invariant
// check run on it. Heavy (a MariaDB started, the whole shop loaded): never on an HTTP
// worker's thread. The thread that calls it starts and stops the scratch stack.
class BackupVerifier
{
public:
    // The one-line verdict, or why the backup is not good.
    static Result<QString> verify(const QString &dir);
};
