#include "AuthGuard.h"
#include "JsonBody.h"
#include "Responses.h"
#include "RouteInput.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"
#include "WalletService.h"

#include <memory>

void ShopRoutes::installWallet(Router &router, WorkerContext &worker, const Shared &shared)
{
    Database &database = worker.database;
    auto locks = std::make_shared<OperationLocks>(shared.concurrency, worker.redis, *shared.cacheMetrics);
    auto wallet = withCollaborators(std::make_unique<WalletService>(database, locks.get(), shared.chargeBatcher), locks);
    const AuthGuard &guard = *shared.guard;
    using Method = Router::Method;

    router.add(Method::Get, QStringLiteral("/api/v1/users/{userId}/balance"),
               guard.forUser([wallet](const RequestContext &, const Principal &, qint64 userId) {
                   const Result<qint64> balance = wallet->balance(userId);
                   if (!balance)
                       return Responses::failure(balance.failure());
                   return Responses::json({ { QStringLiteral("userId"), userId },
                                            { QStringLiteral("balance"), balance.value() } });
               }));

    router.add(Method::Post, QStringLiteral("/api/v1/users/{userId}/balance/charge"),
               guard.forUser([wallet](const RequestContext &context, const Principal &, qint64 userId) {
                   const Result<QJsonObject> body = JsonBody::object(context.request);
                   if (!body)
                       return Responses::failure(body.failure());
                   const Result<qint64> amount = RequestValidation::chargeAmount(body.value());
                   if (!amount)
                       return Responses::failure(amount.failure());
                   const Result<QString> key = RouteInput::idempotencyKey(context.request);
                   if (!key)
                       return Responses::failure(key.failure());
                   const Result<IdempotentAnswer> charged = wallet->charge(
                           userId, amount.value(), key.value(), RouteInput::requestHash(context.request));
                   if (!charged)
                       return Responses::failure(charged.failure());
                   return Responses::json(charged->body);
               }));

    router.add(Method::Get, QStringLiteral("/api/v1/users/{userId}/balance/history"),
               guard.forUser([wallet](const RequestContext &context, const Principal &, qint64 userId) {
                   const auto page = RequestValidation::page(context.request.query());
                   if (!page)
                       return Responses::failure(page.failure());
                   const Result<qint64> exists = wallet->balance(userId);
                   if (!exists)
                       return Responses::failure(exists.failure());
                   const auto history = wallet->history(userId, page.value());
                   if (!history)
                       return Responses::failure(history.failure());
                   QJsonArray items;
                   for (const LedgerEntry &entry : history->first)
                       items.append(entry.toJson());
                   return Responses::json(RouteInput::page(items, page.value(), history->second));
               }));
}
