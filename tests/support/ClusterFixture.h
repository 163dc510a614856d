#pragma once

#include "LoadBalancer.h"
#include "ServerInstance.h"
#include "ShopFixture.h"

#include <memory>
#include <vector>

// Several `storefront-server serve` processes on the test stack (one MariaDB, Redis
// and Kafka mock, reached over loopback) behind a real HAProxy with the shipped
// config: the cluster tests' shop. The first instance starts alone (it migrates and
// creates `admin`), then the others together; every wait has a deadline.
class ClusterFixture
{
public:
    struct Options {
        int instances = 3;
        int workers = 4;
        // One --token-secret for all (false: each instance finds or makes its own, as
        // a second server pointed at the first one's services would).
        bool sharedSecret = true;
        QStringList extraArguments;
    };
    static constexpr const char *kTokenSecret = "cluster-secret-cluster-secret-cluster-secret";

    // Null reason when ready; otherwise what failed, with the logs' tails.
    QString start(const Options &options);
    QString start() { return start(Options {}); }
    void stop();

    int size() const { return int(m_instances.size()); }
    ServerInstance &instance(int i) { return *m_instances.at(size_t(i)); }
    LoadBalancer &balancer() { return m_balancer; }
    QUrl balancerUrl() const { return m_balancer.url(); }
    // Attached to the balancer: shoppers, products, coupons, MySQL reads.
    ShopFixture &shop() { return m_shop; }

    // SIGKILL instance i; restart() brings it back on its port and waits for /readyz.
    void kill(int i) { instance(i).kill(); }
    bool restart(int i);

    // `--mysql URL --redis URL --kafka BROKERS` of the test stack, the MySQL database
    // replaced by `database` when given.
    static QStringList serviceArguments(const QString &database = QString());
    // The arguments every instance gets after the services (few workers, cheap hashes,
    // no data-platform consumer: the test runs its own, which is never killed).
    QStringList commonArguments() const;
    static QStringList environment();

private:
    Options m_options;
    std::vector<std::unique_ptr<ServerInstance>> m_instances;
    LoadBalancer m_balancer;
    ShopFixture m_shop;
};
