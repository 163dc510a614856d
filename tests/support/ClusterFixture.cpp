#include "ClusterFixture.h"

#include "TestStack.h"

namespace {
constexpr int kStartMs = 60000;
}

QStringList ClusterFixture::serviceArguments(const QString &database)
{
    LocalStack *stack = TestStack::instance();
    if (!stack)
        return {};
    QUrl mysql(stack->mysql().url());
    if (!database.isEmpty())
        mysql.setPath(QLatin1Char('/') + database);
    return { QStringLiteral("--mysql"), mysql.toString(), QStringLiteral("--redis"), stack->redis().url(),
             QStringLiteral("--kafka"), stack->kafka().bootstrapServers() };
}

QStringList ClusterFixture::commonArguments() const
{
    QStringList arguments { QStringLiteral("--workers"), QString::number(m_options.workers),
                            QStringLiteral("--password-iterations"), QStringLiteral("1000"),
                            QStringLiteral("--data-platform"), QStringLiteral("off") };
    if (m_options.sharedSecret)
        arguments << QStringLiteral("--token-secret") << QString::fromLatin1(kTokenSecret);
    return arguments + m_options.extraArguments;
}

QStringList ClusterFixture::environment()
{
    return { QStringLiteral("STOREFRONT_ADMIN_PASSWORD=%1").arg(QLatin1String(ShopFixture::kAdminPassword)) };
}

QString ClusterFixture::start(const Options &options)
{
    if (ServerInstance::binary().isEmpty())
        return QStringLiteral("STOREFRONT_SERVER_BINARY is not set (run through ctest)");
    if (LoadBalancer::executable().isEmpty())
        return QStringLiteral("haproxy is not installed (installer/install-deps.sh)");
    const QStringList services = serviceArguments();
    if (services.isEmpty())
        return QStringLiteral("the test stack did not start");
    m_options = options;
    for (int i = 0; i < options.instances; ++i)
        m_instances.push_back(std::make_unique<ServerInstance>(QStringLiteral("instance %1").arg(i + 1),
                                                               services + commonArguments(), environment()));
    const QDeadlineTimer deadline(kStartMs);
    if (!instance(0).start() || !instance(0).waitReady(deadline))
        return QStringLiteral("the first instance did not become ready: ") + instance(0).logTail();
    for (int i = 1; i < size(); ++i) {
        if (!instance(i).start())
            return QStringLiteral("cannot start ") + instance(i).name();
    }
    QList<quint16> ports;
    for (int i = 0; i < size(); ++i) {
        if (!instance(i).waitReady(deadline))
            return instance(i).name() + QStringLiteral(" did not become ready: ") + instance(i).logTail();
        ports << instance(i).port();
    }
    if (!m_balancer.start(ports, deadline))
        return QStringLiteral("haproxy did not answer: ") + m_balancer.log();
    if (!m_shop.attach(balancerUrl()))
        return QStringLiteral("admin cannot log in through haproxy");
    return QString();
}

void ClusterFixture::stop()
{
    m_shop.stop();
    m_balancer.stop();
    m_instances.clear();
}

bool ClusterFixture::restart(int i)
{
    return instance(i).start() && instance(i).waitReady(QDeadlineTimer(kStartMs));
}
