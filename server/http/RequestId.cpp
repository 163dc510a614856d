#include "RequestId.h"

#include <QtCore/QRandomGenerator>

QByteArray RequestId::generate()
{
    return QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0');
}

QByteArray RequestId::sanitized(const QByteArray &fromClient)
{
    if (fromClient.isEmpty() || fromClient.size() > 128)
        return QByteArray();
    for (const char c : fromClient) {
        if (c <= ' ' || c > '~')
            return QByteArray();
    }
    return fromClient;
}
