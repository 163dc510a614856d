#pragma once

#include "AddressRepository.h"
#include "AddressRequests.h"

// A shopper's address book (API.md, Shipping: addresses): at most 20, the first is the
// default, `isDefault: true` moves it, deleting the default makes the oldest left the
// default. Every change is one transaction under the owner's row lock (AddressRepository),
// so two requests at once cannot pass the limit or leave two defaults.
class AddressService
{
public:
    explicit AddressService(Database &database);

    Result<QList<Address>> list(qint64 userId);
    Result<Address> create(qint64 userId, const AddressRequests::AddressDraft &draft);
    // NOT_FOUND unless the address is this user's.
    Result<Address> update(qint64 userId, qint64 addressId, const AddressRequests::AddressDraft &draft);
    Status remove(qint64 userId, qint64 addressId);

private:
    Database &m_database;
    AddressRepository m_addresses;
};
