#pragma once

#include "AdminRequests.h"
#include "AuditRepository.h"
#include "CouponRepository.h"
#include "CustomerRepository.h"
#include "OrderRepository.h"

class TokenVersions;

// The shop's customers for an admin (API.md, Running the shop): find them, see one with
// their latest orders and coupons, disable or enable an account.
class CustomerService
{
public:
    // tokenVersions: this process's cache of token states, told at once about a change
    // made here (other instances see it within TokenVersions::kFreshMs); may be null.
    CustomerService(Database &database, TokenVersions *tokenVersions)
        : m_database(database), m_customers(database), m_orders(database), m_coupons(database), m_audit(database),
          m_tokenVersions(tokenVersions)
    {
    }

    Result<QPair<QList<CustomerRepository::Customer>, qint64>> list(const AdminRequests::UserQuery &query);
    // The customer with "recentOrders" (the last 10) and "coupons" (every user coupon).
    Result<QJsonObject> detail(qint64 userId);
    // VALIDATION_FAILED when an admin would disable itself. Audited.
    Result<CustomerRepository::Customer> setDisabled(qint64 userId, bool disabled, qint64 adminId);

private:
    Database &m_database;
    CustomerRepository m_customers;
    OrderRepository m_orders;
    CouponRepository m_coupons;
    AuditRepository m_audit;
    TokenVersions *m_tokenVersions;
};
