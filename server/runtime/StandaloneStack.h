#pragma once

#include "LocalStack.h"

#include <QtCore/QObject>
#include <QtCore/QStringList>

// `storefront-server stack --stack DIR`: only the local stack (MariaDB, Redis, Kafka
// mock), in the foreground, for servers started elsewhere with --mysql/--redis/--kafka
// (several instances on one machine). The Kafka mock lives in this process, so the
// stack lasts exactly as long as the command runs.
class StandaloneStack : public QObject
{
    Q_OBJECT
public:
    explicit StandaloneStack(const QString &dir, QObject *parent = nullptr);

    Status start();
    void stop();

    // What to pass to `storefront-server serve` for this stack, one argument per item:
    // --mysql URL --redis URL --kafka BROKERS.
    QStringList serverArguments();

Q_SIGNALS:
    void progress(const QString &step);

private:
    LocalStack m_stack;
};
