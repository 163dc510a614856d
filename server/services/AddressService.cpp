#include "AddressService.h"

#include "Database.h"
#include "ShippingRules.h"

AddressService::AddressService(Database &database) : m_database(database), m_addresses(database) { }

Result<QList<Address>> AddressService::list(qint64 userId)
{
    return m_addresses.forUser(userId);
}

Result<Address> AddressService::create(qint64 userId, const AddressRequests::AddressDraft &draft)
{
    return m_database.transaction<Address>([&]() -> Result<Address> {
        if (Status locked = m_addresses.lockOwner(userId); !locked)
            return locked.failure();
        const Result<int> count = m_addresses.count(userId);
        if (!count)
            return count.failure();
        if (count.value() >= ShippingRules::kMaxAddresses)
            return Failure { ErrorCode::ValidationFailed,
                             QStringLiteral("a user keeps at most %1 addresses").arg(ShippingRules::kMaxAddresses),
                             QJsonObject { { QStringLiteral("field"), QStringLiteral("addresses") },
                                           { QStringLiteral("maxAddresses"), ShippingRules::kMaxAddresses } } };
        Address address;
        address.label = draft.label.value_or(QString());
        address.recipient = draft.recipient.value_or(QString());
        address.phone = draft.phone.value_or(QString());
        address.postalCode = draft.postalCode.value_or(QString());
        address.address1 = draft.address1.value_or(QString());
        address.address2 = draft.address2.value_or(QString());
        // The first is the default whatever was asked; a later one only when asked.
        address.isDefault = count.value() == 0 || draft.isDefault.value_or(false);
        address.createdAt = QDateTime::currentDateTimeUtc();
        const Result<qint64> id = m_addresses.insert(userId, address);
        if (!id)
            return id.failure();
        address.id = id.value();
        if (address.isDefault && count.value() > 0) {
            if (Status moved = m_addresses.makeDefault(userId, address.id); !moved)
                return moved.failure();
        }
        return address;
    });
}

Result<Address> AddressService::update(qint64 userId, qint64 addressId, const AddressRequests::AddressDraft &draft)
{
    return m_database.transaction<Address>([&]() -> Result<Address> {
        if (Status locked = m_addresses.lockOwner(userId); !locked)
            return locked.failure();
        Result<Address> address = m_addresses.get(userId, addressId);
        if (!address)
            return address.failure();
        Address &changed = address.value();
        changed.label = draft.label.value_or(changed.label);
        changed.recipient = draft.recipient.value_or(changed.recipient);
        changed.phone = draft.phone.value_or(changed.phone);
        changed.postalCode = draft.postalCode.value_or(changed.postalCode);
        changed.address1 = draft.address1.value_or(changed.address1);
        changed.address2 = draft.address2.value_or(changed.address2);
        if (Status updated = m_addresses.update(changed); !updated)
            return updated.failure();
        // `isDefault: false` changes nothing: the default moves to another address by
        // naming that one, so a book with addresses always has exactly one.
        if (draft.isDefault.value_or(false) && !changed.isDefault) {
            if (Status moved = m_addresses.makeDefault(userId, addressId); !moved)
                return moved.failure();
            changed.isDefault = true;
        }
        return address;
    });
}

Status AddressService::remove(qint64 userId, qint64 addressId)
{
    return m_database.transaction<Done>([&]() -> Status {
        if (Status locked = m_addresses.lockOwner(userId); !locked)
            return locked.failure();
        const Result<Address> address = m_addresses.get(userId, addressId);
        if (!address)
            return address.failure();
        if (Status removed = m_addresses.remove(addressId); !removed)
            return removed.failure();
        if (address->isDefault)
            return m_addresses.keepADefault(userId);
        return Done {};
    });
}
