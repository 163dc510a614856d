#include "RedisScript.h"

#include <QtCore/QCryptographicHash>

RedisScript::RedisScript(QByteArray source)
    : m_source(std::move(source)), m_sha(QCryptographicHash::hash(m_source, QCryptographicHash::Sha1).toHex())
{
}
