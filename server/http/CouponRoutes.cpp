#include "AuthGuard.h"
#include "CouponService.h"
#include "JsonBody.h"
#include "Responses.h"
#include "RouteInput.h"
#include "ShopRoutes.h"
#include "WorkerContext.h"

#include <QtCore/QJsonArray>

#include <memory>

void ShopRoutes::installCoupons(Router &router, WorkerContext &worker, const Shared &shared)
{
    Database &database = worker.database;
    std::shared_ptr<CouponGate> gate;
    if (shared.redisHotPaths)
        gate = std::make_shared<CouponGate>(worker.redis, *shared.cacheMetrics);
    auto coupons = withCollaborators(std::make_unique<CouponService>(database, gate.get()), gate);
    const AuthGuard &guard = *shared.guard;
    using Method = Router::Method;

    router.add(Method::Get, QStringLiteral("/api/v1/coupons"),
               guard.signedIn([coupons](const RequestContext &, const Principal &) {
                   const Result<QList<Coupon>> open = coupons->listOpen();
                   if (!open)
                       return Responses::failure(open.failure());
                   QJsonArray items;
                   for (const Coupon &c : open.value())
                       items.append(c.toJson());
                   return Responses::json({ { QStringLiteral("items"), items } });
               }));

    router.add(Method::Post, QStringLiteral("/api/v1/coupons/{couponId}/issue"),
               guard.signedIn([coupons](const RequestContext &context, const Principal &principal) {
                   const Result<qint64> couponId = RouteInput::pathId(context, QStringLiteral("couponId"));
                   if (!couponId)
                       return Responses::failure(couponId.failure());
                   const Result<QJsonObject> body = JsonBody::object(context.request);
                   if (!body)
                       return Responses::failure(body.failure());
                   const Result<qint64> userId = RequestValidation::idField(body.value(), QStringLiteral("userId"));
                   if (!userId)
                       return Responses::failure(userId.failure());
                   if (auto denied = AuthGuard::ownerOrAdmin(principal, userId.value()))
                       return std::move(*denied);
                   const Result<UserCoupon> issued = coupons->issue(couponId.value(), userId.value());
                   if (!issued)
                       return Responses::failure(issued.failure());
                   return Responses::json(issued->toJson(), Responses::Status::Created);
               }));

    router.add(Method::Get, QStringLiteral("/api/v1/users/{userId}/coupons"),
               guard.forUser([coupons](const RequestContext &context, const Principal &, qint64 userId) {
                   const QString status = context.request.query().queryItemValue(QStringLiteral("status"));
                   if (!status.isEmpty() && status != QLatin1String("AVAILABLE") && status != QLatin1String("USED")
                       && status != QLatin1String("EXPIRED"))
                       return Responses::failure(Failure::validation(
                               QStringLiteral("status"), QStringLiteral("status must be AVAILABLE, USED or EXPIRED")));
                   const Result<QList<UserCoupon>> mine = coupons->forUser(userId, status);
                   if (!mine)
                       return Responses::failure(mine.failure());
                   QJsonArray items;
                   for (const UserCoupon &c : mine.value())
                       items.append(c.toJson());
                   return Responses::json({ { QStringLiteral("items"), items } });
               }));

    router.add(Method::Post, QStringLiteral("/api/v1/admin/coupons"),
               guard.adminOnly([coupons](const RequestContext &context, const Principal &principal) {
                   const Result<QJsonObject> body = JsonBody::object(context.request);
                   if (!body)
                       return Responses::failure(body.failure());
                   const Result<Coupon> draft = RequestValidation::coupon(body.value(), QDateTime::currentDateTimeUtc());
                   if (!draft)
                       return Responses::failure(draft.failure());
                   const Result<Coupon> created = coupons->create(draft.value(), principal.userId);
                   if (!created)
                       return Responses::failure(created.failure());
                   return Responses::json(created->toJson(), Responses::Status::Created);
               }));
}
