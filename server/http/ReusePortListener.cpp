#include "ReusePortListener.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

Result<ReusePortListener> ReusePortListener::open(const QHostAddress &address, quint16 port, int backlog,
                                                  bool exclusiveCheck)
{
    const auto fail = [&](const char *step, int fd) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        if (fd >= 0)
            ::close(fd);
        return Failure { ErrorCode::Unavailable,
                         QStringLiteral("cannot listen on %1:%2 (%3: %4)")
                                 .arg(address.toString())
                                 .arg(port)
                                 .arg(QLatin1String(step), why),
                         {} };
    };
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return fail("socket", fd);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    // The check binds without SO_REUSEPORT: it fails while anyone (another Storefront
    // included, whose sockets do use SO_REUSEPORT) listens there, which SO_REUSEPORT
    // alone would let us share silently.
    if (!exclusiveCheck && ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) < 0)
        return fail("SO_REUSEPORT", fd);

    sockaddr_storage storage {};
    socklen_t length = 0;
    if (v6) {
        auto *a = reinterpret_cast<sockaddr_in6 *>(&storage);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&a->sin6_addr, &bytes, sizeof bytes);
        length = sizeof *a;
    } else {
        auto *a = reinterpret_cast<sockaddr_in *>(&storage);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof *a;
    }
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) < 0)
        return fail("bind", fd);
    if (exclusiveCheck) {
        sockaddr_storage bound {};
        socklen_t boundLength = sizeof bound;
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &boundLength);
        ::close(fd);
        const quint16 boundPort = v6 ? ntohs(reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port)
                                     : ntohs(reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
        return ReusePortListener { -1, boundPort };
    }
    if (::listen(fd, backlog) < 0)
        return fail("listen", fd);
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length) < 0)
        return fail("getsockname", fd);
    const quint16 bound = v6 ? ntohs(reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port)
                             : ntohs(reinterpret_cast<sockaddr_in *>(&storage)->sin_port);
    return ReusePortListener { fd, bound };
}
