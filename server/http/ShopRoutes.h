#pragma once

#include "PasswordHasher.h"

#include <functional>

class AuthGuard;
class Database;
class Router;
class TokenSigner;

// Every /api/v1 route of API.md. Each capability's routes live in their own file;
// handlers only map HTTP to a service call and the result back (STYLE.md).
namespace ShopRoutes {
struct Shared {
    const TokenSigner &tokens;
    const AuthGuard &guard;
    PasswordHasher hasher;
    // After a commit that wrote an outbox event (wakes the relay). Thread-safe.
    std::function<void()> eventCommitted;
};
void install(Router &router, Database &database, const Shared &shared);

void installAuth(Router &router, Database &database, const Shared &shared);
void installWallet(Router &router, Database &database, const Shared &shared);
void installCatalogue(Router &router, Database &database, const Shared &shared);
void installCoupons(Router &router, Database &database, const Shared &shared);
void installOrders(Router &router, Database &database, const Shared &shared);
void installAdmin(Router &router, Database &database, const Shared &shared);
}
