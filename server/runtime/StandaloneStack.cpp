#include "StandaloneStack.h"

StandaloneStack::StandaloneStack(const QString &dir, QObject *parent)
    : QObject(parent), m_stack(LocalStack::Mode::Persistent, dir)
{
    connect(&m_stack, &LocalStack::progress, this, &StandaloneStack::progress);
}

Status StandaloneStack::start()
{
    return m_stack.start();
}

void StandaloneStack::stop()
{
    m_stack.stop();
}

QStringList StandaloneStack::serverArguments()
{
    return { QStringLiteral("--mysql"), m_stack.mysql().url(), QStringLiteral("--redis"), m_stack.redis().url(),
             QStringLiteral("--kafka"), m_stack.kafka().bootstrapServers() };
}
