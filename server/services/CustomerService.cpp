#include "CustomerService.h"

#include "Database.h"
#include "TokenVersions.h"

#include <QtCore/QJsonArray>

namespace {
constexpr int kRecentOrders = 10;
}

Result<QPair<QList<CustomerRepository::Customer>, qint64>> CustomerService::list(const AdminRequests::UserQuery &query)
{
    return m_customers.list(query.usernamePrefix, query.page.size, query.page.offset());
}

Result<QJsonObject> CustomerService::detail(qint64 userId)
{
    const Result<CustomerRepository::Customer> customer = m_customers.get(userId);
    if (!customer)
        return customer.failure();
    const auto orders = m_orders.forUser(userId, kRecentOrders, 0);
    if (!orders)
        return orders.failure();
    const Result<QList<UserCoupon>> coupons = m_coupons.forUser(userId, QString());
    if (!coupons)
        return coupons.failure();
    QJsonObject json = customer->toJson();
    QJsonArray recent;
    for (const Order &o : orders->first)
        recent.append(o.toJson());
    QJsonArray held;
    for (const UserCoupon &c : coupons.value())
        held.append(c.toJson());
    json.insert(QStringLiteral("recentOrders"), recent);
    json.insert(QStringLiteral("coupons"), held);
    return json;
}

Result<CustomerRepository::Customer> CustomerService::setDisabled(qint64 userId, bool disabled, qint64 adminId)
{
    if (disabled && userId == adminId)
        return Failure::validation(QStringLiteral("disabled"), QStringLiteral("an admin cannot disable its own account"));
    Result<CustomerRepository::Customer> changed =
            m_database.transaction<CustomerRepository::Customer>([&]() -> Result<CustomerRepository::Customer> {
                const Result<CustomerRepository::Customer> before = m_customers.get(userId);
                if (!before)
                    return before;
                if (Status set = m_customers.setDisabled(userId, disabled); !set)
                    return set.failure();
                Result<CustomerRepository::Customer> after = m_customers.get(userId);
                if (!after)
                    return after;
                if (Status audited = m_audit.record(adminId, disabled ? QStringLiteral("user.disable") : QStringLiteral("user.enable"),
                                                    QStringLiteral("user"), userId, before->toJson(), after->toJson());
                    !audited)
                    return audited.failure();
                return after;
            });
    if (changed && m_tokenVersions)
        m_tokenVersions->forget(userId);
    return changed;
}
