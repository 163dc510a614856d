#include "AddressRequests.h"
#include "AddressService.h"
#include "AuthGuard.h"
#include "JsonBody.h"
#include "Responses.h"
#include "RouteInput.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"

#include <memory>

// A shopper's address book (API.md, Shipping: addresses): the owner or an admin.
void ShopRoutes::installAddresses(Router &router, WorkerContext &worker, const Shared &shared)
{
    auto addresses = std::make_shared<AddressService>(worker.database);
    const AuthGuard &guard = *shared.guard;
    using Method = Router::Method;
    const QString book = QStringLiteral("/api/v1/users/{userId}/addresses");
    const QString one = book + QStringLiteral("/{addressId}");

    router.add(Method::Get, book, guard.forUser([addresses](const RequestContext &, const Principal &, qint64 userId) {
        const Result<QList<Address>> found = addresses->list(userId);
        if (!found)
            return Responses::failure(found.failure());
        QJsonArray items;
        for (const Address &a : found.value())
            items.append(a.toJson());
        return Responses::json(QJsonObject { { QStringLiteral("items"), items } });
    }));

    router.add(Method::Post, book, guard.forUser([addresses](const RequestContext &context, const Principal &, qint64 userId) {
        const Result<QJsonObject> body = JsonBody::object(context.request);
        if (!body)
            return Responses::failure(body.failure());
        const auto draft = AddressRequests::address(body.value(), true);
        if (!draft)
            return Responses::failure(draft.failure());
        const Result<Address> created = addresses->create(userId, draft.value());
        if (!created)
            return Responses::failure(created.failure());
        return Responses::json(created->toJson(), Responses::Status::Created);
    }));

    router.add(Method::Patch, one, guard.forUser([addresses](const RequestContext &context, const Principal &, qint64 userId) {
        const Result<RouteInput::Target> target = RouteInput::idAndBody(context, QStringLiteral("addressId"));
        if (!target)
            return Responses::failure(target.failure());
        const auto draft = AddressRequests::address(target->body, false);
        if (!draft)
            return Responses::failure(draft.failure());
        const Result<Address> updated = addresses->update(userId, target->id, draft.value());
        if (!updated)
            return Responses::failure(updated.failure());
        return Responses::json(updated->toJson());
    }));

    router.add(Method::Delete, one, guard.forUser([addresses](const RequestContext &context, const Principal &, qint64 userId) {
        const Result<qint64> id = RouteInput::pathId(context, QStringLiteral("addressId"));
        if (!id)
            return Responses::failure(id.failure());
        if (Status removed = addresses->remove(userId, id.value()); !removed)
            return Responses::failure(removed.failure());
        return QHttpServerResponse(Responses::Status::NoContent);
    }));
}
