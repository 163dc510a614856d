#include "AuthService.h"
#include "JsonBody.h"
#include "LoginLimiter.h"
#include "OwnerSetup.h"
#include "RouteInput.h"
#include "AuthGuard.h"
#include "Responses.h"
#include "Router.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"

#include "IsoTime.h"

#include <memory>

namespace {
// A new account's name and password from the body, checked as at registration.
Result<RequestValidation::Credentials> newAccount(const RequestContext &context)
{
    const Result<QJsonObject> body = JsonBody::object(context.request);
    if (!body)
        return body.failure();
    return RequestValidation::credentials(body.value(), true);
}

// 201 {"id", "username", "role"}, or the failure.
QHttpServerResponse created(const Result<Principal> &user)
{
    if (!user)
        return Responses::failure(user.failure());
    return Responses::json({ { QStringLiteral("id"), user->userId },
                             { QStringLiteral("username"), user->username },
                             { QStringLiteral("role"), user->role } },
                           Responses::Status::Created);
}
}

void ShopRoutes::installAuth(Router &router, WorkerContext &worker, const Shared &shared)
{
    Database &database = worker.database;
    auto auth = std::make_shared<AuthService>(database, shared.tokens, shared.passwords, shared.tokenVersions);
    using Method = Router::Method;

    router.add(Method::Post, QStringLiteral("/api/v1/auth/register"), [auth](const RequestContext &context) {
        const auto credentials = newAccount(context);
        if (!credentials)
            return Responses::failure(credentials.failure());
        return created(auth->registerShopper(credentials.value()));
    });

    // A new desktop shop's first owner creates its administrator (API.md); only the
    // app's own process holds the secret, so every other caller gets 403.
    OwnerSetup *owner = shared.ownerSetup;
    const auto ownerRefused = [] {
        return Responses::failure(ErrorCode::Forbidden,
                                  QStringLiteral("only the desktop app's own shop can create its owner this way"));
    };
    const QByteArray secretHeader = QByteArrayLiteral("X-Owner-Secret");
    router.add(Method::Get, QStringLiteral("/api/v1/auth/owner"), [auth, owner, ownerRefused, secretHeader](const RequestContext &context) {
        if (!owner || !owner->accepts(context.request.value(secretHeader)))
            return ownerRefused();
        const Result<bool> needed = auth->ownerNeeded();
        if (!needed)
            return Responses::failure(needed.failure());
        return Responses::json({ { QStringLiteral("ownerNeeded"), needed.value() } });
    });
    router.add(Method::Post, QStringLiteral("/api/v1/auth/owner"), [auth, owner, ownerRefused, secretHeader](const RequestContext &context) {
        if (!owner || !owner->accepts(context.request.value(secretHeader)))
            return ownerRefused();
        const auto credentials = newAccount(context);
        if (!credentials)
            return Responses::failure(credentials.failure());
        if (!owner->take(context.request.value(secretHeader)))
            return ownerRefused();
        const Result<Principal> made = auth->createOwner(credentials.value());
        if (made)
            owner->spend();
        else
            owner->giveBack();
        return created(made);
    });

    // The limits are checked and counted inside AuthService::login, after the look-up,
    // so that they count per account and not per spelling of its name.
    std::shared_ptr<LoginLimiter> throttle;
    if (shared.loginThrottle)
        throttle = std::make_shared<LoginLimiter>(&worker.redis, *shared.loginThrottle);
    router.add(Method::Post, QStringLiteral("/api/v1/auth/login"), [auth, throttle](const RequestContext &context) {
        const Result<QJsonObject> body = JsonBody::object(context.request);
        if (!body)
            return Responses::failure(body.failure());
        const auto credentials = RequestValidation::credentials(body.value(), false);
        if (!credentials)
            return Responses::failure(credentials.failure());
        const Result<AuthService::Session> session = auth->login(credentials.value(), throttle.get(), context.clientAddress);
        if (!session)
            return Responses::failure(session.failure());
        return Responses::json({ { QStringLiteral("token"), session->token.token },
                                 { QStringLiteral("expiresAt"), IsoTime::format(session->token.expiresAt) },
                                 { QStringLiteral("user"),
                                   QJsonObject { { QStringLiteral("id"), session->principal.userId },
                                                 { QStringLiteral("username"), session->principal.username },
                                                 { QStringLiteral("role"), session->principal.role } } } });
    });

    router.add(Method::Post, QStringLiteral("/api/v1/users/{userId}/password"),
               shared.guard->forUser([auth](const RequestContext &context, const Principal &, qint64 userId) {
                   const Result<QJsonObject> body = JsonBody::object(context.request);
                   if (!body)
                       return Responses::failure(body.failure());
                   const auto change = RequestValidation::passwordChange(body.value());
                   if (!change)
                       return Responses::failure(change.failure());
                   const Status changed = auth->changePassword(userId, change->current, change->next);
                   if (!changed)
                       return Responses::failure(changed.failure());
                   return QHttpServerResponse(Responses::Status::NoContent);
               }));
}
