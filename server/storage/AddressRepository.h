#pragma once

#include "Result.h"
#include "ShippingTypes.h"

#include <QtCore/QList>

class Database;

// The address book's rows (API.md, Shipping: addresses). Inside the caller's transaction,
// after lockOwner(): every change of one user's book runs under that user's row lock, so
// the count limit, "the first is the default" and moving the default cannot race.
class AddressRepository
{
public:
    explicit AddressRepository(Database &database) : m_database(database) { }

    // Locks the user's row (SELECT … FOR UPDATE); NOT_FOUND when there is no such user.
    Status lockOwner(qint64 userId);
    // Oldest first.
    Result<QList<Address>> forUser(qint64 userId);
    // NOT_FOUND unless the address exists and is this user's.
    Result<Address> get(qint64 userId, qint64 addressId);
    Result<int> count(qint64 userId);
    // Every field of `address` as given (the phone already normalised); the new id.
    Result<qint64> insert(qint64 userId, const Address &address);
    // Writes every field but the default flag and the time.
    Status update(const Address &address);
    // Makes `addressId` the user's one default (and every other address not).
    Status makeDefault(qint64 userId, qint64 addressId);
    Status remove(qint64 addressId);
    // The user's oldest address becomes the default if none is (after a delete).
    Status keepADefault(qint64 userId);

private:
    Database &m_database;
};
